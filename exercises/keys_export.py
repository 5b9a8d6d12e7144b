"""``course keys export FILE``: move the graded exercises' answer keys out of the repository.

For every graded exercise of ``exercises/banks/`` not yet kept out, its key fields
(:data:`exercises.private_keys.KEY_FIELDS`) go to the keys file ``FILE`` (outside the
repository; created, or added to when it already holds keys), and its bank says
``key: private`` instead. The banks are edited in place, line by line, so their comments and
layout stay as written; each edited bank is read back and must equal the question it should
now hold, or nothing is written. The translations of the key texts move from the banks'
catalogues (``locales/<lang>/data/exercises/banks/*.po``) into the keys file's
``translations``, so no catalogue keeps them. The keys file is written first, then the banks
and catalogues, each through a temporary file renamed over the old one.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from . import i18n, private_keys
from .paths import ROOT
from .yaml_data import SpecError, field_name, parse_yaml, read_text

LIST_ITEM = re.compile(r"^(\s*)-(\s+|$)")


class ExportError(RuntimeError):
    """The keys cannot be exported (the message says why; nothing was written)."""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_column(lines: list[str], number: int, name: str, where: str) -> int:
    """The column of mapping key ``name`` on line ``number`` (1-based), which must start it."""
    line = lines[number - 1]
    prefix = re.match(r"^\s*(?:-\s+)*", line).group(0)
    if not line[len(prefix):].startswith(f"{name}:") and not line[len(prefix):].startswith(f'"{name}":'):
        raise ExportError(f"{where}: cannot edit this field in place (write it in block style, one key a line)")
    return len(prefix)


def _span(lines: list[str], start: int, column: int, is_list: bool) -> int:
    """The end (exclusive, 0-based) of the block that starts at line index ``start`` and whose
    key (or list dash) is at ``column``: its continuation lines are indented deeper, or (a
    list value written at its key's indentation) start with a dash at that column."""
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if line.strip() and not (_indent(line) > column or (is_list and _indent(line) == column
                                                            and LIST_ITEM.match(line))):
            break
        end += 1
    while end > start + 1 and not lines[end - 1].strip():  # blank lines after it stay
        end -= 1
    return end


def _bank_edits(text: str, data: dict, line_of: dict, path: Path, rng) -> tuple[str, dict, dict]:
    """(the bank's new text, the expected new data, {ref: key}) for its graded exercises."""
    lines = text.splitlines(keepends=True)
    edits: list[tuple[int, int, list[str]]] = []  # (start, end, replacement), 0-based lines
    exercises, keys = [], {}
    for i, ex in enumerate(data["exercises"]):
        if not ex.get("graded") or ex.get("key") == private_keys.MARKER:
            exercises.append(ex)
            continue
        ref = f"{data['bank']}/{ex['id']}"
        question, key = private_keys.split(ex, rng)
        exercises.append(question)
        keys[ref] = key
        at = ("exercises", i)
        for field in private_keys.key_field_paths(ex):
            where = (*at, *field)
            number = line_of[where]
            column = _key_column(lines, number, field[-1], f"{path}, line {number}, field {field_name(where)}")
            value = _get(ex, field)
            edits.append((number - 1, _span(lines, number - 1, column, isinstance(value, list)), []))
        if ex["type"] == "ordering":
            edits.append(_reordered(lines, line_of, (*at, "items"), len(ex["items"]), question, ex))
        number = line_of[(*at, "type")]
        column = _key_column(lines, number, "type", f"{path}, line {number}")
        end = _span(lines, number - 1, column, False)
        edits.append((end, end, [" " * column + f"key: {private_keys.MARKER}\n"]))
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[start:end] = replacement
    return "".join(lines), {**data, "exercises": exercises}, keys


def _get(value, path: tuple):
    for part in path:
        value = value[part]
    return value


def _reordered(lines, line_of, items_at: tuple, n: int, question: dict, ex: dict):
    """The edit that lists an ordering's items in the question's (random) order."""
    starts = [line_of[(*items_at, j)] - 1 for j in range(n)]
    dash = LIST_ITEM.match(lines[starts[0]])
    if not dash:
        raise ExportError(f"line {starts[0] + 1}: write the ordering's items as a block list to export its key")
    column = len(dash.group(1))
    ends = [*starts[1:], _span(lines, starts[-1], column, False)]
    blocks = [lines[s:e] for s, e in zip(starts, ends, strict=True)]
    texts = [item["text"] for item in ex["items"]]
    order = [texts.index(item["text"]) for item in question["items"]]
    return starts[0], ends[-1], [line for j in order for line in blocks[j]]


def _catalogue_moves(bank_file: Path, public: dict, keys: dict) -> list[tuple[Path, object, dict[str, str]]]:
    """For each language: (its catalogue of the bank, the catalogue without the key texts,
    {English key text: translation}) for the key texts the public bank no longer holds."""
    from .catalogues import _read
    kept = {text for _, text in i18n.strings(public)}
    texts = {text for key in keys.values() for _, text in i18n.strings(key)} - kept
    out = []
    for lang_dir in sorted(p for p in i18n.LOCALES_DIR.iterdir() if p.is_dir()) if i18n.LOCALES_DIR.is_dir() else []:
        po = i18n.catalogue_path(bank_file, lang_dir.name)
        if not po.exists():
            continue
        catalog = _read(po)
        moved = {}
        for text in texts:
            message = catalog.get(text)
            if message is not None:
                if message.string and not message.fuzzy:
                    moved[text] = message.string
                del catalog[text]
        out.append((po, catalog, moved))
    return out


def _write_atomic(path: Path, data: bytes, private: bool = False) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    temporary.replace(path)


def export(target: Path | str, banks_dir: Path | None = None, rng=None) -> dict[str, int]:
    """Move every graded exercise's key into ``target``; returns {bank: exercises moved}."""
    from .catalogues import _write
    from .specs import BANKS_DIR, load_bank
    banks_dir = Path(banks_dir or BANKS_DIR)
    target = Path(target).expanduser().resolve()
    if target.is_relative_to(ROOT.resolve()) or target.is_relative_to(banks_dir.resolve().parent):
        raise ExportError(f"{target} is inside the course's repository: keep the keys file outside it")
    if os.environ.get(private_keys.VARIABLE):
        raise ExportError(f"unset {private_keys.VARIABLE} first: the export reads the public banks as they are")
    existing = private_keys.read(target) if target.exists() else None

    plans, keys, translations, counts = [], {}, {}, {}
    for bank_file in sorted(banks_dir.glob("*.yml")):
        load_bank(bank_file)  # the whole bank valid first, within its size limit (errors name file, line, field)
        text = read_text(bank_file)
        data, line_of = parse_yaml(text, bank_file)
        new_text, expected, moved = _bank_edits(text, data, line_of, bank_file, rng)
        if not moved:
            continue
        try:
            reread, _ = parse_yaml(new_text, bank_file)
        except SpecError as err:
            raise ExportError(f"{bank_file}: the edited bank would not read back ({err}); nothing was written") from None
        if reread != expected:
            raise ExportError(f"{bank_file}: the edited bank does not read back as the questions it should hold "
                              "(an unusual layout?); nothing was written")
        for po, catalog, texts in _catalogue_moves(bank_file, expected, moved):
            translations.setdefault(_lang_of(po), {}).update(texts)
            plans.append((po, catalog))
        plans.append((bank_file, new_text))
        keys.update(moved)
        counts[bank_file.stem] = len(moved)

    if not keys:
        return {}  # every graded exercise's key is out already: nothing is written
    if existing:
        clash = sorted(set(keys) & set(existing.exercises))
        if clash:
            raise ExportError(f"{target} already holds keys for {', '.join(clash)}; nothing was written")
        keys = {**existing.exercises, **keys}
        for lang, texts in existing.translations.items():
            translations[lang] = {**texts, **translations.get(lang, {})}
    document = {"format": private_keys.FORMAT, "exercises": keys,
                "translations": {lang: dict(sorted(t.items())) for lang, t in sorted(translations.items()) if t}}
    header = ("# Answer keys kept out of the course's repository (course keys export).\n"
              "# Private: give it to the course's commands with COURSE_KEYS=this file (make ... KEYS=this file).\n")
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(target, (header + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)).encode(),
                  private=True)
    for path, content in plans:
        if isinstance(content, str):
            _write_atomic(path, content.encode("utf-8"))
        else:
            content.obsolete.clear()
            _write(content, path)
    return counts


def _lang_of(po: Path) -> str:
    """The language of a catalogue under ``locales/<lang>/data/``."""
    return po.relative_to(i18n.LOCALES_DIR).parts[0]
