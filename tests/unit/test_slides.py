"""Slide decks: the directives' errors name the deck file and line, a failed build leaves
nothing behind, unknown modules are refused, and every module of the course has a deck."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exercises.__main__ import main
from exercises.toc import module_names, read_toc
from exercises.kit.slides import MODULES_DIR, SlidesError, build, parse_questions

FOLDER = "01-foundations"
DECK = """# A test deck

```{{deck-title}}
```

## Objectives

```{{deck-objectives}}
```

## Discussion

```{{deck-discussion}}
:questions: {questions}
```

## Summary

```{{deck-summary}}
```

## Sources

```{{bibliography}}
:filter: docname in docnames
```
"""
OBJECTIVES = """# A module

## Learning objectives

1. **Define** a {term}`genocide <the glossary entry>` and a {term}`politicide`.
2. Read {doc}`a page <word-and-law>` and {doc}`word-and-law`.
"""


def make_module(tmp_path: Path, questions: str) -> Path:
    modules = tmp_path / "modules"
    (modules / FOLDER).mkdir(parents=True)
    for page in ("seminar.md", "word-and-law.md"):
        shutil.copy(MODULES_DIR / FOLDER / page, modules / FOLDER / page)
    (modules / FOLDER / "index.md").write_text(OBJECTIVES, encoding="utf-8")
    (modules / FOLDER / "slides.md").write_text(DECK.format(questions=questions), encoding="utf-8")
    return modules


@pytest.mark.parametrize("value, expected", [("1-4", [1, 2, 3, 4]), ("5,7", [5, 7]), (" 1-2, 6 ", [1, 2, 6]),
                                             ("3", [3])])
def test_questions_option_takes_ranges_and_lists(value, expected):
    assert parse_questions(value, 7) == expected


@pytest.mark.parametrize("value, message", [("8", "out of range"), ("0-2", "out of range"), ("4-2", "backwards"),
                                            ("1-", "not a list"), ("one", "not a list"), ("", "not a list")])
def test_bad_questions_values_are_refused(value, message):
    with pytest.raises(ValueError, match=message):
        parse_questions(value, 7)


@pytest.mark.parametrize("value", ["1-9", "2;3"])
def test_a_bad_questions_value_names_the_deck_file_and_line_and_leaves_no_output(tmp_path, value):
    modules = make_module(tmp_path, value)
    out = tmp_path / "slides"
    out.mkdir()
    (out / "previous.html").write_text("kept")
    (out / ".course-output").write_text("slides\n")  # an earlier slides output: may be replaced
    with pytest.raises(SlidesError) as caught:
        build([FOLDER], out, modules)
    assert f"{modules / FOLDER / 'slides.md'}:13:" in str(caught.value)
    assert ":questions:" in str(caught.value)
    kept = sorted(p.name for p in out.iterdir())
    assert kept == [".course-output", "previous.html"], "a failed build must not touch the output"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".slides-")] == [], "temporary folder left"


def test_a_deck_builds_with_roles_as_plain_text_and_questions_numbered_as_in_the_seminar(tmp_path):
    modules = make_module(tmp_path, "2-3")
    index = build([FOLDER], tmp_path / "slides", modules)
    deck = (index.parent / FOLDER / "index.html").read_text(encoding="utf-8")
    assert "a genocide and a politicide" in deck
    assert "Read a page and The word and the law." in deck
    assert '<ol class="arabic simple" start="2">' in deck
    assert "Scheffer argued" in deck and "Lemkin’s idea" not in deck
    assert "CC BY 4.0" in deck and "How to cite" in deck
    assert f'href="{FOLDER}/index.html"' in index.read_text(encoding="utf-8")


def test_a_module_without_a_deck_is_an_error_naming_the_file(tmp_path):
    modules = make_module(tmp_path, "1")
    (modules / FOLDER / "slides.md").unlink()
    with pytest.raises(SlidesError, match=f"{modules / FOLDER / 'slides.md'} not found"):
        build([FOLDER], tmp_path / "slides", modules)


def test_an_unknown_module_is_refused_with_the_valid_names(capsys, tmp_path):
    assert main(["slides", "foundations", "atlantis", "--out", str(tmp_path / "slides")]) == 2
    err = capsys.readouterr().err
    assert "unknown module 'atlantis'" in err and "01-foundations" in err and "10-case-studies" in err
    assert not (tmp_path / "slides").exists()


@pytest.mark.parametrize("folder", sorted(set(module_names(read_toc()).values())))
def test_every_module_of_the_course_has_a_deck(folder):
    assert (MODULES_DIR / folder / "slides.md").is_file(), f"book/modules/{folder}/slides.md is missing"
