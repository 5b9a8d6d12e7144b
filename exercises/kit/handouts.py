"""Printable handouts: per module a student handout and an answer key, and role cards.

    python -m exercises handouts [MODULES...]      (or: make handouts [MODULES="1 4"])

writes into ``_build/handouts/``:

- ``<NN-slug>.pdf``: the student handout (A4, black and white): title, course, licence
  and how to cite (``CITATION.cff``); learning objectives; summary; key terms (the
  module's ``glossary.yml``, with the Japanese terms); discussion questions; an exercise
  sheet with blanks (:mod:`exercises.kit.sheets`); the sources cited, author-year;
- ``<NN-slug>-answers.pdf``: the answer key, marked "For instructors" on every page
  (:mod:`exercises.answer_key` for each exercise's answers);
- ``role-cards.pdf``: the capstone's roles (``book/roles/capstone.yml``) as cards;
- ``index.html`` listing them, and ``html/`` with the pages they were printed from.

Modules are named as ``make course`` names them (folder, folder without the number, or
number; none means all). Module texts come from :mod:`exercises.site.module_text`, their MyST
roles rendered by :mod:`exercises.kit.myst_print`. Pages are printed by a local headless
Chromium from local files; any request that would leave the machine is blocked and makes
the command fail. Everything is written to a temporary folder and moved into place whole.

Languages (``--lang ja``, default ``COURSE_LANG``): the Japanese handouts go into
``_build/ja/handouts/`` (:func:`exercises.paths.kit_output`), printed from pages with
``lang="ja"`` in the print font Noto Sans JP (:mod:`exercises.kit.fonts`). The module texts
come from the pages' catalogues, the banks, glossaries and role cards from theirs (they are
translated when loaded), and the handouts' own words are :mod:`exercises.i18n` messages.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path


from . import credits, fonts
from .. import i18n
from ..answer_key import answer_key_html
from ..toc import module_names, read_toc, resolve
from ..site.glossary import module_glossary
from ..site.module_text import heading, module_text
from ..site.objectives_map import pages_showing_exercises
from .myst_print import Bibliography, MystPrinter
from .output import replacing
from ..site.roles import ROLES_DIR, load_roles, role_cards_html
from .sheets import exercise_sheet
from ..specs import load_banks
from ..paths import MODULES_DIR, ROOT, kit_output
from ..escaping import html_markup_message, html_message as _say

OUT = kit_output("handouts")
CSS = Path(__file__).resolve().parent / "handouts.css"
ROLES = "capstone"


class PrintError(RuntimeError):
    pass


@dataclass(frozen=True)
class Course:
    title: str
    cite: str
    licence: str


def course_info(root: Path = ROOT) -> Course:
    licence = f"{credits.licence()} {i18n.message('kit.handouts.licence_use')}"
    return Course(credits.course_title(root=root), credits.how_to_cite(root=root), licence)


def where_shown() -> dict[str, tuple[str, str]]:
    """``bank/id`` -> (module folder, title of the module page that shows it)."""
    found = {}
    for ref, doc in pages_showing_exercises().items():
        parts = doc.split("/")
        if parts[:2] == ["book", "modules"]:
            found[ref] = (parts[2], heading(ROOT / f"{doc}.md"))
    return found


def _online(ref: str, shown: dict) -> str:
    if ref not in shown:
        return _say("kit.handouts.course_site")
    folder, title = shown[ref]
    return _say("kit.handouts.online_page", number=int(folder.split('-', 1)[0]), title=title)


def _page(title: str, body: str, body_class: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{i18n.current()}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<style>{fonts.font_face_css()}{CSS.read_text(encoding="utf-8")}</style></head>'
            f'<body class="{body_class}">{body}</body></html>\n')


def _terms(folder: str, printer: MystPrinter, modules_dir: Path = MODULES_DIR) -> str:
    """The key terms: in English the English term with the Japanese beside it; in Japanese
    the Japanese term (with its reading) first and the English beside it."""
    out = []
    japanese_first = i18n.current() == "ja"
    for e in module_glossary(folder, modules_dir):
        reading = f"（{html.escape(e['reading'])}）" if e.get("reading") else ""
        ja = f'<span lang="ja">{html.escape(e["ja"])}{reading}</span>'
        en = f'<span lang="en">{html.escape(e["term"])}</span>'
        first, beside, label = (ja, en, "kit.handouts.english") if japanese_first else (en, ja, "kit.handouts.japanese")
        out.append(f"<div><dt>{first}</dt><dd>{printer.inline(e['definition'])}"
                   f'<span class="ja">{_say(label)} {beside}</span></dd></div>')
    return f'<dl class="terms">{"".join(out)}</dl>' if out else f"<p>{_say('kit.handouts.no_terms')}</p>"


def _head(course: Course, title_html: str, kind: str, folder: str) -> str:
    """The handout's head; ``title_html`` is the module's title as rendered HTML."""
    number = int(folder.split("-", 1)[0])
    return (f'<p class="course">{html.escape(course.title)}</p>'
            f'<h1>{_say("kit.handouts.module", number=number)}{title_html}</h1><p class="kind">{kind}</p>'
            f'<div class="cite-box"><p><b>{_say("kit.label.how_to_cite")}</b> {html.escape(course.cite)}</p>'
            f'<p><b>{_say("kit.label.licence")}</b> {html.escape(course.licence)}</p></div>')


def _bank_for(folder: str, banks: dict):
    slug = folder.split("-", 1)[1]
    if slug not in banks:
        raise PrintError(f"module {folder} has no exercise bank exercises/banks/{slug}.yml")
    return banks[slug]


def student_html(folder: str, course: Course, bibliography: Bibliography, banks: dict, shown: dict,
                 modules_dir: Path = MODULES_DIR) -> str:
    text = module_text(folder, modules_dir)
    printer = MystPrinter(bibliography, Path(modules_dir) / folder)
    bank = _bank_for(folder, banks)

    def li(items):
        return "".join(f"<li>{printer.inline(i)}</li>" for i in items)
    sheets = "".join(exercise_sheet(ex, f"{bank.name}/{ex['id']}", n, _online(f"{bank.name}/{ex['id']}", shown))
                     for n, ex in enumerate(bank.exercises, 1))
    body = (_head(course, printer.inline(text.title), _say("kit.handouts.student"), folder)
            + f'<p class="name-line">{_say("kit.handouts.name")} <span class="blank"></span></p>'
            + f"<h2>{_say('kit.handouts.objectives')}</h2><p>{_say('kit.handouts.objectives_intro')}</p>"
              f"<ol>{li(text.objectives)}</ol>"
            + f"<h2>{_say('kit.handouts.summary')}</h2><ul>{li(text.summary)}</ul>"
            + f"<h2>{_say('kit.handouts.key_terms')}</h2>{_terms(folder, printer, modules_dir)}"
            + f"<h2>{_say('kit.handouts.discussion')}</h2><ol>{li(text.discussion_questions)}</ol>"
            + f"<h2>{_say('kit.handouts.exercises')}</h2><p>{_say('kit.handouts.exercises_intro')}</p>{sheets}"
            + printer.sources_html())
    return _page(i18n.message("kit.handouts.module", number=int(folder.split("-", 1)[0])) + text.title, body)


def _exercise_answer(ex: dict, n: int, printer: MystPrinter) -> str:
    from ..markdown import to_html
    graded = f'<span class="graded">{_say("kit.handouts.graded")}</span>' if ex.get("graded") else ""
    title = f": {html.escape(ex['title'])}" if ex.get("title") else ""
    sources = (f'<p class="ex-sources">{_say("kit.handouts.sources")} '
               f'{printer.inline("{cite:p}`" + ",".join(ex["sources"]) + "`")}</p>' if ex.get("sources") else "")
    return (f'<section class="exercise" id="key-{html.escape(ex["id"])}"><h3>{_say("kit.handouts.exercise", n=n)}'
            f'{title}{graded}</h3>'
            f'<div class="prompt">{to_html(ex["prompt"])}</div><div class="answer">{answer_key_html(ex)}</div>'
            f"{sources}</section>")


def answers_html(folder: str, course: Course, bibliography: Bibliography, banks: dict,
                 modules_dir: Path = MODULES_DIR) -> str:
    text = module_text(folder, modules_dir)
    printer = MystPrinter(bibliography, Path(modules_dir) / folder)
    bank = _bank_for(folder, banks)
    answers = "".join(_exercise_answer(ex, n, printer) for n, ex in enumerate(bank.exercises, 1))
    body = (_head(course, printer.inline(text.title), _say("kit.handouts.answer_key_header"), folder)
            + f"<p>{_say('kit.handouts.answer_key_intro')}</p>"
            + f"<h2>{_say('kit.handouts.exercises')}</h2>{answers}" + printer.sources_html())
    return _page(i18n.message("kit.handouts.answer_key_title", folder=folder, title=text.title), body)


def role_cards_page(course: Course, bibliography: Bibliography, roles_id: str = ROLES,
                    roles_dir: Path = ROLES_DIR) -> tuple[str, dict]:
    data = load_roles(roles_id, roles_dir)
    printer = MystPrinter(bibliography, MODULES_DIR / "10-case-studies")
    cards = role_cards_html(data, printer)
    sources = printer.sources_html()
    body = cards + (f'<article class="sources-page">{sources}<p class="cut-note">{html.escape(course.cite)} '
                    f"{html.escape(course.licence)}</p></article>")
    return _page(i18n.message("kit.handouts.role_cards_title", title=data["title"]), body, "cards"), data


# ------------------------------------------------------------------ printing

PAGE, PAGES = '<span class="pageNumber"></span>', '<span class="totalPages"></span>'


def _footer(left: str) -> str:
    return (f'<div style="font-size:7.5pt;font-family:sans-serif;width:100%;margin:0 15mm;display:flex;'
            f'justify-content:space-between;color:#000"><span>{html.escape(left)}</span>'
            f'<span>{html_markup_message("kit.handouts.page_of", page=PAGE, pages=PAGES)}</span></div>')


def _header(text: str) -> str:
    if not text:
        return "<span></span>"
    return (f'<div style="font-size:8pt;font-family:sans-serif;font-weight:bold;width:100%;margin:0 15mm;'
            f'text-align:right;color:#000">{html.escape(text)}</div>')


def print_pdfs(jobs: list[tuple[Path, Path, str, str]], browser=None) -> None:
    """Print each (html file, pdf file, header, footer) with headless Chromium (``browser``,
    a Playwright browser, or a new local one). Only local files may load; an attempt to
    reach anything else is blocked and raises PrintError."""
    if browser is None:
        from .browser import chromium
        with chromium() as new_browser:
            return print_pdfs(jobs, new_browser)
    blocked: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(("file://", "data:", "about:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context = browser.new_context()
    try:
        context.route("**/*", guard)
        page = context.new_page()
        for source, target, header, footer in jobs:
            page.goto(source.resolve().as_uri(), wait_until="load")
            page.emulate_media(media="print")
            page.evaluate("document.fonts.ready.then(() => true)")  # the web font's parts, loaded
            page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True,
                     display_header_footer=True, header_template=_header(header), footer_template=_footer(footer))
    finally:
        context.close()
    if blocked:
        raise PrintError("blocked requests that would leave this machine: " + ", ".join(sorted(set(blocked))))


def _index(entries: list[tuple[str, str, str]], course: Course) -> str:
    rows = "".join(f'<tr><td><a href="{html.escape(f)}">{html.escape(f)}</a></td><td>{html.escape(what)}</td>'
                   f"<td>{html.escape(title)}</td></tr>" for f, what, title in entries)
    body = (f"<h1>{_say('kit.handouts.index_heading')}</h1><p>{html.escape(course.title)}</p>"
            f"<table><thead><tr><th>{_say('kit.handouts.file')}</th><th>{_say('kit.handouts.what')}</th>"
            f"<th>{_say('kit.handouts.title')}</th></tr></thead><tbody>{rows}</tbody></table>"
            f"<p>{_say('kit.handouts.print_note')} {html.escape(course.licence)}</p>")
    return _page(i18n.message("kit.handouts.index_heading"), body, "index")


def build(requested: list[str] | None = None, out: Path | None = None, lang: str | None = None) -> list[Path]:
    """Write the handouts of the requested modules (all when none) and the role cards, in
    ``lang`` (default: the current language), into ``out`` (default: that language's
    :func:`exercises.paths.kit_output`)."""
    with i18n.language(lang) as lang:
        return _build(requested, kit_output("handouts", lang) if out is None else out)


def _build(requested: list[str] | None, out: Path) -> list[Path]:
    toc = read_toc()
    folders = resolve(list(requested or sorted(set(module_names(toc).values()))), toc)
    course, bibliography, banks, shown = course_info(), Bibliography.from_config(), load_banks(), where_shown()
    out = Path(out)
    with replacing(out, "handouts") as tmp:
        (tmp / "html").mkdir()
        jobs, entries = [], []
        for folder in folders:
            title = module_text(folder).title
            module = i18n.message("kit.handouts.module", number=int(folder.split("-", 1)[0])) + title
            for suffix, what, page, header in (
                    ("", i18n.message("kit.handouts.student"), student_html(folder, course, bibliography, banks, shown), ""),
                    ("-answers", i18n.message("kit.handouts.answer_key_entry"),
                     answers_html(folder, course, bibliography, banks), i18n.message("kit.handouts.answer_key_header"))):
                source = tmp / "html" / f"{folder}{suffix}.html"
                source.write_text(page, encoding="utf-8")
                jobs.append((source, tmp / f"{folder}{suffix}.pdf", header, f"{module} · CC BY 4.0"))
                entries.append((f"{folder}{suffix}.pdf", what, module))
        cards, data = role_cards_page(course, bibliography)
        (tmp / "html" / "role-cards.html").write_text(cards, encoding="utf-8")
        jobs.append((tmp / "html" / "role-cards.html", tmp / "role-cards.pdf", "",
                     f"{i18n.message('kit.handouts.role_cards_title', title=data['title'])} · CC BY 4.0"))
        entries.append(("role-cards.pdf", i18n.message("kit.handouts.role_cards_entry"), data["title"]))
        print_pdfs(jobs)
        (tmp / "index.html").write_text(_index(entries, course), encoding="utf-8")
    return [out / f for f, _, _ in entries]
