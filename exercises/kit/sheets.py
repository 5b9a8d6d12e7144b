"""An exercise as a printed sheet with blanks: the student side of a handout.

Each exercise is printed from its client spec (``exercises.widgets.client``: the same
rendered Markdown, the same shuffled order as on the page) in a form that suits its type,
and never with its answer: boxes to tick for single choice and multiple select, blank
rank boxes for ordering, a box per statement for its category, a blank and the unit for
numeric questions (with the chart it reads, drawn as the page draws it, and the values it
shows: :mod:`exercises.kit.exhibits`), the data table (or a pointer to the page when it is
long) and the questions for data explorers, a rating grid for risk worksheets, each step's options for
decision scenarios, ruled lines for reflections. The answers are in the answer key.

    from exercises.kit.sheets import exercise_sheet
    html = exercise_sheet(spec, "responsibility-to-protect/pillar-two", number=3, online="Implementing R2P")
"""
from __future__ import annotations

import base64
import html
import string

from ..tables import format_number
from ..widgets.client import client_spec
from .exhibits import MENTIONS, exhibit
from ..escaping import html_markup_message as _say

BOX = '<span class="box" aria-hidden="true"></span>'
MAX_ROWS, MAX_COLUMNS = 16, 6


def _e(text) -> str:
    return html.escape(str(text))


def _ticks(client: dict, how: str) -> str:
    """The options with a box each, in the order the page shows them."""
    options = client["options"]
    order = client.get("order", range(len(options)))
    items = "".join(f"<li>{BOX}<span>{options[i]['html']}</span></li>" for i in order)
    return f'<p class="how">{how}</p><ul class="ticks">{items}</ul>'


def _blank(unit: str = "") -> str:
    unit_html = f' <span class="unit">{_e(unit)}</span>' if unit else ""
    return f'<p class="answer-line">{_say("kit.sheets.answer")} <span class="blank"></span>{unit_html}</p>'


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value, 0 if value.is_integer() else 2)
    return _e(value)


def _table(table: dict, columns: list[str] | None = None) -> str:
    names = table["columns"]
    keep = [names.index(c) for c in (columns or names) if c in names]
    head = "".join(f"<th>{_e(names[i])}</th>" for i in keep)
    rows = "".join("<tr>" + "".join(f"<td>{_cell(row[i])}</td>" for i in keep) + "</tr>" for row in table["rows"])
    return f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _data(table: dict, columns: list[str], online: str) -> str:
    """The table where it is short enough to print, else where to find it."""
    if len(table["rows"]) <= MAX_ROWS and len(columns) <= MAX_COLUMNS:
        return _table(table, columns)
    return f'<p class="online">{_say("kit.sheets.data_online", rows=len(table["rows"]), online=online)}</p>'


def _chart_columns(client: dict) -> list[str]:
    chart = client["chart"]
    return [c for c in (chart.get("series"), chart["x"], chart["y"]) if c]


def _single(client: dict, online: str) -> str:
    return _ticks(client, _say("kit.sheets.tick_one"))


def _multiple(client: dict, online: str) -> str:
    return _ticks(client, _say("kit.sheets.tick_every"))


def _ordering(client: dict, online: str) -> str:
    items = "".join(f'<li><span class="rank" aria-hidden="true"></span><span>{client["items"][i]["html"]}</span></li>'
                    for i in client["start"])
    return f'<p class="how">{_say("kit.sheets.order")}</p><ul class="ranks">{items}</ul>'


def _categorize(client: dict, online: str) -> str:
    letters = string.ascii_uppercase
    cats = "".join(f"<li><b>{letters[i]}</b> {_e(c)}</li>" for i, c in enumerate(client["categories"]))
    rows = "".join(f'<tr><td>{item["html"]}</td><td class="rank-cell"><span class="rank"></span></td></tr>'
                   for item in client["items"])
    return (f'<p class="how">{_say("kit.sheets.categorize")}</p>'
            f'<ul class="categories">{cats}</ul>'
            f'<table class="sort"><thead><tr><th>{_say("kit.sheets.statement")}</th><th>{_say("kit.sheets.category")}</th>'
            f'</tr></thead><tbody>{rows}</tbody></table>')


def chart_figure(shown) -> str:
    """An exhibit's chart as a printed figure (an SVG data URL: prints from local files only)."""
    data = base64.b64encode(shown.svg.encode("utf-8")).decode("ascii")
    return (f'<figure class="chart"><img src="data:image/svg+xml;base64,{data}" alt="{html.escape(shown.alt)}" '
            'style="max-width:100%;height:auto"></figure>')


