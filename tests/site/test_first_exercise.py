"""The first exercise on the built static page: answers, feedback, keyboard, storage.

The page's feedback must be what Python's checking says for the same answer, so the
browser and a live kernel cannot disagree.
"""
from __future__ import annotations

import re
from html import unescape

import pytest

from exercises import check, find_exercise
from exercises.widgets.client import client_spec

PAGE = "book/front/how-to-use.html"
REF = "how-to-use/genocide-convention-year"
ROOT_SEL = f'[data-exercise-ref="{REF}"]'


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html))).strip()


@pytest.fixture
def exercise(open_page):
    page, log = open_page(PAGE)
    page.wait_for_selector(ROOT_SEL)
    yield page, page.locator(ROOT_SEL)
    assert not log.problems(), log.problems()


def test_root_carries_its_type(exercise):
    _, root = exercise
    assert root.get_attribute("data-exercise-type") == "single_choice"
    assert root.locator('[aria-live="polite"][role="status"]').count() == 1


def test_every_option_gets_the_same_feedback_as_python(exercise):
    _page, root = exercise
    spec = find_exercise(REF)
    for i in range(len(spec["options"])):
        root.locator(f'input[type=radio][value="{i}"]').check()
        root.get_by_role("button", name="Check answer").click()
        expected = check(spec, i)
        feedback = root.locator(".cx-feedback")
        assert feedback.get_attribute("data-status") == expected["status"]
        assert text_of(feedback.locator(".cx-explanation").inner_html()) == text_of(expected["feedback"])
        verdict = "Correct." if expected["correct"] else "Not quite."
        assert feedback.inner_text().startswith(verdict)


def test_checking_with_nothing_chosen_asks_for_a_choice(exercise):
    _, root = exercise
    root.get_by_role("button", name="Check answer").click()
    assert root.locator(".cx-feedback").get_attribute("data-status") == "invalid"


def test_keyboard_alone_answers_with_visible_focus(exercise):
    page, root = exercise
    spec = find_exercise(REF)
    shown = client_spec(spec, REF)["order"]   # the options in the order the page shows them
    right = next(pos for pos, i in enumerate(shown) if spec["options"][i].get("correct"))
    first = root.locator("input[type=radio]").first
    first.focus()
    page.keyboard.press("Space")          # choose the first option shown
    for _ in range(right):
        page.keyboard.press("ArrowDown")  # arrows move the choice down to the right answer
    page.keyboard.press("Tab")            # to the Check button
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Check answer"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert root.locator(".cx-feedback").get_attribute("data-status") == "correct"


def test_answer_is_remembered_in_this_browser_and_reset_clears_it(exercise):
    page, root = exercise
    root.locator('input[type=radio][value="3"]').check()
    root.get_by_role("button", name="Check answer").click()
    page.reload()
    page.wait_for_selector(ROOT_SEL)
    root = page.locator(ROOT_SEL)
    assert root.locator('input[type=radio][value="3"]').is_checked()
    assert root.locator(".cx-feedback").get_attribute("data-status") == "incorrect"
    root.get_by_role("button", name="Reset").click()
    page.reload()
    page.wait_for_selector(ROOT_SEL)
    root = page.locator(ROOT_SEL)
    assert not any(root.locator("input[type=radio]").nth(i).is_checked() for i in range(4))
    assert root.locator(".cx-feedback").get_attribute("data-status") == "none"
