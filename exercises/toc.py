"""The course's table of contents (``_toc.yml``): its modules, by folder, slug or number.

Read by the course builder, the slide decks, the handouts and the course plan, which all
name modules the same way. A module is named by its folder
(``04-responsibility-to-protect``), its folder without the number
(``responsibility-to-protect``) or its number (``4`` or ``04``).
"""
from __future__ import annotations

import copy
import re
from pathlib import Path

import yaml

from .paths import ROOT

MODULE_FILE = re.compile(r"^book/modules/(?P<folder>(?P<number>\d+)-(?P<slug>[a-z0-9-]+))/index$")


class UnknownModule(ValueError):
    pass


def read_toc(path: Path = ROOT / "_toc.yml") -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _modules_part(toc: dict) -> dict:
    for part in toc["parts"]:
        if any(MODULE_FILE.match(ch["file"]) for ch in part.get("chapters", [])):
            return part
    raise ValueError("_toc.yml has no part listing book/modules/NN-name/index files")


def module_names(toc: dict) -> dict[str, str]:
    """Every accepted name -> the module's folder."""
    names = {}
    for chapter in _modules_part(toc)["chapters"]:
        m = MODULE_FILE.match(chapter["file"])
        for name in (m["folder"], m["slug"], m["number"], str(int(m["number"]))):
            names[name] = m["folder"]
    return names


def resolve(requested: list[str], toc: dict) -> list[str]:
    """Module folders for the requested names; an unknown name is an error naming it."""
    names = module_names(toc)
    unknown = [r for r in requested if r not in names]
    if unknown or not requested:
        valid = ", ".join(sorted({f for f in names.values()}))
        what = f"unknown module {', '.join(map(repr, unknown))}" if unknown else "no module chosen"
        raise UnknownModule(f"{what}; valid modules: {valid} (or their names without the number, or numbers)")
    folders = []
    for r in requested:
        if names[r] not in folders:
            folders.append(names[r])
    return folders


def course_toc(folders: list[str], toc: dict) -> dict:
    custom = copy.deepcopy(toc)
    part = _modules_part(custom)
    by_folder = {MODULE_FILE.match(ch["file"])["folder"]: ch for ch in part["chapters"]}
    part["chapters"] = [by_folder[f] for f in folders]
    return custom


def toc_files(toc: dict) -> list[str]:
    """Every page of the book in reading order (``root``, then each part's chapters and
    their sections, depth first), as docnames (``book/modules/01-foundations/index``)."""
    files = [toc["root"]]

    def walk(entries):
        for entry in entries:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections", []))

    for part in toc.get("parts", []):
        walk(part.get("chapters", []))
    return files


SHOW = re.compile(r"""\bshow\(\s*["']([a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*)["']\s*\)""")


def exercise_pages(toc: dict, root: Path = ROOT) -> dict[str, str]:
    """Each exercise shown on a page (``show("bank/id")`` in a page's source) -> the first
    page that shows it, in reading order: the order of the dict is the course's page order."""
    found: dict[str, str] = {}
    for docname in toc_files(toc):
        source = Path(root) / f"{docname}.md"
        if not source.is_file():
            continue
        for ref in SHOW.findall(source.read_text(encoding="utf-8")):
            found.setdefault(ref, docname)
    return found
