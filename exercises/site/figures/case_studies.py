"""Module 10's charts (see :mod:`exercises.site.figures`): the three cases in the EWP and UCDP data."""
from __future__ import annotations

import altair as alt

from ...datasets import load
from . import figure, year_axis, year_groups

CASES = {"SSD": "South Sudan", "CAF": "Central African Republic", "IRQ": "Iraq"}
REGIONS = ["Africa", "Middle East"]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _about(n: float) -> str:
    """A count rounded to the nearest hundred, as the alt text says "about"."""
    return f"{int(round(n / 100) * 100):,}"


@figure("risk-ranks")
def risk_ranks():
    risk = load("ewp_risk_assessments")
    ranks = risk[risk["iso3"].isin(list(CASES))].copy()
    ranks["country"] = ranks["iso3"].map(CASES)
    order = list(CASES.values())
    chart = alt.Chart(ranks).mark_line(point=True).encode(
        x=year_axis("edition", "Edition", ranks["edition"]),
        y=alt.Y("rank_2yr:Q", title="Rank by two-year risk (1 = highest)",
                scale=alt.Scale(reverse=True, domain=[1, 90])),
        color=alt.Color("country:N", title="Country", sort=order),
        strokeDash=alt.StrokeDash("country:N", sort=order, legend=None),
    ).properties(width=520, height=300,
                 title="EWP risk rank of the three case countries, 2018–2025 editions")

    rank = ranks.pivot(index="edition", columns="iso3", values="rank_2yr").astype(int)
    eds = sorted(rank.index)
    lowest = rank.idxmax()
    if lowest.nunique() != 1:
        raise ValueError("the alt text says all three are lowest in one edition; the data no longer agree")
    low = int(lowest.iloc[0])
    ssd = rank["SSD"]
    if ssd[eds[0]] != ssd[eds[1]]:
        raise ValueError("the alt text says South Sudan has one rank in the first two editions; the data no longer agree")
    after = [e for e in eds if e > low]
    alt_text = ("Line chart of the Early Warning Project's two-year risk rank, with 1 at "
                "the top, for South Sudan, the Central African Republic and Iraq in the "
                f"editions from {eds[0]} to {eds[-1]}. South Sudan ranks {_ordinal(ssd[eds[0]])} "
                f"in {eds[0]} and {eds[1]}, then falls to {_ordinal(ssd[low - 1])} in {low - 1} "
                f"and {_ordinal(ssd[low])} in {low} before returning to "
                + " and ".join(_ordinal(ssd[e]) for e in after) + ". "
                f"The Central African Republic ranks between {_ordinal(rank['CAF'].min())} and "
                f"{_ordinal(rank['CAF'].max())}, Iraq between {_ordinal(rank['IRQ'].min())} "
                f"and {_ordinal(rank['IRQ'].max())}; all three are lowest in the {low} edition.")
    return chart, alt_text


@figure("one-sided-violence")
def one_sided_violence():
    ucdp = load("ucdp_deaths_by_type")
    os_ = ucdp[(ucdp["violence_type"] == "one-sided") & ucdp["region"].isin(REGIONS)
               & (ucdp["year"] >= 2005)].copy()
    os_["region"] = os_["region"].astype(str)
    bars = alt.Chart(year_groups(os_, "year", "region", REGIONS)).mark_bar().encode(
        x=year_axis("x_start", "Year", os_["year"]),
        x2="x_end:Q", y2=alt.datum(0),
        y=alt.Y("deaths:Q", title="Reported deaths, one-sided violence"),
        color=alt.Color("region:N", title="Region", sort=REGIONS),
    ).properties(width=560, height=280,
                 title="Deaths in one-sided violence, Africa and the Middle East, 2005–2020")

    deaths = os_.pivot(index="year", columns="region", values="deaths")
    africa, mideast = deaths["Africa"], deaths["Middle East"]
    first, last = int(deaths.index.min()), int(deaths.index.max())
    a_peak = int(africa.idxmax())
    m_peak = int(mideast.idxmax())
    below = [y for y in deaths.index if (mideast.loc[y:] < 1000).all()]
    if not below:
        raise ValueError("the alt text says the Middle East falls below 1,000; the data no longer agree")
    alt_text = ("Grouped bar chart of reported deaths in one-sided violence per year, "
                f"{first} to {last}, for Africa and the Middle East. Africa rises sharply to about "
                f"{_about(africa[a_peak - 1])} in {a_peak - 1} and about {_about(africa[a_peak])} "
                f"in {a_peak}, its highest in the period. The Middle East, already about "
                f"{_about(mideast[m_peak - 2])} in {m_peak - 2} and {_about(mideast[m_peak - 1])} "
                f"in {m_peak - 1}, peaks at about {_about(mideast[m_peak])} in {m_peak} and "
                f"{_about(mideast[m_peak + 1])} in {m_peak + 1}, and falls below 1,000 from "
                f"{int(below[0])}. Africa rises again to about {_about(africa[last])} in {last}.")
    return bars, alt_text
