"""The translation catalogues: brought up to date after an English change, and their status.

``course i18n update`` (``make i18n-update``):

- pages: Sphinx's gettext builder writes a template (``.pot``) per page into
  ``_build/gettext``; each is merged into ``locales/<lang>/LC_MESSAGES/<docname>.po``;
- YAML sources (:func:`yaml_sources`) and the program's strings (``exercises/messages.json``):
  a template is made from the source itself and merged into ``locales/<lang>/data/``.

Merging keeps every finished translation whose English is unchanged; a translation whose
English changed is kept but marked fuzzy ("out of date": not shown, English is shown
instead) with the previous English beside it, so the translator sees what changed.

``course i18n status`` (``make i18n-status``) prints, per module and per kind of text, how
many strings are translated, out of date and missing. The kinds are pages, exercises,
glossary, cases, workshop (agendas, roles and workshop materials), datasheets (the data
package's titles, descriptions and caveats), messages and slides.

Slides: each module's deck (``book/modules/NN-slug/slides.md``: headings, bullets, speaker
notes) has its own catalogue, ``locales/<lang>/LC_MESSAGES/slides/NN-slug.po``, made from
the template that Sphinx's gettext builder writes for the deck with the deck's own
configuration (``python -m exercises.kit.slides templates``, into ``_build/gettext-slides``).
The texts the decks take from the pages (title, objectives, discussion questions, summary)
are translated in the pages' catalogues, not again here.
"""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from . import book_config, i18n
from .paths import BOOK_DIR, BUILD_DIR, DATA_DIR, MODULES_DIR, PACKAGE_DIR, ROOT
from .yaml_data import field_name, line_for, parse_yaml, read_text

GETTEXT_BUILD = BUILD_DIR / "gettext"  # its own doctrees: the html build's are incompatible
GETTEXT_DIR = GETTEXT_BUILD / "_build" / "gettext"
SLIDES_TEMPLATES = BUILD_DIR / "gettext-slides"  # <NN-slug>/slides.pot
SLIDES_CATALOGUES = "slides"  # under locales/<lang>/LC_MESSAGES/
BANKS_DIR = PACKAGE_DIR / "banks"
# modules 1-10 must be complete: the strict Japanese build checks these kinds
REQUIRED_KINDS = ("pages", "exercises", "glossary", "slides", "messages")


def yaml_sources() -> list[Path]:
    """Every YAML file whose text the course shows, and the data package (JSON is YAML)."""
    return sorted([*BANKS_DIR.glob("*.yml"), *MODULES_DIR.glob("*/glossary.yml"),
                   *(BOOK_DIR / "cases").glob("*.yml"), *(BOOK_DIR / "agendas").glob("*.yml"),
                   *(BOOK_DIR / "roles").glob("*.yml"), *(BOOK_DIR / "workshop").glob("*.yml"),
                   DATA_DIR / "datapackage.json"])


def _new_catalog(lang: str | None = None) -> Catalog:
    return Catalog(locale=lang, project="Preventing Genocide (course)", charset="utf-8", fuzzy=False,
                   copyright_holder="The course contributors (CC BY 4.0)",
                   header_comment="# Translation of the course. Made and merged by `course i18n update`;\n"
                                  "# translate each msgstr (README, Translating). Do not edit msgid.")


def yaml_template(source: Path) -> Catalog:
    """A template of a YAML source's translatable strings (English), with file:line and field."""
    data, lines = parse_yaml(read_text(source), source)
    catalog = _new_catalog()
    relative = source.resolve().relative_to(ROOT).as_posix()
    for path, text in i18n.strings(data):
        catalog.add(text, locations=[(relative, line_for(lines, path) or 0)],
                    auto_comments=[field_name(path)])
    return catalog


def messages_template() -> Catalog:
    catalog = _new_catalog()
    relative = i18n.MESSAGES_FILE.relative_to(ROOT).as_posix()
    for key, text in i18n._messages().items():
        catalog.add(text, context=key, locations=[(relative, 0)])
    return catalog


def _read(path: Path) -> Catalog:
    with open(path, "rb") as f:
        return read_po(f, abort_invalid=True)


_DATED = re.compile(rb'^"POT-Creation-Date: .*\n', re.MULTILINE)


