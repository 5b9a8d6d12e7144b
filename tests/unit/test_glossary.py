"""The glossary gathers every module's glossary.yml; conflicts and bad entries are named."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from exercises.site.glossary import glossary_markdown, load_glossary
from exercises.specs import SpecError

ENTRY = """\
- term: {term}
  definition: "A definition."
  ja: 用語
  reading: ようご
  ja_source: standard usage
"""


def module(tmp_path, name, text):
    (tmp_path / name).mkdir()
    (tmp_path / name / "glossary.yml").write_text(text, encoding="utf-8")


def test_entries_from_all_modules_are_sorted_and_linked(tmp_path):
    module(tmp_path, "02-b", ENTRY.format(term="responsibility to protect"))
    module(tmp_path, "01-a", ENTRY.format(term="atrocity crimes") + ENTRY.format(term="Genocide"))
    entries = load_glossary(tmp_path)
    assert [e["term"] for e in entries] == ["atrocity crimes", "Genocide", "responsibility to protect"]
    md = glossary_markdown(entries, lambda folder: f"/book/modules/{folder}/index")
    assert md.startswith("````{glossary}\natrocity crimes\n  A definition.")
    assert "{course-ja}`" + quote("用語（ようご）", safe="") + "`" in md  # marked lang="ja" by the role
    assert "{doc}`/book/modules/02-b/index`" in md


def test_a_term_defined_twice_names_both_files(tmp_path):
    module(tmp_path, "01-a", ENTRY.format(term="genocide"))
    module(tmp_path, "02-b", ENTRY.format(term="atrocity crimes") + ENTRY.format(term="Genocide"))
    with pytest.raises(SpecError) as caught:
        load_glossary(tmp_path)
    assert caught.value.file.endswith("02-b/glossary.yml") and caught.value.line == 6
    assert "01-a/glossary.yml" in caught.value.message


def test_a_missing_field_names_file_line_and_field(tmp_path):
    module(tmp_path, "01-a", ENTRY.format(term="genocide").replace("  ja: 用語\n", ""))
    with pytest.raises(SpecError) as caught:
        load_glossary(tmp_path)
    assert (caught.value.line, caught.value.field) == (1, "[0]")
    assert "'ja' is a required property" in caught.value.message


def test_the_course_glossary_is_valid():
    load_glossary()


def test_a_term_from_a_module_left_out_of_a_custom_course_names_it_without_a_link(tmp_path):
    module(tmp_path, "02-b", ENTRY.format(term="responsibility to protect"))
    md = glossary_markdown(load_glossary(tmp_path), lambda folder: None)
    assert "Introduced in module 2." in md and "{doc}" not in md
