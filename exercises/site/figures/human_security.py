"""Module 3's charts (see :mod:`exercises.site.figures`)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ...datasets import load
from . import figure

# milestone -> (row label, as said in the alt text, short name)
MILESTONES = {
    "hdr-1994": ("UNDP Human Development Report 1994", "the Human Development Report", "the 1994 report"),
    "obuchi-hanoi-speech": ("Obuchi's Hanoi speech announces a UN fund", "Obuchi's Hanoi speech", None),
    "untfhs-established": ("UN Trust Fund for Human Security established",
                           "the UN Trust Fund for Human Security", None),
    "chs-announced": ("Commission on Human Security announced", "the Commission on Human Security announced", None),
    "iciss-report": ("ICISS report names R2P (for comparison)", "the ICISS report", "the ICISS report"),
    "chs-report": ("Human Security Now presented", "Human Security Now", None),
    "ga-human-security-resolution": ("General Assembly resolution on human security",
                                     "the General Assembly resolution on human security", None),
    "development-cooperation-charter": ("Development Cooperation Charter",
                                        "Japan's Development Cooperation Charter", None),
    "development-cooperation-charter-revised": ("Development Cooperation Charter revised",
                                                "the Development Cooperation Charter revised", None),
}
WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def milestone_rows() -> pd.DataFrame:
    """The human-security milestones of the chart (and the data page's table), by date."""
    m = load("milestones")
    hs = m[m["milestone_id"].isin(list(MILESTONES))].copy()
    hs["year"] = hs["date"].dt.year
    hs["Japan involved"] = hs["japan"].map({True: "Japan involved", False: "Other"})
    hs["label"] = hs["milestone_id"].map({k: v[0] for k, v in MILESTONES.items()})
    return hs.sort_values("date").reset_index(drop=True)


@figure("milestones")
def milestones():
    hs = milestone_rows()
    points = alt.Chart(hs.drop(columns=["date"])).mark_point(size=110, filled=True).encode(
        x=alt.X("year:Q", title="Year", scale=alt.Scale(domain=[1992, 2025]), axis=alt.Axis(format="d")),
        y=alt.Y("label:N", title=None, sort=list(hs["label"]), axis=alt.Axis(labelLimit=520, labelFontSize=12)),
        shape=alt.Shape("Japan involved:N", title=None),
        color=alt.Color("Japan involved:N", title=None, scale=alt.Scale(range=["#b2182b", "#2166ac"])),
    )
    chart = points.properties(width=320, height=300, title="Human security milestones in the course dataset")
    said = [f"{MILESTONES[r.milestone_id][1]} in {r.year}" for r in hs.itertuples()]
    others = [MILESTONES[r.milestone_id][2] or MILESTONES[r.milestone_id][1]
              for r in hs.itertuples() if not r.japan]
    listed = ", ".join(others[:-1]) + " and " + others[-1] if len(others) > 1 else "".join(others)
    japan = f"All but {listed} involve Japan." if others else "All involve Japan."
    alt_text = (f"Timeline of {WORDS[len(hs)]} milestones, {hs['year'].min()} to {hs['year'].max()}, "
                f"one per row: " + "; ".join(said) + ". " + japan)
    return chart, alt_text
