"""Module 9's charts (see :mod:`exercises.site.figures`): Japan's aid since 2012 beside other donors."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ...datasets import load
from . import figure, year_axis

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

    lines = alt.Chart(five).mark_line(point=True).encode(
        x=year_axis("year", "Year", five["year"]),
        y=alt.Y("index_2012:Q", title="ODA in constant 2025 dollars (2012 = 100)"),
        color=alt.Color("donor:N", title="Donor", sort=DONORS),
        strokeDash=alt.StrokeDash("donor:N", sort=DONORS, legend=None),
    )
    rule = alt.Chart(pd.DataFrame({"year": [2018]})).mark_rule(strokeDash=[4, 4], color="gray").encode(
        x="year:Q")
    label = alt.Chart(pd.DataFrame({"year": [2018], "text": ["grant-equivalent basis from 2018"]})).mark_text(
        align="left", dx=4, dy=-120, color="gray").encode(x="year:Q", text="text:N")
    chart = (lines + rule + label).properties(
        width=560, height=300, title="Growth of ODA since 2012 (each donor's 2012 level = 100)")

    index = five.pivot(index="year", columns="donor", values="index_2012")
    last = int(index.index.max())
    peak = index.max()
    if peak.idxmax() != "Japan" or peak.drop("Japan").idxmax() != "Germany":
        raise ValueError("the alt text says Japan's line rises most and Germany's next; the data no longer agree")
    others = index[["United States", "United Kingdom", "France"]]
    us_last = others.loc[last, "United States"]
    rest = others.stack().drop((last, "United States"))
    alt_text = ("Line chart of each donor's ODA from 2012 to "
                f"{last} as an index, with its 2012 level set to 100, for Japan, the United "
                "States, Germany, the United Kingdom and France. A dashed line marks 2018, when "
                "the OECD moved to a grant-equivalent basis. Japan's line rises most, to about "
                f"{_about(peak['Japan'])} in {index['Japan'].idxmax()}, then eases; Germany's "
                f"rises to about {_about(peak['Germany'])} in {index['Germany'].idxmax()}; the "
                f"others stay between about {_about(rest.min())} and {_about(rest.max())}, and "
                f"the United States falls to about {_about(us_last)} in {last}.")
    return chart, alt_text
