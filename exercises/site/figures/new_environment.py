"""Module 2's charts (see :mod:`exercises.site.figures`)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ...datasets import load
from ...i18n import message
from . import and_list, figure, number_word

POSTS = {"prevention_of_genocide": "fig.new_environment.post_genocide",
         "responsibility_to_protect": "fig.new_environment.post_r2p"}
SAID = {"prevention_of_genocide": "fig.new_environment.post_genocide_said",
        "responsibility_to_protect": "fig.new_environment.post_r2p_said"}
THROUGH = 2026  # terms still running are drawn to this year
# milestone -> (row label, as said in the alt text)
MILESTONES = {
    "1999-independent-inquiry-into-un-action-in-rwanda": ("fig.new_environment.milestones.rwanda_inquiry",
        "fig.new_environment.milestones.rwanda_inquiry_said"),
    "iciss-report": ("fig.new_environment.milestones.iciss", "fig.new_environment.milestones.iciss_said"),
    "2004-action-plan-to-prevent-genocide": ("fig.new_environment.milestones.action_plan",
        "fig.new_environment.milestones.action_plan_said"),
    "first-sapg": ("fig.new_environment.milestones.first_sapg", "fig.new_environment.milestones.first_sapg_said"),
    "2005-world-summit-outcome-adopts-the-responsibility-to-": ("fig.new_environment.milestones.world_summit",
        "fig.new_environment.milestones.world_summit_said"),
    "hrc-created": ("fig.new_environment.milestones.hrc", "fig.new_environment.milestones.hrc_said"),
    "luck-appointed": ("fig.new_environment.milestones.first_r2p_adviser",
        "fig.new_environment.milestones.first_r2p_adviser_said"),
    "sg-report-2009": ("fig.new_environment.milestones.sg_report", "fig.new_environment.milestones.sg_report_said"),
    "ga-first-r2p-resolution": ("fig.new_environment.milestones.first_ga_resolution",
        "fig.new_environment.milestones.first_ga_resolution_said"),
    "framework-of-analysis": ("fig.new_environment.milestones.framework", "fig.new_environment.milestones.framework_said"),
    "ga-r2p-annual-agenda": ("fig.new_environment.milestones.annual_agenda", "fig.new_environment.milestones.annual_agenda_said"),
}
KINDS = {"institution": "fig.new_environment.kind_institution", "report": "fig.new_environment.kind_report",
         "resolution": "fig.new_environment.kind_resolution"}


def advisers() -> pd.DataFrame:
    """The Special Advisers with the columns the chart and the data page's table use."""
    a = load("un_special_advisers").copy()
    a["post_label"] = a["post"].map({k: message(v) for k, v in POSTS.items()}).astype(str)
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
        x=alt.X("start_year:Q", title=message("fig.new_environment.adviser_terms.x"),
                scale=alt.Scale(domain=[first, THROUGH + 1]),
                axis=alt.Axis(format="d", values=list(range(first, THROUGH + 2, 2)))),
        x2="last_year:Q",
        y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=300)),
        color=alt.Color("post_label:N", title=message("fig.new_environment.adviser_terms.legend"),
                        legend=alt.Legend(orient="bottom")),
        opacity=alt.condition("datum.in_office", alt.value(0.55), alt.value(1.0)),
    ).properties(width=440, height=260, title=message("fig.new_environment.adviser_terms.title"))

    def term(r) -> str:
        return (message("fig.new_environment.adviser_terms.in_office", name=r.name, start=r.start_year)
                if r.in_office else
                message("fig.new_environment.adviser_terms.term", name=r.name, start=r.start_year, end=r.end_year))
    posts = [message("fig.new_environment.adviser_terms.post", post=message(SAID[post]), terms=message(
                 "fig.list_sep").join(term(r) for r in a[a["post"] == post].sort_values("start_year").itertuples()))
             for post in POSTS]
    alt_text = message("fig.new_environment.adviser_terms.alt", holders=number_word(len(a)), first=first,
                       last=THROUGH, posts=message("fig.sentence_sep").join(posts))
    return chart, alt_text


@figure("milestones")
def milestones():
    ms = load("milestones")
    ms = ms[ms["category"].isin(list(KINDS)) & ~ms["japan"].astype(bool)]
    ms = ms[ms["date"].dt.year >= 1999].copy()
    ms["label"] = ms["milestone_id"].map({k: message(v[0]) for k, v in MILESTONES.items()}).fillna(ms["title"]).astype(str)
    ms["said"] = ms["milestone_id"].map({k: message(v[1]) for k, v in MILESTONES.items()}).fillna(ms["title"]).astype(str)
    ms["year"] = ms["date"].dt.year
    ms["kind"] = ms["category"].map({k: message(v) for k, v in KINDS.items()}).astype(str)
    ms = ms.sort_values("date")
    first, last = int(ms["year"].min()), int(ms["year"].max())
    chart = alt.Chart(ms.drop(columns=["date"])).mark_point(filled=True, size=90).encode(
        x=alt.X("year:Q", title=message("fig.new_environment.milestones.x"), scale=alt.Scale(domain=[first - 1, last + 1]),
                axis=alt.Axis(format="d", values=list(range(first - 1, last + 3, 2)))),
        y=alt.Y("label:N", title=None, sort=ms["label"].tolist(), axis=alt.Axis(labelLimit=300)),
        color=alt.Color("kind:N", title=message("fig.new_environment.milestones.legend"),
                        legend=alt.Legend(orient="bottom")),
        shape=alt.Shape("kind:N", title=message("fig.new_environment.milestones.legend")),
    ).properties(width=420, height=260, title=message("fig.new_environment.milestones.title", first=first, last=last))
    by_year = [message("fig.new_environment.milestones.in_year", what=and_list(list(group["said"])), year=year)
               for year, group in ms.groupby("year", sort=True)]
    alt_text = message("fig.new_environment.milestones.alt", count=number_word(len(ms)), first=first, last=last,
                       years=message("fig.semicolon").join(by_year))
    return chart, alt_text