def _write(catalog: Catalog, path: Path) -> None:
    """Write a catalogue whole (a temporary file renamed over the old one); left alone when
    only its template's date would change, so an update touches only what changed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, include_previous=True, sort_output=False)
    if path.exists() and _DATED.sub(b"", path.read_bytes()) == _DATED.sub(b"", buffer.getvalue()):
        return
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(buffer.getvalue())
    temporary.replace(path)


def merge(template: Catalog, po: Path, lang: str) -> None:
    """Bring ``po`` up to date with ``template`` (created when missing)."""
    catalog = _read(po) if po.exists() else _new_catalog(lang)
    catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
    catalog.obsolete.clear()  # translations of English that is gone: kept in git's history
    _write(catalog, po)


def gettext_templates() -> Path:
    """Run Sphinx's gettext builder (English, no notebook run) into _build/gettext; return the
    folder of its templates."""
    config = book_config.derived(GETTEXT_BUILD, execute=False)
    jupyter_book = str(Path(sys.executable).parent / "jupyter-book")
    done = subprocess.run([jupyter_book, "build", str(ROOT), "--builder", "custom", "--custom-builder", "gettext",
                           "--path-output", str(GETTEXT_BUILD), "--config", str(config)],
                          env={**os.environ, i18n.VARIABLE: i18n.SOURCE_LANGUAGE})
    if done.returncode:
        raise SystemExit(f"error: Sphinx's gettext build failed (exit {done.returncode})")
    return GETTEXT_DIR


def slides_catalogue(folder: str, lang: str) -> Path:
    """``locales/<lang>/LC_MESSAGES/slides/<folder>.po`` (as exercises.kit.slides reads it)."""
    return i18n.LOCALES_DIR / lang / "LC_MESSAGES" / SLIDES_CATALOGUES / f"{folder}.po"


def slides_templates() -> Path:
    """Run Sphinx's gettext builder on every deck (``python -m exercises.kit.slides templates``,
    the decks' own configuration) into ``_build/gettext-slides``; return that folder."""
    done = subprocess.run([sys.executable, "-m", "exercises.kit.slides", "templates", str(SLIDES_TEMPLATES)],
                          cwd=ROOT, env={**os.environ, i18n.VARIABLE: i18n.SOURCE_LANGUAGE})
    if done.returncode:
        raise SystemExit(f"error: the decks' gettext build failed (exit {done.returncode})")
    return SLIDES_TEMPLATES


def update(lang: str, pages: bool = True) -> list[Path]:
    """Merge every template into ``lang``'s catalogues; return the catalogues written."""
    i18n.check(lang)
    written = []
    for source in yaml_sources():
        po = i18n.catalogue_path(source, lang)
        merge(yaml_template(source), po, lang)
        written.append(po)
    po = i18n.LOCALES_DIR / lang / "data" / "messages.po"
    merge(messages_template(), po, lang)
    written.append(po)
    if pages:
        folder = gettext_templates()
        for pot in sorted(folder.rglob("*.pot")):
            docname = pot.relative_to(folder).with_suffix("").as_posix()
            if docname == "sphinx":  # Sphinx's own strings: Sphinx translates those
                continue
            po = i18n.LOCALES_DIR / lang / "LC_MESSAGES" / f"{docname}.po"
            merge(_read(pot), po, lang)
            written.append(po)
        folder = slides_templates()
        for pot in sorted(folder.glob("*/slides.pot")):
            po = slides_catalogue(pot.parent.name, lang)
            merge(_read(pot), po, lang)
            written.append(po)
    return written


# ------------------------------------------------------------------ status

@dataclass
class Count:
    total: int = 0
    translated: int = 0
    outdated: int = 0
    missing_ids: list[str] = field(default_factory=list)

    @property
    def missing(self) -> int:
        return self.total - self.translated - self.outdated

    def add(self, other: Count) -> None:
        self.total += other.total
        self.translated += other.translated
        self.outdated += other.outdated
        self.missing_ids += other.missing_ids


def count(template: Catalog, po: Path) -> Count:
    """How much of ``template`` (the current English) ``po`` translates."""
    done = _read(po) if po.exists() else _new_catalog()
    result = Count()
    for message in template:
        if not message.id:
            continue
        result.total += 1
        found = done.get(message.id, message.context)
        if found is not None and found.string and not found.fuzzy:
            result.translated += 1
        elif found is not None and found.fuzzy:
            result.outdated += 1
            result.missing_ids.append(message.id if isinstance(message.id, str) else message.id[0])
        else:
            result.missing_ids.append(message.id if isinstance(message.id, str) else message.id[0])
    return result


