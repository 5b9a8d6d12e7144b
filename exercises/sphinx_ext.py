"""The course's Sphinx extension, listed in ``_config.yml`` (``sphinx.config.extensions``).

- the ``{case-box}`` directive (see :mod:`exercises.case_box`);
- the ``{course-glossary}`` directive (see :mod:`exercises.glossary`);
- fixes to the generated HTML that themes cannot make.
"""
from __future__ import annotations

from sphinx.application import Sphinx

from .case_box import CaseBoxDirective
from .glossary import CourseGlossaryDirective

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
    app.add_directive("case-box", CaseBoxDirective)
    app.add_directive("course-glossary", CourseGlossaryDirective)
    app.connect("html-page-context", _fix_body)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
