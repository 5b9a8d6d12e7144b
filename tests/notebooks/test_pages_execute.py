"""Every executable page of the book runs top to bottom in a fresh kernel."""
from __future__ import annotations

import pytest
import yaml
from nbclient import NotebookClient
from myst_nb.core.read import read_myst_markdown_notebook

from course_toc import ROOT, toc_files


def front_matter(text: str) -> dict:
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text.split("---\n", 2)[1]) or {}


def executable_pages() -> list[str]:
    """Pages myst-nb executes: notebooks, and Markdown marked ``file_format: mystnb``."""
    pages = []
    for doc in toc_files():
        md = ROOT / f"{doc}.md"
        if md.exists() and front_matter(md.read_text(encoding="utf-8")).get("file_format") == "mystnb":
            pages.append(f"{doc}.md")
        elif (ROOT / f"{doc}.ipynb").exists():
            pages.append(f"{doc}.ipynb")
    return pages


def test_some_pages_are_executable():
    assert "book/front/how-to-use.md" in executable_pages()


@pytest.mark.parametrize("page", executable_pages())
def test_page_executes(page):
    path = ROOT / page
    if path.suffix == ".md":
        nb = read_myst_markdown_notebook(path.read_text(encoding="utf-8"), path=str(path))
    else:
        import nbformat
        nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
