"""Every exercise type on the built static page (the authoring guide): answered right
and wrong, by mouse and keyboard, with the page's verdict equal to Python's check;
HTML in specs never runs; progress is kept in this browser; phone width works.
"""
from __future__ import annotations

import pytest

from exercises import check, find_exercise
from exercises.specs import BANKS_DIR, load_bank

PAGE = "book/back/authoring-guide.html"
BANK = "authoring-guide"


def sel(exercise_id: str) -> str:
    return f'[data-exercise-ref="{BANK}/{exercise_id}"]'


@pytest.fixture
def guide(open_page):
    page, log = open_page(PAGE)
    page.wait_for_selector(sel("html-is-text"))
    yield page
    assert not log.problems(), log.problems()


def status(root) -> str:
    return root.locator(":scope > .cx-feedback").get_attribute("data-status")


def expect(root, ref_id, answer):
    """The page's verdict equals Python's for the same answer."""
    expected = check(find_exercise(f"{BANK}/{ref_id}"), answer)["status"]
    assert status(root) == expected, (ref_id, answer)
    return expected


def test_every_type_is_on_the_page(guide):
    types = set(guide.eval_on_selector_all("[data-exercise-type]", "els => els.map(e => e.dataset.exerciseType)"))
    assert types == {"single_choice", "multiple_select", "ordering", "categorize", "numeric", "data_explorer",
                     "risk_assessment", "decision", "reflection", "progress"}


def test_single_choice_and_multiple_select(guide):
    root = guide.locator(sel("summit-paragraphs"))
    for i in (1, 0):
        root.locator(f'input[value="{i}"]').check()
        root.get_by_role("button", name="Check answer").click()
        expect(root, "summit-paragraphs", i)
    root = guide.locator(sel("four-crimes"))
    root.locator('input[value="4"]').check()
    root.get_by_role("button", name="Check answer").click()
    assert expect(root, "four-crimes", [4]) == "incorrect"
    for i in range(5):
        root.locator(f'input[value="{i}"]').set_checked(i < 4)
    root.get_by_role("button", name="Check answer").click()
    assert expect(root, "four-crimes", [0, 1, 2, 3]) == "correct"


def test_ordering_by_keyboard(guide):
    root = guide.locator(sel("r2p-milestones"))
    root.get_by_role("button", name="Check order").click()
    shown = [int(x) for x in root.locator(".cx-order-item").evaluate_all("els => els.map(e => e.dataset.item)")]
    assert expect(root, "r2p-milestones", shown) == "incorrect"
    # sort with the Up buttons, pressing Enter on each (keyboard only)
    for target in range(len(shown)):
        position = shown.index(target)
        while position > target:
            root.locator(".cx-order-item").nth(position).locator('[data-move="up"]').focus()
            guide.keyboard.press("Enter")
            assert guide.evaluate("document.activeElement.dataset.move") in ("up", "down")
            shown[position - 1], shown[position] = shown[position], shown[position - 1]
            position -= 1
    root.get_by_role("button", name="Check order").click()
    assert expect(root, "r2p-milestones", list(range(len(shown)))) == "correct"


def test_categorize(guide):
    root = guide.locator(sel("three-pillars"))
    selects = root.locator("select")
    for i in range(3):
        selects.nth(i).select_option(str(0))
    root.get_by_role("button", name="Check answer").click()
    assert expect(root, "three-pillars", [0, 0, 0]) == "incorrect"
    for i in range(3):
        selects.nth(i).select_option(str(i))
    root.get_by_role("button", name="Check answer").click()
    assert expect(root, "three-pillars", [0, 1, 2]) == "correct"


def test_numeric_with_chart_from_data(guide):
    root = guide.locator(sel("japan-oda-peak"))
    svg = root.locator("svg[role=img]")
    assert svg.count() == 1 and svg.get_attribute("aria-labelledby")
    assert root.locator("details table tbody tr").count() == 26
    box = root.get_by_label("Your answer")
    for value, answer in (("0.9", 0.9), ("0.45", 0.45)):
        box.fill(value)
        box.press("Enter")
        expect(root, "japan-oda-peak", answer)
    assert "0.44" in root.locator(".cx-feedback").inner_text()


def test_data_explorer_filters_and_questions(guide):
    root = guide.locator(sel("donors-explorer"))
    count = root.locator(".cx-count")
    assert count.inner_text().startswith("130 of 130")
    root.get_by_label("Donor").select_option(label="Japan")
    assert count.inner_text().startswith("26 of 130")
    root.get_by_label("Year, from").fill("2020")
    assert count.inner_text().startswith("6 of 130")
    assert root.locator("svg[role=img] polyline").count() == 1
    questions = root.locator(".cx-question")
    questions.nth(0).locator('input[value="2"]').check()
    questions.nth(0).get_by_role("button", name="Check answer").click()
    assert questions.nth(0).locator(".cx-feedback").get_attribute("data-status") == "correct"
    assert status(root) == "none"  # not all answered yet
    field = questions.nth(1).get_by_label("Your answer")
    field.fill("10000")
    field.press("Enter")
    assert questions.nth(1).locator(".cx-feedback").get_attribute("data-status") == "incorrect"
    assert expect(root, "donors-explorer", [2, 10000]) == "incorrect"
    field.fill("19,500")
    field.press("Enter")
    assert expect(root, "donors-explorer", [2, 19500]) == "correct"


