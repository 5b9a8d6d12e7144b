"""An instructor kit: what an instructor without a developer set-up needs, in one zip.

    python -m exercises instructor-kit        (make instructor-kit builds its parts first)

writes ``_build/kit/instructor-kit/`` and ``_build/kit/instructor-kit.zip`` from parts
already built:

- ``site/``: the instructor edition (answer keys, rubrics, teaching notes), from
  ``_build/instructor/_build/html`` (``make book EDITION=instructor``); a student build
  there is refused;
- ``handouts/``: the handouts with their answer keys and the role cards (``make handouts``);
- ``lms/``: the questions as Moodle XML and Canvas QTI (``make lms``);
- ``index.html``: what is in it, and that none of it needs Python.

It holds answer keys: the Pages workflow publishes it only when the repository asks for
it (see ``.github/workflows/pages.yml``). Written whole or not at all, like the venue kit.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .. import edition
from ..escaping import html_text
from ..paths import BUILD_DIR
from . import credits
from .handouts import OUT as HANDOUTS
from .lms import OUT as LMS
from .output import check_target, replacing
from .venue import KitError

OUT = BUILD_DIR / "kit" / "instructor-kit"
SITE = BUILD_DIR / "instructor" / "_build" / "html"


def index_html(course_title: str, links: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{html_text(href)}">{html_text(label)}</a></li>' for href, label in links)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Instructor kit: {html_text(course_title)}</title>
  <style>body {{ font: 1.05rem/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }}</style>
</head>
<body>
<main>
  <h1>Instructor kit</h1>
  <p>{html_text(course_title)}</p>
  <p><strong>Keep this kit from students:</strong> it holds the answer keys.</p>
  <p>Nothing here needs Python or an install: open the pages in a web browser, the PDFs in a
  PDF reader, and import the Moodle or Canvas files from your learning platform's question
  bank or course import page.</p>
  <ul>{items}</ul>
</main>
</body>
</html>
"""


def build(out: Path = OUT, site: Path = SITE, handouts: Path = HANDOUTS, lms: Path = LMS,
          zip_it: bool = True) -> Path:
    """Write the kit into ``out`` (and ``out``.zip) from the parts already built; returns the index page."""
    site, handouts, lms = Path(site), Path(handouts), Path(lms)
    if not (site / "index.html").is_file():
        raise KitError(f"no instructor edition at {site}: run make book EDITION=instructor first")
    if edition.BANNER not in (site / "index.html").read_text(encoding="utf-8"):
        raise KitError(f"{site} is not the instructor edition (no instructor banner on its home page)")
    for part, command in ((handouts, "make handouts"), (lms, "make lms")):
        if not part.is_dir() or not any(part.iterdir()):
            raise KitError(f"nothing at {part}: run {command} first")
    out = Path(out).resolve()
    check_target(out, "instructor-kit")
    with replacing(out, "instructor-kit") as kit:
        shutil.copytree(site, kit / "site", ignore=shutil.ignore_patterns(".buildinfo", ".doctrees"))
        shutil.copytree(handouts, kit / "handouts")
        shutil.copytree(lms, kit / "lms")
        links = [("site/index.html", "The course site, instructor edition (answer keys beneath every exercise)")]
        if (kit / "handouts" / "index.html").is_file():
            links.append(("handouts/index.html", "Handouts, answer keys and role cards (PDF)"))
        links += [(f"lms/{p.name}", f"For your learning platform: {p.name}") for p in sorted((kit / "lms").iterdir())
                  if p.is_file() and not p.name.startswith(".")]
        (kit / "index.html").write_text(index_html(credits.book_config()["title"], links), encoding="utf-8")
    if zip_it:
        with tempfile.TemporaryDirectory(prefix=".kit-zip-", dir=out.parent) as tmp:
            archive = shutil.make_archive(str(Path(tmp) / out.name), "zip", root_dir=out.parent, base_dir=out.name)
            Path(archive).replace(out.with_suffix(".zip"))
    return out / "index.html"
