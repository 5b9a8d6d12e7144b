"""The workshop materials the agendas name but the course did not supply, printable.

Read from ``book/workshop/<id>.yml`` (schema: ``exercises/schema/workshop.schema.json``;
errors name file, line and field) and printed by :func:`build` into the venue kit
(:mod:`exercises.kit.venue`):

- ``injects.pdf``: the news injects, one per page, to hand out or project;
- ``case-first-warning.pdf``: the chosen case cut at its first warning: its warning signs,
  without the background and the response that tell what followed;
- ``name-cards.pdf``: a folding name card for every role at every table;
- ``rotation-grid.pdf``: who meets whom in each round of bilateral meetings, per table;
- ``programme.pdf``: the participants' programme, clock times from the agenda;
- ``evaluation-form.pdf``: the evaluation form.

Every text field of the workshop file is plain text, escaped as HTML text; the fields it
borrows from the agenda, the roles and the case are MyST, rendered as the handouts render them.
"""
from __future__ import annotations

from pathlib import Path

from ..escaping import html_text
from ..paths import BOOK_DIR, SCHEMA_DIR
from ..yaml_data import load_by_id
from ..site.agenda import load_agenda, schedule
from ..site.case_box import load_case
from ..site.roles import load_roles
from . import handouts
from .myst_print import Bibliography, MystPrinter
from ..i18n import message

WORKSHOP_DIR = BOOK_DIR / "workshop"
SCHEMA_PATH = SCHEMA_DIR / "workshop.schema.json"
DEFAULT = "half-day-workshop"
TABLE_NAMES = "ABCDEFGHIJ"

CSS = """
.name-card { height: 128mm; border-bottom: 1px dashed #000; display: flex; flex-direction: column;
  break-inside: avoid; }
.name-card .half { flex: 1; display: flex; align-items: center; justify-content: center; text-align: center;
  padding: 0 10mm; }
.name-card .half.top { transform: rotate(180deg); border-bottom: 1px dotted #666; }
.name-card .name { font-size: 26pt; font-weight: bold; line-height: 1.2; }
.name-card .table { font-size: 12pt; display: block; font-weight: normal; margin-top: 4mm; }
.inject { break-after: page; }
.inject:last-child { break-after: auto; }
.inject .headline { font-size: 20pt; line-height: 1.25; }
.inject .meta { font-size: 10pt; border: 1px solid #000; padding: 2mm 3mm; }
table.grid, table.scale { border-collapse: collapse; width: 100%; margin-bottom: 6mm; }
table.grid td, table.grid th, table.scale td, table.scale th { border: 1px solid #000; padding: 1.5mm 2mm;
  vertical-align: top; font-size: 9.5pt; }
table.scale td.tick { width: 9mm; text-align: center; }
.lines span { display: block; border-bottom: 1px solid #000; height: 9mm; }
.grid-table { break-inside: avoid; }
"""


def load_workshop(workshop_id: str = DEFAULT, directory: Path = WORKSHOP_DIR) -> dict:
    return load_by_id(workshop_id, directory, SCHEMA_PATH, "workshop")


def _page(title: str, body: str) -> str:
    return handouts._page(title, f"<style>{CSS}</style>{body}")


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html_text(' '.join(p.split()))}</p>" for p in text.split("\n\n") if p.strip())


def table_names(count: int) -> list[str]:
    return [message("workshop.table", name=TABLE_NAMES[i]) for i in range(count)]


def injects_html(data: dict) -> str:
    pages = "".join(
        f'<section class="inject"><p class="kind">{html_text(message("workshop.inject_n", n=n, total=len(data["injects"])))}</p>'
        f'<h1 class="headline">{html_text(i["headline"])}</h1>{_paragraphs(i["text"])}'
        f'<p class="meta"><b>{html_text(message("workshop.source"))}</b> '
        f'{html_text(i.get("source", message("workshop.not_given")))}<br>'
        f'<b>{html_text(message("workshop.release"))}</b> {html_text(i["release"])}</p></section>'
        for n, i in enumerate(data["injects"], 1))
    return _page(message("workshop.injects_title", title=data["title"]), pages)


