"""What the browser gets for each exercise type: the client spec.

Markdown is rendered to safe HTML here (raw HTML escaped), expected values that come
from data are computed here, and only what the front end needs is passed on.

A graded exercise (``graded: true``) is marked by the instructor, so its client spec
carries no answer at all: no correct option, no expected value, no feedback, explanation,
reference rating, consequence, debrief or model answer (see :func:`graded_client_spec`);
the page only records the learner's answer. An ordering's items are also sent in a
shuffled order, since the spec lists them in the right one. In the instructor edition
every client spec also carries the exercise's answer key (:mod:`exercises.answer_key`),
shown beneath the widget.
"""
from __future__ import annotations

import random

from .. import edition, i18n
from ..answer_key import answer_key_html
from ..i18n import message
from ..markdown import to_html, to_inline_html
from ..private_keys import MARKER
from ..tables import as_json_table, expected_value, factor_names, format_number, frame


def _md(spec: dict, key: str) -> str:
    return to_html(spec[key]) if spec.get(key) else ""


def choice_order(n: int, seed: str) -> list[int]:
    """The order the page shows ``n`` options in (indices into the spec's options).

    Banks often list the right option first; the page mixes them, the same way on every
    build (seeded by the exercise's ref). Answers are still indices into the spec.
    """
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return order


def _options(spec: dict, seed: str) -> dict:
    return {"options": [{"html": to_inline_html(o["text"]), "correct": bool(o.get("correct", False)),
                         "feedback_html": to_html(o["feedback"])} for o in spec["options"]],
            "order": choice_order(len(spec["options"]), seed)}


def _shuffled(n: int, seed: str) -> list[int]:
    """A stable order for the page that is never already the answer."""
    order = list(range(n))
    rng = random.Random(seed)
    while order == sorted(order):
        rng.shuffle(order)
    return order


def _ordering(spec: dict, ref: str) -> dict:
    return {"items": [{"html": to_inline_html(item["text"])} for item in spec["items"]],
            "start": _shuffled(len(spec["items"]), ref), "explanation_html": _md(spec, "explanation")}


def _categorize(spec: dict, ref: str) -> dict:
    cats = spec["categories"]
    return {"categories": cats, "explanation_html": _md(spec, "explanation"),
            "items": [{"html": to_inline_html(i["text"]), "category": cats.index(i["category"]),
                       "feedback_html": to_html(i["feedback"])} for i in spec["items"]]}


def _numeric_question(spec: dict) -> dict:
    value = expected_value(spec)
    return {"expected": value, "expected_text": format_number(value, spec.get("decimals", 0)),
            "tolerance": spec["tolerance"], "unit": spec.get("unit", ""),
            "explanation_html": _md(spec, "explanation"), "hint_html": _md(spec, "hint")}


def _chart(spec: dict, columns=()) -> dict:
    chart = dict(spec["chart"])
    chart.setdefault("title", spec.get("title", message("ui.chart")))
    return {**chart, **{key: _in_language(chart[key], columns) for key in ("x", "series") if key in chart}}


def _in_language(column: str, columns) -> str:
    """A dataset column in the page's language: ``answer_en`` -> ``answer_ja`` in the Japanese
    edition where the dataset has that column (labels only: filters keep the column named)."""
    lang = i18n.current()
    if lang != i18n.SOURCE_LANGUAGE and column.endswith("_en") and f"{column[:-3]}_{lang}" in columns:
        return f"{column[:-3]}_{lang}"
    return column


def _numeric(spec: dict, ref: str) -> dict:
    out = _numeric_question(spec)
    if "chart" in spec:
        df = frame(spec)
        out.update(chart=_chart(spec, df.columns), table=as_json_table(df))
    return out


def _data_explorer(spec: dict, ref: str) -> dict:
    data = {key: spec[key] for key in ("data", "dataset", "where") if key in spec}
    questions = []
    for i, q in enumerate(spec["questions"]):
        client = {"type": q["type"], "prompt_html": to_html(q["prompt"])}
        client.update(_options(q, f"{ref}#{i}") if q["type"] == "single_choice"
                      else _numeric_question({**data, **q}))
        questions.append(client)
    df = frame(spec)
    columns = [_in_language(c, df.columns) for c in spec.get("columns") or [str(c) for c in df.columns]]
    return {"table": as_json_table(df, columns), "chart": _chart(spec, df.columns), "filters": spec.get("filters", []),
            "range": spec.get("range"), "questions": questions}


def _risk_assessment(spec: dict, ref: str) -> dict:
    scale = spec["scale"]
    return {"case_html": to_html(spec["case"]), "scale": scale, "tolerance": spec.get("tolerance", 1),
            "factors": [{"name": name, "description_html": _md(f, "description"),
                         "reference": scale.index(f["reference"]), "reasoning_html": to_html(f["reasoning"])}
                        for f, name in zip(spec["factors"], factor_names(spec), strict=False)]}


def _decision(spec: dict, ref: str) -> dict:
    index = {node["id"]: i for i, node in enumerate(spec["nodes"])}
    nodes = []
    for node in spec["nodes"]:
        client = {"id": node["id"], "text_html": to_html(node["text"]), "ending": "choices" not in node}
        if client["ending"]:
            client.update(sound=node["sound"], debrief_html=to_html(node["debrief"]))
        else:
            client["choices"] = [{"html": to_inline_html(c["text"]), "next": index[c["next"]],
                                  "consequence_html": to_html(c["consequence"])} for c in node["choices"]]
        nodes.append(client)
    return {"start": index[spec["start"]], "nodes": nodes}


