"""Slide decks: one reveal.js deck per module, built from ``book/modules/NN-slug/slides.md``.

    python -m exercises slides                  # every module that has a deck
    python -m exercises slides foundations 4    # chosen modules (names as for `make course`)
    make slides

Decks are MyST Markdown built by Sphinx's ``revealjs`` builder (sphinx-revealjs, which
ships reveal.js: nothing loads from the network). Every ``#``/``##`` heading is a slide.
The teaching texts come from the module's pages (:mod:`exercises.site.module_text`) and its
charts from :mod:`exercises.site.figures`, through these directives:

- ``{deck-title}``: the course, the module's number, the licence and how to cite;
- ``{deck-objectives}``: the module's learning objectives;
- ``{deck-discussion}`` (``:questions: 1-4``, ranges or lists, 1-based): its discussion
  questions, numbered as on its seminar page;
- ``{deck-summary}``: the summary bullets of its seminar page;
- ``{course-figure} <module-slug>/<name>``: a chart, as an SVG image with its alt text.

Speaker notes are ``{revealjs-notes}`` (key S opens the speaker view) and sources a
``{bibliography}``. ``{term}`` and ``{doc}`` roles show as plain text: decks have no
glossary or pages to link to. The build is strict (any Sphinx warning fails it, shown)
and happens in a temporary folder moved into place, so a failed build leaves nothing
half-written. Output: ``_build/slides/<NN-slug>/index.html`` and an index page,
``_build/slides/index.html``; both open from a local server or straight from the disk.

Languages (``--lang ja``, default ``COURSE_LANG``): the Japanese decks go into
``_build/ja/slides/`` (:func:`exercises.paths.kit_output`) with ``lang="ja"``. The module's
texts come translated from the pages' catalogues (:mod:`exercises.site.module_text`); the
deck's own text (headings, bullets, speaker notes) from its catalogue
``locales/<lang>/LC_MESSAGES/slides/<NN-slug>.po``, which ``course i18n update`` makes from
the deck with Sphinx's gettext builder (:func:`templates`; ``python -m exercises.kit.slides
templates FOLDER``) and each deck build hands to its Sphinx as ``locale_dirs``. Text with no
translation stays in English. The kit's own words are :mod:`exercises.i18n` messages.
"""
from __future__ import annotations

import datetime as _dt
import html
import io
import re
import shutil
import tempfile
from typing import ClassVar
from pathlib import Path

from docutils import nodes, utils
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.docutils import docutils_namespace, patch_docutils

from . import credits
from .. import i18n
from ..catalogues import slides_catalogue as catalogue
from ..site.directives import MarkdownDirective
from ..site.module_text import heading, module_text
from ..yaml_data import SpecError
from ..paths import MODULES_DIR, ROOM_PORT, ROOT, kit_output
from .output import replacing
from ..escaping import html_markup_message, html_message

THEME_DIR = ROOT / "book" / "_theme"
OUT = kit_output("slides")
DECK = "slides.md"


def licence(lang: str | None = None) -> str:
    return f"{credits.licence(lang)} {i18n.message('kit.slides.datasets_terms', lang)}"



# reveal.js settings: a 16:9 stage, the notes plugin (speaker view: key S) from the local
# files that sphinx-revealjs ships, and no motion between slides.
REVEAL_CONFIG = {"width": 1280, "height": 720, "margin": 0.04, "hash": True, "slideNumber": "c/t",
                 "transition": "none", "backgroundTransition": "none", "center": False}
PLUGINS = [{"name": "RevealNotes", "src": "revealjs/plugin/notes/notes.js"}]


class SlidesError(RuntimeError):
    """A deck could not be built; the message says why (file and line where known)."""


# --- the texts the directives show ---------------------------------------------------------

def how_to_cite() -> str:
    """How to cite the course, in MyST (the title in italics)."""
    return credits.how_to_cite(lambda title: f"*{title}*")


def parse_questions(value: str, count: int) -> list[int]:
    """``"1-4"``, ``"5,7"`` or ``"1-3, 6"`` -> 1-based question numbers, each in 1..count."""
    numbers: list[int] = []
    for part in value.split(","):
        m = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", part)
        if not m:
            raise ValueError(f"{value!r} is not a list of question numbers or ranges such as 1-4 or 1,3,5")
        first, last = int(m[1]), int(m[2] or m[1])
        if first > last:
            raise ValueError(f"the range {part.strip()!r} runs backwards")
        for n in range(first, last + 1):
            if not 1 <= n <= count:
                raise ValueError(f"question {n} is out of range: the module has {count} discussion questions")
            if n not in numbers:
                numbers.append(n)
    return numbers


# --- Sphinx side ---------------------------------------------------------------------------

def deck_language(config) -> str:
    return i18n.check(config.language or i18n.SOURCE_LANGUAGE)


