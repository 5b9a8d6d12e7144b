"""The Python side of the widgets: safe rendering, mirrored checking, readable answers."""
from __future__ import annotations

import pytest

from exercises import ExerciseWidget, check, find_exercise, show
from exercises.widgets import client_spec

SPEC = {
    "id": "x", "type": "single_choice",
    "prompt": "Pick <script>alert(1)</script> one <img src=x onerror=alert(2)>",
    "options": [
        {"text": "<b onmouseover=alert(3)>A</b>", "correct": True, "feedback": "Right: [link](javascript:alert(4))"},
        {"text": "B", "feedback": "Wrong, *because*."},
    ],
}


def test_html_in_a_spec_is_shown_as_text_never_run():
    client = client_spec(SPEC, "bank/x")
    rendered = client["prompt_html"] + "".join(o["html"] + o["feedback_html"] for o in client["options"])
    assert "<script" not in rendered and "<img" not in rendered and "<b " not in rendered
    assert "&lt;script&gt;" in client["prompt_html"]
    assert "&lt;img src=x onerror=alert(2)&gt;" in client["prompt_html"]
    assert "javascript:" not in client["options"][0]["feedback_html"].split("href")[-1] or \
        'href="javascript' not in client["options"][0]["feedback_html"]
    assert "<em>because</em>" in client["options"][1]["feedback_html"]


@pytest.mark.parametrize("answer, status", [(0, "correct"), (1, "incorrect"), (2, "invalid"),
                                            (-1, "invalid"), (None, "invalid"), (True, "invalid")])
def test_single_choice_checking(answer, status):
    assert check(SPEC, answer)["status"] == status


def test_widget_mirrors_checking_and_exposes_the_answer():
    widget = show("how-to-use/genocide-convention-year")
    spec = find_exercise("how-to-use/genocide-convention-year")
    assert isinstance(widget, ExerciseWidget)
    assert widget.answer is None and widget.result is None
    for i, option in enumerate(spec["options"]):
        result = widget.submit(i)
        assert widget.answer == i
        assert result == check(spec, i)
        assert result["correct"] is bool(option.get("correct"))
    # the browser reports an answer by setting the synced trait; Python then agrees
    widget.set_state({"answer": 1})
    assert widget.result["status"] == "correct"


def test_front_end_is_one_self_contained_module_per_type():
    widget = show("how-to-use/genocide-convention-year")
    esm = widget._esm
    assert "export default { render, check: checkSingleChoice }" in esm
    assert '"data-exercise-type": spec.type' in esm and 'role: "status"' in esm
    assert "import " not in esm  # blob-URL modules cannot import relative files


def test_every_type_of_the_guide_renders_safely_and_reports_answers():
    from exercises import load_bank
    from exercises.specs import BANKS_DIR
    bank = load_bank(BANKS_DIR / "authoring-guide.yml")
    kinds = set()
    for spec in bank.exercises:
        widget = show(f"authoring-guide/{spec['id']}")
        kinds.add(spec["type"])
        assert "check: check" in widget._esm and "import " not in widget._esm
        dumped = str(widget.spec)
        assert "<script" not in dumped and "<img" not in dumped and "onmouseover=" not in dumped.replace("onmouseover=&quot;", "")
    assert len(kinds) == 9
    explorer = show("authoring-guide/donors-explorer")
    assert round(explorer.spec["questions"][1]["expected"]) == 19535  # computed from the data
    assert explorer.submit([2, 19500])["status"] == "correct" and explorer.result["correct"]


def test_progress_widget_lists_the_bank():
    from exercises import show_progress
    widget = show_progress("authoring-guide")
    from exercises.specs import BANKS_DIR, load_bank
    bank = load_bank(BANKS_DIR / "authoring-guide.yml")
    refs = [f"authoring-guide/{ex['id']}" for ex in bank.exercises]
    # every exercise of the bank, in the order the pages show them (issue 18)
    assert sorted(ex["ref"] for ex in widget.spec["exercises"]) == sorted(refs)
    from exercises.toc import exercise_pages, read_toc
    assert [ex["ref"] for ex in widget.spec["exercises"]] == [r for r in exercise_pages(read_toc()) if r in refs]
    assert len(widget.spec["exercises"]) >= 10 and widget.spec["type"] == "progress"
    with pytest.raises(KeyError, match="valid banks"):
        show_progress("nope")


def test_pages_mix_the_options_the_same_way_every_build():
    """Banks often list the right option first; the page shows a stable mix instead."""
    from exercises.specs import load_banks
    from exercises.widgets.client import client_spec
    first_shown_right = total = 0
    for bank in load_banks().values():
        for ex in bank.exercises:
            if ex["type"] not in ("single_choice", "multiple_select"):
                continue
            ref = f"{bank.name}/{ex['id']}"
            client = client_spec(ex, ref, "student")
            assert sorted(client["order"]) == list(range(len(ex["options"])))
            assert client_spec(ex, ref, "student")["order"] == client["order"]
            if ex["type"] == "single_choice":
                total += 1
                first_shown_right += bool(ex["options"][client["order"][0]].get("correct"))
    assert first_shown_right < total / 2, "the right answer is shown first too often"


def test_every_widget_carries_its_version_and_a_progress_list_links_in_page_order(tmp_path, monkeypatch):
    from exercises import handin
    from exercises.paths import ROOT
    from exercises.toc import exercise_pages, read_toc
    from exercises.widgets import ProgressWidget
    every = handin.exercises()
    assert show("foundations/convention-intent").spec["version"] == every["foundations/convention-intent"].version
    monkeypatch.chdir(ROOT / "book" / "modules" / "01-foundations")  # a page's kernel runs in its folder
    spec = ProgressWidget("foundations").spec
    pages = [ref for ref in exercise_pages(read_toc()) if ref.startswith("foundations/")]
    assert [e["ref"] for e in spec["exercises"]] == pages
    first = spec["exercises"][0]
    assert first["version"] == every[first["ref"]].version
    assert first["href"] == f"word-and-law.html#exercise-foundations--{first['ref'].split('/')[1]}"
    assert spec["course"] == handin.COURSE and spec["scope"] == "foundations" and len(spec["all_refs"]) == len(every)
    assert len(ProgressWidget().spec["exercises"]) == len(every)  # the My work page: the whole course
