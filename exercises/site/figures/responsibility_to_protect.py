"""Module 4's charts (see :mod:`exercises.site.figures`)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ...datasets import load
from . import bar_size, figure, year_axis


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


_EVIDENCE = {
    "verified_quote": "Verified quote",
    "verified_secondary": "Verified secondary",
    "verified_secondary_symbol_unverified": "Verified secondary",
    "weak_secondary": "Weak or unverified: check the text",
    "unverified_check_text": "Weak or unverified: check the text",
}
EVIDENCE_ORDER = ["Verified quote", "Verified secondary", "Weak or unverified: check the text"]


def resolution_list():
    """The course's partial list of R2P resolutions, with an evidence group and year."""
    res = load("r2p_resolutions")
    res["status"] = res["verification_status"].map(_EVIDENCE)
    res["year"] = pd.to_datetime(res["date"]).dt.year
    return res


@figure("course-list")
def course_list():
    res = resolution_list()
    order = EVIDENCE_ORDER
    stack = alt.Chart(res).mark_bar(size=bar_size(520, res["year"])).encode(
        x=year_axis("year", "Year of adoption", res["year"]),
        y=alt.Y("count():Q", title="Resolutions in the course list", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("status:N", title="Evidence", sort=order,
                        scale=alt.Scale(domain=order, range=["#1b6b3a", "#6aa9d8", "#c9c9c9"]),
                        legend=alt.Legend(orient="bottom", labelLimit=400)),
        order=alt.Order("status:N"),
    ).properties(width=520, height=240,
                 title=f"The {len(res)} resolutions in the course list, by year and evidence")
    n_status = res["status"].value_counts()
    weak = res[res["status"] == order[2]]
    per_year = res["year"].value_counts()
    busiest = " and ".join(str(y) for y in sorted(per_year[per_year == per_year.max()].index))
    weak_bodies = "Security Council" if set(weak["body"]) == {"UNSC"} else "UN"
    alt_text = (f"Stacked bar chart of the {len(res)} resolutions in the course's partial list, by "
                f"year of adoption from {res['year'].min()} to {res['year'].max()} and by strength of evidence. "
                f"{n_status.get(order[0], 0)} are verified quotes, {n_status.get(order[1], 0)} verified secondary, "
                f"and {n_status.get(order[2], 0)} weak or unverified; the weak or unverified ones are all "
                f"{weak_bodies} resolutions of {weak['year'].min()} to {weak['year'].max()}. "
                f"The most rows fall in {busiest}, with {per_year.max()} each.")
    return stack, alt_text
