"""`python -m exercises handouts 4 --lang ja`: the Japanese handout and answer key, read back
with pypdf. The expected Japanese is read from the page catalogues (through module_text),
so the test fails if the translation were not applied. Needs no book build.
"""
from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from exercises.site.module_text import module_text

ROOT = Path(__file__).resolve().parents[2]
FOLDER = "04-responsibility-to-protect"
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]{4,}")
# Noto Sans JP draws U+30FB with the glyph of U+2027 (see test_handout_pdfs.py)
SAME_GLYPH = str.maketrans({"\u2027": "\u30fb"})


def norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).translate(SAME_GLYPH).split())


def printed(run: str, text: str) -> bool:
    """Whether ``run`` is in the PDF's text. The font's text map gives some kanji back as
    their CJK radical forms (長 as U+2ED1), which NFKC does not fold: any of those matches."""
    pattern = "".join(f"(?:{re.escape(c)}|[\u2e80-\u2eff])" if "\u3400" <= c <= "\u9fff" else re.escape(c)
                      for c in norm(run))
    return re.search(pattern, text) is not None


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("handouts-ja") / "handouts"
    proc = subprocess.run([sys.executable, "-m", "exercises", "handouts", "4", "--lang", "ja", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=400)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


def pdf_text(path: Path) -> str:
    return norm(" ".join(page.extract_text() for page in PdfReader(path).pages))


def test_the_japanese_handout_prints_the_japanese_objectives_and_summary(out):
    text = pdf_text(out / f"{FOLDER}.pdf")
    japanese = module_text(FOLDER, lang="ja")
    assert japanese.objectives != module_text(FOLDER, lang="en").objectives
    for item in [*japanese.objectives, *japanese.summary]:
        runs = CJK.findall(item)
        assert runs, f"no Japanese in {item!r}: the module's page catalogue is not translated"
        for run in runs:
            assert printed(run, text), f"{run!r} is not in the printed Japanese handout"
    assert printed(japanese.title, text)


def test_the_japanese_handout_is_printed_from_a_japanese_page_in_the_print_font(out):
    page = (out / "html" / f"{FOLDER}.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="ja"', page)
    assert "NotoSansJP" in page  # the print font's @font-face (exercises/kit/fonts.py)
    fonts = set()
    for p in PdfReader(out / f"{FOLDER}.pdf").pages:
        for font in (p["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    assert any("NotoSansJP" in f for f in fonts), fonts


def test_the_japanese_answer_key_and_role_cards_are_printed(out):
    key = pdf_text(out / f"{FOLDER}-answers.pdf")
    assert printed(module_text(FOLDER, lang="ja").title, key)
    assert (out / "role-cards.pdf").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ja"' in index
