"""Module 5's charts (see :mod:`exercises.site.figures`)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ...datasets import load
from ...i18n import message
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
    labels = {FLAGGED: message("fig.early_warning.flagged_onsets.flagged"),
              ONSETS: message("fig.early_warning.flagged_onsets.onsets")}
    long["measure"] = long["measure"].map(labels)
    order = [labels[FLAGGED], labels[ONSETS]]
    chart = alt.Chart(year_groups(long, "edition", "measure", order)).mark_bar().encode(
        x=year_axis("x_start", message("fig.early_warning.flagged_onsets.x"), long["edition"]),
        x2="x_end:Q", y2=alt.datum(0),
        y=alt.Y("count:Q", title=message("fig.early_warning.flagged_onsets.y")),
        color=alt.Color("measure:N", title=None, sort=order, legend=alt.Legend(orient="bottom", labelLimit=400)),
    ).properties(width=520, height=280, title=message("fig.early_warning.flagged_onsets.title"))
    flagged = table.set_index("edition")[FLAGGED]
    first, last = int(flagged.index.min()), int(flagged.index.max())
    low_year = int(flagged.idxmin())
    middle = flagged.drop([first, low_year])
    onsets = table.dropna(subset=[ONSETS])
    on_lo, on_hi = int(onsets[ONSETS].min()), int(onsets[ONSETS].max())
    alt_text = message("fig.early_warning.flagged_onsets.alt", first=first, last=last,
                       flagged_first=flagged[first], middle_min=middle.min(), middle_max=middle.max(),
                       flagged_low=flagged[low_year], low_year=low_year,
                       onsets_first=int(onsets["edition"].min()), onsets_last=int(onsets["edition"].max()),
                       onsets=(message("fig.early_warning.flagged_onsets.either", low=on_lo, high=on_hi)
                               if on_lo != on_hi else f"{on_lo}"))
    return chart, alt_text
