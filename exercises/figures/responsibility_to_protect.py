"""Module 4's charts (see :mod:`exercises.figures`)."""
from __future__ import annotations

import altair as alt

from ..datasets import load
from . import figure


@figure("gc-counts")
def gc_counts():
    counts = load("r2p_reference_counts")
    gc = counts[(counts["source_org"] == "Global Centre for R2P") & (counts["body"] == "UNSC")].copy()
    gc["what"] = gc["count_of"].map({"resolutions": "Resolutions",
                                     "presidential_statements": "Presidential statements"})
    gc["when"] = gc["as_of"].map({"2019-06-07": "June 2019", "2021-06-11": "June 2021"})
    gc = gc.dropna(subset=["what", "when"])
    kinds = ["Resolutions", "Presidential statements"]
    bars = alt.Chart(gc).mark_bar().encode(
        x=alt.X("when:N", title="Date of the Global Centre's statement", sort=["June 2019", "June 2021"]),
        xOffset=alt.XOffset("what:N", sort=kinds),
        y=alt.Y("value:Q", title="Cumulative number since 2005"),
        color=alt.Color("what:N", title=None, sort=kinds, legend=alt.Legend(orient="bottom")),
    )
    text = bars.mark_text(dy=-6, fontSize=11).encode(text="value:Q", color=alt.value("black"))
    chart = (bars + text).properties(width=420, height=260,
        title="Security Council texts referring to R2P, as counted by the Global Centre")
    value = {(r.when, r.what): int(r.value) for r in gc.itertuples()}
    alt_text = ("Grouped bar chart of the Global Centre for the Responsibility to Protect's cumulative "
                "counts of Security Council texts referring to R2P since 2005. "
                + " ".join(f"{when}: {value[(when, 'Resolutions')]} resolutions and "
                           f"{value[(when, 'Presidential statements')]} presidential statements."
                           for when in ["June 2019", "June 2021"]))
    return chart, alt_text
