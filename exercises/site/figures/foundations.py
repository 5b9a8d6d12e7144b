"""Module 1's charts (see :mod:`exercises.site.figures`)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ...datasets import load
from ...i18n import message
from . import and_list, figure

EWP = "fig.foundations.episodes_by_decade.ewp"
PITF = "fig.foundations.episodes_by_decade.pitf"
FIRST, LAST = 1955, 2014  # the years both lists cover
# decade -> (axis label, as said in the alt text)
DECADES = {1950: ("fig.foundations.decade_1950", "fig.foundations.decade_1950_said"),
           1960: ("fig.foundations.decade_1960", "fig.foundations.decade_1960_said"),
           1970: ("fig.foundations.decade_1970", "fig.foundations.decade_1970_said"),
           1980: ("fig.foundations.decade_1980", "fig.foundations.decade_1980_said"),
           1990: ("fig.foundations.decade_1990", "fig.foundations.decade_1990_said"),
           2000: ("fig.foundations.decade_2000", "fig.foundations.decade_2000_said"),
           2010: ("fig.foundations.decade_2010", "fig.foundations.decade_2010_said")}


@figure("episodes-by-decade")
def episodes_by_decade():
    ewp, pitf = message(EWP), message(PITF)
    decades = {decade: (message(label), message(said)) for decade, (label, said) in DECADES.items()}
    lists = {ewp: load("ewp_mass_killing_episodes"), pitf: load("pitf_genocide_politicide_episodes")}
    counts = pd.DataFrame([{"decade": decades[decade][0], "list": name, "episodes": n}
                           for name, df in lists.items()
                           for decade in decades
                           for n in [int((df["start_year"].between(FIRST, LAST)
                                          & ((df["start_year"] // 10) * 10 == decade)).sum())]])
    order = [label for label, _ in decades.values()]
    bars = alt.Chart(counts).mark_bar().encode(
        x=alt.X("decade:N", title=message("fig.foundations.episodes_by_decade.x"), sort=order),
        xOffset=alt.XOffset("list:N"),
        y=alt.Y("episodes:Q", title=message("fig.foundations.episodes_by_decade.y")),
        color=alt.Color("list:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=400)),
    )
    labels = bars.mark_text(dy=-6, fontSize=11).encode(text="episodes:Q", color=alt.value("black"))
    chart = (bars + labels).properties(
        width=540, height=300, title=message("fig.foundations.episodes_by_decade.title", first=FIRST, last=LAST))

    n = counts.pivot(index="decade", columns="list", values="episodes").loc[order]
    gap = (n[ewp] - n[pitf])
    widest = dict(decades.values())[gap.idxmax()]
    higher = (message("fig.foundations.episodes_by_decade.higher_every") if (gap > 0).all()
              else message("fig.foundations.episodes_by_decade.higher_some", decades=int((gap > 0).sum()),
                           of=len(gap)))
    alt_text = message("fig.foundations.episodes_by_decade.alt", first=FIRST, last=LAST,
                       ewp=and_list([message("fig.foundations.episodes_by_decade.in", n=n.loc[label, ewp], when=said)
                                     for label, said in decades.values()]),
                       pitf=and_list([str(v) for v in n[pitf]]), higher=higher, widest=widest)
    return chart, alt_text
