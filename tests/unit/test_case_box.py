"""Case boxes: cases load from YAML in one template; bad files name file, line, field."""
from __future__ import annotations

import pytest

from exercises.site.case_box import CASES_DIR, PARTS, case_markdown, load_case
from exercises.specs import SpecError

CASE = """\
id: sample
title: Sample
period: "1994"
background: B {cite:p}`key`.
warning_signs: W.
response: R.
prevention: P.
"""


def write(tmp_path, text, name="sample"):
    (tmp_path / f"{name}.yml").write_text(text)
    return tmp_path


def test_case_renders_in_the_shared_template(tmp_path):
    md = case_markdown(load_case("sample", write(tmp_path, CASE)))
    assert md.startswith("`````{admonition} Case: Sample (1994)")
    headings = [line for line in md.splitlines() if line.startswith("```{rubric}")]
    assert headings == [f"```{{rubric}} {heading}" for heading in
                        ("Background", "Warning signs", "Response", "What prevention could have changed")]
    assert len(PARTS) == len(headings)
    assert "B {cite:p}`key`." in md


def test_as_of_date_is_shown_under_the_title(tmp_path):
    text = CASE.replace('period: "1994"', 'period: "1994"\nas_of: December 2026')
    md = case_markdown(load_case("sample", write(tmp_path, text)))
    assert md.splitlines()[3] == "*The record in this case as of December 2026.*"


def test_as_of_must_be_a_month_and_year(tmp_path):
    text = CASE.replace('period: "1994"', 'period: "1994"\nas_of: "2026-12"')
    with pytest.raises(SpecError) as caught:
        load_case("sample", write(tmp_path, text))
    assert caught.value.field == "as_of"


def test_every_case_in_the_book_is_valid():
    for path in CASES_DIR.glob("*.yml"):
        load_case(path.stem)


@pytest.mark.parametrize("broken, line, field, words", [
    (CASE.replace("response: R.\n", ""), 1, "", "'response' is a required property"),
    (CASE.replace('period: "1994"', "period: 1994"), 3, "period", "is not of type 'string'"),
    (CASE.replace("W.", "W.\ncolour: red"), 1, "", "'colour' was unexpected"),
    (CASE.replace("id: sample", "id: other"), 1, "id", "must match the file name"),
    (CASE.replace("title: Sample", "title: [Sample"), 3, "", "not valid YAML"),
])
def test_broken_case_names_file_line_and_field(tmp_path, broken, line, field, words):
    with pytest.raises(SpecError) as caught:
        load_case("sample", write(tmp_path, broken))
    err = caught.value
    assert err.file.endswith("sample.yml")
    assert (err.line, err.field) == (line, field), str(err)
    assert words in err.message


def test_unknown_case_lists_the_valid_ones(tmp_path):
    write(tmp_path, CASE)
    with pytest.raises(KeyError, match="valid cases: sample"):
        load_case("nope", tmp_path)