class DeckDirective(MarkdownDirective):
    """A directive reading the texts of the deck's module (known from the deck's path).

    Under the gettext builder (:func:`templates`) it shows nothing: its texts are the pages'
    and the kit's, translated in their own catalogues, not the deck's."""

    def run(self):
        if self.env.app.builder.name == "gettext":
            return []
        return self.show()

    @property
    def lang(self) -> str:
        return deck_language(self.env.config)

    def module(self):
        folder = self.env.docname.split("/")[0]
        base = Path(self.env.srcdir) / folder
        for page in ("index.md", "seminar.md"):
            self.env.note_dependency(str(base / page))
        try:
            return module_text(folder, Path(self.env.srcdir), lang=self.lang)
        except SpecError as err:
            raise self.error(str(err)) from err


class DeckTitle(DeckDirective):
    def show(self):
        number = int(self.env.docname.split("-", 1)[0])
        today = _dt.date.today().isoformat()
        lang = self.lang

        def say(key, **values):
            return i18n.message(key, lang, **values)
        return self.render(f"""
:::{{container}} deck-course
{say("kit.slides.course_module", course=credits.course_title(lang), number=number)}
:::

:::{{container}} deck-meta
**{say("kit.label.licence")}** {licence(lang)}

**{say("kit.label.how_to_cite")}** {how_to_cite()}

{say("kit.slides.built_on", date=today)}
:::
""")


class DeckObjectives(DeckDirective):
    def show(self):
        items = self.module().objectives
        return self.render(i18n.message("kit.slides.objectives_intro", self.lang) + "\n\n"
                           + "\n".join(f"{i}. {text}" for i, text in enumerate(items, 1)))


class DeckDiscussion(DeckDirective):
    option_spec: ClassVar[dict] = {"questions": directives.unchanged_required}

    def show(self):
        questions = self.module().discussion_questions
        try:
            chosen = (parse_questions(self.options["questions"], len(questions))
                      if "questions" in self.options else list(range(1, len(questions) + 1)))
        except ValueError as err:
            raise self.error(f":questions: {err}") from err
        # a list starting at the first chosen number keeps seminar.md's numbering
        return self.render("\n".join(f"{n}. {questions[n - 1]}" for n in chosen))


class DeckSummary(DeckDirective):
    def show(self):
        return self.render("\n".join(f"- {text}" for text in self.module().summary))


class CourseFigure(DeckDirective):
    """``{course-figure} <module-slug>/<name>``: the chart as an SVG file beside the decks."""

    required_arguments = 1

    def show(self):
        from ..site import figures
        name = self.arguments[0]
        try:
            svg, alt_text = figures.svg(name)
        except (KeyError, ValueError) as err:
            raise self.error(str(err).strip('"')) from err
        filename = name.replace("/", "--") + ".svg"
        target = Path(self.env.app.outdir) / "_figures" / filename
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(svg, encoding="utf-8")
        up = "../" * self.env.docname.count("/")
        return [nodes.raw("", f'<figure class="course-figure"><img src="{up}_figures/{html.escape(filename)}" '
                              f'alt="{html.escape(alt_text)}"></figure>', format="html")]


def room_results_html(ref: str, port: int = ROOM_PORT, lang: str | None = None) -> str:
    """The markup of a ``{room-results}`` slide: an image from the room on this laptop,
    hidden until it loads, and a placeholder shown meanwhile (slides-fit.js swaps them)."""
    src = f"http://127.0.0.1:{port}/deck/{ref}.svg"
    alt = html_message("kit.slides.room_alt", lang, ref=ref)
    placeholder = html_markup_message("kit.slides.room_placeholder", lang, command="<code>make room</code>")
    return (f'<figure class="room-results" data-room-src="{html.escape(src)}">'
            f'<img alt="{alt}" hidden>'
            f'<figcaption class="room-placeholder">{placeholder}</figcaption></figure>')


class RoomResults(DeckDirective):
    """``{room-results} <bank>/<exercise-id>``: the question's live results when a room is
    running on this laptop (``make room``), a static placeholder when not. The chart is an
    image from the room on 127.0.0.1 (loopback only); if it does not load, the placeholder
    stays (book/_theme/slides-fit.js loads and refreshes the image)."""

    required_arguments = 1

    def show(self):
        ref = self.arguments[0]
        if not re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", ref):
            raise self.error(f"{ref!r} is not <bank>/<exercise-id>")
        return [nodes.raw("", room_results_html(ref, lang=self.lang), format="html")]


def _plain(shown_for_target):
    """A role showing its text (or the title part of ``text <target>``) as plain text."""
    def role(name, rawtext, text, lineno, inliner, options=None, content=None):
        m = re.fullmatch(r"(.*?)\s*<(.+)>", text, re.S)
        shown = m[1] if m and m[1] else shown_for_target(m[2] if m else text, inliner)
        return [nodes.Text(utils.unescape(shown))], []
    return role


