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
from ..i18n import message
from ..paths import BOOK_DIR, SCHEMA_DIR

CASES_DIR = BOOK_DIR / "cases"
SCHEMA_PATH = SCHEMA_DIR / "case.schema.json"
PARTS = ["background", "warning_signs", "response", "prevention"]  # headings: case.<part> in messages.json


def load_case(case_id: str, directory: Path = CASES_DIR) -> dict:
    return load_by_id(case_id, directory, SCHEMA_PATH, "case")


def case_markdown(case: dict) -> str:
    """The case in the shared template, as MyST Markdown (title and period are plain text;
    the other fields MyST Markdown, see the schema)."""
    title = message("case.title", title=myst_text(case["title"]), period=myst_text(case["period"]))
    out = [f"`````{{admonition}} {title}", ":class: case-box", ""]
    if case.get("as_of"):
        out += ["*" + message("case.as_of", date=myst_text(case["as_of"])) + "*", ""]
    if case.get("content_note"):
        out += ["*" + message("case.content_note", note=case["content_note"].strip()) + "*", ""]
    for key in PARTS:
        out += ["```{rubric} " + message(f"case.{key}"), "```", case[key].strip(), ""]
    out.append("`````")
    return "\n".join(out)


class CaseBoxDirective(YamlFileDirective):
    directory = CASES_DIR
    load = staticmethod(load_case)
    to_markdown = staticmethod(case_markdown)
