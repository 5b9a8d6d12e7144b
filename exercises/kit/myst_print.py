"""The book's MyST text for print (handouts): roles become plain text, citations author-year.

Module texts and glossary definitions carry MyST roles. For a printed page:

- ``{cite:p}`a,b``` becomes "(Author 2001; Other 2005)" and ``{cite:t}`a``` "Author (2001)";
  every key cited is collected so the page can end with a short list of sources
  (formatted by pybtex's plain style, the style the book's bibliography uses);
- ``{term}`x``` and ``{term}`text <x>``` become the text; ``{doc}`page``` becomes the
  page's title (read from its level-1 heading), ``{doc}`text <page>``` the text.

The result goes through exercises.markdown (raw HTML escaped).

    refs = Bibliography.from_config()
    printer = MystPrinter(refs, base=Path("book/modules/04-responsibility-to-protect"))
    html = printer.inline("... {cite:p}`iciss2001r2p`")
    printer.sources_html()
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from pybtex.database import BibliographyData, parse_file
from pybtex.plugin import find_plugin
from pybtex.richtext import Text

from . import credits
from .. import pybtex_plugins
from ..markdown import to_html, to_inline_html
from ..paths import ROOT
from ..escaping import html_message

ROLE = re.compile(r"\{(?P<role>[a-z]+(?::[a-z]+)?)\}`(?P<body>[^`]*)`")
LABELLED = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
pybtex_plugins.remember_lookups()  # the handouts format every source with pybtex's style


class Bibliography:
    """The book's BibTeX entries, from the files ``_config.yml`` lists."""

    def __init__(self, entries: dict):
        self.entries = entries

    @classmethod
    def from_config(cls, root: Path = ROOT) -> Bibliography:
        entries = {}
        for name in credits.book_config(root)["bibtex_bibfiles"]:
            entries.update(parse_file(str(Path(root) / name), "bibtex").entries)
        return cls(entries)

    def entry(self, key: str):
        try:
            return self.entries[key]
        except KeyError:
            raise KeyError(f"citation key {key!r} is in no BibTeX file listed in _config.yml") from None

    def author(self, key: str) -> str:
        entry = self.entry(key)
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        names = [Text.from_latex(" ".join(p.prelast_names + p.last_names)).render_as("text") for p in people]
        if not names:
            return Text.from_latex(entry.fields.get("title", key)).render_as("text")
        if len(names) > 2:
            return f"{names[0]} et al."
        return " and ".join(names)

    def year(self, key: str) -> str:
        return self.entry(key).fields.get("year", "n.d.")

    def formatted(self, keys: list[str]) -> list[str]:
        """HTML of each entry (pybtex plain style), sorted by author and year."""
        keys = sorted(set(keys), key=lambda k: (self.author(k).casefold(), self.year(k), k))
        data = BibliographyData({k: self.entry(k) for k in keys})
        style = find_plugin("pybtex.style.formatting", "plain")()
        by_key = {e.key: e.text.render_as("html") for e in style.format_entries(data.entries.values())}
        return [by_key[k] for k in keys]


class MystPrinter:
    """Turns MyST strings into print HTML; remembers the sources cited, in order."""

    def __init__(self, bibliography: Bibliography, base: Path | None = None):
        self.bibliography = bibliography
        self.base = Path(base) if base else None
        self.cited: list[str] = []

    def _cite(self, keys: list[str], textual: bool) -> str:
        for key in keys:
            self.bibliography.entry(key)  # an unknown key is an error, as in the book
            if key not in self.cited:
                self.cited.append(key)
        if textual:
            return "; ".join(f"{self.bibliography.author(k)} ({self.bibliography.year(k)})" for k in keys)
        return "(" + "; ".join(f"{self.bibliography.author(k)} {self.bibliography.year(k)}" for k in keys) + ")"

    def _doc_title(self, target: str) -> str:
        path = (self.base / target) if self.base and not target.startswith("/") else ROOT / target.lstrip("/")
        path = path.with_suffix(".md")
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
        return target.rsplit("/", 1)[-1].replace("-", " ")

    def plain(self, text: str) -> str:
        """The MyST string with its roles resolved (still Markdown)."""
        def replace(m: re.Match) -> str:
            role, body = m["role"], m["body"]
            labelled = LABELLED.match(body)
            if role.startswith("cite"):
                keys = [k.strip() for k in body.split(",") if k.strip()]
                return self._cite(keys, textual=role == "cite:t")
            if labelled:
                return labelled["text"]
            if role == "doc":
                return f"*{self._doc_title(body)}*"
            return body
        return ROLE.sub(replace, text)

    def inline(self, text: str) -> str:
        return to_inline_html(self.plain(text))

    def block(self, text: str) -> str:
        return to_html(self.plain(text))

    def sources_html(self) -> str:
        if not self.cited:
            return ""
        items = "".join(f"<li>{entry}</li>" for entry in self.bibliography.formatted(self.cited))
        heading = html_message("kit.print.sources")
        return f'<section class="sources"><h2>{heading}</h2><ul>{items}</ul></section>'


def escape(text: str) -> str:
    return html.escape(str(text))
