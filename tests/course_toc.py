"""The pages the course should have, read from _toc.yml."""
from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPHINX_PAGES = ["index.html", "genindex.html", "search.html"]  # index.html redirects to the root


def toc_files(toc_path: Path = ROOT / "_toc.yml") -> list[str]:
    """Every document named in the table of contents, in order (without suffix)."""
    found: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key in ("root", "file"):
                if key in node:
                    found.append(node[key])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(yaml.safe_load(toc_path.read_text(encoding="utf-8")))
    return found


def expected_html_pages() -> list[str]:
    return [f"{doc}.html" for doc in toc_files()] + SPHINX_PAGES
