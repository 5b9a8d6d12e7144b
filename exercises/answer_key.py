"""The answer key of an exercise, for instructors: one place for "what is the answer".

    >>> from exercises import find_exercise
    >>> from exercises.answer_key import answer_key_html
    >>> answer_key_html(find_exercise("how-to-use/genocide-convention-year"))  # doctest: +SKIP

:func:`answer_key_html` gives, for every type, the correct answer(s) and why: the
correct options with their feedback; the right order; each statement's category; a
numeric question's expected value (computed as the widget computes it, from the data
where ``answer_from`` says so) and its tolerance; each step of a decision scenario with
the choices through which a sound ending can still be reached; a risk worksheet's reference ratings and their
reasoning; a data explorer's answers; a reflection's model answer and rubric.

The instructor edition shows it beneath each exercise, the LMS export
(:mod:`exercises.kit.lms`) reads the same answers through the small helpers below
(:func:`numeric_answer`, :func:`order`, :func:`categories`), and printable handouts can
use the HTML as it is. Spec text is Markdown rendered with raw HTML escaped.
"""
from __future__ import annotations

from html import escape

from .i18n import message as _t
from .markdown import to_html, to_inline_html
from .private_keys import require
from .tables import expected_value, factor_names, format_number

ORDINALS = ["1st", "2nd", "3rd"] + [f"{n}th" for n in range(4, 31)]


# ------------------------------------------------------------------ answers as data

def correct_options(spec: dict) -> list[dict]:
    """The options marked correct (single choice, multiple select, a data explorer's question)."""
    return [o for o in spec["options"] if o.get("correct")]


def numeric_answer(spec: dict) -> tuple[float, float, str]:
    """(expected value, tolerance, the value as the widget shows it) for a numeric question."""
    value = expected_value(spec)
    return value, float(spec["tolerance"]), format_number(value, spec.get("decimals", 0))


def order(spec: dict) -> list[tuple[str, str]]:
    """An ordering exercise's items in the right order: (ordinal, item text)."""
    return [(ORDINALS[i], item["text"]) for i, item in enumerate(spec["items"])]


def categories(spec: dict) -> list[tuple[str, str]]:
    """A categorize exercise's (statement text, its category)."""
    return [(item["text"], item["category"]) for item in spec["items"]]


def sound_choices(spec: dict) -> dict[str, list[bool]]:
    """For each decision node, whether each choice is a best one.

    A choice is best when a sound ending can still be reached through it (choosing well
    at the later steps); the others lead only to costly endings.
    """
    nodes = {node["id"]: node for node in spec["nodes"]}
    memo: dict[str, bool] = {}

    def can_end_well(node_id: str) -> bool:
        if node_id not in memo:
            node = nodes[node_id]
            memo[node_id] = (bool(node["sound"]) if "choices" not in node
                             else any(can_end_well(c["next"]) for c in node["choices"]))
        return memo[node_id]

    return {node["id"]: [can_end_well(c["next"]) for c in node["choices"]]
            for node in spec["nodes"] if "choices" in node}


# ------------------------------------------------------------------ HTML

def _text(text: str) -> str:
    return escape(str(text), quote=False)


def _md(spec: dict, key: str) -> str:
    return to_html(spec[key]) if spec.get(key) else ""


def _why(html: str) -> str:
    return f'<div class="cx-key-why">{html}</div>' if html else ""


def _options(spec: dict) -> str:
    rows = []
    for o in spec["options"]:
        mark = _t("key.correct") if o.get("correct") else _t("key.incorrect")
        rows.append(f'<li data-correct="{str(bool(o.get("correct"))).lower()}"><strong>{mark}:</strong> '
                    f'{to_inline_html(o["text"])}{_why(to_html(o["feedback"]))}</li>')
    right = correct_options(spec)
    lead = _t("key.correct_answer" if len(right) == 1 else "key.correct_answers",
              answers=_t("key.separator").join(to_inline_html(o["text"]) for o in right))
    return f"<p>{lead}</p><ul>{''.join(rows)}</ul>"


def _numeric(spec: dict) -> str:
    _value, tolerance, shown = numeric_answer(spec)
    unit = f" {_text(spec['unit'])}" if spec.get("unit") else ""
    return ("<p>" + _t("key.expected", value=f"<strong>{_text(shown)}{unit}</strong>",
                       tolerance=_text(format(tolerance, "g"))) + "</p>" + _md(spec, "explanation"))


