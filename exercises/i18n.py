"""Which language the course is built in, and the Japanese of what Sphinx's gettext cannot reach.

English is the source. The language is set with the environment variable ``COURSE_LANG``
(``make book LANG=ja``); the Jupyter kernels that run the pages inherit it, so the exercise
widgets know it too.

Translations are gettext catalogues under ``locales/<lang>/``:

- ``LC_MESSAGES/<docname>.po``: the pages' prose, read by Sphinx itself (``locale_dirs``);
- ``data/<source path>.po``: the text of a YAML source (an exercise bank, a case box, a
  glossary, an agenda, role cards, workshop materials) or of the data package's
  descriptions (``data/datapackage.json``), one catalogue beside each source's
  path. Each entry's ``msgid`` is the English text, so an English change leaves the old
  translation unmatched (shown as out of date by ``course i18n status``) and never shows a
  stale translation;
- ``data/messages.po``: the program's own strings (:data:`MESSAGES_FILE`), keyed by
  ``msgctxt``: the widgets' buttons and feedback, read by Python and JavaScript alike.

A YAML source is translated when it is loaded (:func:`localize`), field by field: the
fields in :data:`TRANSLATABLE` hold prose; every other field (ids, dataset and column names,
citation keys, data values) stays as written. Text with no translation stays in English and
is recorded in :data:`missing` (tests read it; the strict checks use the catalogues' status,
:mod:`exercises.catalogues`). The program's strings are translated once per catalogue version.
"""
from __future__ import annotations

import json
import os
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from .paths import PACKAGE_DIR, ROOT

LANGUAGES = {"en": "English", "ja": "日本語"}
SOURCE_LANGUAGE = "en"
VARIABLE = "COURSE_LANG"
LOCALES_DIR = ROOT / "locales"
MESSAGES_FILE = PACKAGE_DIR / "messages.json"

# fields of the YAML sources whose text is prose to translate (see the module docstring)
TRANSLATABLE = frozenset({
    "as_of", "background", "brief", "care", "case", "categories", "category", "caveats", "consequence",
    "content_note", "criterion", "debrief", "definition", "description", "descriptor", "dilemma", "explanation",
    "facilitator", "feedback", "headline", "hint", "label", "level", "materials", "model_answer",
    "name", "objective", "participants", "period", "played_by", "prepare", "prevention", "prompt",
    "question", "reasoning", "reference", "release", "response", "room", "scale", "source", "text",
    "title", "tools", "unit", "warning_signs", "what", "x_label", "y_label",
})

# (catalogue, English text) of every string shown untranslated in this process
missing: set[tuple[str, str]] = set()


class LanguageError(ValueError):
    """COURSE_LANG names no language of the course."""


def check(lang: str) -> str:
    if lang not in LANGUAGES:
        raise LanguageError(f"{VARIABLE}={lang!r} is not a language of the course; "
                            f"use one of: {', '.join(LANGUAGES)} (default: {SOURCE_LANGUAGE})")
    return lang


def current() -> str:
    """The language named by ``COURSE_LANG`` (English when it is unset or empty)."""
    return check(os.environ.get(VARIABLE, "").strip() or SOURCE_LANGUAGE)


def catalogue_path(source: Path | str, lang: str) -> Path:
    """``locales/<lang>/data/<source's path in the course>.po``."""
    source = Path(source).resolve()
    try:
        relative = source.relative_to(ROOT)
    except ValueError:  # a file outside the course (a test's fixture): no catalogue
        relative = Path("outside") / source.name
    return LOCALES_DIR / lang / "data" / f"{relative.as_posix()}.po"


@cache
def _read(po: Path, mtime: float) -> dict[tuple[str | None, str], str]:
    from babel.messages.pofile import read_po
    with open(po, "rb") as f:
        catalog = read_po(f, abort_invalid=True)
    return {(m.context, m.id): m.string for m in catalog
            if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}


def translations(po: Path) -> dict[tuple[str | None, str], str]:
    """The finished (non-fuzzy, non-empty) entries of a catalogue; {} when there is none."""
    try:
        mtime = po.stat().st_mtime
    except OSError:
        return {}
    return _read(po, mtime)


