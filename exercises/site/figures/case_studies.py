"""Module 10's charts (see :mod:`exercises.site.figures`): the three cases in the EWP and UCDP data."""
from __future__ import annotations

import altair as alt

from ...datasets import load
from ...i18n import message
from . import country_names, figure, ordinal, year_axis, year_groups

CASES = ["SSD", "CAF", "IRQ"]
REGIONS = ["Africa", "Middle East"]
REGION_LABELS = {"Africa": "fig.case_studies.africa", "Middle East": "fig.case_studies.middle_east"}


def _about(n: float) -> str:
    """A count rounded to the nearest hundred, as the alt text says "about"."""
    return f"{int(round(n / 100) * 100):,}"


@figure("risk-ranks")
def risk_ranks():
    risk = load("ewp_risk_assessments")
    ranks = risk[risk["iso3"].isin(CASES)].copy()
    names = country_names(CASES)
    ranks["country"] = ranks["iso3"].map(names)
    order = [names[c] for c in CASES]
    chart = alt.Chart(ranks).mark_line(point=True).encode(
        x=year_axis("edition", message("fig.case_studies.risk_ranks.x"), ranks["edition"]),
        y=alt.Y("rank_2yr:Q", title=message("fig.case_studies.risk_ranks.y"),
                scale=alt.Scale(reverse=True, domain=[1, 90])),
        color=alt.Color("country:N", title=message("fig.case_studies.risk_ranks.legend"), sort=order),
        strokeDash=alt.StrokeDash("country:N", sort=order, legend=None),
    ).properties(width=520, height=300, title=message("fig.case_studies.risk_ranks.title"))

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
    alt_text = message("fig.case_studies.risk_ranks.alt", first=eds[0], second=eds[1], last=eds[-1],
                       ssd_first=ordinal(ssd[eds[0]]), ssd_before=ordinal(ssd[low - 1]), before=low - 1,
                       ssd_low=ordinal(ssd[low]), low=low,
                       ssd_after=message("fig.and").join(ordinal(ssd[e]) for e in after),
                       caf_min=ordinal(rank["CAF"].min()), caf_max=ordinal(rank["CAF"].max()),
                       irq_min=ordinal(rank["IRQ"].min()), irq_max=ordinal(rank["IRQ"].max()))
    return chart, alt_text


@figure("one-sided-violence")
def one_sided_violence():
    ucdp = load("ucdp_deaths_by_type")
    os_ = ucdp[(ucdp["violence_type"] == "one-sided") & ucdp["region"].isin(REGIONS)
               & (ucdp["year"] >= 2005)].copy()
    os_["region"] = os_["region"].astype(str)
    deaths = os_.pivot(index="year", columns="region", values="deaths")
    labels = {r: message(REGION_LABELS[r]) for r in REGIONS}
    os_["region"] = os_["region"].map(labels)
    order = [labels[r] for r in REGIONS]
    bars = alt.Chart(year_groups(os_, "year", "region", order)).mark_bar().encode(
        x=year_axis("x_start", message("fig.case_studies.one_sided_violence.x"), os_["year"]),
        x2="x_end:Q", y2=alt.datum(0),
        y=alt.Y("deaths:Q", title=message("fig.case_studies.one_sided_violence.y")),
        color=alt.Color("region:N", title=message("fig.case_studies.one_sided_violence.legend"), sort=order),
    ).properties(width=560, height=280, title=message("fig.case_studies.one_sided_violence.title"))

    africa, mideast = deaths["Africa"], deaths["Middle East"]
    first, last = int(deaths.index.min()), int(deaths.index.max())
    a_peak = int(africa.idxmax())
    m_peak = int(mideast.idxmax())
    below = [y for y in deaths.index if (mideast.loc[y:] < 1000).all()]
    if not below:
        raise ValueError("the alt text says the Middle East falls below 1,000; the data no longer agree")
    alt_text = message("fig.case_studies.one_sided_violence.alt", first=first, last=last,
                       a_before=_about(africa[a_peak - 1]), a_before_year=a_peak - 1,
                       a_peak=_about(africa[a_peak]), a_peak_year=a_peak,
                       m_2=_about(mideast[m_peak - 2]), m_2_year=m_peak - 2,
                       m_1=_about(mideast[m_peak - 1]), m_1_year=m_peak - 1,
                       m_peak=_about(mideast[m_peak]), m_peak_year=m_peak,
                       m_after=_about(mideast[m_peak + 1]), m_after_year=m_peak + 1,
                       below=int(below[0]), a_last=_about(africa[last]))
    return bars, alt_text
