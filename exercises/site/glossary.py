"""The course glossary, gathered from every module's ``glossary.yml``.

Each module lists the key terms it introduces (schema:
``exercises/schema/glossary.schema.json``). The ``{course-glossary}`` directive on the
Glossary page renders them all, sorted, as a Sphinx glossary, so pages can link terms with
{term}`...`; a term defined by two modules is an error naming both files.
"""
from __future__ import annotations

from pathlib import Path

from docutils import nodes

from .directives import MarkdownDirective
from ..yaml_data import SpecError, line_for, load_yaml
from ..paths import MODULES_DIR, SCHEMA_DIR

SCHEMA_PATH = SCHEMA_DIR / "glossary.schema.json"


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
            key = entry["term"].casefold()
            if key in entries:
                raise SpecError(path, line_for(lines, (i, "term")), f"[{i}].term",
                                f"{entry['term']!r} is already defined in {entries[key]['file']}")
            entries[key] = {**entry, "module": path.parent.name, "file": str(path)}
    return [entries[k] for k in sorted(entries)]


def _module_ref(folder: str, docname_of_module) -> str:
    doc = docname_of_module(folder)
    return f"{{doc}}`{doc}`" if doc else f"module {folder.split('-', 1)[0].lstrip('0')}"


def glossary_markdown(entries: list[dict], docname_of_module) -> str:
    """A MyST ``{glossary}`` block; ``docname_of_module(folder)`` gives the module's page,
    or None when the module is not in this build (a custom course)."""
    out = ["````{glossary}"]
    for e in entries:
        reading = f"（{e['reading']}）" if e.get("reading") else ""
        japanese = f'<span lang="ja">{e["ja"]}{reading}</span>'  # read aloud as Japanese
        source = (f" ([source]({e['ja_source']}))" if e["ja_source"].startswith("http") else "")
        out += [e["term"],
                f"  {' '.join(e['definition'].split())}",
                "",
                f"  Japanese: {japanese}{source}. Introduced in {_module_ref(e['module'], docname_of_module)}.",
                ""]
    out.append("````")
    return "\n".join(out)


class CourseGlossaryDirective(MarkdownDirective):
    def run(self) -> list[nodes.Node]:
        for path in glossary_files():
            self.env.note_dependency(str(path))
        try:
            entries = load_glossary()
        except SpecError as err:
            raise self.error(str(err)) from err
        if not entries:
            return [nodes.paragraph(text="No terms yet.")]

        def module_doc(folder: str) -> str | None:
            doc = (Path("book/modules") / folder / "index").as_posix()
            return "/" + doc if doc in self.env.found_docs else None
        return self.render(glossary_markdown(entries, module_doc))
