"""Learner storage on the built page (the authoring guide, every exercise type):
poisoned or malformed stored answers read as "not answered" (every widget still renders
with its Reset, nothing reaches a prototype), forged statuses do not count as done, and a
save the browser refuses (storage full) is reported with the text to copy or download.
Fixtures: tests/hostile/storage/poisoned.json."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from exercises.specs import BANKS_DIR, load_bank

PAGE = "book/back/authoring-guide.html"
BANK = "authoring-guide"
PREFIX = "course-exercises:v1:"
EXERCISES = load_bank(BANKS_DIR / f"{BANK}.yml").exercises
CASES = {k: v for k, v in json.loads((Path(__file__).resolve().parents[1] / "hostile" / "storage"
                                       / "poisoned.json").read_text(encoding="utf-8")).items() if k != "_about"}
# The control that clears or restarts each type's answer.
RESET = {"data_explorer": "Reset answers", "decision": "Start again", "reflection": "Clear"}


def sel(exercise_id: str) -> str:
    return f'[data-exercise-ref="{BANK}/{exercise_id}"]'


def stored(case: dict) -> dict[str, str]:
    """localStorage entries for a case: '*' stands for every exercise of the bank."""
    values = {f"{PREFIX}{BANK}/{ex['id']}": case["*"] for ex in EXERCISES} if "*" in case else {}
    values.update({f"{PREFIX}{BANK}/{key}": value for key, value in case.items() if key != "*"})
    return values


def preload(values: dict[str, str]) -> str:
    """An init script that stores ``values`` once, before the page's scripts run."""
    return (f"if (!sessionStorage.getItem('cx-preloaded')) {{ sessionStorage.setItem('cx-preloaded', '1');"
            f" for (const [k, v] of Object.entries({json.dumps(values)})) localStorage.setItem(k, v); }}")


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_poisoned_storage_leaves_every_widget_working_and_nothing_done(case, open_page):
    page, log = open_page(PAGE, init_script=preload(stored(CASES[case])))
    page.wait_for_selector(sel("html-is-text"))
    page.locator('[data-exercise-type="progress"] li').first.wait_for()
    assert not log.problems(), log.problems()
    assert page.evaluate("[Array.prototype, Object.prototype].every(p => !('polluted' in p) && !('checked' in p)"
                         " && !('answer' in p))")
    for ex in EXERCISES:
        root = page.locator(sel(ex["id"]))
        assert root.count() == 1, ex["id"]
        assert root.get_by_role("button", name=RESET.get(ex["type"], "Reset"), exact=True).count() == 1, ex["id"]
    assert page.locator(f"{sel('donors-explorer')} .cx-question").count() == 2
    summary = page.locator('[data-exercise-type="progress"] .cx-progress-summary').inner_text()
    assert summary.startswith(f"0 of {len(EXERCISES)}"), summary
    # and the widgets still work: answer one, and it counts
    root = page.locator(sel("summit-paragraphs"))
    root.locator('input[value="0"]').check()
    root.get_by_role("button", name="Check answer").click()
    assert root.locator(":scope > .cx-feedback").get_attribute("data-status") == "correct"
    assert page.locator('[data-exercise-type="progress"] .cx-progress-summary').inner_text().startswith(
        f"1 of {len(EXERCISES)}")
    assert not log.problems(), log.problems()


def test_progress_counts_what_the_stored_answers_show_not_their_status(open_page):
    """A forged "done" is not counted; a complete answer stored as "invalid" is."""
    values = stored(CASES["forged-done"])
    values[f"{PREFIX}{BANK}/four-crimes"] = json.dumps({"answer": [0, 1], "status": "invalid"})
    page, log = open_page(PAGE, init_script=preload(values))
    progress = page.locator('[data-exercise-type="progress"]')
    progress.locator("li").first.wait_for()
    assert progress.locator(".cx-progress-summary").inner_text().startswith(f"1 of {len(EXERCISES)}")
    assert progress.locator('[data-done="true"]').evaluate_all("els => els.map(e => e.dataset.ref)") == \
        [f"{BANK}/four-crimes"]
    assert not log.problems(), log.problems()


FILL_STORAGE = """
if (!sessionStorage.getItem('cx-filled')) {
  sessionStorage.setItem('cx-filled', '1');
  let i = 0;
  for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16, 1]) {
    const chunk = 'x'.repeat(size);
    try { for (;;) localStorage.setItem('filler-' + (i++), chunk); } catch (e) { /* full at this size */ }
  }
}
"""


def test_a_full_storage_is_reported_and_the_text_can_be_copied_and_downloaded(open_page):
    page, log = open_page(PAGE, init_script=FILL_STORAGE, permissions=["clipboard-read", "clipboard-write"])
    page.wait_for_selector(sel("japan-convention"))
    assert page.evaluate("(() => { try { localStorage.setItem('probe', 'x'); return false; } catch (e) { return true; } })()"), \
        "the init script did not fill the storage"
    root = page.locator(sel("japan-convention"))
    text = "Japan has not joined the Genocide Convention because " + " ".join(["reason"] * 40)
    root.get_by_label("Your reflection").fill(text)
    panel = root.locator(".cx-unsaved")
    assert panel.is_visible(), "typing into a full storage must warn"
    root.get_by_role("button", name="Save reflection").click()
    assert "Saved" not in root.locator(":scope > .cx-feedback").inner_text()
    assert panel.get_attribute("role") == "alert"
    assert "Not saved" in panel.inner_text() and "full or blocked" in panel.inner_text()
    panel.get_by_role("button", name="Copy your text").click()
    assert page.evaluate("navigator.clipboard.readText()") == text
    with page.expect_download() as caught:
        panel.get_by_role("link", name="Download your text").click()
    assert Path(caught.value.path()).read_text(encoding="utf-8") == text
    assert caught.value.suggested_filename == f"{BANK}-japan-convention.txt"
    page.reload()
    page.wait_for_selector(sel("japan-convention"))
    assert page.locator(sel("japan-convention")).get_by_label("Your reflection").input_value() == "", \
        "nothing was kept (as the learner was told)"
    # The theme (pydata-sphinx-theme) stores its light/dark mode and fails loudly when the
    # storage is full; that is the theme's, not an exercise's, and loses no answer.
    theme = [e for e in log.console_errors if "Setting the value of 'mode'" in e or "Setting the value of 'theme'" in e]
    log.console_errors = [e for e in log.console_errors if e not in theme]
    assert not log.problems(), log.problems()


def test_with_room_a_reflection_still_says_saved(open_page):
    page, log = open_page(PAGE)
    root = page.locator(sel("japan-convention"))
    root.get_by_label("Your reflection").fill(" ".join(["word"] * 30))
    root.get_by_role("button", name="Save reflection").click()
    assert "Saved" in root.locator(":scope > .cx-feedback").inner_text()
    assert root.locator(".cx-unsaved").count() == 0
    assert not log.problems(), log.problems()