def _reflection(spec: dict, ref: str) -> dict:
    return {"min_words": spec.get("min_words", 1), "model_answer_html": to_html(spec["model_answer"])}


BUILDERS = {
    "single_choice": _options,
    "multiple_select": _options,
    "ordering": _ordering,
    "categorize": _categorize,
    "numeric": _numeric,
    "data_explorer": _data_explorer,
    "risk_assessment": _risk_assessment,
    "decision": _decision,
    "reflection": _reflection,
}


# ------------------------------------------------------------------ graded exercises

def graded_order(spec: dict, ref: str) -> list[int]:
    """A graded ordering's items as the page lists them: page position -> index in the spec.
    With its key kept out of the repository (exercises/private_keys.py) the page lists them
    as the public bank does: ``page_order`` when the key is merged in, else as they stand."""
    if "page_order" in spec:
        return list(spec["page_order"])
    if spec.get("key") == MARKER:
        return list(range(len(spec["items"])))
    return _shuffled(len(spec["items"]), ref + "#graded")


def _graded_options(spec: dict, seed: str) -> dict:
    return {"options": [{"html": to_inline_html(o["text"])} for o in spec["options"]],
            "order": choice_order(len(spec["options"]), seed)}


def _graded_numeric_question(spec: dict) -> dict:
    return {"unit": spec.get("unit", "")}


def _graded_numeric(spec: dict, ref: str) -> dict:
    out = _graded_numeric_question(spec)
    if "chart" in spec:
        df = frame(spec)
        out.update(chart=_chart(spec, df.columns), table=as_json_table(df))
    return out


def _graded_ordering(spec: dict, ref: str) -> dict:
    items = spec["items"]
    return {"items": [{"html": to_inline_html(items[i]["text"])} for i in graded_order(spec, ref)],
            "start": list(range(len(items)))}


def _graded_categorize(spec: dict, ref: str) -> dict:
    return {"categories": spec["categories"], "items": [{"html": to_inline_html(i["text"])} for i in spec["items"]]}


def _graded_data_explorer(spec: dict, ref: str) -> dict:
    out = _data_explorer({**spec, "questions": []}, ref)
    out["questions"] = [{"type": q["type"], "prompt_html": to_html(q["prompt"]),
                         **(_graded_options(q, f"{ref}#{i}") if q["type"] == "single_choice"
                            else _graded_numeric_question(q))}
                        for i, q in enumerate(spec["questions"])]
    return out


def _graded_risk_assessment(spec: dict, ref: str) -> dict:
    return {"case_html": to_html(spec["case"]), "scale": spec["scale"],
            "factors": [{"name": name, "description_html": _md(f, "description")}
                        for f, name in zip(spec["factors"], factor_names(spec), strict=False)]}


def _graded_decision(spec: dict, ref: str) -> dict:
    index = {node["id"]: i for i, node in enumerate(spec["nodes"])}
    nodes = []
    for node in spec["nodes"]:
        if "choices" in node:
            nodes.append({"id": node["id"], "text_html": to_html(node["text"]), "ending": False,
                          "choices": [{"html": to_inline_html(c["text"]), "next": index[c["next"]]}
                                      for c in node["choices"]]})
        else:  # an ending's text tells how it went: left out
            nodes.append({"id": node["id"], "ending": True,
                          "text_html": f"<p>{message('ui.scenario_end')}</p>"})
    return {"start": index[spec["start"]], "nodes": nodes}


def _graded_reflection(spec: dict, ref: str) -> dict:
    return {"min_words": spec.get("min_words", 1)}


GRADED_BUILDERS = {
    "single_choice": _graded_options,
    "multiple_select": _graded_options,
    "ordering": _graded_ordering,
    "categorize": _graded_categorize,
    "numeric": _graded_numeric,
    "data_explorer": _graded_data_explorer,
    "risk_assessment": _graded_risk_assessment,
    "decision": _graded_decision,
    "reflection": _graded_reflection,
}


def client_spec(spec: dict, ref: str, edition_name: str | None = None) -> dict:
    """What the browser needs for ``spec``: Markdown rendered to safe HTML, nothing else.

    ``edition_name`` defaults to the edition being built (``COURSE_EDITION``).
    """
    edition_name = edition.check(edition_name) if edition_name else edition.current()
    graded = bool(spec.get("graded"))
    out = {"ref": ref, "type": spec["type"], "title": spec.get("title", ""), "prompt_html": to_html(spec["prompt"])}
    if graded:
        out["graded"] = True
    out.update((GRADED_BUILDERS if graded else BUILDERS)[spec["type"]](spec, ref))
    if edition_name == "instructor":
        out["answer_key_html"] = answer_key_html(spec)
    return out


def check_spec(spec: dict, ref: str, edition_name: str | None = None) -> dict:
    """The part of the client spec the browser's checking needs to tell whether a stored
    answer is complete (the progress list re-checks answers with it): no HTML, no data."""
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items()
                    if not k.endswith("html") and k not in ("table", "chart", "filters", "range", "columns")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value
    return strip(client_spec(spec, ref, edition_name))