def _ordering(spec: dict) -> str:
    rows = "".join(f"<li>{to_inline_html(text)}</li>" for _, text in order(spec))
    return f"<p>{_t('key.right_order')}</p><ol>{rows}</ol>{_md(spec, 'explanation')}"


def _categorize(spec: dict) -> str:
    rows = "".join(f"<li>{to_inline_html(item['text'])} &rarr; <strong>{_text(item['category'])}</strong>"
                   f"{_why(to_html(item['feedback']))}</li>" for item in spec["items"])
    return f"<p>{_t('key.categories')}</p><ul>{rows}</ul>{_md(spec, 'explanation')}"


def _data_explorer(spec: dict) -> str:
    data = {key: spec[key] for key in ("data", "dataset", "where") if key in spec}
    parts = []
    for n, q in enumerate(spec["questions"], 1):
        body = _options(q) if q["type"] == "single_choice" else _numeric({**data, **q})
        parts.append(f"<li><p><strong>{_t('key.question', n=n)}</strong></p>{to_html(q['prompt'])}{body}</li>")
    return f"<ol>{''.join(parts)}</ol>"


def _risk_assessment(spec: dict) -> str:
    rows = "".join(f"<li><strong>{_text(name)}</strong>: {_t('key.reference_rating')} <strong>{_text(f['reference'])}</strong>"
                   f"{_why(to_html(f['reasoning']))}</li>"
                   for f, name in zip(spec["factors"], factor_names(spec), strict=False))
    steps = spec.get("tolerance", 1)
    scale = _text(_t("ui.list_separator").join(spec["scale"]))
    return f"<p>{_t('key.reference_assessment', steps=steps, scale=scale)}</p><ul>{rows}</ul>"


def _decision(spec: dict) -> str:
    sound = sound_choices(spec)
    steps, endings = [], []
    for node in spec["nodes"]:
        if "choices" in node:
            choices = "".join(
                f'<li data-sound="{str(ok).lower()}"><strong>{_t("key.best") if ok else _t("key.costly")}:</strong> '
                f"{to_inline_html(c['text'])}{_why(to_html(c['consequence']))}</li>"
                for c, ok in zip(node["choices"], sound[node["id"]], strict=False))
            steps.append(f"<li>{to_html(node['text'])}<ul>{choices}</ul></li>")
        else:
            verdict = _t("key.sound_ending") if node["sound"] else _t("key.costly_ending")
            endings.append(f"<li><strong>{verdict}:</strong> {to_html(node['text'])}{_why(to_html(node['debrief']))}</li>")
    return (f"<p>{_t('key.steps')}</p><ol>{''.join(steps)}</ol>"
            f"<p>{_t('key.endings')}</p><ul>{''.join(endings)}</ul>")


def rubric_html(rubric: list[dict]) -> str:
    """A reflection's rubric as a table: one row per criterion, its levels as a list."""
    rows = []
    for c in rubric:
        levels = "".join(f"<li><strong>{_text(lv['level'])}:</strong> {to_inline_html(lv['descriptor'])}</li>"
                         for lv in c["levels"])
        rows.append(f'<tr><th scope="row">{_text(c["criterion"])}</th><td><ul>{levels}</ul></td></tr>')
    return (f'<table class="cx-rubric"><caption>{_t("key.rubric")}</caption><thead><tr>'
            f'<th scope="col">{_t("key.criterion")}</th><th scope="col">{_t("key.levels")}</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _reflection(spec: dict) -> str:
    words = spec.get("min_words", 1)
    out = f"<p>{_t('key.model_answer', words=words)}</p>{to_html(spec['model_answer'])}"
    return out + (rubric_html(spec["rubric"]) if spec.get("rubric") else "")


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


def answer_key_html(spec: dict) -> str:
    """The answer key of one exercise spec (as loaded from a bank) as safe HTML; refused when
    the key is kept out of the repository and no keys file was given (exercises/private_keys.py)."""
    require(spec, spec["id"])
    return f'<div class="cx-key-body" data-exercise-type="{spec["type"]}">{BUILDERS[spec["type"]](spec)}</div>'
