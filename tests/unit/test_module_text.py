"""Slides and handouts read each module's objectives, questions and summary from its pages."""

import pytest

from exercises.toc import module_names, read_toc
from exercises.site.module_text import module_text, section_items
from exercises.yaml_data import SpecError

FOLDERS = sorted(set(module_names(read_toc()).values()))


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_module_has_its_teaching_texts(folder):
    text = module_text(folder)
    assert text.title and not text.title.startswith("#")
    assert len(text.objectives) >= 3 and len(text.discussion_questions) >= 3 and len(text.summary) >= 3
    for item in text.objectives + text.discussion_questions + text.summary:
        assert "\n" not in item and not item[:2].strip().rstrip(".").isdigit()


def test_items_span_continuation_lines(tmp_path):
    page = tmp_path / "seminar.md"
    page.write_text("# S\n\n## Summary\n\n- one\n  two\n- three\n\n## Next\n\n- not this\n", encoding="utf-8")
    assert section_items(page, "Summary") == ["one two", "three"]


def test_missing_section_names_file_and_section(tmp_path):
    page = tmp_path / "seminar.md"
    page.write_text("# S\n\n## Summary\n\nNo list here.\n", encoding="utf-8")
    with pytest.raises(SpecError, match=r"seminar.md.*Discussion questions.*not found"):
        section_items(page, "Discussion questions")
    with pytest.raises(SpecError, match=r"seminar.md, line 3.*no list"):
        section_items(page, "Summary")
