"""The package's layout rule, read from the imports (so it cannot quietly come back):
the engine at the root of ``exercises`` imports nothing from the site, the kit or the
development tools; the site nothing from the kit or dev; the kit nothing from dev; nothing
imports dev. The command line (``exercises/__main__.py``) dispatches to every wing."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "exercises"
WINGS = ("site", "kit", "room", "dev")
# what each part may import, besides the engine (which everyone may import)
ALLOWED = {"engine": set(), "site": {"site"}, "kit": {"site", "kit"}, "room": {"room", "kit"},
           "dev": set(WINGS)}


def part_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in WINGS else "engine"


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, name: str, is_package: bool = False) -> set[str]:
    """Absolute names of every exercises.* module that module ``name`` imports (anywhere
    in it, not only at the top)."""
    package = name if is_package else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("exercises"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("exercises"):
                continue
            found.add(target)
            found.update(f"{target}.{a.name}" for a in node.names)  # from x import submodule
    return found


SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_the_rule_sees_every_wing():
    parts = {part_of(module_name(p)) for p in SOURCES}
    assert {"engine", "site", "kit", "dev"} <= parts


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_layout(path):
    name = module_name(path)
    if name == "exercises.__main__":
        return
    mine = part_of(name)
    imports = imported_modules(path.read_text(encoding="utf-8"), name, path.name == "__init__.py")
    wrong = sorted(m for m in imports
                   if part_of(m) != "engine" and part_of(m) not in ALLOWED[mine])
    assert not wrong, f"{path.relative_to(PACKAGE)} ({mine}) imports {wrong}"


def test_relative_and_absolute_imports_are_resolved():
    """The checker itself: an engine module importing the kit (relatively, inside a
    function) and the site (absolutely) is seen as doing so."""
    source = "def f():\n    from .kit import slides\nfrom exercises.site.charts import svg_figure\n"
    imports = imported_modules(source, "exercises.probe")
    assert "exercises.kit.slides" in imports and "exercises.site.charts" in imports
    assert {part_of(m) for m in imports} == {"kit", "site"}
    assert imported_modules("from ...datasets import load\n", "exercises.site.figures.x") == {
        "exercises.datasets", "exercises.datasets.load"}
