"""The Japanese edition's exercises (issue 14), served as published (English at the root,
Japanese under ja/): every exercise answers in Japanese with the same verdict and feedback as
Python's checking in Japanese, and its controls are in Japanese. Kept apart from
test_japanese_site.py so that the two test workers (--dist loadfile) share the pages.
"""
from __future__ import annotations

import json
import re

import pytest

from conftest import settle
from course_toc import expected_html_pages
from exercises import i18n
from exercises.answer_key import correct_options, numeric_answer, sound_choices
from exercises.checking import check
from exercises.specs import find_exercise

PAGES = expected_html_pages()
KANA = re.compile(r"[\u3040-\u30ff]")  # hiragana and katakana: text that is Japanese
STORE_PREFIX = "course-exercises:v1:"  # exercises/widgets/common.js


@pytest.fixture
def japanese(monkeypatch):
    """Python's side in Japanese too (banks and messages read COURSE_LANG when used)."""
    monkeypatch.setenv(i18n.VARIABLE, "ja")



def a_right_answer(spec: dict):
    """An answer the exercise counts as right (a reflection: enough Japanese text)."""
    kind = spec["type"]
    if kind == "single_choice":
        return spec["options"].index(correct_options(spec)[0])
    if kind == "multiple_select":
        return [i for i, o in enumerate(spec["options"]) if o.get("correct")]
    if kind == "ordering":
        return list(range(len(spec["items"])))
    if kind == "categorize":
        return [spec["categories"].index(item["category"]) for item in spec["items"]]
    if kind == "numeric":
        return numeric_answer(spec)[0]
    if kind == "data_explorer":
        data = {key: spec[key] for key in ("data", "dataset", "where") if key in spec}
        return [a_right_answer({**data, **q}) for q in spec["questions"]]
    if kind == "risk_assessment":
        return [spec["scale"].index(f["reference"]) for f in spec["factors"]]
    if kind == "decision":
        nodes = {node["id"]: node for node in spec["nodes"]}
        best, path, node = sound_choices(spec), [], nodes[spec["start"]]
        while "choices" in node:
            path.append(best[node["id"]].index(True))
            node = nodes[node["choices"][path[-1]]["next"]]
        return path
    return "保護する責任をめぐる議論について考えたことを書く。" * max(1, spec.get("min_words", 1))


MODULE_PAGES = [p for p in PAGES if p.startswith(("book/modules/", "book/back/authoring"))]


@pytest.mark.parametrize("path", MODULE_PAGES)
def test_every_exercise_answers_in_japanese(visit_bilingual, japanese, path):
    """Each exercise of the page, given a right answer (stored as the page stores one, then
    the page reloaded), shows Python's verdict, with Japanese feedback and controls."""
    page, log = visit_bilingual("ja/" + path)
    refs = page.eval_on_selector_all("[data-exercise-ref]", "els => els.map(e => e.dataset.exerciseRef)")
    refs = [r for r in dict.fromkeys(refs) if page.locator(f'[data-exercise-ref="{r}"]').get_attribute(
        "data-exercise-type") != "progress"]
    if not refs:
        pytest.skip(f"no exercise on {path}")
    answers = {ref: a_right_answer(find_exercise(ref)) for ref in refs}
    page.evaluate("""([prefix, answers]) => { for (const [ref, answer] of Object.entries(answers))
        localStorage.setItem(prefix + ref, JSON.stringify({answer, status: "correct"})); }""",
                  [STORE_PREFIX, json.loads(json.dumps(answers))])
    page.reload(wait_until="load")
    settle(page)
    page.wait_for_selector("[data-exercise-type]")
    for ref, answer in answers.items():
        spec = find_exercise(ref)
        root = page.locator(f'[data-exercise-ref="{ref}"]').first
        buttons = root.locator("button").all_inner_texts()
        assert buttons and all(not re.search(r"\b(Check|Reset|Save|Show|Clear|Start)\b", b) for b in buttons), \
            (ref, buttons)
        if spec.get("graded"):  # the student edition only records it: no verdict to compare
            continue
        expected = check(spec, answer)
        feedback = root.locator(":scope > .cx-feedback")
        assert feedback.get_attribute("data-status") == expected["status"], ref
        assert KANA.search(feedback.inner_text()), (ref, feedback.inner_text()[:200])
    assert not log.problems(), log.problems()
