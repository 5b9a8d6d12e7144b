"""Module 9's charts (see :mod:`exercises.site.figures`): Japan's aid since 2012 beside other donors."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ...datasets import load
from ...i18n import message
from . import figure, year_axis
from .japans_aspiration import donor_names

DONORS = ["Japan", "United States", "Germany", "United Kingdom", "France"]


def _about(value: float) -> int:
    """A value rounded to the nearest ten, as the alt text says "about"."""
    return int(round(value / 10) * 10)


@figure("oda-growth")
def oda_growth():
    oda = load("oda_dac_donors")
    five = oda[oda["donor"].isin(DONORS) & (oda["year"] >= 2012)].copy()
    base = five[five["year"] == 2012].set_index("donor")["oda_usd_million_2025"]
    five["index_2012"] = five["oda_usd_million_2025"] / five["donor"].map(base) * 100
    index = five.pivot(index="year", columns="donor", values="index_2012")
    names = donor_names()
    order = [names[d] for d in DONORS]
    drawn = five.assign(donor=five["donor"].astype(str).map(names))

    lines = alt.Chart(drawn).mark_line(point=True).encode(
        x=year_axis("year", message("fig.ways_forward.oda_growth.x"), drawn["year"]),
        y=alt.Y("index_2012:Q", title=message("fig.ways_forward.oda_growth.y")),
        color=alt.Color("donor:N", title=message("fig.ways_forward.oda_growth.legend"), sort=order),
        strokeDash=alt.StrokeDash("donor:N", sort=order, legend=None),
    )
    rule = alt.Chart(pd.DataFrame({"year": [2018]})).mark_rule(strokeDash=[4, 4], color="gray").encode(
        x="year:Q")
    label = alt.Chart(pd.DataFrame({"year": [2018], "text": [message("fig.ways_forward.oda_growth.basis")]})).mark_text(
        align="left", dx=4, dy=-120, color="gray").encode(x="year:Q", text="text:N")
    chart = (lines + rule + label).properties(
        width=560, height=300, title=message("fig.ways_forward.oda_growth.title"))

    last = int(index.index.max())
    peak = index.max()
    if peak.idxmax() != "Japan" or peak.drop("Japan").idxmax() != "Germany":
        raise ValueError("the alt text says Japan's line rises most and Germany's next; the data no longer agree")
    others = index[["United States", "United Kingdom", "France"]]
    us_last = others.loc[last, "United States"]
    rest = others.stack().drop((last, "United States"))
    alt_text = message("fig.ways_forward.oda_growth.alt", last=last, japan=_about(peak["Japan"]),
                       japan_year=index["Japan"].idxmax(), germany=_about(peak["Germany"]),
                       germany_year=index["Germany"].idxmax(), rest_min=_about(rest.min()),
                       rest_max=_about(rest.max()), us_last=_about(us_last))
    return chart, alt_text
