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

from conftest import overflowing, slide_sizes, visiting

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


@pytest.fixture(scope="module")
def visit_deck(browser, slides):
    """visit_deck("04-responsibility-to-protect/index.html") -> (page, log), from the disk,
    the decks sharing one browser context."""
    with visiting(browser, slides.as_uri() + "/", viewport={"width": 1280, "height": 720}) as visit:
        yield visit


@pytest.mark.parametrize("folder", DECKS)
def test_every_japanese_slide_but_the_sources_fits_the_stage(visit_deck, folder):
    sources = i18n.translations(slides_catalogue(folder, "ja"))[(None, "Sources")]
    page, log = visit_deck(f"{folder}/index.html")
    page.wait_for_function(READY)
    assert page.evaluate("document.documentElement.lang") == "ja"
    sizes = slide_sizes(page)
    too_tall = overflowing(sizes, leave_out=sources)
    assert not too_tall, f"{folder}: slides taller than 720px: {too_tall}"
    assert sources in [heading for heading, _, _ in sizes]  # the headings come from the deck's catalogue
    assert not log.problems(), "\n".join(log.problems())
