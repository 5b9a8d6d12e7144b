"""Module 5's charts (see :mod:`exercises.site.figures`)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ...datasets import load
from . import figure, year_axis, year_groups

FLAGGED = "Countries flagged (two-year risk above 4%)"
ONSETS = "New onsets in the edition year or the next"
THRESHOLD = 0.04


def flagged_and_onsets() -> pd.DataFrame:
    """Per EWP edition: countries with a two-year risk above 4 per cent and, where the
    event list covers both years, the new mass killings begun in the edition year or the next."""
    risk = load("ewp_risk_assessments")
    episodes = load("ewp_mass_killing_episodes")
    last_year = 2024  # the event list runs to 2024 (see the datasheet)
    rows = []
    for edition, group in risk.groupby("edition"):
        row = {"edition": int(edition), FLAGGED: int((group["risk_2yr"] > THRESHOLD).sum())}
        if edition + 1 <= last_year:
            row[ONSETS] = len(episodes[episodes["start_year"].between(edition, edition + 1)])
        rows.append(row)
    return pd.DataFrame(rows)


@figure("flagged-onsets")
def flagged_onsets():
    table = flagged_and_onsets()
    long = table.melt("edition", var_name="measure", value_name="count").dropna()
    chart = alt.Chart(year_groups(long, "edition", "measure", [FLAGGED, ONSETS])).mark_bar().encode(
        x=year_axis("x_start", "Edition", long["edition"]),
        x2="x_end:Q", y2=alt.datum(0),
        y=alt.Y("count:Q", title="Number of countries"),
        color=alt.Color("measure:N", title=None, sort=[FLAGGED, ONSETS], legend=alt.Legend(orient="bottom", labelLimit=400)),
    ).properties(width=520, height=280,
                 title="Flagged countries and new mass killings, by EWP edition")
    flagged = table.set_index("edition")[FLAGGED]
    first, last = int(flagged.index.min()), int(flagged.index.max())
    low_year = int(flagged.idxmin())
    middle = flagged.drop([first, low_year])
    onsets = table.dropna(subset=[ONSETS])
    on_lo, on_hi = int(onsets[ONSETS].min()), int(onsets[ONSETS].max())
    alt_text = (f"Grouped bar chart by edition, {first} to {last}. For each edition one bar "
                f"gives the number of countries with a two-year risk above 4 percent: "
                f"{flagged[first]} in {first}, then between {middle.min()} and {middle.max()}, "
                f"and {flagged[low_year]} in {low_year}. A second bar, for "
                f"{int(onsets['edition'].min())} to {int(onsets['edition'].max())} only, gives the "
                f"new mass killings recorded in the edition year or the next: "
                + (f"{on_lo} or {on_hi}" if on_lo != on_hi else f"{on_lo}")
                + " each time.")
    return chart, alt_text
