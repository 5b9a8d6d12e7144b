"""The course glossary, gathered from every module's ``glossary.yml``.

Each module lists the key terms it introduces (schema:
``exercises/schema/glossary.schema.json``). The ``{course-glossary}`` directive on the
Glossary page renders them all, sorted, as a Sphinx glossary, so pages can link terms with
{term}`...`; a term defined by two modules is an error naming both files.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, unquote

from docutils import nodes

from .directives import MarkdownDirective
from ..escaping import myst_link, myst_text, url_problem
from ..i18n import SOURCE_LANGUAGE, current, message
from ..yaml_data import SpecError, line_for, load_yaml
from ..paths import MODULES_DIR, SCHEMA_DIR

SCHEMA_PATH = SCHEMA_DIR / "glossary.schema.json"
NO_SOURCE = "standard usage"  # the ja_source of a term with no page to link to


def glossary_files(modules_dir: Path = MODULES_DIR) -> list[Path]:
    return sorted(Path(modules_dir).glob("*/glossary.yml"))


def module_glossary(folder: str, modules_dir: Path = MODULES_DIR) -> list[dict]:
    """One module's entries, in the order its ``glossary.yml`` gives them (none if it has no file)."""
    path = Path(modules_dir) / folder / "glossary.yml"
    return (load_yaml(path, SCHEMA_PATH)[0] or []) if path.exists() else []


def load_glossary(modules_dir: Path = MODULES_DIR) -> list[dict]:
    """Every entry with its module (folder name), sorted by term."""
    entries: dict[str, dict] = {}
    for path in glossary_files(modules_dir):
        data, lines = load_yaml(path, SCHEMA_PATH)
        for i, entry in enumerate(data or []):
            problem = url_problem(entry["ja_source"]) if entry["ja_source"] != NO_SOURCE else None
            if problem:
                raise SpecError(path, line_for(lines, (i, "ja_source")), f"[{i}].ja_source",
                                f"{problem}; give an http(s) URL or {NO_SOURCE!r}")
            key = entry["term"].casefold()
            if key in entries:
                raise SpecError(path, line_for(lines, (i, "term")), f"[{i}].term",
                                f"{entry['term']!r} is already defined in {entries[key]['file']}")
            entries[key] = {**entry, "module": path.parent.name, "file": str(path)}
    return [entries[k] for k in sorted(entries)]


def _module_ref(folder: str, docname_of_module) -> str:
    doc = docname_of_module(folder)
    return f"{{doc}}`{doc}`" if doc else message("glossary.module", n=folder.split("-", 1)[0].lstrip("0"))


def japanese_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{course-ja}`<percent-encoded text>```: the text marked as Japanese (``lang="ja"``,
    so screen readers read it as Japanese). Encoded, so no character of it is markup."""
    return [nodes.inline(rawtext, unquote(text), classes=["language-ja"])], []


def glossary_markdown(entries: list[dict], docname_of_module) -> str:
    """A MyST ``{glossary}`` block; ``docname_of_module(folder)`` gives the module's page,
    or None when the module is not in this build (a custom course).

    The term, its Japanese form and reading are plain text; the definition is MyST
    Markdown; ``ja_source`` is linked only when it is an http(s) URL."""
    out = ["````{glossary}"]
    english_first = current() == SOURCE_LANGUAGE
    if not english_first:  # Japanese first, in the order of their readings
        entries = sorted(entries, key=lambda e: e.get("reading") or e["ja"])
    for e in entries:
        source = f" ({myst_link(message('glossary.source'), e['ja_source'])})" if url_problem(e["ja_source"]) is None else ""
        module = _module_ref(e["module"], docname_of_module)
        if english_first:
            reading = f"（{e['reading']}）" if e.get("reading") else ""
            japanese = "{course-ja}`" + quote(" ".join(f"{e['ja']}{reading}".split()), safe="") + "`"
            terms = [myst_text(e["term"])]
            detail = message("glossary.japanese", japanese=japanese, source=source, module=module)
        else:  # the English term stays a second name of the entry, so {term}`English` still finds it
            reading = message("glossary.reading", reading=myst_text(e["reading"])) if e.get("reading") else ""
            terms = [myst_text(e["ja"]), myst_text(e["term"])]
            detail = message("glossary.english", english=myst_text(e["term"]), reading=reading, source=source,
                             module=module)
        out += [*terms, f"  {' '.join(e['definition'].split())}", "", f"  {detail}", ""]
    out.append("````")
    return "\n".join(out)


class CourseGlossaryDirective(MarkdownDirective):
    modules_dir = MODULES_DIR

    def run(self) -> list[nodes.Node]:
        for path in glossary_files(self.modules_dir):
            self.env.note_dependency(str(path))
        try:
            entries = load_glossary(self.modules_dir)
        except SpecError as err:
            raise self.error(str(err)) from err
        if not entries:
            return [nodes.paragraph(text=message("glossary.none"))]

        def module_doc(folder: str) -> str | None:
            doc = (Path("book/modules") / folder / "index").as_posix()
            return "/" + doc if doc in self.env.found_docs else None
        return self.render(glossary_markdown(entries, module_doc))