def _numeric(client: dict, online: str) -> str:
    data = _data(client["table"], _chart_columns(client), online) if "table" in client else ""
    return data + _blank(client["unit"])


def _chart_first(spec: dict, ref: str, client: dict, online: str) -> str:
    """A numeric exercise that reads a chart: the chart, its values, the blank."""
    shown = exhibit(spec, ref)
    if shown is None or not shown.has_chart:
        return _numeric(client, online)
    return chart_figure(shown) + shown.table_html + _blank(client["unit"])


def _data_explorer(client: dict, online: str) -> str:
    out = [_data(client["table"], client["table"]["columns"], online)]
    for n, q in enumerate(client["questions"], 1):
        out.append(f'<div class="question"><p class="q">{_say("kit.sheets.question", n=n)}</p>{q["prompt_html"]}')
        out.append(_ticks(q, _say("kit.sheets.tick_one")) if q["type"] == "single_choice" else _blank(q["unit"]))
        out.append("</div>")
    return "".join(out)


def _risk_assessment(client: dict, online: str) -> str:
    head = "".join(f"<th>{_e(level)}</th>" for level in client["scale"])
    rows = "".join(f'<tr><th scope="row">{_e(f["name"])}{f["description_html"]}</th>'
                   + "".join(f'<td class="tick">{BOX}</td>' for _ in client["scale"]) + "</tr>"
                   for f in client["factors"])
    return (f'<div class="case">{client["case_html"]}</div>'
            f'<p class="how">{_say("kit.sheets.rate")}</p>'
            f'<table class="grid"><thead><tr><th>{_say("kit.sheets.risk_factor")}</th>{head}</tr></thead>'
            f'<tbody>{rows}</tbody></table>')


def _decision(client: dict, online: str) -> str:
    """Each decision point with its options; where a choice leads is not printed (that a
    choice ends the scenario would give away which choices the scenario favours)."""
    steps = [i for i, node in enumerate(client["nodes"]) if not node["ending"]]
    order = [client["start"]] + [i for i in steps if i != client["start"]]
    out = [f'<p class="how">{_say("kit.sheets.decide")}</p>']
    for n, i in enumerate(order, 1):
        node = client["nodes"][i]
        choices = "".join(f'<li>{BOX}<span>{c["html"]}</span></li>' for c in node["choices"])
        out.append(f'<div class="step"><p class="q">{_say("kit.sheets.step", n=n)}</p>{node["text_html"]}'
                   f'<ul class="ticks">{choices}</ul></div>')
    return "".join(out)


def _reflection(client: dict, online: str) -> str:
    lines = max(6, min(16, client["min_words"] // 10 + 4))
    return ('<div class="ruled">' + '<div class="rule"></div>' * lines + "</div>"
            + (f'<p class="how">{_say("kit.sheets.min_words", n=client["min_words"])}</p>'
               if client["min_words"] > 1 else ""))


BODIES = {"single_choice": _single, "multiple_select": _multiple, "ordering": _ordering,
          "categorize": _categorize, "numeric": _numeric, "data_explorer": _data_explorer,
          "risk_assessment": _risk_assessment, "decision": _decision, "reflection": _reflection}


def exercise_sheet(spec: dict, ref: str, number: int, online: str | None = None) -> str:
    """One exercise with blanks to fill in, as HTML (no answers); ``online`` (HTML) says where
    the exercise is on the course site."""
    online = _say("kit.handouts.course_site") if online is None else online
    client = client_spec(spec, ref)
    title = f": {_e(client['title'])}" if client["title"] else ""
    if spec["type"] == "numeric" and "chart" in client:
        body = _chart_first(spec, ref, client, online)
    else:
        body = BODIES[spec["type"]](client, online)
    elsewhere = ""
    if "table" not in client and MENTIONS.search(spec.get("prompt", "")):  # its chart or table is on its page
        elsewhere = f'<p class="online">{_say("kit.sheets.exhibit_online", online=online)}</p>'
    return (f'<section class="exercise {spec["type"].replace("_", "-")}" id="ex-{_e(spec["id"])}">'
            f'<h3>{_say("kit.handouts.exercise", n=number)}{title}</h3><div class="prompt">{client["prompt_html"]}</div>'
            f'{elsewhere}{body}</section>')
