"""The case box: one shared template for every case study in the course.

A case lives in ``book/cases/<id>.yml`` (schema: ``exercises/schema/case.schema.json``)
and is shown on a page with::

    ```{case-box} rwanda-1994
    ```

Every case has the same four parts: background, warning signs, response, and what
prevention could have changed. Keeping cases as data lets slides and handouts reuse them.
"""
from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from .yaml_data import SpecError, line_for, load_yaml

CASES_DIR = Path(__file__).resolve().parent.parent / "book" / "cases"
SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "case.schema.json"
PARTS = [("background", "Background"), ("warning_signs", "Warning signs"),
         ("response", "Response"), ("prevention", "What prevention could have changed")]


def load_case(case_id: str, directory: Path = CASES_DIR) -> dict:
    path = Path(directory) / f"{case_id}.yml"
    if not path.exists():
        valid = ", ".join(sorted(p.stem for p in Path(directory).glob("*.yml"))) or "(none)"
        raise KeyError(f"no case {case_id!r} in {directory}; valid cases: {valid}")
    data, lines = load_yaml(path, SCHEMA_PATH)
    if data["id"] != case_id:
        raise SpecError(path, line_for(lines, ("id",)), "id", f"id {data['id']!r} must match the file name {case_id!r}")
    return data


def case_markdown(case: dict) -> str:
    """The case in the shared template, as MyST Markdown."""
    out = [f"`````{{admonition}} Case: {case['title']} ({case['period']})", ":class: case-box", ""]
    if case.get("content_note"):
        out += [f"*Content note: {case['content_note'].strip()}*", ""]
    for key, heading in PARTS:
        out += ["```{rubric} " + heading, "```", case[key].strip(), ""]
    out.append("`````")
    return "\n".join(out)


class CaseBoxDirective(SphinxDirective):
    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        # noted first, so a page whose case file was broken is re-read once it is fixed
        self.env.note_dependency(str(CASES_DIR / f"{self.arguments[0]}.yml"))
        try:
            case = load_case(self.arguments[0])
        except (KeyError, SpecError) as err:
            raise self.error(str(err).strip('"'))
        container = nodes.container()
        self.state.nested_parse(StringList(case_markdown(case).splitlines(), source=self.get_source_info()[0]),
                                self.content_offset, container)
        return container.children
