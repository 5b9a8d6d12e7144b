"""A module's teaching texts, read from its pages so slides and handouts never copy them.

The module's ``index.md`` holds its title and ``## Learning objectives`` (a numbered
list; the heading may also be written ```` ```{rubric} Learning objectives ````); its
``seminar.md`` holds ``## Discussion questions`` (a numbered list) and
``## Summary`` (a bulleted list). Items come back as MyST Markdown, roles and citations
included. A missing file, section or list is a :class:`SpecError` naming the file, the
line and the section.

    from exercises.site.module_text import module_text
    text = module_text("04-responsibility-to-protect")
    text.title, text.objectives, text.discussion_questions, text.summary
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..yaml_data import SpecError
from ..paths import MODULES_DIR

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


def module_text(folder: str, modules_dir: Path = MODULES_DIR) -> ModuleText:
    base = Path(modules_dir) / folder
    return ModuleText(
        folder=folder,
        title=title(base / "index.md"),
        objectives=section_items(base / "index.md", "Learning objectives"),
        discussion_questions=section_items(base / "seminar.md", "Discussion questions"),
        summary=section_items(base / "seminar.md", "Summary"),
    )
