"""The course's Sphinx extension: fixes to the generated HTML that themes cannot make.

Listed in ``_config.yml`` under ``sphinx.config.extensions``.
"""
from __future__ import annotations

from sphinx.application import Sphinx

# docutils marks a bibliography as role="list" but its entries as role="doc-biblioentry"
# (a deprecated role), so screen readers get a list with no items (axe:
# aria-required-children). The entries become list items.
_BIBLIOGRAPHY_FIXES = (('role="doc-biblioentry"', 'role="listitem"'),)


def _fix_body(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    body = context.get("body")
    if body and 'class="citation-list"' in body:
        for old, new in _BIBLIOGRAPHY_FIXES:
            body = body.replace(old, new)
        context["body"] = body


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _fix_body)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
