"""What the course's Sphinx directives share: MyST generated from data, and a directive
that shows one YAML file (a case, an agenda) by its id.

Data become MyST by one rule (see :mod:`exercises.escaping`): plain-text fields are
escaped with :func:`~exercises.escaping.myst_text`, URLs written with
:func:`~exercises.escaping.myst_link`, and fields documented as MyST Markdown in their
schema are passed on as they are. Whatever MyST makes of the result is then made inert by
:func:`inert`: raw HTML (inline, blocks, ``{raw}``) is shown as text, links and images
to anything but http(s), mailto or a relative address lose their target, and ``meta``
tags are dropped; and no file may be inserted (``{include}``, ``{literalinclude}``: a
warning, so the strict build fails). So no YAML field, slide text or discussion question
can put markup or script on a page, or a file of the build machine.
"""
from __future__ import annotations

import re
from pathlib import Path
from collections.abc import Callable

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from ..yaml_data import SpecError
from .language import mark_generated


_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
SAFE_SCHEMES = ("http", "https", "mailto")


def safe_target(uri: str) -> bool:
    """Whether a link target is an http(s) or mailto URL or a relative address (browsers
    ignore tabs, line breaks and leading spaces in a scheme, and so does this check)."""
    m = _SCHEME.match("".join(c for c in uri if ord(c) > 32).lower())
    return not m or m.group(1) in SAFE_SCHEMES


def inert(parent: nodes.Element) -> nodes.Element:
    """Make everything below ``parent`` inert (in place): see the module's docstring."""
    for node in list(parent.findall(nodes.raw)):
        text = node.astext()
        inline = isinstance(node.parent, nodes.TextElement)
        node.replace_self(nodes.Text(text) if inline else nodes.paragraph(text, text))
    for node in list(parent.findall(nodes.meta)):
        node.parent.remove(node)
    for node in list(parent.findall(nodes.reference)):
        if not safe_target(node.get("refuri", "")):
            node.replace_self(nodes.inline("", "", *node.children))
    for node in list(parent.findall(nodes.image)):
        if not safe_target(node.get("uri", "")):
            node.replace_self(nodes.Text(node.get("alt", "")))
    return parent


class MarkdownDirective(SphinxDirective):
    """A directive whose output is MyST Markdown generated from data (made inert)."""

    has_content = False

    def render(self, markdown: str) -> list[nodes.Node]:
        container = nodes.container()
        settings = self.state.document.settings
        inserting = settings.file_insertion_enabled
        settings.file_insertion_enabled = False  # no {include}, {literalinclude} or raw :file: from data
        try:
            self.state.nested_parse(StringList(markdown.splitlines(), source=self.get_source_info()[0]),
                                    self.content_offset, container)
        finally:
            settings.file_insertion_enabled = inserting
        return mark_generated(inert(container)).children


class YamlFileDirective(MarkdownDirective):
    """``{name} <id>``: loads ``directory/<id>.yml`` with ``load(id, directory)`` and shows
    ``to_markdown``."""

    required_arguments = 1
    directory: Path
    load: Callable[[str], dict]
    to_markdown: Callable[[dict], str]

    def run(self) -> list[nodes.Node]:
        item_id = self.arguments[0]
        # noted first, so a page whose file was broken is re-read once it is fixed
        self.env.note_dependency(str(self.directory / f"{item_id}.yml"))
        try:
            data = type(self).load(item_id, self.directory)
        except (KeyError, SpecError) as err:
            raise self.error(str(err).strip('"')) from err
        return self.render(type(self).to_markdown(data))
