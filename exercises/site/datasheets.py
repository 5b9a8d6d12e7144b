"""Datasheet pages: everything shown is read from data/datapackage.json and the CSVs.

A datasheet page (``book/datasets/<name>.md``) has one hidden cell::

    from exercises.site.datasheets import datasheet
    datasheet("r2p_resolutions")

It displays the text (what the dataset is, sources and how to cite, coverage, caveats,
licence), one static SVG chart embedded as an image with alt text (no JavaScript, no
CDN), and a sample table with a caption and column headers. The package's descriptions
and caveats are Markdown, rendered by exercises.markdown (raw HTML shown as text); titles
and names are plain text; a source or licence path is linked only when it is an http(s)
URL (see exercises.escaping).

In the Japanese edition the package's texts come translated (``i18n.localize``, from
locales/ja/data/data/datapackage.json.po) and the page's own words are program strings
(``sheet.<part>`` in exercises/messages.json); dates and numbers are written as in English.
"""
from __future__ import annotations

import html

import altair as alt
import pandas as pd
from IPython.display import HTML, display

from .charts import svg_html
from ..datasets import PACKAGE, load, resource
from ..escaping import myst_link, myst_text, url_problem
from ..i18n import current, localize, message
from ..markdown import to_html

SAMPLE_ROWS = 8


# --------------------------------------------------------------------------- charts
# Each returns (chart, alt text) or None. Only columns are named here, never facts.

def _bar_count(frame: pd.DataFrame, column: str, what: str):
    counts = frame[column].astype("string").value_counts().rename_axis(column).reset_index(name="rows")
    chart = alt.Chart(counts).mark_bar().encode(
        x=alt.X("rows:Q", title=message("sheet.chart.rows")), y=alt.Y(f"{column}:N", sort="-x", title=column))
    text = ", ".join(f"{k}: {v}" for k, v in zip(counts[column], counts["rows"], strict=False))
    return chart, message("sheet.chart.bar_count", what=what, column=column, counts=text)