def _doc_title(target: str, inliner) -> str:
    env = inliner.document.settings.env
    page = (Path(env.doc2path(env.docname)).parent / f"{target}.md").resolve()
    try:
        return heading(page, deck_language(env.config))
    except SpecError:
        return target


def setup(app: Sphinx) -> dict:
    app.add_directive("deck-title", DeckTitle)
    app.add_directive("deck-objectives", DeckObjectives)
    app.add_directive("deck-discussion", DeckDiscussion)
    app.add_directive("deck-summary", DeckSummary)
    app.add_directive("course-figure", CourseFigure)
    app.add_directive("room-results", RoomResults)
    app.add_role_to_domain("std", "term", _plain(lambda target, inliner: target), override=True)
    app.add_role_to_domain("std", "doc", _plain(_doc_title), override=True)
    return {"parallel_read_safe": False, "parallel_write_safe": True}


def sphinx_config(folder: str, srcdir: Path, lang: str = i18n.SOURCE_LANGUAGE,
                  locale_dir: Path | None = None) -> dict:
    """The decks' Sphinx configuration (there is no conf.py); ``locale_dir`` holds the deck's
    catalogue as Sphinx looks for it (``<lang>/LC_MESSAGES/<folder>/slides.po``)."""
    config = credits.book_config()
    return {
        "project": credits.course_title(lang),
        "copyright": f"{config.get('copyright', '')}, {config.get('author', '')}",
        "language": lang,
        "locale_dirs": [str(locale_dir)] if locale_dir else [],
        "gettext_compact": False,
        "gettext_uuid": False,
        "gettext_location": True,
        "extensions": ["myst_parser", "sphinx_revealjs", "sphinxcontrib.bibtex", "exercises.kit.slides"],
        "myst_enable_extensions": ["colon_fence", "deflist"],
        "include_patterns": [f"{folder}/{DECK}"],
        "root_doc": f"{folder}/{DECK[:-3]}",
        "bibtex_bibfiles": [str(ROOT / p) for p in config["bibtex_bibfiles"]],
        "bibtex_reference_style": config["sphinx"]["config"].get("bibtex_reference_style", "author_year"),
        "revealjs_style_theme": "white",
        "revealjs_static_path": [str(THEME_DIR)],
        "revealjs_css_files": ["slides.css"],
        "revealjs_script_conf": REVEAL_CONFIG,
        "revealjs_script_files": ["slides-fit.js"],
        "revealjs_script_plugins": PLUGINS,
        "html_copy_source": False,
        "html_show_sourcelink": False,
    }


# --- building ------------------------------------------------------------------------------

def deck_folders(modules_dir: Path = MODULES_DIR) -> list[str]:
    """The modules of _toc.yml that have a deck, in course order."""
    from ..toc import module_names, read_toc
    folders = dict.fromkeys(module_names(read_toc()).values())
    return [f for f in folders if (Path(modules_dir) / f / DECK).is_file()]


def count_slides(page: str) -> int:
    """Slides in a built deck: sections that hold no other section."""
    return len(re.findall(r"<section\b", page)) - len(re.findall(r"<section\b[^>]*>\s*<section\b", page))


