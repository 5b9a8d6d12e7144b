"""The case box: one shared template for every case study in the course.

A case lives in ``book/cases/<id>.yml`` (schema: ``exercises/schema/case.schema.json``)
and is shown on a page with::

    ```{case-box} rwanda-1994
    ```

A case may carry ``as_of`` ("December 2026"): the month up to which its record was
last checked, shown under the title. Every case has the same four parts: background, warning signs, response, and what
prevention could have changed. Keeping cases as data lets slides and handouts reuse them.
"""
from __future__ import annotations

from pathlib import Path

from .directives import YamlFileDirective
from ..escaping import myst_text
from ..yaml_data import load_by_id
from ..paths import BOOK_DIR, SCHEMA_DIR

CASES_DIR = BOOK_DIR / "cases"
SCHEMA_PATH = SCHEMA_DIR / "case.schema.json"
PARTS = [("background", "Background"), ("warning_signs", "Warning signs"),
         ("response", "Response"), ("prevention", "What prevention could have changed")]


def load_case(case_id: str, directory: Path = CASES_DIR) -> dict:
    return load_by_id(case_id, directory, SCHEMA_PATH, "case")


def case_markdown(case: dict) -> str:
    """The case in the shared template, as MyST Markdown (title and period are plain text;
    the other fields MyST Markdown, see the schema)."""
    out = [f"`````{{admonition}} Case: {myst_text(case['title'])} ({myst_text(case['period'])})",
           ":class: case-box", ""]
    if case.get("as_of"):
        out += [f"*The record in this case as of {myst_text(case['as_of'])}.*", ""]
    if case.get("content_note"):
        out += [f"*Content note: {case['content_note'].strip()}*", ""]
    for key, heading in PARTS:
        out += ["```{rubric} " + heading, "```", case[key].strip(), ""]
    out.append("`````")
    return "\n".join(out)


class CaseBoxDirective(YamlFileDirective):
    directory = CASES_DIR
    load = staticmethod(load_case)
    to_markdown = staticmethod(case_markdown)
