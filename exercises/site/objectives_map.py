"""The map of modules to objectives and exercises, for the instructor guide.

``{objectives-map}`` reads every module's exercise bank (the bank named after the
module's folder, e.g. ``foundations`` for ``01-foundations``), groups its exercises by
their ``objective:``, and links each exercise to the page that shows it (found by its
``show("bank/id")`` call), so the map never drifts from the banks.
"""
from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes

from .directives import MarkdownDirective
from ..escaping import myst_text
from ..specs import BANKS_DIR, load_banks
from ..paths import MODULES_DIR, ROOT
from ..i18n import message

SHOW = re.compile(r"""show\(\s*["']([a-z0-9-]+/[a-z0-9-]+)["']\s*\)""")


def pages_showing_exercises(book: Path = ROOT / "book") -> dict[str, str]:
    """``"bank/id"`` -> docname of the page whose code shows it."""
    where = {}
    for page in sorted(book.rglob("*.md")):
        for ref in SHOW.findall(page.read_text(encoding="utf-8")):
            where.setdefault(ref, page.relative_to(ROOT).with_suffix("").as_posix())
    return where


def objectives_map() -> list[dict]:
    """[{module, bank, objectives: [(objective, [(ref, type, docname)])]}] in module order."""
    banks = load_banks(BANKS_DIR)
    shown = pages_showing_exercises()
    out = []
    for folder in sorted(p.name for p in MODULES_DIR.iterdir() if p.is_dir()):
        bank = banks.get(folder.split("-", 1)[1])
        if bank is None:
            continue
        grouped: dict[str, list] = {}
        for ex in bank.exercises:
            ref = f"{bank.name}/{ex['id']}"
            grouped.setdefault(ex.get("objective", message("map.no_objective")), []).append(
                (ref, ex["type"].replace("_", " "), shown.get(ref)))
        out.append({"module": folder, "bank": bank.name, "objectives": list(grouped.items())})
    return out


def map_markdown(rows: list[dict], found_docs) -> str:
    out = []
    for row in rows:
        index = f"book/modules/{row['module']}/index"
        title = f"{{doc}}`/{index}`" if index in found_docs else row["module"]
        out += ["**" + message("map.module", title=title) + "** " + message("map.bank", bank=f"`{row['bank']}`"), "",
                "```{list-table}", ":header-rows: 1", ":widths: 55 45", "",
                f"* - {message('map.objective')}", f"  - {message('map.exercises')}"]
        for objective, exercises in row["objectives"]:
            cells = []
            for ref, kind, doc in exercises:
                name = ref.split("/", 1)[1]
                link = f"{{doc}}`{name} </{doc}>`" if doc and doc in found_docs else f"`{name}`"
                cells.append(f"{link} ({kind})")
            out += [f"* - {myst_text(objective)}", f"  - {message('key.separator').join(cells)}"]  # plain text
        out += ["```", ""]
    return "\n".join(out)


class ObjectivesMapDirective(MarkdownDirective):
    def run(self) -> list[nodes.Node]:
        for path in BANKS_DIR.glob("*.yml"):
            self.env.note_dependency(str(path))
        return self.render(map_markdown(objectives_map(), self.env.found_docs))
