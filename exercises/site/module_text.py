"""A module's teaching texts, read from its pages so slides and handouts never copy them.

The module's ``index.md`` holds its title and ``## Learning objectives`` (a numbered
list; the heading may also be written ```` ```{rubric} Learning objectives ````); its
``seminar.md`` holds ``## Discussion questions`` (a numbered list) and
``## Summary`` (a bulleted list). Items come back as MyST Markdown, roles and citations
included. A missing file, section or list is a :class:`SpecError` naming the file, the
line and the section.

In a translated edition (``lang``, default :func:`exercises.i18n.current`) each text is
looked up in its page's catalogue, ``locales/<lang>/LC_MESSAGES/<docname>.po``, under the
msgid Sphinx's gettext builder gives it (the item's MyST source on one line); text with no
translation stays in English (and is recorded in :data:`exercises.i18n.missing`).

    from exercises.site.module_text import module_text
    text = module_text("04-responsibility-to-protect")
    text.title, text.objectives, text.discussion_questions, text.summary
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import i18n
from ..yaml_data import SpecError
from ..paths import MODULES_DIR, ROOT

_ITEM = re.compile(r"^(?:\d+\.|[-*])\s+")


@dataclass(frozen=True)
class ModuleText:
    folder: str
    title: str
    objectives: list[str]
    discussion_questions: list[str]
    summary: list[str]


def _read(path: Path) -> list[str]:
    if not path.is_file():
        raise SpecError(path, None, "", "file not found")
    return path.read_text(encoding="utf-8").splitlines()


def title(path: Path) -> str:
    for line in _read(path):
        if line.startswith("# "):
            return line[2:].strip()
    raise SpecError(path, None, "# title", "the page has no level-1 heading")


def section_items(path: Path, heading: str) -> list[str]:
    """The items of the first list under ``## heading``, each joined into one line."""
    lines = _read(path)
    markers = {f"## {heading}", f"```{{rubric}} {heading}"}
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() in markers)
    except StopIteration:
        raise SpecError(path, None, f"## {heading}", "section not found") from None
    items: list[list[str]] = []
    for line in lines[start + 1:]:
        if line.startswith(("#", "```{rubric}")):
            break
        if _ITEM.match(line):
            items.append([_ITEM.sub("", line).strip()])
        elif items and line[:1].isspace() and line.strip():
            items[-1].append(line.strip())
        elif items and line.strip():
            break  # the list has ended
    if not items:
        raise SpecError(path, start + 1, f"## {heading}", "the section has no list")
    return [" ".join(item) for item in items]


def page_catalogue(page: Path, lang: str) -> Path | None:
    """The catalogue Sphinx translates ``page`` with (None for a page outside the course)."""
    try:
        docname = Path(page).resolve().relative_to(ROOT).with_suffix("")
    except ValueError:
        return None
    return i18n.LOCALES_DIR / lang / "LC_MESSAGES" / f"{docname.as_posix()}.po"


def msgid(text: str) -> str:
    """``text`` as Sphinx's gettext builder keys it: one line, single spaces between lines."""
    return " ".join(line.strip() for line in text.strip().splitlines())


def translated(text: str, page: Path, lang: str | None = None) -> str:
    """``text`` from ``page`` in ``lang`` (default: the current language)."""
    lang = lang or i18n.current()
    po = page_catalogue(page, lang) if lang != i18n.SOURCE_LANGUAGE else None
    return text if po is None else i18n.translate(msgid(text), po)


def heading(page: Path, lang: str | None = None) -> str:
    """The page's title (its level-1 heading) in ``lang`` (default: the current language)."""
    return translated(title(page), page, lang)


def module_text(folder: str, modules_dir: Path = MODULES_DIR, lang: str | None = None) -> ModuleText:
    """The module's teaching texts in ``lang`` (default: the current language)."""
    lang = i18n.check(lang or i18n.current())
    base = Path(modules_dir) / folder
    index, seminar = base / "index.md", base / "seminar.md"
    return ModuleText(
        folder=folder,
        title=translated(title(index), index, lang),
        objectives=[translated(t, index, lang) for t in section_items(index, "Learning objectives")],
        discussion_questions=[translated(t, seminar, lang) for t in section_items(seminar, "Discussion questions")],
        summary=[translated(t, seminar, lang) for t in section_items(seminar, "Summary")],
    )
