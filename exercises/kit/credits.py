"""What the course says about itself wherever it is shown, projected or printed: its title
and settings (``_config.yml``), how to cite it (``CITATION.cff``) and its licence."""
from __future__ import annotations

from pathlib import Path
from collections.abc import Callable

import yaml
from .. import i18n
from ..paths import ROOT

LICENCE = i18n.message("kit.licence", i18n.SOURCE_LANGUAGE)


def licence(lang: str | None = None) -> str:
    """The licence line in ``lang`` (default: the current language)."""
    return i18n.message("kit.licence", lang)


def course_title(lang: str | None = None, root: Path = ROOT) -> str:
    """The course's title: ``_config.yml``'s in English, the translated title otherwise."""
    lang = lang or i18n.current()
    return book_config(root)["title"] if lang == i18n.SOURCE_LANGUAGE else i18n.message("course.title", lang)


def book_config(root: Path = ROOT) -> dict:
    """The book's ``_config.yml`` (title, BibTeX files, ...)."""
    return yaml.safe_load((Path(root) / "_config.yml").read_text(encoding="utf-8"))


def how_to_cite(emphasise: Callable[[str], str] = lambda title: title, root: Path = ROOT) -> str:
    """``Authors (year). Title. Version x.`` from CITATION.cff; ``emphasise`` marks up the title."""
    cff = yaml.safe_load((Path(root) / "CITATION.cff").read_text(encoding="utf-8"))
    authors = ", ".join(a.get("name") or f"{a.get('given-names', '')} {a.get('family-names', '')}".strip()
                        for a in cff["authors"])
    year = str(cff.get("date-released", ""))[:4]
    return f"{authors} ({year}). {emphasise(cff['title'])}. Version {cff['version']}."
