"""Every executable page of the book runs top to bottom in a fresh kernel, without an error.

The strict build proves this already, and keeps the proof: myst-nb (``execute_notebooks:
cache``) runs each page in a fresh kernel from the page's folder (forked from the build's
warm process, :mod:`exercises.site.warm_kernels`), and stores the executed
notebook in ``_build/.jupyter_cache`` only when no cell failed (a failing page also fails the
strict build). The cache is keyed on the page's code; the course's extension
(:mod:`exercises.site.execution_inputs`) empties it whenever the banks, widgets, data or
edition change, and stamps it with the digest of those inputs.

So the test builds the site (the same build the site tests share, once per run), then, for
each page: when the stamp matches today's inputs and the cache holds this page's current
code, it reads the executed notebook from the cache and checks its outputs; otherwise
(``COURSE_REUSE_BUILD=1`` with a stale build, a page the cache lacks) it runs the page itself
in a fresh kernel, as before.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from jupyter_cache import get_cache
from myst_nb.core.read import read_myst_markdown_notebook
from nbclient import NotebookClient

from course_toc import ROOT, toc_files
from exercises.site.execution_inputs import DIGEST_FILE, inputs_digest
from site_build import BUILD_ROOT, build

CACHE = BUILD_ROOT / "_build" / ".jupyter_cache"


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


def read_page(page: str):
    path = ROOT / page
    if path.suffix == ".md":
        return read_myst_markdown_notebook(path.read_text(encoding="utf-8"), path=str(path))
    import nbformat
    return nbformat.read(path, as_version=4)


def errors(nb) -> list[dict]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if o.get("output_type") == "error"]


def cached_run(cache, page: str):
    """The build's executed notebook of ``page`` as it is now, or None when the cache
    has no current run of it (its code changed, or an input the cache does not key on)."""
    stamp = CACHE / DIGEST_FILE
    if not stamp.exists() or stamp.read_text().strip() != inputs_digest(edition_name="student"):
        return None
    nb = read_page(page)
    try:
        record = cache.match_cache_notebook(nb)
    except KeyError:
        return None
    # the page run for this path (a cache copied from another checkout keeps its paths)
    if not Path(record.uri).as_posix().endswith("/" + page):
        return None
    _, merged = cache.merge_match_into_notebook(nb)
    return merged


@pytest.fixture(scope="module")
def build_cache():
    build()  # the strict build runs every page whose cached run is missing or outdated
    return get_cache(str(CACHE))


def test_some_pages_are_executable():
    assert "book/front/how-to-use.md" in executable_pages()


def test_a_changed_page_is_not_taken_from_the_cache(build_cache):
    """The cache answers only for a page's current code: one changed line misses it."""
    page = "book/front/how-to-use.md"
    assert cached_run(build_cache, page) is not None
    nb = read_page(page)
    code = next(c for c in nb.cells if c.cell_type == "code")
    code.source += "\nraise RuntimeError('changed after the build')"
    with pytest.raises(KeyError):
        build_cache.match_cache_notebook(nb)


def test_a_cache_of_other_inputs_is_not_used(build_cache, monkeypatch):
    """After a bank, widget or data change (a stamp of other inputs), pages run afresh."""
    page = "book/front/how-to-use.md"
    assert cached_run(build_cache, page) is not None
    monkeypatch.setattr(sys.modules[__name__], "inputs_digest", lambda edition_name: "other inputs")
    assert cached_run(build_cache, page) is None


@pytest.mark.parametrize("page", executable_pages())
def test_page_executes(page, build_cache):
    nb = cached_run(build_cache, page)
    if nb is None:
        nb = read_page(page)
        client = NotebookClient(nb, timeout=300, kernel_name="python3",
                                resources={"metadata": {"path": str((ROOT / page).parent)}})
        client.execute()
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.get("execution_count") for c in code), "every code cell ran"
    assert not errors(nb)
