"""The Sphinx side of the course's languages (see :mod:`exercises.i18n`).

- ``language`` (``_config.yml``, or ``course book --lang ja``, which sets it) must agree with
  ``COURSE_LANG``, which the pages' kernels read; the pages' catalogues are read from
  ``locales/`` (``locale_dirs`` and ``gettext_compact: false`` in ``_config.yml``: one
  catalogue per page);
- in a translated build, every paragraph of modules 1-10 must have a finished translation:
  one that has none is a warning (so the strict build fails), naming the page and line;
- every page links to the same page in the other language. The sites are published side by
  side: English at the site's root, Japanese under ``ja/``.
"""
from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.nodes import extract_messages

from .. import i18n

logger = logging.getLogger(__name__)

# pages that must be translated in full (the strict check); the rest may fall back to English
REQUIRED_PAGES = re.compile(r"^book/modules/\d\d-[^/]+/")
# where each language's site sits, relative to the English site's root
SITE_FOLDER = {"en": "", "ja": "ja/"}


def _configure(app: Sphinx, config: Config) -> None:
    lang = config.language or i18n.SOURCE_LANGUAGE
    try:
        i18n.check(lang)
    except i18n.LanguageError as err:
        raise ConfigError(f"language: {err}") from None
    if lang != i18n.current():  # the kernels read COURSE_LANG: the two must agree
        raise ConfigError(f"language={lang!r} but {i18n.VARIABLE}={i18n.current()!r}: build the Japanese "
                          f"edition with `make book LANG=ja` (course book --lang ja), which sets both")
    # the link to the other language, in every page's header (book/_templates/language-switch.html)
    header = config.html_theme_options.setdefault("article_header_end", ["article-header-buttons.html"])
    if "language-switch.html" not in header:
        header.insert(0, "language-switch.html")


class UntranslatedText(SphinxTransform):
    """Before Sphinx translates a page (its Locale transform, priority 20): warn about every
    text of a required page that has no finished translation in its catalogue."""

    default_priority = 15

    def apply(self, **kwargs) -> None:
        lang = self.config.language or i18n.SOURCE_LANGUAGE
        docname = self.env.docname
        if lang == i18n.SOURCE_LANGUAGE or not REQUIRED_PAGES.match(docname) or not self.config.course_i18n_strict:
            return
        po = i18n.LOCALES_DIR / lang / "LC_MESSAGES" / f"{docname}.po"
        done = i18n.translations(po)
        front = {id(n) for child in self.document.children[:1] if isinstance(child, (nodes.field_list, nodes.docinfo))
                 for n in child.findall(nodes.Element)}  # the page's front matter: metadata, not text
        missing = [(node, msg) for node, msg in extract_messages(self.document)
                   if (None, msg) not in done and id(node) not in front]
        for node, msg in missing[:3]:
            logger.warning("no %s translation in %s for: %.80s", i18n.LANGUAGES[lang],
                           po.relative_to(i18n.ROOT), msg, location=node)
        if len(missing) > 3:
            logger.warning("%d more texts of this page have no %s translation (course i18n status)",
                           len(missing) - 3, i18n.LANGUAGES[lang], location=(docname, None))


def other_language(lang: str, pagename: str) -> tuple[str, str, str]:
    """(language code, its name, relative URL) of the same page in the other language."""
    other = "ja" if lang == "en" else "en"
    up = "../" * pagename.count("/")
    # from <root>/<page> to <root>/ja/<page>, or from <root>/ja/<page> back to <root>/<page>
    url = f"{up}{SITE_FOLDER[other]}{pagename}.html" if lang == "en" else f"{up}../{pagename}.html"
    return other, i18n.LANGUAGES[other], url


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    lang = app.config.language or i18n.SOURCE_LANGUAGE
    other, name, url = other_language(lang, pagename)
    context["course_language"] = lang
    context["course_other_language"] = {"code": other, "name": name, "url": url,
                                        "title": i18n.message("site.other_language", lang)}


def _translate_captions(app: Sphinx, doctree) -> None:
    """The table of contents' part captions (from _toc.yml, in no page's catalogue) in the
    language built: ``toc.<caption in lower case, words joined by _>`` in messages.json."""
    lang = app.config.language or i18n.SOURCE_LANGUAGE
    strings = i18n.messages(lang)
    for node in doctree.findall(addnodes.toctree):
        key = "toc." + "_".join(str(node.get("caption") or "").lower().split())
        if key in strings:
            node["caption"] = strings[key]


def mark_generated(container: nodes.Element) -> nodes.Element:
    """Text a directive makes from a YAML source is translated with the source
    (exercises/i18n.py), not by the page's catalogue: keep Sphinx from extracting it."""
    for node in container.findall(nodes.Element):
        # inline nodes are never extracted unless marked, and Sphinx unwraps any inline that
        # carries the mark (RemoveTranslatableInline), which would move its text
        if not isinstance(node, nodes.Inline):
            node["translatable"] = False
    return container


def setup(app: Sphinx) -> None:
    # false only in a draft build (course book --lang ja --draft): untranslated text is shown in English
    app.add_config_value("course_i18n_strict", True, "env")
    app.connect("config-inited", _configure, priority=200)
    app.add_transform(UntranslatedText)
    app.connect("html-page-context", _page_context)
    app.connect("doctree-read", _translate_captions)
