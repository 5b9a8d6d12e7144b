"""The graded exercises' answer texts, as runs of words to look for in a build or a repository.

A graded exercise's answer texts are the prose of its key (exercises/private_keys.py
KEY_FIELDS: option feedback, explanations, reasoning, endings, model answers, rubrics). A
"needle" is a run of eight words from the middle of one, kept only when no page, case box or
question shows those words anyway, so finding it means the answer itself is there.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from exercises import i18n
from exercises.markdown import to_html
from exercises.private_keys import key_of
from exercises.specs import load_banks
from exercises.site.teaching_note import strip_notes

ROOT = Path(__file__).resolve().parents[1]
NEEDLE_WORDS = 8


def graded() -> list[tuple[str, dict]]:
    return [(f"{name}/{ex['id']}", ex) for name, bank in load_banks().items() for ex in bank.exercises
            if ex.get("graded")]


def words(text: str) -> str:
    """Text reduced to its words, whatever the file format (HTML, JSON-escaped, Markdown)."""
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    text = html.unescape(text.replace("\\n", " ").replace('\\"', '"'))
    return " ".join(re.findall(r"[A-Za-z0-9]+", text))


def needle(markdown: str) -> str | None:
    """A run of words from the middle of a text, long enough to be its own."""
    found = words(re.sub(r"<[^>]+>", " ", to_html(markdown))).split()
    if len(found) < 5:
        return None
    start = max(0, len(found) // 2 - NEEDLE_WORDS // 2)
    return " ".join(found[start:start + NEEDLE_WORDS])


def answer_texts(spec: dict) -> list[str]:
    """A graded exercise's answer texts: the prose of its key."""
    return [text for _, text in i18n.strings(key_of(spec))]


def visible_text() -> str:
    """What students may see anyway: the pages (without notes), case boxes and every question's text."""
    pages = [*(ROOT / "book").rglob("*.md"), *(ROOT / "book").rglob("*.yml")]  # pages, case boxes, glossaries
    texts = [strip_notes(p.read_text(encoding="utf-8")) for p in pages]
    for bank in load_banks().values():
        for ex in bank.exercises:
            texts += [ex["prompt"], ex.get("case", "")] + [o["text"] for o in ex.get("options", [])]
            texts += [n["text"] for n in ex.get("nodes", []) if "choices" in n]
    return words(" ".join(texts))


def graded_needles() -> dict[str, list[str]]:
    """For each graded exercise, runs of words unique to its answers (not said on the pages)."""
    visible = visible_text()
    out = {}
    for ref, spec in graded():
        found = [n for n in map(needle, answer_texts(spec)) if n and n not in visible]
        assert found, f"{ref}: no answer text long enough to look for"
        out[ref] = found
    return out


def files_text(folder: Path, skip=lambda path: False) -> str:
    """Every file under a folder, as words (binary files included, read leniently)."""
    parts = []
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix not in (".png", ".svg", ".woff", ".woff2", ".ttf", ".ico") and not skip(path):
            parts.append(words(path.read_bytes().decode("utf-8", errors="ignore")))
    return "\n".join(parts)