def _index_page(decks: list[tuple[str, str, int]], lang: str | None = None) -> str:
    lang = i18n.check(lang or i18n.current())
    course = html.escape(credits.course_title(lang))
    rows = "\n".join(f'    <li><a href="{folder}/index.html">{html.escape(title)}</a> '
                     f'<span class="count">{html_message("kit.slides.count", lang, n=slides)}</span></li>'
                     for folder, title, slides in decks)
    heading_text = html_message("kit.slides.index_heading", lang)
    intro = html_markup_message("kit.slides.index_intro", lang, course=course, s="<kbd>S</kbd>", f="<kbd>F</kbd>",
                          esc="<kbd>Esc</kbd>")
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{heading_text}: {course}</title>
  <style>
    body {{ font: 1.1rem/1.5 system-ui, "Hiragino Sans", "Yu Gothic UI", Meiryo, "Noto Sans CJK JP", sans-serif;
           max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
           color: #1a1a1a; background: #fff; }}
    a {{ color: #0b4f9c; }}
    li {{ margin: 0.4rem 0; }}
    .count {{ color: #444; }}
  </style>
</head>
<body>
<main>
  <h1>{heading_text}</h1>
  <p>{intro}</p>
  <ol>
{rows}
  </ol>
  <p>{html.escape(licence(lang))}</p>
</main>
</body>
</html>
"""


def _locale_dir(folder: str, lang: str, work: Path) -> Path | None:
    """A folder holding the deck's catalogue where Sphinx looks for it (Sphinx compiles it
    there, so no compiled file is written beside the course's catalogues); None in English."""
    if lang == i18n.SOURCE_LANGUAGE:
        return None
    locale_dir = work / "locale" / folder
    target = locale_dir / lang / "LC_MESSAGES" / folder / "slides.po"
    target.parent.mkdir(parents=True, exist_ok=True)
    if catalogue(folder, lang).is_file():
        shutil.copyfile(catalogue(folder, lang), target)
    return locale_dir


def _build_deck(folder: str, srcdir: Path, outdir: Path, doctreedir: Path, lang: str = i18n.SOURCE_LANGUAGE,
                locale_dir: Path | None = None, builder: str = "revealjs") -> str:
    """Build one deck with its own Sphinx run (so decks citing the same source do not
    clash); returns the warnings, with no colour codes."""
    warnings = io.StringIO()
    with patch_docutils(None), docutils_namespace():
        try:
            app = Sphinx(srcdir=str(srcdir), confdir=None, outdir=str(outdir), doctreedir=str(doctreedir),
                         buildername=builder, confoverrides=sphinx_config(folder, srcdir, lang, locale_dir),
                         status=None, warning=warnings, freshenv=True, keep_going=True)
            app.build(force_all=True)
        except SphinxError as err:
            warnings.write(f"{srcdir / folder / DECK}: {err}\n")
    return re.sub(r"\x1b\[[0-9;]*m", "", warnings.getvalue())


def build(folders: list[str] | None = None, out: Path | None = None, modules_dir: Path = MODULES_DIR,
          lang: str | None = None) -> Path:
    """Build the decks of ``folders`` (default: every module with a deck) in ``lang`` (default:
    the current language) into ``out`` (default: :func:`exercises.paths.kit_output`).

    Returns the index page. A module without a deck, or any Sphinx warning, raises
    :class:`SlidesError`; ``out`` is then left as it was.
    """
    lang = i18n.check(lang or i18n.current())
    out = kit_output("slides", lang) if out is None else out
    modules_dir = Path(modules_dir).resolve()
    folders = list(folders) if folders is not None else deck_folders(modules_dir)
    if not folders:
        raise SlidesError(f"no module has a deck ({modules_dir}/NN-slug/{DECK})")
    missing = [str(modules_dir / f / DECK) for f in folders if not (modules_dir / f / DECK).is_file()]
    if missing:
        raise SlidesError(f"no deck: {', '.join(missing)} not found")
    out = Path(out).resolve()
    with replacing(out, "slides") as html_dir:
        work = Path(tempfile.mkdtemp(prefix=".slides-work-", dir=html_dir.parent))
        try:
            problems = [_build_deck(folder, modules_dir, html_dir, work / "doctrees" / folder, lang,
                                    _locale_dir(folder, lang, work)) for folder in folders]
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if any(problems):
            raise SlidesError("the slides build failed (a strict build fails on any warning):\n"
                              + "".join(problems))
        decks = []
        for folder in folders:
            built = html_dir / folder / "slides.html"
            built.rename(built.with_name("index.html"))
            page = (html_dir / folder / "index.html").read_text(encoding="utf-8")
            decks.append((folder, module_text(folder, modules_dir, lang).title, count_slides(page)))
        for leftover in ("objects.inv", ".buildinfo", "genindex.html", "search.html"):
            if (html_dir / leftover).exists():
                (html_dir / leftover).unlink()
        (html_dir / "index.html").write_text(_index_page(decks, lang), encoding="utf-8")
    return out / "index.html"


def templates(out: Path, folders: list[str] | None = None, modules_dir: Path = MODULES_DIR) -> dict[str, Path]:
    """The translation templates of the decks' own text, by Sphinx's gettext builder (the
    directives' texts left out: they have their own catalogues): ``out/<folder>/slides.pot``.
    Returns {folder: template}."""
    modules_dir = Path(modules_dir).resolve()
    folders = list(folders) if folders is not None else deck_folders(modules_dir)
    out = Path(out).resolve()
    found = {}
    with tempfile.TemporaryDirectory(prefix="slides-gettext-") as work:
        for folder in folders:
            problems = _build_deck(folder, modules_dir, out, Path(work) / folder, builder="gettext")
            if problems:
                raise SlidesError(f"the gettext build of {modules_dir / folder / DECK} failed:\n{problems}")
            found[folder] = out / folder / "slides.pot"
    return found


if __name__ == "__main__":  # `course i18n update` runs this: python -m exercises.kit.slides templates OUT
    import sys
    if len(sys.argv) != 3 or sys.argv[1] != "templates":
        sys.exit("usage: python -m exercises.kit.slides templates OUT")
    try:
        templates(Path(sys.argv[2]))
    except SlidesError as err:
        sys.exit(f"error: {err}")