def _module_of(path: str) -> str:
    """``book/modules/04-responsibility-to-protect/x`` -> ``04-responsibility-to-protect``;
    a bank -> its module's folder; anything else -> ``front and back`` or ``shared``."""
    m = re.match(r"book/modules/([^/]+)/", path)
    if m:
        return m[1]
    if path.startswith("exercises/banks/"):
        bank = Path(path).stem
        folder = next((p.name for p in MODULES_DIR.iterdir() if p.name[3:] == bank), None)
        return folder or "front and back"
    if path.startswith("exercises/messages"):
        return "widgets"
    if path.startswith(("book/cases", "book/agendas", "book/roles", "book/workshop", "data/")):
        return "shared"
    return "front and back"


def _kind_of(path: str) -> str:
    if re.fullmatch(r"book/modules/[^/]+/slides\.md", path):
        return "slides"
    if path.endswith(".md") or not path.endswith((".yml", ".json")):
        return "pages"
    if path.startswith("exercises/banks/"):
        return "exercises"
    if path.endswith("glossary.yml"):
        return "glossary"
    if path.startswith("book/cases"):
        return "cases"
    if path.startswith("exercises/messages"):
        return "messages"
    if path.startswith("data/"):
        return "datasheets"
    return "workshop"


def status(lang: str, pages_from: Path | None = None, slides_from: Path | None = None) -> dict[tuple[str, str], Count]:
    """(module, kind) -> Count. Pages and slides are counted against the templates of the
    last ``course i18n update`` (``_build/gettext``, ``_build/gettext-slides``), or against
    the catalogues' own entries when no template is there."""
    i18n.check(lang)
    table: dict[tuple[str, str], Count] = {}

    def note(path: str, result: Count) -> None:
        table.setdefault((_module_of(path), _kind_of(path)), Count()).add(result)

    for source in yaml_sources():
        note(source.resolve().relative_to(ROOT).as_posix(),
             count(yaml_template(source), i18n.catalogue_path(source, lang)))
    note("exercises/messages.json", count(messages_template(), i18n.LOCALES_DIR / lang / "data" / "messages.po"))
    folder = pages_from or GETTEXT_DIR
    page_dir = i18n.LOCALES_DIR / lang / "LC_MESSAGES"
    pots = {p.relative_to(folder).with_suffix("").as_posix(): p for p in folder.rglob("*.pot")} if folder.exists() else {}
    pos = {p.relative_to(page_dir).with_suffix("").as_posix(): p for p in page_dir.rglob("*.po")} if page_dir.exists() else {}
    for docname in sorted(set(pots) | set(pos)):
        if docname == "sphinx" or docname.startswith(f"{SLIDES_CATALOGUES}/"):
            continue
        template = _read(pots[docname]) if docname in pots else _read(pos[docname])
        note(f"{docname}.md", count(template, page_dir / f"{docname}.po"))
    folder = slides_from or SLIDES_TEMPLATES
    decks = {p.parent.name: p for p in folder.glob("*/slides.pot")} if folder.exists() else {}
    slide_dir = page_dir / SLIDES_CATALOGUES
    decks_done = {p.stem: p for p in slide_dir.glob("*.po")} if slide_dir.exists() else {}
    for deck in sorted(set(decks) | set(decks_done)):
        template = _read(decks[deck]) if deck in decks else _read(decks_done[deck])
        note(f"book/modules/{deck}/slides.md", count(template, slides_catalogue(deck, lang)))
    return table


def required_complete(table: dict[tuple[str, str], Count]) -> list[str]:
    """Problems that fail the strict build: modules 1-10 and the widgets not fully translated."""
    problems = []
    for (module, kind), result in sorted(table.items()):
        in_scope = re.match(r"\d\d-", module) or module == "widgets"
        if in_scope and kind in REQUIRED_KINDS and result.translated < result.total:
            problems.append(f"{module} {kind}: {result.translated} of {result.total} translated "
                            f"({result.outdated} out of date, {result.missing} missing)")
    return problems


def report(table: dict[tuple[str, str], Count]) -> str:
    rows = [f"{'module':32} {'kind':10} {'translated':>10} {'out of date':>11} {'missing':>7} {'done':>5}"]
    total = Count()
    for (module, kind), result in sorted(table.items()):
        share = 100 * result.translated // result.total if result.total else 100
        rows.append(f"{module:32} {kind:10} {result.translated:>10} {result.outdated:>11} "
                    f"{result.missing:>7} {share:>4}%")
        total.add(result)
    share = 100 * total.translated // total.total if total.total else 100
    rows.append(f"{'all':32} {'':10} {total.translated:>10} {total.outdated:>11} {total.missing:>7} {share:>4}%")
    return "\n".join(rows)
