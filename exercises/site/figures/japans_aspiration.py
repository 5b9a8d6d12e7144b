"""Module 6's charts (see :mod:`exercises.site.figures`)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ...datasets import load
from . import figure, year_axis

DONORS = ["Japan", "United States", "Germany", "United Kingdom", "France"]


def five_donors() -> pd.DataFrame:
    """ODA of Japan and four other large DAC donors, with a column in US$ billion."""
    oda = load("oda_dac_donors")
    five = oda[oda["donor"].isin(DONORS)].copy()
    five["oda_usd_billion_2025"] = five["oda_usd_million_2025"] / 1000
    return five


def _lines(five: pd.DataFrame, field: str, title: str, height: int, chart_title: str):
    return alt.Chart(five).mark_line(point=True).encode(
        x=year_axis("year", "Year", five["year"]),
        y=alt.Y(f"{field}:Q", title=title),
        color=alt.Color("donor:N", title="Donor", sort=DONORS),
        strokeDash=alt.StrokeDash("donor:N", sort=DONORS, legend=None),
    ).properties(width=560, height=height, title=chart_title)


def _years(five: pd.DataFrame) -> tuple[int, int]:
    return int(five["year"].min()), int(five["year"].max())


@figure("oda-level")
def oda_level():
    five = five_donors()
    first, last = _years(five)
    chart = _lines(five, "oda_usd_billion_2025", "ODA, US$ billion (constant 2025 prices)", 300,
                   f"ODA of five large DAC donors, {first}–{last}")
    wide = five.pivot(index="year", columns="donor", values="oda_usd_billion_2025")
    us, japan = wide["United States"], wide["Japan"]
    us_top = [y for y in wide.index if wide.loc[y].idxmax() == "United States"]
    overtook = {d: next((int(y) for y in wide.index if wide.loc[y, d] > japan[y]), None)
                for d in ["Germany", "United Kingdom"]}
    def ahead(donor):
        year = overtook[donor]
        donor = "the " + donor if donor == "United Kingdom" else donor
        return (f"{donor} is above Japan from {first}" if year == first
                else f"{donor} overtakes Japan in {year}")
    alt_text = (f"Line chart of ODA in constant 2025 US dollars, {first} to {last}, for Japan, "
                "the United States, Germany, the United Kingdom and France. The United States "
                f"is far above the others until {max(us_top)}, then falls to {us[last]:.1f} billion "
                f"dollars in {last}. Japan stays between about {japan.min():.1f} and "
                f"{japan.max():.1f} billion dollars, lowest in {int(japan.idxmin())} and highest in "
                f"{int(japan.idxmax())}; {ahead('Germany')} and {ahead('United Kingdom')}.")
    return chart, alt_text


@figure("oda-share")
def oda_share():
    five = five_donors()
    first, last = _years(five)
    chart = _lines(five, "oda_gni_percent", "ODA as % of GNI", 260,
                   f"ODA as a share of national income, {first}–{last}")
    wide = five.pivot(index="year", columns="donor", values="oda_gni_percent")
    japan, uk, de, us = wide["Japan"], wide["United Kingdom"], wide["Germany"], wide["United States"]
    uk_years = [int(y) for y in uk.index if uk[y] >= 0.7]
    alt_text = (f"Line chart of ODA as a percentage of gross national income, {first} to {last}, "
                f"for the same five donors. Japan goes from {japan[first]:.2f} percent in {first} "
                f"to a high of {japan.max():.2f} percent in {int(japan.idxmax())}; the United Kingdom "
                f"is at 0.7 percent from {min(uk_years)} to {max(uk_years)}; Germany peaks at "
                f"{de.max():.2f} percent in {int(de.idxmax())}; the United States stays at or below "
                f"{us.max():.2f} percent.")
    return chart, alt_text
