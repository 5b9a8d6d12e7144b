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

``--lang ja`` (default ``COURSE_LANG``) builds the course in Japanese into
``_build/ja/courses/<name>`` (:func:`exercises.paths.kit_output`): ``language: ja``, the
Japanese title and footer, the Japanese site's execution cache and Japanese decks. Text not
yet translated shows in English.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from .. import i18n
from ..paths import ROOT, kit_output, site_output
from ..toc import course_toc, read_toc, resolve
from .output import replacing, safe_name


def build(requested: list[str], name: str | None = None, courses_dir: Path | None = None,
          cache: Path | None = None, lang: str | None = None) -> Path:
    """Build the course in ``lang`` (default: the current language) into ``courses_dir/<name>``
    (default: that language's ``courses`` folder); returns its html folder.

    ``cache`` is the execution cache to reuse (by default the main book's, in that language).
    """
    lang = i18n.check(lang or i18n.current())
    courses_dir = kit_output("courses", lang) if courses_dir is None else courses_dir
    if cache is None:
        cache = site_output("student", lang) / "_build" / ".jupyter_cache"
    toc = read_toc()
    folders = resolve(requested, toc)
    name = safe_name(name, "course name") if name is not None else "-".join(f.split("-", 1)[0] for f in folders)
    out = Path(courses_dir) / name
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("execute", {})["cache"] = str(Path(cache).absolute())
    numbers = ", ".join(f.split("-", 1)[0] for f in folders)
    if lang != i18n.SOURCE_LANGUAGE:
        config["sphinx"]["config"]["language"] = lang
        config["title"] = i18n.message("course.title", lang)
        config.setdefault("html", {})["extra_footer"] = i18n.message("course.footer", lang)
    config["title"] = i18n.message("kit.course.title", lang, title=config["title"], numbers=numbers)
    with replacing(out, "course") as tmp:
        (tmp / "_toc.yml").write_text(yaml.safe_dump(course_toc(folders, toc), sort_keys=False), encoding="utf-8")
        (tmp / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
        jb = str(Path(sys.executable).parent / "jupyter-book")
        subprocess.run([jb, "build", str(ROOT), "--toc", str(tmp / "_toc.yml"), "--config", str(tmp / "_config.yml"),
                        "--path-output", str(tmp), "--keep-going"], check=True,
                       env={**os.environ, i18n.VARIABLE: lang})
        from .slides import build as build_slides
        build_slides(folders, tmp / "slides", lang=lang)
    return out.absolute() / "_build" / "html"
