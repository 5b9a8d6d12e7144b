"""The Japanese decks (`course slides --lang ja`) in headless Chromium, offline: `lang="ja"`,
the deck's own Japanese text from its catalogue, and every slide but the sources fitting
the 16:9 stage (Japanese lines break differently from English ones). Decks whose catalogue
is fully translated are checked; the others still show English and are left to the
English deck tests."""
from __future__ import annotations

import pytest

from exercises import i18n
from exercises.catalogues import slides_catalogue
from exercises.kit.slides import build, deck_folders

from conftest import open_logged

READY = "window.Reveal && Reveal.isReady()"


def translated_decks() -> list[str]:
    from babel.messages.pofile import read_po
    done = []
    for folder in deck_folders():
        po = slides_catalogue(folder, "ja")
        if po.is_file():
            with open(po, "rb") as f:
                entries = [m for m in read_po(f) if m.id]
            if entries and all(m.string and not m.fuzzy for m in entries):
                done.append(folder)
    return done


DECKS = translated_decks()


def test_the_four_modules_decks_are_translated():
    assert {"04-responsibility-to-protect", "05-early-warning", "09-ways-forward", "10-case-studies"} <= set(DECKS)


@pytest.fixture(scope="module")
def slides(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides-ja") / "slides"
    build(DECKS, out, lang="ja")
    return out


@pytest.mark.parametrize("folder", DECKS)
def test_every_japanese_slide_but_the_sources_fits_the_stage(browser, slides, folder):
    sources = i18n.translations(slides_catalogue(folder, "ja"))[(None, "Sources")]
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        page, log = open_logged(context, (slides / folder / "index.html").as_uri())
        page.wait_for_function(READY)
        assert page.evaluate("document.documentElement.lang") == "ja"
        overflowing, headings = [], []
        for index in range(page.evaluate("Reveal.getTotalSlides()")):
            page.evaluate(f"Reveal.slide({index})")
            page.wait_for_timeout(50)
            heading, height, scrolls = page.evaluate(
                "(() => { const s = Reveal.getCurrentSlide(); return [s.querySelector('h1, h2').textContent,"
                " s.scrollHeight, s.classList.contains('deck-scroll')]; })()")
            headings.append(heading.strip())
            if heading.strip() != sources and (scrolls or height > 720):
                overflowing.append(f"{index + 1} {heading!r} ({height}px)")
        assert not overflowing, f"{folder}: slides taller than 720px: {overflowing}"
        assert sources in headings  # the headings come from the deck's catalogue
        assert not log.problems(), "\n".join(log.problems())
    finally:
        context.close()
