"""A simulation's roles as data: shown on its page and printed as role cards.

The roles live in ``book/roles/<id>.yml`` (schema: ``exercises/schema/roles.schema.json``):
each role's name, who plays it, brief, tools, dilemma, whether it is optional, and a care
note where there is one. The page shows them with::

    ```{roles} capstone
    ```

and ``make handouts`` prints them as cards (:func:`role_cards_html`), two to an A4 page
with cut lines, with the simulation's question, what each team prepares, and the
timings of the agenda the file names (``agenda: half-day-workshop``).
"""
from __future__ import annotations

import html
from pathlib import Path

from .agenda import load_agenda, schedule
from .directives import YamlFileDirective
from ..yaml_data import load_by_id
from ..paths import BOOK_DIR, SCHEMA_DIR
from ..i18n import message
from ..escaping import html_message as _say, myst_text

ROLES_DIR = BOOK_DIR / "roles"
SCHEMA_PATH = SCHEMA_DIR / "roles.schema.json"


def load_roles(roles_id: str, directory: Path = ROLES_DIR) -> dict:
    return load_by_id(roles_id, directory, SCHEMA_PATH, "roles file")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def role_text(role: dict) -> str:
    """The role's description as one MyST paragraph, as the page shows it."""
    parts = [role["brief"], role.get("tools", ""), f"*{message('roles.dilemma')}* {role['dilemma']}", role.get("care", "")]
    return " ".join(_one_line(p) for p in parts if p)


def roles_markdown(data: dict) -> str:
    """A definition list of the roles; the optional ones follow under their own lead-in.
    Names are plain text; the description fields MyST Markdown (see the schema)."""
    def deflist(roles: list[dict]) -> list[str]:
        out = []
        for role in roles:
            out += [myst_text(role["name"]), f": {role_text(role)}", ""]
        return out
    core = [r for r in data["roles"] if not r.get("optional")]
    optional = [r for r in data["roles"] if r.get("optional")]
    out = deflist(core)
    if optional:
        out += [message("roles.optional_lead"), "", *deflist(optional)]
    return "\n".join(out)


class RolesDirective(YamlFileDirective):
    directory = ROLES_DIR
    load = staticmethod(load_roles)
    to_markdown = staticmethod(roles_markdown)


# ------------------------------------------------------------------ printed cards

def _timings(agenda: dict) -> str:
    rows = "".join(f"<li><span>{start}</span> {html.escape(a['title'])}</li>" for start, _, a in schedule(agenda))
    return (f'<div class="timings"><p class="label">{_say("kit.roles.timings", agenda=agenda["title"])}</p>'
            f'<ol>{rows}</ol></div>')


def role_card_html(role: dict, data: dict, printer, agenda: dict | None = None) -> str:
    """One card: ``printer`` (exercises.kit.myst_print.MystPrinter) renders the MyST fields."""
    e = html.escape
    optional = f'<span class="optional">{_say("kit.roles.optional")}</span>' if role.get("optional") else ""
    tools = f'<p>{printer.inline(role["tools"])}</p>' if role.get("tools") else ""
    care = f'<p class="care"><b>{_say("kit.roles.care")}</b> {printer.inline(role["care"])}</p>' if role.get("care") else ""
    prepare = ""
    if data.get("prepare"):
        asks = "".join('<li><span class="blank wide"></span></li>' for _ in range(3))
        prepare = (f'<div class="prepare"><p class="label">{_say("kit.roles.prepare")}</p>'
                   f'<p>{printer.inline(data["prepare"])}</p>'
                   f'<p class="label small">{_say("kit.roles.three_asks")}</p><ol class="asks">{asks}</ol>'
                   f'<p class="label small">{_say("kit.roles.red_line")}</p><p><span class="blank wide"></span></p></div>')
    return (f'<article class="role-card"><p class="sim">{e(data["title"])} {optional}</p>'
            f'<h2>{e(role["name"])}</h2><p class="played">{_say("kit.roles.played_by", who=role["played_by"])}</p>'
            f'<div class="brief"><p>{printer.inline(role["brief"])}</p>{tools}'
            f'<p class="dilemma"><b>{_say("kit.roles.dilemma")}</b> {printer.inline(role["dilemma"])}</p>{care}</div>'
            f'<p class="sim-question"><b>{_say("kit.roles.question")}</b> {printer.inline(data["question"])}</p>'
            f'{prepare}{_timings(agenda) if agenda else ""}</article>')


def role_cards_html(data: dict, printer) -> str:
    """Every role's card, in order (the print CSS puts two on an A4 page)."""
    agenda = load_agenda(data["agenda"]) if data.get("agenda") else None
    return "".join(role_card_html(role, data, printer, agenda) for role in data["roles"])
