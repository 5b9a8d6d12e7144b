"""Module 4's charts (see :mod:`exercises.site.figures`)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ...datasets import load
from ...i18n import message
from . import bar_size, figure, year_axis


@figure("gc-counts")
def gc_counts():
    counts = load("r2p_reference_counts")
    gc = counts[(counts["source_org"] == "Global Centre for R2P") & (counts["body"] == "UNSC")].copy()
    kinds = [message("fig.responsibility_to_protect.gc_counts.resolutions"),
             message("fig.responsibility_to_protect.gc_counts.statements")]
    dates = [message("fig.responsibility_to_protect.gc_counts.june_2019"),
             message("fig.responsibility_to_protect.gc_counts.june_2021")]
    gc["what"] = gc["count_of"].map({"resolutions": kinds[0], "presidential_statements": kinds[1]})
    gc["when"] = gc["as_of"].map({"2019-06-07": dates[0], "2021-06-11": dates[1]})
    gc = gc.dropna(subset=["what", "when"])
    bars = alt.Chart(gc).mark_bar().encode(
        x=alt.X("when:N", title=message("fig.responsibility_to_protect.gc_counts.x"), sort=dates),
        xOffset=alt.XOffset("what:N", sort=kinds),
        y=alt.Y("value:Q", title=message("fig.responsibility_to_protect.gc_counts.y")),
        color=alt.Color("what:N", title=None, sort=kinds, legend=alt.Legend(orient="bottom")),
    )
    text = bars.mark_text(dy=-6, fontSize=11).encode(text="value:Q", color=alt.value("black"))
    chart = (bars + text).properties(width=420, height=260,
        title=message("fig.responsibility_to_protect.gc_counts.title"))
    value = {(r.when, r.what): int(r.value) for r in gc.itertuples()}
    alt_text = " ".join([message("fig.responsibility_to_protect.gc_counts.alt")]
                        + [message("fig.responsibility_to_protect.gc_counts.alt_date", when=when,
                                   resolutions=value[(when, kinds[0])], statements=value[(when, kinds[1])])
                           for when in dates])
    return chart, alt_text


# verification_status -> evidence group (its label: fig.responsibility_to_protect.evidence_<group>)
_EVIDENCE = {
    "verified_quote": "quote",
    "verified_secondary": "secondary",
    "verified_secondary_symbol_unverified": "secondary",
    "weak_secondary": "weak",
    "unverified_check_text": "weak",
}
EVIDENCE_GROUPS = ["quote", "secondary", "weak"]


def evidence_order() -> list[str]:
    """The labels of the evidence groups, strongest first, in the course's language."""
    return [message("fig.responsibility_to_protect.evidence_quote"),
            message("fig.responsibility_to_protect.evidence_secondary"),
            message("fig.responsibility_to_protect.evidence_weak")]


def resolution_list():
    """The course's partial list of R2P resolutions, with an evidence group and year."""
    res = load("r2p_resolutions")
    res["status"] = res["verification_status"].map(_EVIDENCE).map(dict(zip(EVIDENCE_GROUPS, evidence_order(),
                                                                            strict=True)))
    res["year"] = pd.to_datetime(res["date"]).dt.year
    return res


def _weak_bodies(weak: pd.DataFrame) -> str:
    return (message("fig.responsibility_to_protect.body_unsc") if set(weak["body"]) == {"UNSC"}
            else message("fig.responsibility_to_protect.body_un"))


@figure("course-list")
def course_list():
    res = resolution_list()
    order = evidence_order()
    stack = alt.Chart(res).mark_bar(size=bar_size(520, res["year"])).encode(
        x=year_axis("year", message("fig.responsibility_to_protect.course_list.x"), res["year"]),
        y=alt.Y("count():Q", title=message("fig.responsibility_to_protect.course_list.y"),
                axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("status:N", title=message("fig.responsibility_to_protect.course_list.legend"), sort=order,
                        scale=alt.Scale(domain=order, range=["#1b6b3a", "#6aa9d8", "#c9c9c9"]),
                        legend=alt.Legend(orient="bottom", labelLimit=400)),
        order=alt.Order("status:N"),
    ).properties(width=520, height=240,
                 title=message("fig.responsibility_to_protect.course_list.title", rows=len(res)))
    n_status = res["status"].value_counts()
    weak = res[res["status"] == order[2]]
    per_year = res["year"].value_counts()
    busiest = message("fig.and").join(str(y) for y in sorted(per_year[per_year == per_year.max()].index))
    alt_text = message("fig.responsibility_to_protect.course_list.alt", rows=len(res),
                       first=res["year"].min(), last=res["year"].max(),
                       quotes=n_status.get(order[0], 0), secondary=n_status.get(order[1], 0),
                       weak=n_status.get(order[2], 0), bodies=_weak_bodies(weak),
                       weak_first=weak["year"].min(), weak_last=weak["year"].max(),
                       busiest=busiest, most=per_year.max())
    return stack, alt_text


def course_list_summary(res: pd.DataFrame | None = None) -> str:
    """The course-list chart said in words (Markdown), for the data page below the chart.

    Its words are program strings, already in the course's language: the page shows it as
    HTML (``exercises.markdown.to_html``), not as Markdown that Sphinx would take for the
    page's own text and look up in the page's catalogue."""
    res = resolution_list() if res is None else res
    order = evidence_order()
    n_status = res["status"].value_counts()
    weak = res[res["status"] == order[2]]
    symbol_open = res[res["verification_status"] == "verified_secondary_symbol_unverified"]
    text = message("fig.responsibility_to_protect.summary.intro", rows=len(res), first=res["year"].min(), last=res["year"].max(),
              quotes=n_status.get(order[0], 0), secondary=n_status.get(order[1], 0))
    if len(symbol_open):
        text += message("fig.responsibility_to_protect.summary.symbol_open", rows=len(symbol_open))
    text += message("fig.responsibility_to_protect.summary.weak", rows=n_status.get(order[2], 0))
    if weak["year"].min() != weak["year"].max():
        text += message("fig.responsibility_to_protect.summary.weak_years", bodies=_weak_bodies(weak), first=weak["year"].min(),
                   last=weak["year"].max())
    else:
        text += message("fig.responsibility_to_protect.summary.weak_year", bodies=_weak_bodies(weak), year=weak["year"].min())
    return text + message("fig.responsibility_to_protect.summary.caveat")
