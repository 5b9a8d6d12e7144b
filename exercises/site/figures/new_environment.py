"""Module 2's charts (see :mod:`exercises.site.figures`)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ...datasets import load
from . import figure

POSTS = {"prevention_of_genocide": "Prevention of Genocide", "responsibility_to_protect": "Responsibility to Protect"}
SAID = {"prevention_of_genocide": "Genocide prevention", "responsibility_to_protect": "Responsibility to protect"}
THROUGH = 2026  # terms still running are drawn to this year
# milestone -> (row label, as said in the alt text)
MILESTONES = {
    "1999-independent-inquiry-into-un-action-in-rwanda": ("Rwanda inquiry report", "the Rwanda inquiry report"),
    "iciss-report": ("ICISS report", "the ICISS report"),
    "2004-action-plan-to-prevent-genocide": ("Action Plan to Prevent Genocide", "the Action Plan to Prevent Genocide"),
    "first-sapg": ("First genocide-prevention adviser", "the first genocide-prevention adviser"),
    "2005-world-summit-outcome-adopts-the-responsibility-to-": ("World Summit adopts R2P", "the World Summit adopts R2P"),
    "hrc-created": ("Human Rights Council created", "the Human Rights Council created"),
    "luck-appointed": ("First adviser on R2P", "the first adviser on R2P"),
    "sg-report-2009": ("SG report: three pillars", "the Secretary-General's three-pillar report"),
    "ga-first-r2p-resolution": ("First GA resolution on R2P", "the first General Assembly resolution on R2P"),
    "framework-of-analysis": ("Framework of Analysis", "the Framework of Analysis"),
    "ga-r2p-annual-agenda": ("R2P on GA annual agenda", "R2P on the General Assembly's annual agenda"),
}
KINDS = {"institution": "Institution or appointment", "report": "Report", "resolution": "GA resolution"}
WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen"]


def _and(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0]


def advisers() -> pd.DataFrame:
    """The Special Advisers with the columns the chart and the data page's table use."""
    a = load("un_special_advisers").copy()
    a["post_label"] = a["post"].map(POSTS).astype(str)
    a["in_office"] = a["end_year"].isna()
    a["last_year"] = a["end_year"].fillna(THROUGH).astype(int)
    a["start_year"] = a["start_year"].astype(int)
    a["label"] = (a["name"].astype(str) + " (" + a["start_year"].astype(str) + "–"
                  + a["end_year"].astype("string").fillna("").astype(str) + ")")
    return a


@figure("adviser-terms")
def adviser_terms():
    a = advisers()
    order = a.sort_values(["post_label", "start_year"])["label"].tolist()
    first = int(a["start_year"].min())
    chart = alt.Chart(a).mark_bar(height=14).encode(
        x=alt.X("start_year:Q", title="Year", scale=alt.Scale(domain=[first, THROUGH + 1]),
                axis=alt.Axis(format="d", values=list(range(first, THROUGH + 2, 2)))),
        x2="last_year:Q",
        y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=300)),
        color=alt.Color("post_label:N", title="Post", legend=alt.Legend(orient="bottom")),
        opacity=alt.condition("datum.in_office", alt.value(0.55), alt.value(1.0)),
    ).properties(width=440, height=260, title="Holders of the two UN Special Adviser posts, by year")

    def term(r) -> str:
        return f"{r.name} from {r.start_year}, still in office" if r.in_office else f"{r.name} {r.start_year} to {r.end_year}"
    posts = [f"{SAID[post]}: " + ", ".join(term(r) for r in a[a["post"] == post].sort_values("start_year").itertuples())
             for post in POSTS]
    alt_text = (f"Timeline bar chart of the {WORDS[len(a)]} holders of the two UN Special Adviser posts from "
                f"{first} to {THROUGH}. " + ". ".join(posts) + ".")
    return chart, alt_text


@figure("milestones")
def milestones():
    ms = load("milestones")
    ms = ms[ms["category"].isin(list(KINDS)) & ~ms["japan"].astype(bool)]
    ms = ms[ms["date"].dt.year >= 1999].copy()
    ms["label"] = ms["milestone_id"].map({k: v[0] for k, v in MILESTONES.items()}).fillna(ms["title"]).astype(str)
    ms["said"] = ms["milestone_id"].map({k: v[1] for k, v in MILESTONES.items()}).fillna(ms["title"]).astype(str)
    ms["year"] = ms["date"].dt.year
    ms["kind"] = ms["category"].map(KINDS).astype(str)
    ms = ms.sort_values("date")
    first, last = int(ms["year"].min()), int(ms["year"].max())
    chart = alt.Chart(ms.drop(columns=["date"])).mark_point(filled=True, size=90).encode(
        x=alt.X("year:Q", title="Year", scale=alt.Scale(domain=[first - 1, last + 1]),
                axis=alt.Axis(format="d", values=list(range(first - 1, last + 3, 2)))),
        y=alt.Y("label:N", title=None, sort=ms["label"].tolist(), axis=alt.Axis(labelLimit=300)),
        color=alt.Color("kind:N", title="Kind", legend=alt.Legend(orient="bottom")),
        shape=alt.Shape("kind:N", title="Kind"),
    ).properties(width=420, height=260, title=f"Prevention milestones, {first}–{last}")
    by_year = [f"{_and(list(group['said']))} {year}" for year, group in ms.groupby("year", sort=True)]
    alt_text = (f"Timeline of {WORDS[len(ms)]} milestones from {first} to {last}, one row each: "
                + "; ".join(by_year) + ".")
    return chart, alt_text
