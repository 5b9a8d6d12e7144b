"""Student and instructor editions, built.

Student edition (the session's ``site``): no file anywhere under its ``_build`` (pages,
executed notebooks, page sources and downloads, the execution cache) holds a graded
exercise's answers or any teaching note; graded widgets take an answer by keyboard and
say it is saved for the instructor; axe passes on a page with one.

Instructor edition: built once per session into a temporary folder, strict and clean, with
its execution cache kept between runs in .pytest_cache (set
COURSE_INSTRUCTOR_BUILD_ROOT=DIR with COURSE_REUSE_BUILD=1 to reuse one): banner and
title, an answer key beneath an exercise, a rubric, a teaching note, and the answers
the student edition lacks.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from exercises.kit.browser import serve
from exercises.edition import banner, title_suffix
from exercises.site.teaching_note import notes_in

from conftest import ROOT, build, page_opener, serious_violations, settle
from graded_answers import files_text, graded_needles, needle


def note_needles() -> list[str]:
    out = []
    for page in sorted((ROOT / "book").rglob("*.md")):
        for block in notes_in(page.read_text(encoding="utf-8")):
            body = "\n".join(block.splitlines()[1:-1])
            out.append(needle(body))
    assert len(out) >= 20
    return [n for n in out if n]


@pytest.fixture(scope="session")
def student_text(site) -> str:
    build_dir = site.parent
    assert (build_dir / "jupyter_execute").is_dir() and (site / "_sources").is_dir()
    return files_text(build_dir)


@pytest.fixture(scope="session")
def instructor_site(tmp_path_factory) -> Path:
    given = os.environ.get("COURSE_INSTRUCTOR_BUILD_ROOT")
    if given:
        return build(Path(given), "instructor")
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "instructor"  # one per run
    folder.mkdir(exist_ok=True)
    with pytest.MonkeyPatch.context() as mp:  # a fresh folder: always build (once per run)
        mp.delenv("COURSE_REUSE_BUILD", raising=False)
        return build_keeping_cache(folder)


# The instructor edition's execution cache, kept between test runs (like the student
# build's _build/.jupyter_cache, which `jupyter-book clean` keeps): the strict build into a
# fresh folder then re-runs only the pages whose code, or the banks, widgets, data or
# edition, changed since (exercises/site/execution_inputs.py), not all of them every run.
INSTRUCTOR_CACHE = ROOT / ".pytest_cache" / "course" / "instructor-execution-cache"


def build_keeping_cache(folder: Path) -> Path:
    cache = folder / "_build" / ".jupyter_cache"
    if INSTRUCTOR_CACHE.is_dir() and not cache.exists():
        shutil.copytree(INSTRUCTOR_CACHE, cache)
    html = build(folder, "instructor")
    INSTRUCTOR_CACHE.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=INSTRUCTOR_CACHE.name + ".", dir=INSTRUCTOR_CACHE.parent))  # this run's own
    shutil.copytree(cache, fresh, dirs_exist_ok=True)
    shutil.rmtree(INSTRUCTOR_CACHE, ignore_errors=True)
    fresh.rename(INSTRUCTOR_CACHE)
    return html


@pytest.fixture(scope="session")
def instructor_url(instructor_site):
    with serve(instructor_site) as url:
        yield url


@pytest.fixture
def open_instructor(browser, instructor_url):
    """open_instructor(path) -> (page, the requests it tried to send off the machine)."""
    with page_opener(browser, instructor_url) as _open:
        def _open_instructor(path: str):
            page, log = _open(path)
            return page, log.offsite
        yield _open_instructor


# ------------------------------------------------------------------ student edition

def test_student_build_holds_no_graded_answer(student_text):
    leaks = [f"{ref}: {n!r}" for ref, found in graded_needles().items() for n in found if n in student_text]
    assert not leaks, "graded answers found in the student build:\n" + "\n".join(leaks)


def test_student_build_holds_no_teaching_note(student_text):
    leaks = [n for n in note_needles() if n in student_text]
    assert not leaks, "teaching notes found in the student build:\n" + "\n".join(leaks)


def test_graded_exercise_takes_a_keyboard_answer_and_is_saved_for_the_instructor(open_page):
    page, log = open_page("book/back/authoring-guide.html")
    widget = page.locator('[data-exercise-ref="authoring-guide/summit-year-graded"]')
    widget.wait_for()
    assert widget.get_attribute("data-graded") == "true"
    assert "your instructor marks this exercise" in widget.inner_text()
    assert widget.get_by_role("button", name="Check answer").count() == 0
    first = widget.locator('input[type="radio"]').first
    first.focus()
    page.keyboard.press("ArrowDown")  # moves to, and chooses, the second option
    assert widget.locator('input[type="radio"]').nth(1).is_checked()
    page.keyboard.press("Tab")  # the radio group is one tab stop: on to the main button
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Save answer"
    page.keyboard.press("Enter")
    feedback = widget.locator(".cx-feedback")
    assert feedback.get_attribute("data-status") == "submitted"
    assert feedback.get_attribute("role") == "status"
    assert "Saved for your instructor to mark." in feedback.inner_text()
    assert "Right:" not in widget.inner_text()  # the correct option's feedback
    progress = page.locator('li[data-ref="authoring-guide/summit-year-graded"]')
    assert progress.get_attribute("data-done") == "true"
    page.reload(wait_until="load")
    settle(page)
    widget = page.locator('[data-exercise-ref="authoring-guide/summit-year-graded"]')
    assert widget.locator(".cx-feedback").get_attribute("data-status") == "submitted"
    assert not serious_violations(page)
    assert not log.problems()


def test_every_graded_type_renders_in_graded_mode(open_page):
    pages = {"book/modules/01-foundations/rwanda-srebrenica.html": "foundations/lessons-reflection",
             "book/modules/05-early-warning/warning-signs.html": "early-warning/veldana-worksheet",
             "book/modules/07-japans-means/japan-platform.html": "japans-means/ngo-decision",
             "book/modules/06-japans-aspiration/pko-and-opinion.html": "japans-aspiration/survey-conclusions"}
    for path, ref in pages.items():
        page, log = open_page(path)
        widget = page.locator(f'[data-exercise-ref="{ref}"]')
        widget.wait_for()
        assert widget.get_attribute("data-graded") == "true", ref
        text = widget.inner_text()
        assert "Show model answer" not in text and "Compare with the reference" not in text
        assert not log.problems(), log.problems()


# ------------------------------------------------------------------ instructor edition

def test_instructor_pages_carry_banner_and_title(open_instructor):
    page, offsite = open_instructor("book/modules/01-foundations/index.html")
    assert banner("en") in page.inner_text("body")
    assert title_suffix("en").strip() in page.title()
    assert not offsite


def test_instructor_answer_key_rubric_and_teaching_note(open_instructor, instructor_site):
    page, offsite = open_instructor("book/modules/01-foundations/rwanda-srebrenica.html")
    widget = page.locator('[data-exercise-ref="foundations/lessons-reflection"]')
    widget.wait_for()
    key = page.locator(".cx-answer-key", has_text="Answer key: What would you change?")
    assert key.count() == 1
    # beneath the exercise it belongs to
    assert page.evaluate("""() => {
        const w = document.querySelector('[data-exercise-ref="foundations/lessons-reflection"]');
        return w.nextElementSibling && w.nextElementSibling.classList.contains('cx-answer-key'); }""")
    assert "mandates and means must match the threat" in key.inner_text()
    assert key.locator("table.cx-rubric th[scope=row]").count() == 3
    index, _ = open_instructor("book/modules/01-foundations/index.html")
    notes = index.locator(".teaching-note")
    assert notes.count() == 2 and "Teaching note: Timing and order" in notes.first.inner_text()
    assert not serious_violations(page)
    assert not offsite


def test_instructor_build_holds_the_answers_the_student_build_lacks(instructor_site):
    text = files_text(instructor_site)
    missing = [f"{ref}: {n!r}" for ref, found in graded_needles().items() for n in found[:1] if n not in text]
    assert not missing, "\n".join(missing)
    assert all(n in text for n in note_needles())