def test_risk_assessment_summary_and_reference(guide):
    root = guide.locator(sel("country-x-risk"))
    spec = find_exercise(f"{BANK}/country-x-risk")
    selects = root.locator(".cx-factors select")
    assert selects.count() == len(spec["factors"])
    assert root.get_by_label("Situations of armed conflict or other forms of instability").count() == 1
    root.get_by_role("button", name="Compare with the reference").click()
    assert status(root) == "invalid"
    for i in range(selects.count()):
        selects.nth(i).select_option("0")
    assert "Not present: 7" in root.locator(".cx-summary").inner_text()
    root.get_by_role("button", name="Compare with the reference").click()
    assert expect(root, "country-x-risk", [0] * 7) == "incorrect"
    reference = [spec["scale"].index(f["reference"]) for f in spec["factors"]]
    for i, level in enumerate(reference):
        selects.nth(i).select_option(str(level))
    root.get_by_role("button", name="Compare with the reference").click()
    assert expect(root, "country-x-risk", reference) == "correct"
    assert root.locator(".cx-comparison").is_visible()
    assert "indicators of this factor" in root.locator(".cx-comparison").inner_text()


def test_decision_paths(guide):
    root = guide.locator(sel("advise-tokyo"))
    root.get_by_role("button", name="Wait until the UN Security Council decides something").click()
    assert expect(root, "advise-tokyo", [1]) == "incorrect"
    assert guide.evaluate("document.activeElement.classList.contains('cx-node')")
    root.get_by_role("button", name="Start again").click()
    assert status(root) == "none"
    root.locator(".cx-choice").first.click()
    assert status(root) == "none"
    root.locator(".cx-choice").first.focus()
    guide.keyboard.press("Enter")
    assert expect(root, "advise-tokyo", [0, 0]) == "correct"
    assert root.locator(".cx-path li").count() == 2


def test_reflection_kept_and_model_answer_on_request(guide):
    root = guide.locator(sel("japan-convention"))
    area = root.get_by_label("Your reflection")
    area.fill("Too short.")
    root.get_by_role("button", name="Save reflection").click()
    assert expect(root, "japan-convention", "Too short.") == "invalid"
    model = root.locator(".cx-model")
    assert not model.is_visible()
    text = " ".join(["word"] * 30)
    area.fill(text)
    root.get_by_role("button", name="Save reflection").click()
    assert expect(root, "japan-convention", text) == "submitted"
    root.get_by_role("button", name="Show model answer").click()
    assert model.is_visible() and "Penal Code" in model.inner_text()
    guide.reload()
    guide.wait_for_selector(sel("japan-convention"))
    assert guide.locator(sel("japan-convention")).get_by_label("Your reflection").input_value() == text


def test_html_in_specs_never_runs(guide):
    root = guide.locator(sel("html-is-text"))
    assert "<script>window.__cxInjected = 1</script>" in root.inner_text()
    assert 'onerror="window.__cxInjected = 2"' in root.inner_text()
    root.locator("label").nth(1).hover()
    assert guide.evaluate("window.__cxInjected") is None
    assert root.locator("script, img, b").count() == 0


def test_progress_counts_done_exercises_and_resets(guide):
    progress = guide.locator('[data-exercise-type="progress"]')
    summary = progress.locator(".cx-progress-summary")
    n = len(load_bank(BANKS_DIR / "authoring-guide.yml").exercises)
    assert summary.inner_text().startswith(f"0 of {n}")
    root = guide.locator(sel("summit-paragraphs"))
    root.locator('input[value="0"]').check()
    root.get_by_role("button", name="Check answer").click()
    assert summary.inner_text().startswith(f"1 of {n}")
    assert progress.locator('[data-ref="authoring-guide/summit-paragraphs"]').get_attribute("data-done") == "true"
    guide.reload()
    progress = guide.locator('[data-exercise-type="progress"]')
    progress.wait_for()
    assert progress.locator(".cx-progress-summary").inner_text().startswith(f"1 of {n}")
    progress.get_by_role("button", name="Reset progress").click()
    progress.get_by_role("button", name="Confirm: erase my answers in this module").click()
    assert f"0 of {n}" in progress.locator(".cx-progress-summary").inner_text()
    stored = "Object.keys(localStorage).filter(k => k.startsWith('course-exercises:v1:authoring-guide/')).length"
    assert guide.evaluate(stored) == 0


def test_phone_width_has_no_sideways_scrolling(open_page):
    page, log = open_page(PAGE, viewport={"width": 375, "height": 800})
    page.wait_for_selector(sel("html-is-text"))
    too_wide = page.eval_on_selector_all(
        ".cx-exercise", "els => els.filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.dataset.exerciseRef)")
    assert not too_wide
    assert not log.problems(), log.problems()
