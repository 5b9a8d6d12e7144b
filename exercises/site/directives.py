"""What the course's Sphinx directives share: MyST generated from data, and a directive
that shows one YAML file (a case, an agenda) by its id."""
from __future__ import annotations

from pathlib import Path
from collections.abc import Callable

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from ..yaml_data import SpecError


class MarkdownDirective(SphinxDirective):
    """A directive whose output is MyST Markdown generated from data."""

    has_content = False

    def render(self, markdown: str) -> list[nodes.Node]:
        container = nodes.container()
        self.state.nested_parse(StringList(markdown.splitlines(), source=self.get_source_info()[0]),
                                self.content_offset, container)
        return container.children


class YamlFileDirective(MarkdownDirective):
    """``{name} <id>``: loads ``directory/<id>.yml`` with ``load`` and shows ``to_markdown``."""

    required_arguments = 1
    directory: Path
    load: Callable[[str], dict]
    to_markdown: Callable[[dict], str]

    def run(self) -> list[nodes.Node]:
        item_id = self.arguments[0]
        # noted first, so a page whose file was broken is re-read once it is fixed
        self.env.note_dependency(str(self.directory / f"{item_id}.yml"))
        try:
            data = type(self).load(item_id)
        except (KeyError, SpecError) as err:
            raise self.error(str(err).strip('"')) from err
        return self.render(type(self).to_markdown(data))
