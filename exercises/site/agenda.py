"""Session agendas from YAML: a facilitator changes minutes, the clock times follow.

An agenda lives in ``book/agendas/<id>.yml`` (schema: ``exercises/schema/agenda.schema.json``)
and is shown with::

    ```{agenda} half-day-workshop
    ```
"""
from __future__ import annotations

from pathlib import Path

from .directives import YamlFileDirective
from ..escaping import myst_text
from ..yaml_data import load_by_id
from ..paths import BOOK_DIR, SCHEMA_DIR
from ..i18n import message

AGENDAS_DIR = BOOK_DIR / "agendas"
SCHEMA_PATH = SCHEMA_DIR / "agenda.schema.json"


def load_agenda(agenda_id: str, directory: Path = AGENDAS_DIR) -> dict:
    return load_by_id(agenda_id, directory, SCHEMA_PATH, "agenda")


def _clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def schedule(agenda: dict) -> list[tuple[str, str, dict]]:
    """(start, end, activity) for each activity, from the start time and the minutes."""
    hours, mins = map(int, agenda["start"].split(":"))
    now, out = hours * 60 + mins, []
    for activity in agenda["activities"]:
        out.append((_clock(now), _clock(now + activity["minutes"]), activity))
        now += activity["minutes"]
    return out


def total_minutes(agenda: dict) -> int:
    return sum(a["minutes"] for a in agenda["activities"])


def agenda_markdown(agenda: dict) -> str:
    """The agenda as MyST: titles are plain text, the other fields MyST Markdown (see the schema)."""
    total = total_minutes(agenda)
    slots = schedule(agenda)

    def one_line(text: str) -> str:
        return " ".join(text.split())

    out = [f"**{myst_text(agenda['title'])}**" + message(
               "agenda.summary", start=slots[0][0], end=slots[-1][1], hours=total // 60,
               minutes=f"{total % 60:02d}", participants=one_line(agenda["participants"])), "",
           f"*{message('agenda.room')}* {one_line(agenda['room'])}", ""]
    if agenda.get("materials"):
        out += [f"*{message('agenda.materials')}*", ""] + [f"- {one_line(m)}" for m in agenda["materials"]] + [""]
    out += ["```{list-table}", ":header-rows: 1", ":widths: 15 10 25 50", "",
            f"* - {message('agenda.time')}", f"  - {message('agenda.minutes')}", f"  - {message('agenda.activity')}",
            f"  - {message('agenda.what')}"]
    for start, end, a in slots:
        out += [f"* - {start}–{end}", f"  - {a['minutes']}", f"  - {myst_text(a['title'])}", f"  - {one_line(a['what'])}"]
    out += ["```", ""]
    notes = [(a["title"], a["facilitator"]) for _, _, a in slots if a.get("facilitator")]
    if notes:
        out += [f"*{message('agenda.notes')}*", ""]
        out += [f"- **{myst_text(title)}.** {one_line(note)}" for title, note in notes] + [""]
    return "\n".join(out)


class AgendaDirective(YamlFileDirective):
    directory = AGENDAS_DIR
    load = staticmethod(load_agenda)
    to_markdown = staticmethod(agenda_markdown)
