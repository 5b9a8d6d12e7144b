"""Build a custom course from chosen modules: its own table of contents and site.

    python -m exercises course foundations responsibility-to-protect 6
    make course MODULES="foundations responsibility-to-protect 6"

Modules are named as in :mod:`exercises.toc`. The course keeps the
front and back matter, the chosen modules in the order given, and builds into
``_build/courses/<name>/_build/html``, reusing the main book's execution cache, with the
chosen modules' slide decks in ``_build/courses/<name>/slides`` (see :mod:`exercises.kit.slides`). The
name is a plain folder name (no path), and the course is built beside its folder and swapped
in only when complete (see :mod:`exercises.kit.output`). Links
to modules left out become plain text (Sphinx warns about each; the build goes on).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from ..paths import BUILD_DIR, ROOT
from ..toc import course_toc, read_toc, resolve
from .output import replacing, safe_name


def build(requested: list[str], name: str | None = None, courses_dir: Path = BUILD_DIR / "courses",
          cache: Path = BUILD_DIR / ".jupyter_cache") -> Path:
    """Build the course into ``courses_dir/<name>``; returns its html folder.

    ``cache`` is the execution cache to reuse (the main book's by default).
    """
    toc = read_toc()
    folders = resolve(requested, toc)
    name = safe_name(name, "course name") if name is not None else "-".join(f.split("-", 1)[0] for f in folders)
    out = Path(courses_dir) / name
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("execute", {})["cache"] = str(Path(cache).absolute())
    config["title"] = f"{config['title']} (modules {', '.join(f.split('-', 1)[0] for f in folders)})"
    with replacing(out, "course") as tmp:
        (tmp / "_toc.yml").write_text(yaml.safe_dump(course_toc(folders, toc), sort_keys=False), encoding="utf-8")
        (tmp / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
        jb = str(Path(sys.executable).parent / "jupyter-book")
        subprocess.run([jb, "build", str(ROOT), "--toc", str(tmp / "_toc.yml"), "--config", str(tmp / "_config.yml"),
                        "--path-output", str(tmp), "--keep-going"], check=True)
        from .slides import build as build_slides
        build_slides(folders, tmp / "slides")
    return out.absolute() / "_build" / "html"
