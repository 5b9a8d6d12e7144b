"""Module 3's charts (see :mod:`exercises.site.figures`)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ...datasets import load
from ...i18n import message
from . import and_list, figure, number_word

# milestone -> (row label, as said in the alt text, short name): message keys
MILESTONES = {
    "hdr-1994": ("fig.human_security.milestones.hdr", "fig.human_security.milestones.hdr_said",
                "fig.human_security.milestones.hdr_short"),
    "obuchi-hanoi-speech": ("fig.human_security.milestones.obuchi", "fig.human_security.milestones.obuchi_said",
                           None),
    "untfhs-established": ("fig.human_security.milestones.untfhs", "fig.human_security.milestones.untfhs_said",
                          None),
    "chs-announced": ("fig.human_security.milestones.chs_announced", "fig.human_security.milestones.chs_announced_said",
                     None),
    "iciss-report": ("fig.human_security.milestones.iciss", "fig.human_security.milestones.iciss_said",
                    "fig.human_security.milestones.iciss_short"),
    "chs-report": ("fig.human_security.milestones.chs_report", "fig.human_security.milestones.chs_report_said",
                  None),
    "ga-human-security-resolution": ("fig.human_security.milestones.ga_resolution",
        "fig.human_security.milestones.ga_resolution_said",
                                    None),
    "development-cooperation-charter": ("fig.human_security.milestones.charter", "fig.human_security.milestones.charter_said",
                                       None),
    "development-cooperation-charter-revised": ("fig.human_security.milestones.charter_revised",
        "fig.human_security.milestones.charter_revised_said",
                                               None),
}


def milestone_rows() -> pd.DataFrame:
    """The human-security milestones of the chart (and the data page's table), by date."""
    m = load("milestones")
    hs = m[m["milestone_id"].isin(list(MILESTONES))].copy()
    hs["year"] = hs["date"].dt.year
    hs["Japan involved"] = hs["japan"].map({True: message("fig.human_security.milestones.japan"),
                                            False: message("fig.human_security.milestones.other")})
    hs["label"] = hs["milestone_id"].map({k: message(v[0]) for k, v in MILESTONES.items()})
    return hs.sort_values("date").reset_index(drop=True)


@figure("milestones")
def milestones():
    hs = milestone_rows()
    points = alt.Chart(hs.drop(columns=["date"])).mark_point(size=110, filled=True).encode(
        x=alt.X("year:Q", title=message("fig.human_security.milestones.x"), scale=alt.Scale(domain=[1992, 2025]),
                axis=alt.Axis(format="d")),
        y=alt.Y("label:N", title=None, sort=list(hs["label"]), axis=alt.Axis(labelLimit=520, labelFontSize=12)),
        shape=alt.Shape("Japan involved:N", title=None),
        color=alt.Color("Japan involved:N", title=None, scale=alt.Scale(range=["#b2182b", "#2166ac"])),
    )
    chart = points.properties(width=320, height=300, title=message("fig.human_security.milestones.title"))
    said = [message("fig.human_security.milestones.in_year", what=message(MILESTONES[r.milestone_id][1]),
                    year=r.year) for r in hs.itertuples()]
    others = [message(MILESTONES[r.milestone_id][2] or MILESTONES[r.milestone_id][1])
              for r in hs.itertuples() if not r.japan]
    japan = (message("fig.human_security.milestones.all_but", listed=and_list(others)) if others
             else message("fig.human_security.milestones.all"))
    alt_text = message("fig.human_security.milestones.alt", count=number_word(len(hs)), first=hs["year"].min(),
                       last=hs["year"].max(), milestones=message("fig.semicolon").join(said),
                       japan=japan)
    return chart, alt_text
