"""Moving work and handing it in, on the built site in Chromium (issue 15's done-when):
answer exercises, download the answers from the module's progress list, load the file in
a fresh browser (the progress shows there; a different answer asks which to keep; a
changed exercise is refused by name), and mark it with `course marks` into a gradebook
whose points are Python's checking. And issue 18's: every progress link leads to its
exercise, in page order, with the states told apart in words."""
from __future__ import annotations

import csv
import json

from exercises import handin
from exercises.checking import check
from exercises.kit.marks import mark
from exercises.toc import exercise_pages, read_toc

INDEX = "book/modules/01-foundations/index.html"
PROGRESS = '[data-exercise-type="progress"]'


def ex(ref: str) -> str:
    return f'[data-exercise-ref="{ref}"]'


def answer_choice(page, ref: str, value: int, label: str = "Check answer") -> None:
    box = page.locator(ex(ref))
    box.locator(f'input[value="{value}"]').check()
    box.get_by_role("button", name=label).click()


def state(page, ref: str) -> str:
    return page.locator(f'{PROGRESS} li[data-ref="{ref}"]').get_attribute("data-state")


def test_answers_move_to_a_fresh_browser_and_are_marked_as_python_checks(open_page, tmp_path):
    page, log = open_page("book/modules/01-foundations/word-and-law.html")
    page.wait_for_selector(ex("foundations/convention-intent") + " input")
    answer_choice(page, "foundations/convention-intent", 1)       # right
    answer_choice(page, "foundations/protected-groups", 0)        # wrong
    page.goto(page.url.replace("word-and-law.html", "rwanda-srebrenica.html"))
    page.wait_for_selector(ex("foundations/common-lesson") + " input")
    answer_choice(page, "foundations/common-lesson", 2, "Save answer")  # graded: submitted
    page.goto(page.url.replace("rwanda-srebrenica.html", "index.html"))
    progress = page.locator(PROGRESS)
    progress.locator("li").first.wait_for()
    assert state(page, "foundations/convention-intent") == "correct"
    assert state(page, "foundations/protected-groups") == "incorrect"
    assert state(page, "foundations/common-lesson") == "submitted"
    assert "(submitted for marking)" in progress.locator('li[data-ref="foundations/common-lesson"]').inner_text()
    progress.get_by_label("Your name").fill("Aiko Sato")
    progress.get_by_label("Student number (as your course platform knows it)").fill("s1234567")
    with page.expect_download() as download:
        progress.locator('[data-action="download"]').click()
    folder = tmp_path / "submissions"
    folder.mkdir()
    saved = folder / download.value.suggested_filename
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["learner"] == {"name": "Aiko Sato", "id": "s1234567"} and data["scope"] == "foundations"
    assert {a["exercise"]: a["answer"] for a in data["answers"]} == {
        "foundations/convention-intent": 1, "foundations/protected-groups": 0, "foundations/common-lesson": 2}
    every = handin.exercises()
    assert all(a["version"] == every[a["exercise"]].version for a in data["answers"])
    assert not log.problems(), log.problems()

    # a fresh browser with a different answer to one exercise
    fresh, log2 = open_page("book/modules/01-foundations/word-and-law.html")
    fresh.wait_for_selector(ex("foundations/convention-intent") + " input")
    answer_choice(fresh, "foundations/convention-intent", 3)
    fresh.goto(fresh.url.replace("word-and-law.html", "index.html"))
    progress = fresh.locator(PROGRESS)
    progress.locator("li").first.wait_for()
    assert state(fresh, "foundations/common-lesson") == "none"
    progress.get_by_label("Load answers from a file").set_input_files(str(saved))
    status = progress.locator(".cx-handin-status")
    status.get_by_text("Loaded 2 answers").wait_for()
    assert state(fresh, "foundations/protected-groups") == "incorrect"
    assert state(fresh, "foundations/common-lesson") == "submitted"
    assert state(fresh, "foundations/convention-intent") == "incorrect"  # not overwritten silently
    conflict = status.locator('fieldset[data-ref="foundations/convention-intent"]')
    conflict.get_by_label("Take the file's answer", exact=False).check()
    status.locator('[data-action="apply"]').click()
    status.get_by_text("1 answers taken from the file").wait_for()
    assert state(fresh, "foundations/convention-intent") == "correct"

    # a file whose exercise changed since: refused by name, the rest loaded
    changed = dict(data, answers=[dict(a, version="0" * 16) if a["exercise"] == "foundations/protected-groups" else a
                                  for a in data["answers"]])
    other = tmp_path / "changed.json"
    other.write_text(json.dumps(changed), encoding="utf-8")
    third, _log3 = open_page(INDEX)
    progress = third.locator(PROGRESS)
    progress.locator("li").first.wait_for()
    progress.get_by_label("Load answers from a file").set_input_files(str(other))
    progress.locator(".cx-handin-status").get_by_text("Loaded 2 answers").wait_for()
    refused = progress.locator(".cx-refused li").all_inner_texts()
    title = every["foundations/protected-groups"].title
    assert refused == [f"{title}: the exercise has changed since this answer was given, so it cannot be checked "
                       "against it."]
    assert not log2.problems(), log2.problems()

    # the instructor marks the downloaded file
    summary = mark(folder, tmp_path / "marks")
    assert not summary.refused and not summary.problems
    with (tmp_path / "marks" / "gradebook-moodle.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    column = next(i for i, h in enumerate(rows[0]) if h.startswith(every["foundations/convention-intent"].bank_title))
    expected = sum(check(every[a["exercise"]].spec, a["answer"])["score"] for a in data["answers"])
    assert rows[1][0] == "s1234567"
    assert float(rows[1][column]) == expected == 2.0  # the right answer and the graded one (right) score


def test_every_progress_link_leads_to_its_exercise_in_page_order(open_page):
    page, log = open_page("book/front/my-work.html")
    items = page.locator(f"{PROGRESS} .cx-progress-list li")
    items.first.wait_for()
    links = page.eval_on_selector_all(f"{PROGRESS} .cx-progress-list li", """els => els.map(li => ({
        ref: li.dataset.ref, href: li.querySelector('a') && li.querySelector('a').href,
        state: li.querySelector('.cx-state').textContent}))""")
    pages = exercise_pages(read_toc())
    assert [link["ref"] for link in links] == list(pages)  # every exercise, in page order
    assert all(link["href"] and link["state"] == "(not answered)" for link in links)
    by_page: dict[str, list[dict]] = {}
    for link in links:
        by_page.setdefault(link["href"].split("#")[0], []).append(link)
    for url, on_page in by_page.items():  # follow every link: its page has the exercise it names
        page.goto(on_page[0]["href"])
        for link in on_page:
            target = page.locator("#" + link["href"].split("#")[1])
            target.wait_for()
            assert target.get_attribute("data-exercise-ref") == link["ref"], url
        first = page.locator("#" + on_page[0]["href"].split("#")[1])
        page.wait_for_function("el => { const r = el.getBoundingClientRect(); return r.top < innerHeight && "
                               "r.bottom > 0; }", arg=first.element_handle())  # scrolled to it
    # (a request cut short by moving on to the next page is not a problem)
    assert not (log.offsite or log.console_errors or log.bad_responses), log.problems()


def test_a_module_progress_link_is_followed_by_a_click(open_page):
    page, _log = open_page(INDEX)
    link = page.locator(f'{PROGRESS} li[data-ref="foundations/common-lesson"] a')
    link.click()
    page.wait_for_url("**/rwanda-srebrenica.html#exercise-foundations--common-lesson")
    target = page.locator("#exercise-foundations--common-lesson")
    target.wait_for()
    assert target.get_attribute("data-exercise-ref") == "foundations/common-lesson"
