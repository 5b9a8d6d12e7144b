"""Module 6's charts (see :mod:`exercises.site.figures`)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ...datasets import load
from ...i18n import message
from . import country_names, figure, year_axis

DONORS = ["Japan", "United States", "Germany", "United Kingdom", "France"]
DONOR_ISO3 = {"Japan": "JPN", "United States": "USA", "Germany": "DEU", "United Kingdom": "GBR", "France": "FRA"}


def five_donors() -> pd.DataFrame:
    """ODA of Japan and four other large DAC donors, with a column in US$ billion."""
    oda = load("oda_dac_donors")
    five = oda[oda["donor"].isin(DONORS)].copy()
    five["oda_usd_billion_2025"] = five["oda_usd_million_2025"] / 1000
    return five


def donor_names() -> dict[str, str]:
    """The donors' names (as in the dataset) -> as shown, in the course's language."""
    names = country_names(DONOR_ISO3.values())
    return {donor: names[iso] for donor, iso in DONOR_ISO3.items()}


def _lines(five: pd.DataFrame, field: str, title: str, height: int, chart_title: str):
    names = donor_names()
    order = [names[d] for d in DONORS]
    five = five.assign(donor=five["donor"].astype(str).map(names))
    return alt.Chart(five).mark_line(point=True).encode(
        x=year_axis("year", message("fig.japans_aspiration.x"), five["year"]),
        y=alt.Y(f"{field}:Q", title=title),
        color=alt.Color("donor:N", title=message("fig.japans_aspiration.legend"), sort=order),
        strokeDash=alt.StrokeDash("donor:N", sort=order, legend=None),
    ).properties(width=560, height=height, title=chart_title)


def _years(five: pd.DataFrame) -> tuple[int, int]:
    return int(five["year"].min()), int(five["year"].max())


@figure("oda-level")
def oda_level():
    five = five_donors()
    first, last = _years(five)
    chart = _lines(five, "oda_usd_billion_2025", message("fig.japans_aspiration.oda_level.y"), 300,
                   message("fig.japans_aspiration.oda_level.title", first=first, last=last))
    wide = five.pivot(index="year", columns="donor", values="oda_usd_billion_2025")
    us, japan = wide["United States"], wide["Japan"]
    us_top = [y for y in wide.index if wide.loc[y].idxmax() == "United States"]
    overtook = {d: next((int(y) for y in wide.index if wide.loc[y, d] > japan[y]), None)
                for d in ["Germany", "United Kingdom"]}
    said = {"Germany": message("fig.japans_aspiration.germany"),
            "United Kingdom": message("fig.japans_aspiration.united_kingdom")}

    def ahead(donor):
        year = overtook[donor]
        return (message("fig.japans_aspiration.oda_level.above", donor=said[donor], year=year) if year == first
                else message("fig.japans_aspiration.oda_level.overtakes", donor=said[donor], year=year))
    alt_text = message("fig.japans_aspiration.oda_level.alt", first=first, last=last, us_top=max(us_top),
                       us_last=f"{us[last]:.1f}", japan_min=f"{japan.min():.1f}", japan_max=f"{japan.max():.1f}",
                       japan_low=int(japan.idxmin()), japan_high=int(japan.idxmax()),
                       germany=ahead("Germany"), uk=ahead("United Kingdom"))
    return chart, alt_text


@figure("oda-share")
def oda_share():
    five = five_donors()
    first, last = _years(five)
    chart = _lines(five, "oda_gni_percent", message("fig.japans_aspiration.oda_share.y"), 260,
                   message("fig.japans_aspiration.oda_share.title", first=first, last=last))
    wide = five.pivot(index="year", columns="donor", values="oda_gni_percent")
    japan, uk, de, us = wide["Japan"], wide["United Kingdom"], wide["Germany"], wide["United States"]
    uk_years = [int(y) for y in uk.index if uk[y] >= 0.7]
    alt_text = message("fig.japans_aspiration.oda_share.alt", first=first, last=last,
                       japan_first=f"{japan[first]:.2f}", japan_max=f"{japan.max():.2f}",
                       japan_high=int(japan.idxmax()), uk_from=min(uk_years), uk_to=max(uk_years),
                       germany_max=f"{de.max():.2f}", germany_high=int(de.idxmax()), us_max=f"{us.max():.2f}")
    return chart, alt_text
