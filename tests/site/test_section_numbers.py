"""Section numbers: a module's pages are numbered N.1, N.2, ... in the navigation. (Level-2
headings on a module's index page used to be counted as its first sections, so module 3's
first page read 3.5.)"""
from __future__ import annotations

import re
from html import unescape

from course_toc import ROOT, toc_files


def test_module_pages_are_numbered_from_one(site):
    modules = sorted({doc.split("/")[2] for doc in toc_files() if doc.startswith("book/modules/")})
    assert len(modules) == 10
    for n, folder in enumerate(modules, 1):
        pages = [doc for doc in toc_files() if doc.startswith(f"book/modules/{folder}/") and not doc.endswith("/index")]
        html = (site / f"book/modules/{folder}/index.html").read_text(encoding="utf-8")
        for i, doc in enumerate(pages, 1):
            name = doc.rsplit("/", 1)[1]
            link = re.search(rf'<a class="reference internal" href="{re.escape(name)}\.html">(.*?)</a>', html, re.S)
            assert link, f"{doc} is not in module {n}'s navigation"
            text = unescape(re.sub(r"<[^>]+>", "", link[1])).strip()
            assert text.startswith(f"{n}.{i}. "), f"{doc}: {text!r} should be numbered {n}.{i}"


def test_module_index_pages_have_no_numbered_sections():
    for index in sorted((ROOT / "book" / "modules").glob("*/index.md")):
        headings = [line for line in index.read_text(encoding="utf-8").splitlines() if re.match(r"#{2,} ", line)]
        assert not headings, f"{index.relative_to(ROOT)}: use {{rubric}} instead of {headings}"

