"""Check a learner's answer against a spec: the Python mirror of the browser's checking.

``widgets/checking.js`` implements the same rules for the browser. Both are run over
the same cases (``tests/cases/<type>.yml``): the unit tests call :func:`check`, the
browser tests call each type module's exported ``check`` in headless Chromium, and
both must give the same status and the same feedback text, so they cannot drift.

Every checker returns ``{"status", "correct", "feedback"}``; ``feedback`` is HTML.
``status`` is ``correct``, ``incorrect``, ``invalid`` (not a complete answer: nothing
is recorded) or ``submitted`` (a reflection: there is no right answer).
"""
from __future__ import annotations

import math
import re
from html import escape

from .i18n import message as _t
from .markdown import to_html, to_inline_html
from .tables import expected_value, factor_names, format_number


def _result(status: str, feedback: str, correct: bool | None = None, score: float | None = None) -> dict:
    """``score`` (0 to 1) is the share of the marks; by default 1 when correct, else 0."""
    correct = status == "correct" if correct is None else correct
    return {"status": status, "correct": correct, "feedback": feedback,
            "score": (1.0 if correct else 0.0) if score is None else score}


def multiple_select_score(options: list[dict], chosen: set[int]) -> float:
    """The one rule for multiple select (the site, Moodle, Canvas and marking): each right
    option chosen earns 1/(number of right options) of the marks, each wrong option chosen
    loses as much, and the score never falls below 0. Canvas calls this "partial credit
    with penalty"; the Moodle export gives each option that fraction."""
    n_right = sum(1 for o in options if o.get("correct"))
    right = sum(1 for i in chosen if options[i].get("correct"))
    return max(0.0, (right - (len(chosen) - right)) / n_right)


def percent(score: float) -> int:
    """A score as a whole percentage, rounding halves up (as the widgets' JavaScript does)."""
    return int(score * 100 + 0.5 + 1e-9)


def _p(text: str) -> str:
    return f"<p>{escape(text, quote=False)}</p>"


def _items(rows: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{row}</li>" for row in rows) + "</ul>" if rows else ""


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)) and math.isfinite(value)


def _explanation(spec: dict) -> str:
    return to_html(spec["explanation"]) if spec.get("explanation") else ""


def check_single_choice(spec: dict, answer) -> dict:
    options = spec["options"]
    if not _is_int(answer) or not 0 <= answer < len(options):
        return _result("invalid", _t("check.choose_one", n=len(options)))
    chosen = options[answer]
    return _result("correct" if chosen.get("correct") else "incorrect", to_html(chosen["feedback"]))


def check_multiple_select(spec: dict, answer) -> dict:
    options = spec["options"]
    if (not isinstance(answer, list) or not answer or len(set(answer)) != len(answer)
            or not all(_is_int(i) and 0 <= i < len(options) for i in answer)):
        return _result("invalid", _t("check.choose_at_least_one"))
    chosen = set(answer)
    right = [i for i, o in enumerate(options) if bool(o.get("correct")) == (i in chosen)]
    notes = [f"<strong>{_t('check.chosen') if i in chosen else _t('check.not_chosen')}: {to_inline_html(o['text'])}.</strong> "
             f"{to_html(o['feedback'])}" for i, o in enumerate(options) if i in chosen or o.get("correct")]
    status = "correct" if len(right) == len(options) else "incorrect"
    score = multiple_select_score(options, chosen)
    return _result(status, _p(_t("check.options_judged", right=len(right), n=len(options), percent=percent(score)))
                   + _items(notes), score=score)


def check_ordering(spec: dict, answer) -> dict:
    n = len(spec["items"])
    if not isinstance(answer, list) or not all(_is_int(i) for i in answer) or sorted(answer) != list(range(n)):
        return _result("invalid", _t("check.order_all", n=n))
    placed = sum(1 for position, item in enumerate(answer) if item == position)
    status = "correct" if placed == n else "incorrect"
    return _result(status, _p(_t("check.items_placed", placed=placed, n=n)) + _explanation(spec))


def check_categorize(spec: dict, answer) -> dict:
    items, categories = spec["items"], spec["categories"]
    if (not isinstance(answer, list) or len(answer) != len(items)
            or not all(_is_int(c) and 0 <= c < len(categories) for c in answer)):
        return _result("invalid", _t("check.categorize_all", n=len(items)))
    wrong = [i for i, item in enumerate(items) if categories[answer[i]] != item["category"]]
    notes = [f"<strong>{escape(items[i]['category'], quote=False)}:</strong> {to_html(items[i]['feedback'])}"
             for i in wrong]
    status = "correct" if not wrong else "incorrect"
    return _result(status, _p(_t("check.categorized", right=len(items) - len(wrong), n=len(items)))
                   + _items(notes) + _explanation(spec))


