"""The Japanese kit: module texts, slide decks and LMS exports in Japanese.

Every expectation is read from the catalogues themselves (``locales/ja``), so a test fails
when a translation is not applied, and none hard-codes a translation."""
from __future__ import annotations

import html
import json
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from exercises import i18n
from exercises.catalogues import required_complete, slides_catalogue, status
from exercises.kit import slides
from exercises.kit.lms import QTI_NS, export
from exercises.paths import BUILD_DIR, MODULES_DIR, ROOT, kit_output
from exercises.site.module_text import module_text, msgid, page_catalogue, section_items, title
from exercises.specs import load_banks

FOLDER = "04-responsibility-to-protect"
BANK = "responsibility-to-protect"
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]{6,}")


def page_translation(page: Path, text: str) -> str:
    found = i18n.translations(page_catalogue(page, "ja")).get((None, msgid(text)))
    assert found, f"{page}: no Japanese for {text!r} (the test needs a translated module)"
    return found


def test_module_texts_come_from_the_pages_catalogues():
    index, seminar = MODULES_DIR / FOLDER / "index.md", MODULES_DIR / FOLDER / "seminar.md"
    japanese, english = module_text(FOLDER, lang="ja"), module_text(FOLDER, lang="en")
    assert japanese.title == page_translation(index, title(index)) != english.title
    assert japanese.objectives == [page_translation(index, t) for t in section_items(index, "Learning objectives")]
    assert japanese.summary == [page_translation(seminar, t) for t in section_items(seminar, "Summary")]
    assert japanese.discussion_questions == [page_translation(seminar, t)
                                             for t in section_items(seminar, "Discussion questions")]
    assert english.objectives == section_items(index, "Learning objectives")  # English stays the source


def test_module_texts_follow_course_lang(monkeypatch):
    monkeypatch.setenv(i18n.VARIABLE, "ja")
    assert module_text(FOLDER) == module_text(FOLDER, lang="ja")
    monkeypatch.setenv(i18n.VARIABLE, "en")
    assert module_text(FOLDER) == module_text(FOLDER, lang="en")


def test_language_outputs_sit_beside_the_english_ones():
    assert kit_output("slides") == BUILD_DIR / "slides"
    assert kit_output("slides", "ja") == BUILD_DIR / "ja" / "slides"
    assert kit_output("handouts", "ja") != kit_output("handouts")


def test_every_kit_message_has_its_english_text_and_placeholders():
    messages = json.loads((ROOT / "exercises" / "messages.json").read_text(encoding="utf-8"))
    kit = {k: v for k, v in messages.items() if k.startswith("kit.")}
    assert kit and all(v.strip() for v in kit.values())
    assert i18n.message("kit.slides.count", "en", n=3) == "(3 slides)"


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("slides-ja") / "slides"
    index = slides.build([FOLDER], out, lang="ja")
    assert 'lang="ja"' in index.read_text(encoding="utf-8")
    return (out / FOLDER / "index.html").read_text(encoding="utf-8")


def deck_entries() -> dict[str, str]:
    """The deck catalogue's finished entries whose text is plain (no roles, no quotes)."""
    done = i18n.translations(slides_catalogue(FOLDER, "ja"))
    return {en: ja for (_, en), ja in done.items() if not re.search(r"[`*\"{<&']", en + ja)}


def test_the_japanese_deck_shows_its_own_catalogues_text(deck):
    entries = deck_entries()
    assert len(entries) >= 10, "the test needs module 4's deck catalogue translated"
    assert re.search(r'<html[^>]*\blang="ja"', deck)
    text = html.unescape(re.sub(r"<[^>]+>", " ", deck))
    for english, japanese in entries.items():
        assert japanese in text, f"{japanese!r} (for {english!r}) is not in the Japanese deck"
    headings = [en for en in entries if len(en.split()) >= 3]
    assert headings and not any(f">{en}<" in deck for en in headings)  # English headings replaced