def case_cut_html(data: dict, printer: MystPrinter) -> str:
    case = load_case(data["case"])
    note = f'<p class="care"><b>{html_text(message("workshop.content_note"))}</b> {printer.inline(case["content_note"])}</p>' \
        if case.get("content_note") else ""
    body = (f'<p class="course">{html_text(data["title"])}</p>'
            f'<h1>{html_text(message("workshop.case_title", title=case["title"]))}</h1>'
            f'<p class="kind">{html_text(message("workshop.case_period", period=case["period"]))}</p>{note}'
            f"<p>{html_text(message('workshop.case_only'))}</p>"
            f"<h2>{html_text(message('workshop.warning_signs'))}</h2>{printer.block(case['warning_signs'])}"
            f"<h2>{html_text(message('workshop.your_question'))}</h2><p>{html_text(message('workshop.question'))}</p>"
            f"{printer.sources_html()}")
    return _page(message("workshop.case_title", title=case["title"]), body)


def name_cards_html(data: dict) -> str:
    roles = load_roles(data["roles"])["roles"]
    cards = []
    for table in table_names(data["tables"]):
        where = f'<span class="table">{html_text(table)}</span>' if data["tables"] > 1 else ""
        for role in roles:
            name = f'<span class="name">{html_text(role["name"])}{where}</span>'
            cards.append(f'<article class="name-card"><div class="half top">{name}</div>'
                         f'<div class="half">{name}</div></article>')
    return _page(message("workshop.name_cards_title", title=data["title"]), "".join(cards))


