"""Module 7's charts (see :mod:`exercises.site.figures`)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ...datasets import load
from ...i18n import message
from . import and_list, figure, month_year

# Two counts cited on the Japan Platform page that are not (yet) rows of japan_facts:
# jpf2003municipalities (Japan Platform press release) and mofa2012odawhite.
OTHER_COUNTS = pd.DataFrame({"when": ["2003-12", "2012-07"], "ngos": [17, 36],
                             "source": ["fig.japans_means.members.press_release",
                                        "fig.japans_means.members.white_paper"]})


def member_counts() -> pd.DataFrame:
    """Japan Platform member NGOs by date: the japan_facts rows and the two cited counts
    (the source said in the course's language)."""
    facts = load("japan_facts")
    rows = facts[facts["fact_id"].isin(["japan-platform-ngos-2011", "japan-platform-ngos-2016",
                                        "japan-platform-ngos-2018"])]
    counts = pd.DataFrame({"when": rows["as_of"], "ngos": rows["value"].astype(int),
                           "source": "fig.japans_means.members.dataset"})
    counts = pd.concat([counts, OTHER_COUNTS]).sort_values("when").reset_index(drop=True)
    counts["source"] = counts["source"].map(message)
    return counts


def _month(when: str) -> str:
    if len(when) == 4:  # a count dated to the year only
        return message("fig.year", year=when)
    return month_year(when)


@figure("members")
def members():
    counts = member_counts()
    first, last = counts["when"].iloc[0][:4], counts["when"].iloc[-1][:4]
    dated = counts.assign(date=pd.to_datetime(counts["when"].where(counts["when"].str.len() > 4, counts["when"] + "-07")))
    # a time axis, so the bars keep the gaps between the dates (a count dated to a year only at mid-year)
    chart = alt.Chart(dated).mark_bar(size=14).encode(
        x=alt.X("date:T", title=message("fig.japans_means.members.x"),
                axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 2}),
                scale=alt.Scale(domain=[f"{int(first) - 1}-01-01", f"{int(last) + 1}-12-31"])),
        y=alt.Y("ngos:Q", title=message("fig.japans_means.members.y")),
        color=alt.Color("source:N", title=message("fig.japans_means.members.legend"),
                        scale=alt.Scale(range=["#1f4e8c", "#8a4b08", "#2d6a2d"])),
    ).properties(width=420, height=260, title=message("fig.japans_means.members.title", first=first, last=last))
    text = chart.mark_text(dy=-8, color="#1a1a1a").encode(text="ngos:Q", color=alt.value("#1a1a1a"))
    parts = [message("fig.japans_means.members.alt_count", ngos=r.ngos, when=_month(r.when), source=r.source)
             for r in counts.itertuples()]
    rising = bool(counts["ngos"].is_monotonic_increasing)
    alt_text = (message("fig.japans_means.members.alt", dates=len(counts), counts=and_list(parts)) + " "
                + (message("fig.japans_means.members.rises") if rising
                   else message("fig.japans_means.members.not_rising")))
    return chart + text, alt_text
