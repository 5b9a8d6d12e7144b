"""The sources as the book and the handouts show them (pybtex's style, as sphinxcontrib-bibtex
and exercises.kit.myst_print format them): titles keep their capitals (Libya, UN, R2P, a
newspaper's headline as printed), and no raw TeX shows (``\\$5.8``, ``\\emph``)."""
from __future__ import annotations

import re
from html import unescape

import pytest

from exercises.kit.myst_print import Bibliography

BIB = Bibliography.from_config()
TEX = re.compile(r"\\[A-Za-z$&%_#{}]")


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


@pytest.fixture(scope="module")
def formatted() -> dict[str, str]:
    keys = sorted(BIB.entries, key=lambda k: (BIB.author(k).casefold(), BIB.year(k), k))  # formatted()'s order
    return dict(zip(keys, map(_text, BIB.formatted(keys)), strict=True))


def test_every_title_keeps_its_capitals(formatted):
    lowered = []
    for key, shown in formatted.items():
        title = _text(re.sub(r"[{}]", "", BIB.entry(key).fields.get("title", "")).replace("--", "–"))
        capitals = [w for w in re.findall(r"\b\w*[A-Z]\w*\b", title)]
        missing = [w for w in capitals if w not in shown]
        if missing:
            lowered.append(f"{key}: {missing[:4]}")
    assert not lowered, "titles lower-cased:\n" + "\n".join(lowered)


def test_the_known_cases_show_as_typed(formatted):
    shown = " ".join(formatted.values())
    for words in ("Kuwait, Saudi Arabia Owe $5.8 Billion", "Tutsi in Rwanda", "ODA/GNI of DAC members", "Libya"):
        assert words in shown


def test_no_raw_tex_shows(formatted):
    raw = [f"{key}: {text[:120]}" for key, text in formatted.items() if TEX.search(text)]
    assert not raw, "raw TeX in the formatted sources:\n" + "\n".join(raw)
