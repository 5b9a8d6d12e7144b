"""`python -m exercises handouts` for two modules: the PDFs it prints, read back with pypdf.

Runs the real command (headless Chromium, local files only) once into a temporary
folder; needs no book build.
"""
from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from functools import cache
from html import unescape
from pathlib import Path

import pytest
from pypdf import PdfReader

from exercises.markdown import to_html
from exercises.site.module_text import module_text
from exercises.kit.myst_print import Bibliography, MystPrinter
from exercises.site.roles import load_roles
from exercises.specs import load_banks
from exercises.yaml_data import load_yaml

ROOT = Path(__file__).resolve().parents[2]
MODULES = ["04-responsibility-to-protect", "10-case-studies"]
GLOSSARY_SCHEMA = ROOT / "exercises" / "schema" / "glossary.schema.json"


# Noto Sans JP draws U+30FB (katakana middle dot) with the glyph it also uses for U+2027,
# and the PDF's text map gives that glyph back as U+2027.
SAME_GLYPH = str.maketrans({"\u2027": "\u30fb"})


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(SAME_GLYPH).split())


def plain(html: str) -> str:
    return norm(unescape(re.sub(r"<[^>]+>", " ", html)))


def myst(text: str, folder: str) -> str:
    return plain(MystPrinter(Bibliography.from_config(), ROOT / "book" / "modules" / folder).inline(text))


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("handouts") / "handouts"
    proc = subprocess.run([sys.executable, "-m", "exercises", "handouts", "4", "case-studies", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


@cache
def pdf(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), norm(" ".join(page.extract_text() for page in reader.pages))


def test_the_output_folder_lists_exactly_the_pdfs(out):
    expected = {f"{m}{s}.pdf" for m in MODULES for s in ("", "-answers")} | {"role-cards.pdf"}
    assert {p.name for p in out.glob("*.pdf")} == expected
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{name}"' in index for name in expected)
    assert not list(out.parent.glob(".handouts-*"))  # no temporary folder left behind


@pytest.mark.parametrize("folder", MODULES)
def test_student_handout(out, folder):
    pages, text = pdf(out / f"{folder}.pdf")
    assert 2 <= pages <= 6
    module = module_text(folder)
    assert module.title in text and "How to cite" in text and "CC BY 4.0" in text
    for objective in module.objectives + module.discussion_questions:
        assert myst(objective, folder)[:60] in text
    terms, _ = load_yaml(ROOT / "book" / "modules" / folder / "glossary.yml", GLOSSARY_SCHEMA)
    assert terms[0]["term"] in text and terms[0]["ja"] in text
    bank = load_banks()[folder.split("-", 1)[1]]
    for n, ex in enumerate(bank.exercises, 1):
        assert f"Exercise {n}" in text
        assert plain(to_html(ex["prompt"]))[:50] in text, ex["id"]
    assert "Sources" in text and f"Page {pages} of {pages}" in text


def pdf_fonts(path: Path) -> set[str]:
    fonts = set()
    for page in PdfReader(path).pages:
        for ref in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(ref.get_object().get("/BaseFont", "")).split("+")[-1])
    return fonts


@pytest.mark.parametrize("folder", MODULES)
def test_every_japanese_term_prints(out, folder):
    """On a machine with no Japanese font, Chromium printed the glossary's Japanese as
    blanks; the project's own font (exercises/kit/fonts.py) is embedded instead."""
    _, text = pdf(out / f"{folder}.pdf")
    terms, _ = load_yaml(ROOT / "book" / "modules" / folder / "glossary.yml", GLOSSARY_SCHEMA)
    japanese = [norm(t["ja"]) for t in terms if t.get("ja")]
    assert japanese
    missing = [ja for ja in japanese if ja not in text]
    assert not missing, f"Japanese terms missing from the printed handout: {missing}"
    assert "NotoSansJP-Regular" in pdf_fonts(out / f"{folder}.pdf")


@pytest.mark.parametrize("folder", MODULES)
def test_answers_are_in_the_key_and_not_on_the_student_sheet(out, folder):
    _, student = pdf(out / f"{folder}.pdf")
    pages, key = pdf(out / f"{folder}-answers.pdf")
    assert 1 <= pages <= 10 and key.count("For instructors") >= pages
    assert "Correct answer" not in student and "Correct answer" in key
    bank = load_banks()[folder.split("-", 1)[1]]
    choices = [ex for ex in bank.exercises if ex["type"] in ("single_choice", "multiple_select")]
    assert choices
    for ex in choices:
        for option in ex["options"]:
            if option.get("correct"):
                why = plain(to_html(option["feedback"]))[:50]
                assert why not in student and why in key, ex["id"]


def test_role_cards(out):
    pages, text = pdf(out / "role-cards.pdf")
    roles = load_roles("capstone")["roles"]
    assert pages >= (len(roles) + 1) // 2
    for role in roles:
        assert norm(role["name"]) in text
    assert text.count("Your dilemma") == len(roles) and text.count("Three asks") == len(roles)


def test_printing_fails_when_a_page_asks_for_anything_off_the_machine(tmp_path, browser):
    from exercises.kit.handouts import PrintError, print_pdfs
    page = tmp_path / "page.html"
    page.write_text('<!DOCTYPE html><p>Hi</p><img src="https://example.org/logo.png" alt="">', encoding="utf-8")
    with pytest.raises(PrintError, match=re.escape("https://example.org/logo.png")):
        print_pdfs([(page, tmp_path / "page.pdf", "", "footer")], browser)
