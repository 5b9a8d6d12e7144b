"""Build a custom course from chosen modules: its own table of contents and site.

    python -m exercises course foundations responsibility-to-protect 6
    make course MODULES="foundations responsibility-to-protect 6"

A module is named by its folder (``04-responsibility-to-protect``), its folder without
the number (``responsibility-to-protect``) or its number (``4``). The course keeps the
front and back matter, the chosen modules in the order given, and builds into
``_build/courses/<name>/_build/html``, reusing the main book's execution cache, with the
chosen modules' slide decks in ``_build/courses/<name>/slides`` (see :mod:`exercises.slides`). Links
to modules left out become plain text (Sphinx warns about each; the build goes on).
"""
from __future__ import annotations

import copy
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
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


def build(requested: list[str], name: str | None = None, courses_dir: Path = ROOT / "_build" / "courses",
          cache: Path = ROOT / "_build" / ".jupyter_cache") -> Path:
    """Build the course into ``courses_dir/<name>``; returns its html folder.

    ``cache`` is the execution cache to reuse (the main book's by default).
    """
    toc = read_toc()
    folders = resolve(requested, toc)
    name = name or "-".join(f.split("-", 1)[0] for f in folders)
    out = Path(courses_dir) / name
    out.mkdir(parents=True, exist_ok=True)
    (out / "_toc.yml").write_text(yaml.safe_dump(course_toc(folders, toc), sort_keys=False), encoding="utf-8")
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("execute", {})["cache"] = str(cache)
    config["title"] = f"{config['title']} (modules {', '.join(f.split('-', 1)[0] for f in folders)})"
    (out / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    jb = str(Path(sys.executable).parent / "jupyter-book")
    subprocess.run([jb, "build", str(ROOT), "--toc", str(out / "_toc.yml"), "--config", str(out / "_config.yml"),
                    "--path-output", str(out), "--keep-going"], check=True)
    from .slides import build as build_slides
    build_slides(folders, out / "slides")
    return out / "_build" / "html"
