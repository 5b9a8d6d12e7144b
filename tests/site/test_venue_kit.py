"""`make kit` for one module: the kit opens from file:// with every request off the
machine blocked (its index, every deck, a sample of the site's pages), every link of its
index leads to a file in the kit, and every PDF in it opens with pypdf.

Reuses the session's built site (the `site` fixture); decks and handouts for module 10 only.
"""
from __future__ import annotations

import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import open_logged

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ["index.html", "book/modules/10-case-studies/capstone.html", "book/back/facilitator-guide.html",
          "book/back/glossary.html"]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href"):
            self.hrefs.append(dict(attrs)["href"])


@pytest.fixture(scope="module")
def kit(site, tmp_path_factory) -> Path:
    """The real command (its own process: it prints with its own headless Chromium)."""
    out = tmp_path_factory.mktemp("kit") / "venue-kit"
    done = subprocess.run([sys.executable, "-m", "exercises", "kit", "10", "--out", str(out), "--site", str(site),
                           "--tables", "2"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert str(out / "index.html") in done.stdout
    return out


def test_the_index_links_only_to_files_in_the_kit(kit):
    parser = Links()
    parser.feed((kit / "index.html").read_text(encoding="utf-8"))
    assert len(parser.hrefs) > 10
    for href in parser.hrefs:
        assert "://" not in href, href
        assert (kit / href).is_file(), f"the kit's index links to {href}, which is not in the kit"
    for wanted in ("site/index.html", "slides/10-case-studies/index.html", "handouts/role-cards.pdf",
                   "agendas/half-day-workshop.pdf", "workshop/rotation-grid.pdf", "workshop/name-cards.pdf"):
        assert wanted in parser.hrefs


def test_the_zip_holds_the_same_folder(kit):
    with zipfile.ZipFile(kit.with_suffix(".zip")) as z:
        names = set(z.namelist())
    assert "venue-kit/index.html" in names and "venue-kit/site/index.html" in names
    assert "venue-kit/workshop/injects.pdf" in names


def test_the_kit_carries_no_instructor_material(kit):
    assert not list((kit / "site").rglob("*answer-key*"))
    assert "For instructors" not in (kit / "site" / "index.html").read_text(encoding="utf-8")


def test_every_pdf_opens(kit):
    pdfs = sorted(kit.rglob("*.pdf"))
    assert len(pdfs) >= 12
    for pdf in pdfs:
        reader = PdfReader(pdf)
        assert len(reader.pages) >= 1, pdf
        assert reader.pages[0].extract_text().strip(), f"{pdf} has no text on its first page"


def test_name_cards_cover_every_role_at_every_table(kit):
    from exercises.site.roles import load_roles
    roles = load_roles("capstone")["roles"]
    text = " ".join(p.extract_text() for p in PdfReader(kit / "workshop" / "name-cards.pdf").pages)
    assert text.count("Table B") == 2 * len(roles)  # each card prints the name twice (a tent card)


def test_pages_open_from_the_disk_with_the_network_blocked(kit, browser):
    decks = sorted((kit / "slides").glob("*/index.html"))
    assert decks
    pages = [kit / "index.html", kit / "slides" / "index.html", *decks,
             kit / "handouts" / "index.html", *(kit / "site" / p for p in SAMPLE)]
    for path in pages:
        context = browser.new_context()
        try:
            page, log = open_logged(context, path.as_uri())
            assert page.title(), f"{path} has no title"
            assert not log.problems(), f"{path}: {log.problems()}"
        finally:
            context.close()
