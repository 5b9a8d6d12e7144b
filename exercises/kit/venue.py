"""A venue kit: everything a facilitator needs in a room with no internet, in one folder.

    python -m exercises kit [MODULES...]      (or: make kit [MODULES="9 10"])

writes ``_build/kit/venue-kit/`` and ``_build/kit/venue-kit.zip``, which open from the disk
with no install (double-click ``index.html``):

- ``site/``: the built site, student edition, copied from ``_build/html``. The kit takes the
  build that is there (run ``make book`` first for a fresh one); when there is none it runs
  the strict build itself. An instructor build is never copied (answer keys stay out);
- ``slides/``: the modules' decks (:mod:`exercises.kit.slides`);
- ``handouts/``: the student handouts, answer keys and role cards (:mod:`exercises.kit.handouts`);
- ``agendas/``: every agenda of ``book/agendas/`` as a printable PDF, clock times computed
  (:mod:`exercises.site.agenda`);
- ``workshop/``: the workshop materials the agendas name (:mod:`exercises.kit.workshop`);
- ``index.html``: how to use the kit in a room with no internet (plain HTML, every text escaped).

Modules are named as ``make handouts`` names them; none means all. Everything is written to
a temporary folder next to the output and moved into place whole, so a failed run leaves the
previous kit as it was.
"""
from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from .. import edition
from ..escaping import html_text
from ..i18n import LANGUAGES, current, message
from ..site.language import SITE_FOLDER
from ..paths import BUILD_DIR, ROOT, site_output
from ..toc import module_names, read_toc, resolve
from . import credits, handouts, slides, workshop
from .myst_print import Bibliography, MystPrinter
from ..site.agenda import AGENDAS_DIR, load_agenda, schedule, total_minutes
from .output import check_target, replacing

OUT = BUILD_DIR / "kit" / "venue-kit"
SITE = BUILD_DIR / "html"


class KitError(RuntimeError):
    pass


def ensure_site(site: Path = SITE) -> Path:
    """The student site: the existing build, or a new strict build when there is none."""
    if (site / "index.html").is_file():
        home = (site / "index.html").read_text(encoding="utf-8")
        if any(edition.banner(lang) in home for lang in LANGUAGES):
            raise KitError(f"{site} is the instructor edition (answer keys): a venue kit holds the student "
                           "edition only; build it with make book")
        return site
    if site != SITE:
        raise KitError(f"no built site at {site} (no index.html)")
    done = subprocess.run([sys.executable, "-m", "exercises", "book", "--edition", "student"], cwd=ROOT)
    if done.returncode or not (site / "index.html").is_file():
        raise KitError("the site could not be built (see the warnings above); the kit was not written")
    return site


# ------------------------------------------------------------------ agendas

def agenda_html(agenda: dict, printer: MystPrinter) -> str:
    """An agenda as a printable page: titles plain text, the other fields MyST (see the schema)."""
    total = total_minutes(agenda)
    slots = schedule(agenda)
    rows = "".join(
        f"<tr><td>{start}–{end}</td><td>{a['minutes']}</td><td><b>{html_text(a['title'])}</b></td>"
        f"<td>{printer.inline(a['what'])}"
        + (f'<p class="facilitator"><b>Facilitator:</b> {printer.inline(a["facilitator"])}</p>'
           if a.get("facilitator") else "")
        + "</td></tr>" for start, end, a in slots)
    materials = ("<h2>Materials</h2><ul>" + "".join(f"<li>{printer.inline(m)}</li>" for m in agenda["materials"])
                 + "</ul>") if agenda.get("materials") else ""
    body = (f"<h1>{html_text(agenda['title'])}</h1>"
            f"<p><b>{slots[0][0]} to {slots[-1][1]}</b> ({total // 60} h {total % 60:02d} min). "
            f"<b>Participants:</b> {printer.inline(agenda['participants'])}</p>"
            f"<p><b>Room set-up:</b> {printer.inline(agenda['room'])}</p>{materials}"
            '<table class="agenda"><thead><tr><th>Time</th><th>Min</th><th>Activity</th><th>What happens</th>'
            f"</tr></thead><tbody>{rows}</tbody></table>{printer.sources_html()}")
    return handouts._page(message("venue.agenda", title=agenda["title"]), body)


def agenda_ids(directory: Path = AGENDAS_DIR) -> list[str]:
    return sorted(p.stem for p in Path(directory).glob("*.yml"))


# ------------------------------------------------------------------ the index page

def _handout_label(name: str) -> str:
    if name == "role-cards.pdf":
        return message("venue.role_cards")
    number = int(name.split("-", 1)[0])
    if name.endswith("-answers.pdf"):
        return message("venue.answer_key", number=number)
    return message("venue.handout", number=number)


def _href(path: str) -> str:
    """A relative link as an HTML attribute value (percent-encoded, then quoted)."""
    return html.escape(quote(path, safe="/#"), quote=True)