def _decades(frame, year_col, color, what):
    data = frame.assign(decade=(frame[year_col] // 10 * 10).astype("Int64"))
    data = data.groupby(["decade", color], observed=True).size().reset_index(name="count")
    data["decade_end"] = data["decade"] + 10
    # a time axis (decades as spans of years), so a decade with no onsets keeps its place
    chart = alt.Chart(data).mark_bar(stroke="white").encode(
        x=alt.X("decade:Q", title=message("sheet.chart.decade"), axis=alt.Axis(format="d", tickMinStep=10),
                scale=alt.Scale(zero=False, nice=False)),
        x2="decade_end:Q", y=alt.Y("count:Q", title=what),
        color=alt.Color(f"{color}:N", title=color))
    per_decade = data.groupby("decade")["count"].sum()
    text = ", ".join(message("sheet.chart.decade_count", decade=d, count=n) for d, n in per_decade.items())
    return chart, message("sheet.chart.decades", what=what, color=color, totals=text)


def _chart(name: str, frame: pd.DataFrame):
    if name == "ewp_mass_killing_episodes":
        return _decades(frame, "start_year", "perpetrator_type", message("sheet.chart.episodes"))
    if name == "pitf_genocide_politicide_episodes":
        return _decades(frame, "start_year", "ongoing_at_end_2014", message("sheet.chart.episodes"))
    if name == "milestones":
        return _bar_count(frame, "category", message("sheet.chart.milestones"))
    if name == "ewp_risk_assessments":
        latest = frame[frame["edition"] == frame["edition"].max()].nsmallest(10, "rank_2yr")
        chart = alt.Chart(latest).mark_bar().encode(
            x=alt.X("risk_2yr:Q", title=message("sheet.chart.risk")),
            y=alt.Y("country:N", sort="-x", title=None))
        text = ", ".join(f"{c} {r:.3f}" for c, r in zip(latest["country"], latest["risk_2yr"], strict=False))
        return chart, message("sheet.chart.risks", edition=frame["edition"].max(), risks=text)
    if name == "r2p_resolutions":
        return _bar_count(frame, "verification_status", message("sheet.chart.resolutions"))
    if name == "atrocity_risk_indicators":
        return _bar_count(frame, "factor_number", message("sheet.chart.indicators"))
    if name == "japan_public_opinion":
        answer = frame[f"answer_{current()}"]  # the survey's own Japanese wording in the Japanese edition
        data = frame.assign(label=frame["question_id"].astype("string") + ": " + answer)
        chart = alt.Chart(data).mark_bar().encode(
            x=alt.X("percent:Q", title=message("sheet.chart.share")), y=alt.Y("label:N", title=None),
            color=alt.Color("survey_round:N", title=message("sheet.chart.round")), yOffset="survey_round:N")
        text = "; ".join(f"{r} {q} '{a}' {p:.1f} %" for r, q, a, p in
                         zip(frame["survey_round"], frame["question_id"], answer, frame["percent"], strict=False))
        return chart, message("sheet.chart.answers", answers=text)
    if name == "un_special_advisers":
        data = frame.assign(end=frame["end_year"].fillna(pd.Timestamp.now().year).astype(int))
        chart = alt.Chart(data).mark_bar().encode(
            x=alt.X("start_year:Q", title=message("sheet.chart.year"), scale=alt.Scale(zero=False), axis=alt.Axis(format="d")),
            x2="end:Q", y=alt.Y("name:N", sort=alt.EncodingSortField("start_year"), title=None),
            color=alt.Color("post:N", title=message("sheet.chart.post")))
        text = "; ".join(f"{n} ({p}) {s}-{'' if pd.isna(e) else e}" for n, p, s, e in
                         zip(data["name"], data["post"], data["start_year"], frame["end_year"], strict=False))
        return chart, message("sheet.chart.advisers", terms=text)
    if name == "oda_dac_donors":
        japan = frame[frame["iso3"] == "JPN"]
        chart = alt.Chart(japan).mark_line(point=True).encode(
            x=alt.X("year:O", title=message("sheet.chart.year")),
            y=alt.Y("oda_usd_million_2025:Q", title=message("sheet.chart.japan_oda")))
        first, last = japan.iloc[0], japan.iloc[-1]
        return chart, message("sheet.chart.japan_oda_alt", first_year=first["year"], last_year=last["year"],
                              first=f"{first['oda_usd_million_2025']:,.0f}",
                              peak=f"{japan['oda_usd_million_2025'].max():,.0f}",
                              last=f"{last['oda_usd_million_2025']:,.0f}")
    if name == "ucdp_deaths_by_type":
        world = frame[frame["region"] == "World"]
        chart = alt.Chart(world).mark_line().encode(
            x=alt.X("year:Q", title=message("sheet.chart.year"), axis=alt.Axis(format="d"),
                    scale=alt.Scale(zero=False, nice=False)),
            y=alt.Y("deaths:Q", title=message("sheet.chart.deaths")),
            color=alt.Color("violence_type:N", title=message("sheet.chart.type")))
        peak = world.loc[world["deaths"].idxmax()]
        return chart, message("sheet.chart.deaths_alt", deaths=f"{peak['deaths']:,}", type=peak["violence_type"],
                              year=peak["year"])
    if name == "un_peacekeeping_force":
        chart = alt.Chart(frame.dropna(subset=["total_force"])).mark_line().encode(
            x=alt.X("year:Q", title=message("sheet.chart.year"), axis=alt.Axis(format="d")),
            y=alt.Y("total_force:Q", title=message("sheet.chart.peacekeepers")))
        peak = frame.loc[frame["total_force"].idxmax()]
        return chart, message("sheet.chart.peacekeepers_alt", peak=f"{peak['total_force']:,}", year=peak["year"])
    categorical = [c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype) or frame[c].dtype == "boolean"]
    if categorical:
        return _bar_count(frame, categorical[0], message("sheet.chart.rows"))
    return None


def _svg_image(chart: alt.Chart, alt_text: str) -> str:
    return svg_html(chart.properties(width=520, height=260), alt_text, "datasheet-chart")


# --------------------------------------------------------------------------- text

def _coverage(frame: pd.DataFrame) -> str:
    parts = [message("sheet.rows_columns", rows=f"{len(frame):,}", columns=len(frame.columns))]
    for col in frame.columns:
        values = frame[col].dropna()
        if values.empty:
            continue
        if pd.api.types.is_datetime64_any_dtype(values):
            parts.append(message("sheet.range", column=col, first=f"{values.min():%Y-%m-%d}",
                                 last=f"{values.max():%Y-%m-%d}"))
            break
        if col in ("year", "edition", "start_year"):
            parts.append(message("sheet.range", column=col, first=values.min(), last=values.max()))
            break
    return "; ".join(parts)


def _markdown(name: str, res: dict, frame: pd.DataFrame) -> str:
    def link(label: str, path: str | None) -> str:
        return myst_link(label, path) if path and url_problem(path) is None else myst_text(label)

    def src(s):
        return link(s["title"] + (f" ({s['symbol']})" if s.get("symbol") else ""), s.get("path"))

    lines = [res["description"], "",
             message("sheet.load_it", name=name, path=res["path"], version=res["version"], retrieved=res["retrieved"]),
             "", message("sheet.sources"), ""]
    lines += [f"- {src(s)}" for s in res["sources"]]
    first = res["sources"][0]
    lines += ["", message("sheet.cite", title=myst_text(first["title"]), name=name, version=res["version"],
                          retrieved=res["retrieved"]), "",
              message("sheet.coverage", coverage=_coverage(frame)), "", message("sheet.caveats"), ""]
    lines += [f"- {' '.join(c.split())}" for c in res["caveats"]]  # one list item each
    lines += ["", message("sheet.licence", licences="; ".join(
        link(lic.get("title", lic["name"]), lic.get("path")) for lic in res["licenses"])), "", message("sheet.columns"), ""]
    for f in res["schema"]["fields"]:
        extra = f.get("description", "")
        enum = f.get("constraints", {}).get("enum")
        if enum:
            extra += (" " if extra else "") + message("sheet.one_of", values=myst_text(", ".join(map(str, enum))))
        lines.append(f"- `{f['name']}` ({f['type']}){': ' + extra if extra else ''}")
    return "\n".join(lines)


def _table(name: str, frame: pd.DataFrame) -> str:
    sample = frame.head(SAMPLE_ROWS).astype("string").fillna("")
    table = sample.to_html(index=False, border=0, classes="datasheet-sample", escape=True)
    caption = f"<caption>{html.escape(message('sheet.caption', shown=len(sample), rows=f'{len(frame):,}', name=name))}</caption>"
    table = table.replace("<th>", '<th scope="col">')
    return table.replace(">", ">" + caption, 1) if "<table" in table else table


def datasheet(name: str) -> None:
    """Display the datasheet of one dataset (Markdown, an accessible SVG chart, a sample)."""
    res, frame = localize(resource(name), PACKAGE), load(name)
    display(HTML(f'<div class="datasheet-text">{to_html(_markdown(name, res, frame))}</div>'))
    chart = _chart(name, frame)
    if chart is not None:
        display(HTML(_svg_image(*chart)))
    display(HTML(_table(name, frame)))