def check_numeric(spec: dict, answer) -> dict:
    if not _is_number(answer):
        return _result("invalid", _t("check.enter_number"))
    expected = expected_value(spec)
    if abs(answer - expected) <= spec["tolerance"] + 1e-9:
        unit = f" {spec['unit']}" if spec.get("unit") else ""
        shown = format_number(expected, spec.get("decimals", 0))
        return _result("correct", _p(_t("check.value_is", value=shown, unit=unit)) + _explanation(spec))
    hint = to_html(spec["hint"]) if spec.get("hint") else ""
    return _result("incorrect", _p(_t("check.too_high" if answer > expected else "check.too_low")) + hint)


def check_data_explorer(spec: dict, answer) -> dict:
    questions = spec["questions"]
    if not isinstance(answer, list) or len(answer) != len(questions) or any(a is None for a in answer):
        return _result("invalid", _t("check.answer_all", n=len(questions)))
    data = {key: spec[key] for key in ("data", "dataset", "where") if key in spec}
    results = [check({**data, **q}, a) for q, a in zip(questions, answer, strict=False)]
    if any(r["status"] == "invalid" for r in results):
        return _result("invalid", _t("check.answer_all", n=len(questions)))
    right = sum(1 for r in results if r["correct"])
    status = "correct" if right == len(questions) else "incorrect"
    return _result(status, _p(_t("check.questions_right", right=right, n=len(questions))))


def check_risk_assessment(spec: dict, answer) -> dict:
    factors, scale = spec["factors"], spec["scale"]
    if (not isinstance(answer, list) or len(answer) != len(factors)
            or not all(_is_int(r) and 0 <= r < len(scale) for r in answer)):
        return _result("invalid", _t("check.rate_all", n=len(factors)))
    tolerance = spec.get("tolerance", 1)
    apart = [i for i, f in enumerate(factors) if abs(answer[i] - scale.index(f["reference"])) > tolerance]
    names = factor_names(spec)
    notes = [f"<strong>{escape(names[i], quote=False)}:</strong> "
             + escape(_t("check.rated", rated=scale[answer[i]], reference=factors[i]["reference"]), quote=False)
             for i in apart]
    close = len(factors) - len(apart)
    status = "correct" if not apart else "incorrect"
    return _result(status, _p(_t("check.ratings_within", tolerance=tolerance, close=close, n=len(factors))) + _items(notes))


def check_decision(spec: dict, answer) -> dict:
    nodes = {node["id"]: node for node in spec["nodes"]}
    node = nodes[spec["start"]]
    if not isinstance(answer, list) or not all(_is_int(c) for c in answer):
        return _result("invalid", _t("check.make_choice"))
    for choice in answer:
        if "choices" not in node or not 0 <= choice < len(node["choices"]):
            return _result("invalid", _t("check.make_choice"))
        node = nodes[node["choices"][choice]["next"]]
    if "choices" in node:
        return _result("invalid", _t("check.make_choice"))
    return _result("correct" if node["sound"] else "incorrect", to_html(node["debrief"]))


# Japanese and Chinese are written without spaces: three such characters count as one word
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")


def word_count(text) -> int:
    """Words separated by spaces, plus one for every three CJK characters (rounded up; a
    common rule of thumb for English words against Japanese characters); the same rule as
    wordCount in widgets/checking.js."""
    if not isinstance(text, str):
        return 0
    cjk = len(_CJK.findall(text))
    return len(_CJK.sub(" ", text).split()) + (cjk + 2) // 3


def check_reflection(spec: dict, answer) -> dict:
    needed = max(1, spec.get("min_words", 1))
    words = word_count(answer)
    if words < needed:
        return _result("invalid", _t("check.write_at_least", needed=needed, words=words))
    return _result("submitted", _p(_t("check.saved_reflection", words=words)),
                   correct=False)


CHECKERS = {
    "single_choice": check_single_choice,
    "multiple_select": check_multiple_select,
    "ordering": check_ordering,
    "categorize": check_categorize,
    "numeric": check_numeric,
    "data_explorer": check_data_explorer,
    "risk_assessment": check_risk_assessment,
    "decision": check_decision,
    "reflection": check_reflection,
}


def check(spec: dict, answer) -> dict:
    """Return ``{"status", "correct", "feedback"}`` (feedback is HTML) for ``answer``."""
    return CHECKERS[spec["type"]](spec, answer)