def index_html(course_title: str, sections: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """The kit's front page; ``sections`` is [(heading, [(relative link, label)])]."""
    steps = "".join(f"<li>{html_text(message(key))}</li>" for key in (
        "venue.step_copy", "venue.step_open", "venue.step_print", "venue.step_slides", "venue.step_site",
        "venue.step_python"))
    lists = "".join(
        f"<h2>{html_text(heading)}</h2><ul>"
        + "".join(f'<li><a href="{_href(href)}">{html_text(label)}</a></li>' for href, label in links)
        + "</ul>" for heading, links in sections)
    return f"""<!DOCTYPE html>
<html lang="{current()}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{html_text(message("venue.title", course=course_title))}</title>
  <style>
    body {{ font: 1.05rem/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem;
           color: #1a1a1a; background: #fff; }}
    a {{ color: #0b4f9c; }}
    li {{ margin: 0.3rem 0; }}
    .box {{ border: 1px solid #888; padding: 0.5rem 1rem; }}
  </style>
</head>
<body>
<main>
  <h1>{html_text(message("venue.heading"))}</h1>
  <p>{html_text(course_title)}</p>
  <div class="box">
  <h2>{html_text(message("venue.offline_heading"))}</h2>
  <ol>{steps}</ol>
  </div>
  {lists}
  <p>{html_text(credits.LICENCE)}</p>
</main>
</body>
</html>
"""


def build(requested: list[str] | None = None, out: Path = OUT, site: Path = SITE, zip_it: bool = True,
          tables: int | None = None) -> Path:
    """Write the kit for the requested modules (all when none) into ``out`` (and ``out``.zip);
    returns the index page."""
    toc = read_toc()
    folders = resolve(list(requested or sorted(set(module_names(toc).values()))), toc)
    site = ensure_site(Path(site))
    course_title = credits.book_config()["title"]
    out = Path(out).resolve()
    check_target(out, "kit")  # refuse a folder that is not an earlier kit before building anything
    with replacing(out, "kit") as kit:
        shutil.copytree(site, kit / "site", ignore=shutil.ignore_patterns(".buildinfo", ".doctrees"))
        japanese = site_output("student", "ja") / "_build" / "html"
        if site == SITE and (japanese / "index.html").is_file():  # the Japanese edition, where the switch links
            shutil.copytree(japanese, kit / "site" / SITE_FOLDER["ja"], ignore=shutil.ignore_patterns(".buildinfo", ".doctrees"))
        deck_folders = [f for f in folders if f in slides.deck_folders()]
        if deck_folders:
            slides.build(deck_folders, kit / "slides")
        handout_files = handouts.build(folders, kit / "handouts")

        bibliography = Bibliography.from_config()
        (kit / "agendas" / "html").mkdir(parents=True)
        jobs, agenda_links = [], []
        for agenda_id in agenda_ids():
            agenda = load_agenda(agenda_id)
            source = kit / "agendas" / "html" / f"{agenda_id}.html"
            printer = MystPrinter(bibliography, ROOT / "book" / "back")
            source.write_text(agenda_html(agenda, printer), encoding="utf-8")
            jobs.append((source, kit / "agendas" / f"{agenda_id}.pdf", "", message("venue.agenda", title=agenda["title"])))
            agenda_links.append((f"agendas/{agenda_id}.pdf", agenda["title"]))
        handouts.print_pdfs(jobs)
        workshop_links = workshop.build(kit / "workshop", bibliography, tables=tables)

        site_links = [("site/index.html", message("venue.open_site"))]
        if (kit / "site" / SITE_FOLDER["ja"] / "index.html").is_file():
            site_links.append((f"site/{SITE_FOLDER['ja']}index.html", message("venue.open_site_ja")))
        sections = [(message("venue.site"), site_links)]
        if deck_folders:
            sections.append((message("venue.slides"), [("slides/index.html", message("venue.all_decks"))]
                             + [(f"slides/{f}/index.html", message("venue.module", number=int(f.split("-", 1)[0])))
                                for f in deck_folders]))
        sections.append((message("venue.handouts"), [("handouts/index.html", message("venue.all_handouts"))]
                         + [(f"handouts/{p.name}", _handout_label(p.name)) for p in handout_files]))
        sections.append((message("venue.agendas"), agenda_links))
        sections.append((message("venue.workshop"), [(f"workshop/{name}", label) for name, label in workshop_links]))
        (kit / "index.html").write_text(index_html(course_title, sections), encoding="utf-8")

    if zip_it:  # the zip beside the kit folder, <kit>.zip, replaced whole
        with tempfile.TemporaryDirectory(prefix=".kit-zip-", dir=out.parent) as tmp:
            archive = shutil.make_archive(str(Path(tmp) / out.name), "zip", root_dir=out.parent, base_dir=out.name)
            Path(archive).replace(out.with_suffix(".zip"))
    return out / "index.html"