def rotation(names: list[str], rounds: int) -> list[list[tuple[str, str | None]]]:
    """Round-robin pairings (the circle method): no pair meets twice; with an odd number of
    roles one sits out each round (paired with None)."""
    players: list[str | None] = list(names) + ([None] if len(names) % 2 else [])
    n = len(players)
    out = []
    for _ in range(min(rounds, n - 1)):
        pairs = []
        for i in range(n // 2):
            a, b = players[i], players[n - 1 - i]
            if a is None:
                a, b = b, a
            pairs.append((a, b))
        out.append(pairs)
        players = [players[0], players[-1], *players[1:-1]]
    return out


def rotation_html(data: dict) -> str:
    roles = [r["name"] for r in load_roles(data["roles"])["roles"]]
    plan = rotation(roles, data["rotation"]["rounds"])
    minutes = data["rotation"]["minutes"]
    head = "".join(f"<th>{html_text(message('workshop.round', n=n, minutes=minutes))}</th>" for n in range(1, len(plan) + 1))

    def partner(role: str, pairs) -> str:
        other = next((b if a == role else a) for a, b in pairs if role in (a, b))
        return other or message("workshop.sits_out")
    rows = "".join(f"<tr><th>{html_text(role)}</th>"
                   + "".join(f"<td>{html_text(partner(role, pairs))}</td>" for pairs in plan) + "</tr>"
                   for role in roles)
    tables = "".join(
        f'<section class="grid-table"><h2>{html_text(table)}</h2><p>{html_text(message("workshop.grid_intro"))}</p>'
        f'<table class="grid"><thead><tr><th>{html_text(message("workshop.role"))}</th>{head}</tr></thead>'
        f'<tbody>{rows}</tbody></table></section>'
        for table in table_names(data["tables"]))
    note = f"<p>{html_text(message('workshop.parallel'))}</p>" if data["tables"] > 1 else ""
    return _page(message("workshop.rotation_title", title=data["title"]),
                 f"<h1>{html_text(message('workshop.rotation_heading'))}</h1><p>{html_text(data['title'])}</p>{note}{tables}")


def programme_html(data: dict, printer: MystPrinter) -> str:
    agenda = load_agenda(data["agenda"])
    rows = "".join(f"<tr><td>{start}–{end}</td><td><b>{html_text(a['title'])}</b></td>"
                   f"<td>{printer.inline(a['what'])}</td></tr>" for start, end, a in schedule(agenda))
    body = (f"<h1>{html_text(message('workshop.programme'))}</h1><p class=\"kind\">{html_text(agenda['title'])}</p>"
            f'<table class="grid"><thead><tr><th>{html_text(message("agenda.time"))}</th>'
            f'<th>{html_text(message("agenda.activity"))}</th><th>{html_text(message("agenda.what"))}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
            f'<p>{html_text(message("workshop.your_table"))} <span class="blank"></span> '
            f'{html_text(message("workshop.your_role"))} <span class="blank"></span></p>'
            f"{printer.sources_html()}")
    return _page(message("workshop.programme_title", title=agenda["title"]), body)


def evaluation_html(data: dict) -> str:
    scales = [q for q in data["evaluation"] if q["kind"] == "scale"]
    texts = [q for q in data["evaluation"] if q["kind"] == "text"]
    scale = ""
    if scales:
        ticks = "".join(f'<th class="tick">{n}</th>' for n in range(1, 6))
        rows = "".join(f"<tr><td>{html_text(q['question'])}</td>"
                       + '<td class="tick"><span class="box" aria-hidden="true"></span></td>' * 5 + "</tr>"
                       for q in scales)
        scale = (f"<p>{html_text(message('workshop.tick_scale'))}</p>"
                 f'<table class="scale"><thead><tr><th>{html_text(message("kit.sheets.statement"))}</th>{ticks}</tr></thead>'
                 f"<tbody>{rows}</tbody></table>")
    written = "".join(f"<h2>{html_text(q['question'])}</h2><div class=\"lines\">{'<span></span>' * 4}</div>"
                      for q in texts)
    body = (f"<h1>{html_text(message('workshop.evaluation'))}</h1><p class=\"kind\">{html_text(data['title'])}</p>"
            f"<p>{html_text(message('workshop.anonymous'))}</p>{scale}{written}")
    return _page(message("workshop.evaluation_title", title=data["title"]), body)


def pages(data: dict, bibliography: Bibliography) -> list[tuple[str, str, str]]:
    """(file stem, label, HTML) of each printable page."""
    printer = lambda: MystPrinter(bibliography, BOOK_DIR / "modules" / "10-case-studies")  # noqa: E731
    return [("injects", message("workshop.label_injects"), injects_html(data)),
            ("case-first-warning", message("workshop.label_case"), case_cut_html(data, printer())),
            ("name-cards", message("workshop.label_name_cards"), name_cards_html(data)),
            ("rotation-grid", message("workshop.label_rotation"), rotation_html(data)),
            ("programme", message("workshop.label_programme"), programme_html(data, printer())),
            ("evaluation-form", message("workshop.label_evaluation"), evaluation_html(data))]


def build(out: Path, bibliography: Bibliography | None = None, workshop_id: str = DEFAULT,
          tables: int | None = None) -> list[tuple[str, str]]:
    """Print the materials into ``out`` (a new folder, with an ``html/`` folder of sources);
    returns [(file name, label)]. ``tables`` overrides the file's number of parallel tables."""
    data = load_workshop(workshop_id)
    if tables is not None:
        data = {**data, "tables": tables}
    bibliography = bibliography or Bibliography.from_config()
    out = Path(out)
    (out / "html").mkdir(parents=True)
    jobs, links = [], []
    for stem, label, page in pages(data, bibliography):
        source = out / "html" / f"{stem}.html"
        source.write_text(page, encoding="utf-8")
        jobs.append((source, out / f"{stem}.pdf", "", f"{data['title']} · {label}"))
        links.append((f"{stem}.pdf", label))
    handouts.print_pdfs(jobs)
    return links
