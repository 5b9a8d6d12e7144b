"""Every slide deck opens in headless Chromium, from a local server and from the disk, with
no network: reveal.js runs, the title slide carries the licence and the citation, charts
load with alt text, the notes are there (and the speaker view opens offline), every
discussion question of the module is on its discussion slides, and the slides fit."""
from __future__ import annotations

import re

import pytest

from exercises.kit.browser import serve
from exercises.site.module_text import module_text
from exercises.kit.slides import build, deck_folders, how_to_cite

from conftest import PageLog, open_logged, overflowing, slide_sizes, visiting, watch_page

DECKS = deck_folders()
READY = "window.Reveal && Reveal.isReady()"


@pytest.fixture(scope="session")
def slides(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides") / "slides"
    build(DECKS, out)
    return out


@pytest.fixture(scope="session")
def slides_url(slides):
    with serve(slides) as url:
        yield url


STAGE = {"width": 1280, "height": 720}


@pytest.fixture(scope="module", params=["server", "file"])
def open_deck(request, browser, slides, slides_url):
    """open_deck(folder) -> (page, log): the deck served, or from the disk, loaded and its
    pictures drawn; the decks share one browser context for each way."""
    base = slides_url if request.param == "server" else slides.as_uri() + "/"
    with visiting(browser, base, viewport=STAGE) as visit:
        def _open(folder: str):
            page, log = visit(f"{folder}/index.html")
            page.wait_for_function(READY)
            page.wait_for_function("[...document.images].every(i => i.complete)")
            return page, log
        yield _open


def plain(text: str) -> str:
    """MyST text as it reads on a slide: roles' shown text, no emphasis, plain quotes. A
    citation, or a {doc} link shown by its page's title, becomes a line break."""
    text = re.sub(r"\{cite:[pt]\}`[^`]*`", "\n", text)
    text = re.sub(r"\{(?:term|doc)\}`([^`<]*?)\s*<[^`]*>`", r"\1", text)
    text = re.sub(r"\{term\}`([^`]*)`", r"\1", text)
    text = re.sub(r"\{doc\}`([^`]*)`", "\n", text)
    text = text.replace("*", "")
    for curly, straight in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):
        text = text.replace(curly, straight)
    return re.sub(r"[ \t]+", " ", text).strip()


def fragments(text: str) -> list[str]:
    """The pieces of ``plain(text)`` between citations, as they must appear on a slide."""
    return [part.strip(" .,;:()") for part in plain(text).split("\n") if part.strip(" .,;:()")]


def test_there_are_decks():
    assert DECKS, "no module has a slides.md"


@pytest.mark.parametrize("folder", DECKS)
def test_deck_opens_offline_and_is_complete(open_deck, folder):
    page, log = open_deck(folder)
    assert not log.problems(), "\n".join(log.problems())

    total = page.evaluate("Reveal.getTotalSlides()")
    assert 10 <= total <= 25, f"{folder}: {total} slides"

    title = page.evaluate("Reveal.getSlides()[0].innerText")
    assert "CC BY 4.0" in title and "MIT" in title
    cff_title = re.search(r"\*(.+)\*", how_to_cite())[1]
    assert "How to cite" in title and plain(cff_title) in re.sub(r"\s+", " ", plain(title))

    images = page.evaluate("[...document.images].map(i => [i.getAttribute('alt') || '', i.naturalWidth, i.src])")
    assert images, f"{folder}: a deck needs at least one chart"
    for alt_text, width, src in images:
        assert alt_text.strip() and width > 0, f"{src}: alt {alt_text!r}, naturalWidth {width}"

    notes = page.evaluate("document.querySelectorAll('aside.notes').length")
    assert notes >= 6, f"{folder}: {notes} slides with speaker notes"

    discussion = re.sub(r"\s+", " ", plain(page.evaluate(
        "Reveal.getSlides().filter(s => /^Discussion/.test(s.querySelector('h2')?.textContent || ''))"
        ".map(s => s.innerText).join(' ')")))
    for n, question in enumerate(module_text(folder).discussion_questions, 1):
        for part in fragments(question):
            assert part in discussion, f"{folder}: discussion question {n} is missing: {part!r}"


@pytest.mark.parametrize("open_deck", ["file"], indirect=True)  # the same layout either way
@pytest.mark.parametrize("folder", DECKS)
def test_every_slide_but_the_sources_fits_the_stage(open_deck, folder):
    page, log = open_deck(folder)
    too_tall = overflowing(slide_sizes(page), leave_out="Sources")
    assert not too_tall, f"{folder}: slides taller than 720px: {too_tall}"
    assert not log.problems(), "\n".join(log.problems())


def test_speaker_view_opens_without_the_network(browser, slides):
    context = browser.new_context(viewport=STAGE)
    try:
        page, log = open_logged(context, (slides / DECKS[0] / "index.html").as_uri())
        page.wait_for_function(READY)
        page.evaluate("Reveal.slide(3)")
        with context.expect_page() as popup:
            page.keyboard.press("s")
        speaker = popup.value
        speaker_log = PageLog()
        watch_page(speaker, speaker_log)
        speaker.wait_for_function("(document.querySelector('.speaker-controls-notes')?.innerText || '').length > 40")
        notes = speaker.evaluate("document.querySelector('.speaker-controls-notes').innerText")
        expected = page.evaluate("Reveal.getCurrentSlide().querySelector('aside.notes').textContent")
        assert expected[:60] in notes
        assert not log.problems() + speaker_log.problems(), log.problems() + speaker_log.problems()
    finally:
        context.close()


def test_index_lists_every_deck_with_its_slide_count(browser, slides):
    context = browser.new_context()
    try:
        page, log = open_logged(context, (slides / "index.html").as_uri())
        links = page.evaluate("[...document.querySelectorAll('main li')].map(li => li.innerText)")
        assert len(links) == len(DECKS)
        for text, folder in zip(links, DECKS, strict=False):
            assert module_text(folder).title in text and re.search(r"\(\d+ slides\)", text)
        assert page.evaluate("document.documentElement.lang") == "en"
        assert not log.problems()
    finally:
        context.close()
