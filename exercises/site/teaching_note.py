"""Teaching notes: text for instructors only, written where it helps on a page::

    ```{teaching-note} Running the seminar
    Allow 20 minutes for the first question ...
    ```

In the instructor edition the note appears as a box titled "Teaching note" (plus the
optional title). In the student edition the directive produces no node at all, and the
note's text is kept out of every file of the build:

- the page's source is read without its notes (``source-read``), so neither the
  executed notebooks (``jupyter_execute/``, ``_sources/*.ipynb``) nor the execution
  cache hold them;
- the page sources Sphinx copies for download (``_sources/*.md``) are copied from the
  original files, so the notes are removed from those copies once the build finishes.

A note is a fenced block opened with ```` ```{teaching-note} ```` (or ``:::{teaching-note}``)
and closed by the same fence.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


from ..i18n import message


NAME = "teaching-note"
# The opening fence, up to the same fence on a line of its own (MyST closes there).
BLOCK = re.compile(r"^[ \t]*(?P<fence>`{3,}|:{3,})[ \t]*\{" + NAME + r"\}.*?^[ \t]*(?P=fence)[ \t]*$\n?",
                   re.MULTILINE | re.DOTALL)


def strip_notes(text: str) -> str:
    """``text`` without its teaching-note blocks."""
    return BLOCK.sub("", text)


def notes_in(text: str) -> list[str]:
    """The teaching-note blocks in ``text`` (used by tests and to skip unchanged files)."""
    return [m.group(0) for m in BLOCK.finditer(text)]


class TeachingNoteDirective(SphinxDirective):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        if self.config.course_edition != "instructor":
            return []
        title = message("note.title") + (f": {self.arguments[0]}" if self.arguments else "")
        note = nodes.admonition(classes=["teaching-note"])
        note += nodes.title(title, title)
        self.state.nested_parse(self.content, self.content_offset, note)
        return [note]


def _strip_source(app: Sphinx, docname: str, source: list[str]) -> None:
    if app.config.course_edition != "instructor":
        source[0] = strip_notes(source[0])


def _strip_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if not notes_in(text):
        return
    if path.suffix == ".ipynb":
        nb = json.loads(text)
        for cell in nb.get("cells", []):
            if cell.get("cell_type") == "markdown":
                source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                cell["source"] = strip_notes(source)
        text = json.dumps(nb, ensure_ascii=False, indent=1) + "\n"
    else:
        text = strip_notes(text)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _strip_copies(app: Sphinx, exception: Exception | None) -> None:
    """Student edition: remove teaching notes from the page sources copied into the build."""
    if exception is not None or app.config.course_edition == "instructor":
        return
    out = Path(app.outdir)
    folders = [out / "_sources", out / "_downloads", out.parent / "jupyter_execute"]
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.suffix in (".md", ".txt", ".ipynb") and path.is_file():
                    _strip_file(path)


def setup(app: Sphinx) -> None:
    app.add_directive(NAME, TeachingNoteDirective)
    app.connect("source-read", _strip_source)
    app.connect("build-finished", _strip_copies)

