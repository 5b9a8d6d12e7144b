"""``_config.yml`` changed for one build: the Japanese edition (its language, title and footer),
or the gettext build of the translation templates (no notebook is run: only prose is read).

Jupyter Book reads one configuration file (``--config``); the derived copy is written into
the build's own folder, so the course's ``_config.yml`` stays the one source.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from . import i18n
from .paths import ROOT


def derived(output: Path, lang: str = i18n.SOURCE_LANGUAGE, execute: bool = True, draft: bool = False) -> Path:
    """Write ``output/_config.yml`` for a build in ``lang``; return its path."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["sphinx"]["config"]["language"] = lang
    if lang != i18n.SOURCE_LANGUAGE:
        config["title"] = i18n.message("course.title", lang)
        config.setdefault("html", {})["extra_footer"] = i18n.message("course.footer", lang)
    if draft:  # untranslated text shown in English, not a warning
        config["sphinx"]["config"]["course_i18n_strict"] = False
    if not execute:
        config["execute"]["execute_notebooks"] = "off"
    path = output / "_config.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
