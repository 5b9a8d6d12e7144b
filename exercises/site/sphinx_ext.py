"""The course's Sphinx extension, listed in ``_config.yml`` (``sphinx.extra_extensions``).

- the ``{case-box}`` directive (see :mod:`exercises.site.case_box`);
- the ``{course-glossary}`` directive (see :mod:`exercises.site.glossary`);
- the ``{objectives-map}`` directive (see :mod:`exercises.site.objectives_map`);
- the ``{agenda}`` directive (see :mod:`exercises.site.agenda`);
- the ``{roles}`` directive (see :mod:`exercises.site.roles`);
- the ``{course-plan}`` directive (see :mod:`exercises.site.course_plan`);
- the ``{teaching-note}`` directive, and the edition being built, ``course_edition``
  (see :mod:`exercises.site.teaching_note` and :mod:`exercises.edition`);
- re-running notebooks when banks, widgets or data change (see :mod:`exercises.site.execution_inputs`),
  in kernels forked from a warm process (see :mod:`exercises.site.warm_kernels`), a kernel
  that dies while starting started again (see :mod:`exercises.site.kernel_retry`);
- the language being built, untranslated text in a translated build, and the link to the
  same page in the other language (see :mod:`exercises.site.language`);
- where the course is published: repository and Binder buttons, base URL (see
  :mod:`exercises.site.publishing`);
- the widget state saved in each page written as JSON safe inside ``<script>``, each
  widget's shared code and style written once per page (see :mod:`exercises.site.widget_state`);
- the themes' CSS rules that no page can match dropped after the build, and the icon
  fonts cut to the icons left (see :mod:`exercises.site.unused_css` and
  :mod:`exercises.site.icon_font`);
- fixes to the generated HTML that themes cannot make (accessibility);
- pybtex's plugins (the bibliography's styles) looked up once (see :mod:`exercises.pybtex_plugins`).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx.application import Sphinx

from .. import edition, pybtex_plugins
from ..escaping import json_in_script
from . import kernel_retry, language, publishing, teaching_note, warm_kernels
from .agenda import AgendaDirective
from .case_box import CaseBoxDirective
from .course_plan import CoursePlanDirective
from .execution_inputs import outdated_notebooks
from .glossary import CourseGlossaryDirective, japanese_role
from .icon_font import subset_fonts
from .objectives_map import ObjectivesMapDirective
from .roles import RolesDirective
from .unused_css import purge_site
from .widget_state import compact

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


# Jupyter Book always loads sphinx_thebe. With live code off (launch_buttons.thebe: false)
# it does nothing useful, yet adds its config script (declared twice, a console error),
# sphinx-thebe.js and sphinx-thebe.css to every page. All three are dropped.
def _is_thebe_script(script) -> bool:
    body = getattr(script, "attributes", {}).get("body", "")
    return "THEBE_JS_URL" in body or str(getattr(script, "filename", "") or "").endswith("sphinx-thebe.js")


def _drop_thebe(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if "script_files" in context:
        context["script_files"] = [s for s in context["script_files"] if not _is_thebe_script(s)]
    if "css_files" in context:
        context["css_files"] = [c for c in context["css_files"]
                                if not str(getattr(c, "filename", c)).endswith("sphinx-thebe.css")]


# pydata-sphinx-theme folds a chapter's sub-pages under a <summary> holding only a
# chevron icon, so screen readers announce an unnamed control (axe: summary-name). Each
# summary is named after the link it follows.
_FOLD = re.compile(r'(<a class="reference internal" href="[^"]*">)(.*?)(</a><details(?: open="open")?>)<summary>', re.S)


def _name_folds(html: str) -> str:
    def named(m: re.Match) -> str:
        title = re.sub(r"<[^>]+>", "", m.group(2)).strip().replace('"', "&quot;")
        return f'{m.group(1)}{m.group(2)}{m.group(3)}<summary aria-label="Pages in {title}">'
    return _FOLD.sub(named, html)


def _fix_navigation(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    generate = context.get("generate_toctree_html")
    if generate and not getattr(generate, "_course_named", False):
        def generate_named(*args, **kwargs):
            return _name_folds(str(generate(*args, **kwargs)))
        generate_named._course_named = True
        context["generate_toctree_html"] = generate_named


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def _safe_widget_state(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """myst-nb writes the page's widget state (every exercise's spec and data) into a
    ``<script>`` escaping only a lower-case ``</script>``: ``</SCRIPT >``, ``<!--<script>``
    in a title or a data cell would end the element or hide the page. The state is
    written again with ``<``, ``>`` and ``&`` escaped (:func:`~exercises.escaping.json_in_script`),
    each widget's code and style once (:func:`~exercises.site.widget_state.compact`)."""
    for script in context.get("script_files") or []:
        attributes = getattr(script, "attributes", None)
        if attributes and attributes.get("type") == WIDGET_STATE and "body" in attributes:
            attributes["body"] = json_in_script(compact(json.loads(attributes["body"])))


def _lighten(app: Sphinx, exception) -> None:
    """After the build: drop the themes' unused CSS, then cut the icon fonts to the icons
    the remaining CSS draws (Sphinx copies both afresh on every build)."""
    if exception is None and app.builder.format == "html":
        purge_site(Path(app.outdir))
        subset_fonts(Path(app.outdir))


def setup(app: Sphinx) -> dict:
    pybtex_plugins.remember_lookups()  # the bibliography's styles, found once, not 1,300 times
    app.add_directive("case-box", CaseBoxDirective)
    app.add_directive("course-glossary", CourseGlossaryDirective)
    app.add_role("course-ja", japanese_role)
    app.add_directive("objectives-map", ObjectivesMapDirective)
    app.add_directive("agenda", AgendaDirective)
    app.add_directive("roles", RolesDirective)
    app.add_directive("course-plan", CoursePlanDirective)
    edition.setup_sphinx(app)
    publishing.setup(app)
    language.setup(app)
    teaching_note.setup(app)
    warm_kernels.setup(app)
    kernel_retry.install()
    app.connect("env-get-outdated", outdated_notebooks)
    app.connect("html-page-context", _fix_body)
    app.connect("html-page-context", _drop_thebe)
    app.connect("html-page-context", _safe_widget_state, priority=800)  # after myst-nb adds it
    app.connect("html-page-context", _fix_navigation, priority=900)  # after the theme's
    app.connect("build-finished", _lighten)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