def test_the_japanese_deck_shows_the_translated_objectives_and_title_slide(deck):
    text = html.unescape(re.sub(r"<[^>]+>", "", deck))
    for objective in module_text(FOLDER, lang="ja").objectives:
        for run in CJK.findall(objective)[:2]:
            assert run in text
    assert i18n.message("kit.slides.objectives_intro", "ja") in text


def test_the_japanese_decks_have_system_japanese_fonts_and_no_web_font():
    css = (slides.THEME_DIR / "slides.css").read_text(encoding="utf-8")
    rule = css[css.index("html:lang(ja) .reveal"):]
    assert "Noto Sans CJK JP" in rule and "Hiragino" in rule
    assert "@import" not in css and "url(" not in rule


def test_the_deck_template_holds_the_decks_own_text_and_not_the_pages(tmp_path):
    from babel.messages.pofile import read_po
    pot = slides.templates(tmp_path, [FOLDER])[FOLDER]
    with open(pot, "rb") as f:
        ids = {m.id for m in read_po(f) if m.id}
    source = (MODULES_DIR / FOLDER / "slides.md").read_text(encoding="utf-8")
    headings = [line[3:].strip() for line in source.splitlines() if line.startswith("## ")]
    assert headings and set(headings) <= ids
    english = module_text(FOLDER, lang="en")
    assert not ids & {*english.objectives, *english.summary, *english.discussion_questions}
    # the catalogue in the course is this template, merged: every msgid of it is there
    assert ids <= {en for (_, en) in i18n.translations(slides_catalogue(FOLDER, "ja"))}


def test_slides_catalogues_are_counted_as_their_own_kind():
    table = status("ja")
    kinds = {kind for (module, kind) in table if module == FOLDER}
    assert "slides" in kinds
    done = table[(FOLDER, "slides")]
    assert done.total and done.translated == len(i18n.translations(slides_catalogue(FOLDER, "ja")))
    assert not any("slides" in problem for problem in required_complete(table))  # not yet required


def japanese_runs(bank_name: str) -> list[str]:
    """Runs of Japanese from the translated prompts of a bank (read from its catalogue)."""
    english = load_banks()[bank_name]
    po = i18n.catalogue_path(english.path, "ja")
    done = i18n.translations(po)
    runs = []
    for ex in english.exercises:
        japanese = done.get((None, ex["prompt"]))
        if japanese:
            runs += CJK.findall(japanese)[:1]
    assert len(runs) >= 3, "the test needs the bank's catalogue translated"
    return runs


@pytest.fixture(scope="module")
def exported_ja(tmp_path_factory):
    out = tmp_path_factory.mktemp("lms-ja") / "lms"
    before = i18n.current()
    export(out, lang="ja")
    assert i18n.current() == before  # the language is restored after the export
    return out


def test_the_japanese_moodle_xml_parses_and_holds_the_japanese_questions(exported_ja):
    root = ET.parse(exported_ja / "moodle" / f"{BANK}.xml").getroot()
    texts = " ".join(html.unescape(t.text or "") for t in root.iter("text"))
    runs = [r for r in japanese_runs(BANK) if r in texts]
    assert len(runs) >= 3
    english = load_banks()[BANK].exercises[0]["prompt"]
    assert english[:40] not in texts


def test_the_japanese_canvas_package_parses_and_holds_the_japanese_questions(exported_ja):
    with zipfile.ZipFile(exported_ja / "canvas" / f"{BANK}.zip") as z:
        name = next(n for n in z.namelist() if n.endswith(".xml") and n != "imsmanifest.xml")
        root = ET.fromstring(z.read(name))
    texts = " ".join(html.unescape(m.text or "") for m in root.iter(f"{{{QTI_NS}}}mattext"))
    assert len([r for r in japanese_runs(BANK) if r in texts]) >= 3


def test_the_japanese_readme_is_written_from_the_messages(exported_ja):
    readme = (exported_ja / "README.txt").read_text(encoding="utf-8")
    assert i18n.message("kit.lms.readme_skipped", "ja") in readme
