"""What an exercise shows beside its question: its chart and its data table, for the
exports that leave the site (the LMS export, the printed handouts).

An exercise *refers to data* when it reads a dataset or an inline table, or when its prompt
speaks of a chart, a table, a graph or a dataset. Such an exercise either carries its
exhibit (the chart as an image, drawn as the page draws it, and the data the chart shows
as an HTML table), or cannot stand alone: its data is shown elsewhere on its page, so an
export leaves it out and lists it.

    ex = exhibit(spec, "japans-aspiration/oda-share-low")
    ex.table_html, ex.png, ex.svg, ex.alt
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import altair as alt
import pandas as pd
import vl_convert as vlc

from .. import i18n
from ..escaping import html_text
from ..tables import format_number
from ..widgets.client import client_spec

MENTIONS = re.compile(r"\b(charts?|tables?|graphs?|datasets?|plots?)\b", re.I)
MAX_ROWS = 40


@dataclass(frozen=True)
class Exhibit:
    table_html: str
    title: str
    alt: str = ""
    png: bytes = b""
    svg: str = ""

    @property
    def has_chart(self) -> bool:
        return bool(self.png)


def refers_to_data(spec: dict) -> bool:
    return bool("dataset" in spec or "table" in spec or "chart" in spec or MENTIONS.search(spec.get("prompt", "")))


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return format_number(value, 0 if value.is_integer() else 2)
    return html_text(value)


def table_html(columns: list[str], rows: list[list], caption: str = "") -> str:
    head = "".join(f"<th>{html_text(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>" for row in rows)
    cap = f"<caption>{html_text(caption)}</caption>" if caption else ""
    return f'<table class="data" border="1">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def chart_data(table: dict, chart: dict) -> pd.DataFrame:
    """The values the chart shows: y summed where rows share an x (and a series)."""
    df = pd.DataFrame(table["rows"], columns=table["columns"])
    keys = [c for c in (chart["x"], chart.get("series")) if c]
    return df.groupby(keys, sort=True, dropna=False)[chart["y"]].sum().reset_index()[[*keys, chart["y"]]]


def _altair(data: pd.DataFrame, chart: dict) -> alt.Chart:
    # a line over numbers (years) on a quantitative axis keeps the gaps between them
    x_type = "Q" if chart["kind"] == "line" and pd.api.types.is_numeric_dtype(data[chart["x"]]) else "O"
    base = alt.Chart(data, title=chart.get("title", "")).properties(width=520, height=260)
    mark = base.mark_line(point=True) if chart["kind"] == "line" else base.mark_bar()
    quantitative = x_type == "Q"
    x_axis = alt.Axis(labelFontSize=12, labelLimit=220, **({"format": "d"} if quantitative else {}))
    enc = {"x": alt.X(f"{chart['x']}:{x_type}", title=chart.get("x_label", chart["x"]), axis=x_axis,
                      scale=alt.Scale(zero=False) if quantitative else alt.Undefined),
           "y": alt.Y(f"{chart['y']}:Q", title=chart.get("y_label", chart["y"]), axis=alt.Axis(labelFontSize=12))}
    if chart.get("series"):
        enc["color"] = alt.Color(f"{chart['series']}:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=400))
        if chart["kind"] == "bar":
            enc["xOffset"] = alt.XOffset(f"{chart['series']}:N")
    return mark.encode(**enc).configure(font="sans-serif", background="white")


@lru_cache(maxsize=64)
def _render(spec_json: str) -> tuple[bytes, str]:
    return vlc.vegalite_to_png(spec_json, scale=1.5), vlc.vegalite_to_svg(spec_json)


def exhibit(spec: dict, ref: str) -> Exhibit | None:
    """The exercise's chart and data, or None when it shows none of its own (or its data
    is too long to carry)."""
    client = client_spec(spec, ref)
    table = client.get("table")
    if not table:
        return None
    chart = client.get("chart")
    if chart:
        data = chart_data(table, chart)
        if len(data) > MAX_ROWS:
            return None
        title = chart.get("title", "")
        columns = [chart.get("x_label", chart["x"]) if c == chart["x"] else
                   chart.get("y_label", chart["y"]) if c == chart["y"] else c for c in data.columns]
        rows = data.astype(object).where(data.notna(), None).values.tolist()
        png, svg = _render(_altair(data, chart).to_json())
        alt_text = i18n.message("kit.exhibits.alt", kind=chart["kind"].capitalize(), title=title)
        return Exhibit(table_html(columns, rows, i18n.message("kit.exhibits.caption", title=title)), title, alt_text,
                       png, svg)
    if len(table["rows"]) > MAX_ROWS:
        return None
    return Exhibit(table_html(table["columns"], table["rows"]), spec.get("title", ""))


def readable_title(spec: dict) -> str:
    """The exercise's title, or the first words of its prompt (Markdown marks dropped)."""
    if spec.get("title"):
        return " ".join(spec["title"].split())
    words = re.sub(r"[*_`#>\[\]{}]", "", spec.get("prompt", "")).split()
    text = " ".join(words[:12])
    return text + ("…" if len(words) > 12 else "") or spec["id"]