def translate(text: str, po: Path, context: str | None = None, extra: dict[str, str] | None = None) -> str:
    """``text`` in the catalogue's language (else in ``extra``, English -> translation), or
    ``text`` itself (recorded in :data:`missing`)."""
    if not text.strip():
        return text
    found = translations(po).get((context, text))
    if found is None and extra:
        found = extra.get(text) or None
    if found is None:
        missing.add((str(po), text))
        return text
    return found


def strings(data, path: tuple = ()):
    """Yield (path, text) for every translatable string of a loaded YAML source."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str):
                if key in TRANSLATABLE and value.strip():
                    yield (*path, key), value
            elif isinstance(value, list) and key in TRANSLATABLE:
                for i, item in enumerate(value):
                    if isinstance(item, str) and item.strip():
                        yield (*path, key, i), item
                    else:
                        yield from strings(item, (*path, key, i))
            else:
                yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from strings(item, (*path, i))


def localize(data, source: Path | str, lang: str | None = None, extra: dict[str, str] | None = None):
    """A loaded YAML source with its translatable strings in ``lang`` (default: the current
    language); the data itself is returned unchanged in English. ``extra``: translations
    (English -> ``lang``) for text the source's catalogue lacks (a kept-out answer key's)."""
    lang = lang or current()
    if lang == SOURCE_LANGUAGE:
        return data
    po = catalogue_path(source, lang)
    wanted = {path for path, _ in strings(data)}

    def walk(value, path):
        if path in wanted:
            return translate(value, po, extra=extra)
        if isinstance(value, dict):
            return {k: walk(v, (*path, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, (*path, i)) for i, v in enumerate(value)]
        return value
    return walk(data, ())


@cache
def _messages() -> dict[str, str]:
    return json.loads(MESSAGES_FILE.read_text(encoding="utf-8"))


def messages(lang: str | None = None) -> dict[str, str]:
    """The program's strings (key -> template with ``{name}`` placeholders) in ``lang``.
    Made once per language and catalogue version, and shared: read it, do not change it."""
    lang = lang or current()
    if lang == SOURCE_LANGUAGE:
        return _messages()
    po = LOCALES_DIR / lang / "data" / "messages.po"
    try:
        version = po.stat().st_mtime
    except OSError:
        version = None
    return _translated_messages(po, version)


@cache
def _translated_messages(po: Path, version: float | None) -> dict[str, str]:
    return {key: translate(text, po, context=key) for key, text in _messages().items()}


# t(key, values) in the browser: a program string with its {name} placeholders filled in
_BROWSER_T = ("const t = (key, values = {}) => MESSAGES[key].replace(/\\{(\\w+)\\}/g, "
              "(m, name) => (name in values ? String(values[name]) : m));")


def browser_script(lang: str | None = None, prefixes: tuple[str, ...] | None = None) -> str:
    """The program's strings for a page's JavaScript: ``MESSAGES`` (key -> template) in
    ``lang`` and ``t(key, values)``, the one way the widgets and the live room's pages look
    a string up. ``prefixes``: only the keys starting with one of them."""
    strings = messages(lang)
    if prefixes:
        strings = {k: v for k, v in strings.items() if k.startswith(prefixes)}
    return f"const MESSAGES = {json.dumps(strings, ensure_ascii=True, sort_keys=True)};\n{_BROWSER_T}"


def message(key: str, lang: str | None = None, **values) -> str:
    """One program string, its ``{name}`` placeholders filled in."""
    return messages(lang)[key].format(**values)


@contextmanager
def language(lang: str | None):
    """Within the block the current language is ``lang`` (``COURSE_LANG`` set, then restored),
    so everything loaded there (banks, glossaries, module texts, messages) is in ``lang``.
    ``None`` leaves the current language as it is."""
    if lang is None:
        yield current()
        return
    lang = check(lang)
    before = os.environ.get(VARIABLE)
    os.environ[VARIABLE] = lang
    try:
        yield lang
    finally:
        if before is None:
            os.environ.pop(VARIABLE, None)
        else:
            os.environ[VARIABLE] = before
