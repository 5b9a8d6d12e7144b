"""Python checking over the shared cases (the browser runs the same ones)."""
from __future__ import annotations

import pytest

from exercises import check
from exercises.checking import CHECKERS
from shared_cases import CASES_DIR, load_cases

CASES = load_cases()


def test_every_type_has_shared_cases():
    assert {p.stem for p in CASES_DIR.glob("*.yml")} == set(CHECKERS)
    for kind in CHECKERS:
        statuses = {status for name, spec, _, status in CASES if spec["type"] == kind}
        assert "invalid" in statuses and len(statuses) >= 2, kind


@pytest.mark.parametrize("name, spec, answer, status", CASES, ids=[c[0] for c in CASES])
def test_shared_case(name, spec, answer, status):
    result = check(spec, answer)
    assert result["status"] == status, result
    assert result["feedback"]
    assert result["correct"] is (status == "correct")


def test_feedback_escapes_html_from_specs():
    spec = next(s for n, s, _, _ in CASES if n.startswith("single_choice"))
    feedback = check(spec, 2)["feedback"]
    assert "<img" not in feedback and "&lt;img src=x onerror=alert(1)&gt;" in feedback
    risk = next(s for n, s, _, _ in CASES if n.startswith("risk_assessment:risk:"))
    assert "Factor &lt;two&gt;" in check(risk, [3, 3, 2])["feedback"]


def test_numeric_answer_comes_from_the_data_not_the_spec():
    spec = next(s for n, s, _, _ in CASES if n.startswith("numeric:num-data"))
    assert "answer" not in spec
    assert "3.75" in check(spec, 3.75)["feedback"]
    changed = {**spec, "data": {**spec["data"], "rows": spec["data"]["rows"] + [["b", 2002, 5.0]]}}
    assert check(changed, 3.75)["status"] == "incorrect" and check(changed, 5)["status"] == "correct"
