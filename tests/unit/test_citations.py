"""Every figure and date is sourced: on the module reading pages and in the case boxes,
each paragraph that states a year, a date or a number carries a citation.

A paragraph is exempt when it is a content note, when it is a quotation, a table or a
list whose source is cited in the paragraph just before or after it, or when it is marked in the source
with a MyST comment line ``% uncited: <why>`` (an overview of what the page then cites,
a fictional scenario, an activity's timing). Numbers that are names (resolution 1973,
Article 9, module 4, factor 7, 90 minutes) do not count as figures.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from exercises.yaml_data import load_yaml

ROOT = Path(__file__).resolve().parents[2]
YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")
FIGURE = re.compile(r"(?<![\w/.-])\d[\d,.]*\d|\b\d+\s?(?:%|per cent|percent|million|billion)")
NAMED = re.compile(r"(?:resolutions?|A/RES/|S/RES/|A/|S/|articles?|paragraphs?|para\.|modules?|factors?|chapters?|"
                   r"pages?|rounds?|steps?|exercises?|questions?|weeks?|sessions?|groups?|tables?|figures?|minutes?|"
                   r"hours?|No\.|§)\s*[\w/.]*\d[\d/.]*", re.I)
LABEL = re.compile(r"^\(\S+\)=\s*$")
MARK = "% uncited:"
CASE_TEXT_FIELDS_SKIPPED = {"id", "title", "period", "content_note", "as_of"}


def paragraphs(text: str) -> list[str]:
    """The prose paragraphs of MyST text: front matter, code and directive fences,
    headings and labels left out; a marker comment stays with its paragraph."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"^(`{3,}|:{3,}).*?^\1\s*$", "", text, flags=re.S | re.M)
    out = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.splitlines() if not re.match(r"#{1,6} ", line) and not LABEL.match(line)]
        if any(line.strip() for line in lines):
            out.append("\n".join(lines))
    return out


def states_a_figure(paragraph: str) -> bool:
    text = re.sub(r"\{[a-z:]+\}`[^`]*`", " ", paragraph)   # roles: citations, terms, links
    text = re.sub(r"https?://\S+|%.*", " ", NAMED.sub(" ", text))
    return bool(YEAR.search(text) or FIGURE.search(text))


def uncited(paragraphs_: list[str]) -> list[str]:
    missing = []
    for i, para in enumerate(paragraphs_):
        if "{cite" in para or MARK in para or not states_a_figure(para):
            continue
        if para.lstrip("*_ ").lower().startswith("content note"):
            continue
        beside = [paragraphs_[j] for j in (i - 1, i + 1) if 0 <= j < len(paragraphs_)]
        if re.match(r"\s*(>|\||\d+\.|[-*] )", para) and any("{cite" in b for b in beside):
            continue  # a quotation, table or list sourced in the paragraph that introduces or follows it
        missing.append(para)
    return missing


def reading_pages() -> list[Path]:
    return sorted(p for p in (ROOT / "book" / "modules").glob("*/*.md")
                  if p.name not in ("index.md", "seminar.md", "slides.md") and not p.stem.endswith("-data"))


def case_files() -> list[Path]:
    return sorted((ROOT / "book" / "cases").glob("*.yml"))


def test_the_check_sees_pages_and_cases():
    assert len(reading_pages()) >= 25 and len(case_files()) >= 10


@pytest.mark.parametrize("page", reading_pages(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_figure_on_a_reading_page_is_cited(page):
    missing = uncited(paragraphs(page.read_text(encoding="utf-8")))
    assert not missing, f"{page.relative_to(ROOT)}: paragraphs with a year or number and no citation:\n\n" + \
        "\n\n".join(p[:300] for p in missing)


@pytest.mark.parametrize("case", case_files(), ids=lambda p: p.stem)
def test_every_figure_in_a_case_box_is_cited(case):
    data, _ = load_yaml(case, ROOT / "exercises" / "schema" / "case.schema.json")
    missing = [f"{field}: {p[:300]}" for field, value in data.items()
               if isinstance(value, str) and field not in CASE_TEXT_FIELDS_SKIPPED
               for p in uncited(paragraphs(value))]
    assert not missing, f"{case.relative_to(ROOT)}: paragraphs with a year or number and no citation:\n\n" + \
        "\n\n".join(missing)


def test_the_check_finds_an_uncited_figure_and_honours_the_marks():
    text = ("Intro {cite:p}`a`:\n\n> A quote from 1948.\n\nIn 1994 the UN did X.\n\n"
            "% uncited: an overview; each fact is cited below\nIn 1995 and 1999 ...\n\n"
            "Resolution 1973 and module 4 are names, not figures.\n\n*Content note: events of 2023.*")
    assert uncited(paragraphs(text)) == ["In 1994 the UN did X."]


def test_every_module_index_says_when_it_was_last_reviewed():
    for index in sorted((ROOT / "book" / "modules").glob("*/index.md")):
        assert re.search(r"^Last reviewed: [A-Z][a-z]+ 20\d\d$", index.read_text(encoding="utf-8"), re.M), \
            f"{index.relative_to(ROOT)} does not say when it was last reviewed"
