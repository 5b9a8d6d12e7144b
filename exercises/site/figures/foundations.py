"""Module 1's charts (see :mod:`exercises.site.figures`)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ...datasets import load
from . import figure

EWP = "Early Warning Project: mass killing"
PITF = "PITF: genocide and politicide"
FIRST, LAST = 1955, 2014  # the years both lists cover
# decade -> (axis label, as said in the alt text)
DECADES = {1950: ("1955–59", "1955 to 1959"), 1960: ("1960s", "the 1960s"), 1970: ("1970s", "the 1970s"),
           1980: ("1980s", "the 1980s"), 1990: ("1990s", "the 1990s"), 2000: ("2000s", "the 2000s"),
           2010: ("2010–14", "2010 to 2014")}


def _and(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0]


@figure("episodes-by-decade")
def episodes_by_decade():
    lists = {EWP: load("ewp_mass_killing_episodes"), PITF: load("pitf_genocide_politicide_episodes")}
    counts = pd.DataFrame([{"decade": DECADES[decade][0], "list": name, "episodes": n}
                           for name, df in lists.items()
                           for decade in DECADES
                           for n in [int((df["start_year"].between(FIRST, LAST)
                                          & ((df["start_year"] // 10) * 10 == decade)).sum())]])
    order = [label for label, _ in DECADES.values()]
    bars = alt.Chart(counts).mark_bar().encode(
        x=alt.X("decade:N", title="Decade in which the episode began", sort=order),
        xOffset=alt.XOffset("list:N"),
        y=alt.Y("episodes:Q", title="Number of episodes that began"),
        color=alt.Color("list:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=400)),
    )
    labels = bars.mark_text(dy=-6, fontSize=11).encode(text="episodes:Q", color=alt.value("black"))
    chart = (bars + labels).properties(
        width=540, height=300, title=f"Episodes beginning in each decade, two lists, {FIRST}–{LAST}")

    n = counts.pivot(index="decade", columns="list", values="episodes").loc[order]
    gap = (n[EWP] - n[PITF])
    widest = dict(DECADES.values())[gap.idxmax()]
    higher = ("higher in every decade" if (gap > 0).all()
              else f"higher in {int((gap > 0).sum())} of {len(gap)} decades")
    alt_text = (f"Grouped bar chart of the number of episodes that began in each decade from {FIRST} to "
                f"{LAST}, in two lists. Early Warning Project mass killings: "
                + _and([f"{n.loc[label, EWP]} in {said}" for label, said in DECADES.values()])
                + ". PITF genocides and politicides: " + _and([str(v) for v in n[PITF]])
                + f". The EWP count is {higher}, and the gap is widest in {widest}.")
    return chart, alt_text
