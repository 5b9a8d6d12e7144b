"""Module 8's charts (see :mod:`exercises.site.figures`): the Cabinet Office's survey on diplomacy."""
from __future__ import annotations

import altair as alt

from ...datasets import load
from . import figure

AID_ANSWERS = ["Should be pursued actively", "The current level is about right",
               "Should be reduced as far as possible", "Should stop"]
AID_ROUNDS = {"2009-10": "Oct 2009 (economic cooperation)",
              "2016-11": "Nov 2016 (development cooperation)",
              "2021-09": "Sep 2021 (development cooperation, by post)"}
PEACE = "Peace: stabilising regions, resolving conflicts, incl. personnel"
GLOBAL = "Global problems such as the environment"
ROLE_ROUNDS = {"2014-10": "Oct 2014", "2015-10": "Oct 2015"}


def _aid():
    op = load("japan_public_opinion")
    aid = op[op["question_id"].isin(["economic_cooperation", "development_cooperation"])].copy()
    aid["round"] = aid["survey_round"].map(AID_ROUNDS).astype(str)
    aid["answer_en"] = aid["answer_en"].astype(str)
    aid["percent"] = aid["percent"].astype(float)
    return aid


def _role():
    op = load("japan_public_opinion")
    role = op[op["question_id"] == "japan_role"].copy()
    role["option"] = role["answer_en"].astype(str).map(
        lambda a: PEACE if a.startswith("Contribution to international peace") else GLOBAL)
    role["round"] = role["survey_round"].map(ROLE_ROUNDS).astype(str)
    role["percent"] = role["percent"].astype(float)
    return role


@figure("aid-answers")
def aid_answers():
    aid = _aid()
    bars = alt.Chart(aid).mark_bar().encode(
        x=alt.X("answer_en:N", title=None, sort=AID_ANSWERS,
                axis=alt.Axis(labelAngle=0, labelLimit=130, labelExpr="split(datum.label, ' ')")),
        xOffset=alt.XOffset("round:N"),
        y=alt.Y("percent:Q", title="Share of respondents (%)", scale=alt.Scale(domain=[0, 60])),
        color=alt.Color("round:N", title="Survey round", legend=alt.Legend(orient="bottom", labelLimit=300)),
    ).properties(width=480, height=260,
                 title="How should Japan's aid to developing countries be pursued?")
    share = {(r.survey_round, r.answer_en): r.percent for r in aid.itertuples()}
    rounds = sorted(AID_ROUNDS)
    years = [r[:4] for r in rounds]
    parts = []
    for i, answer in enumerate(AID_ANSWERS):
        values = [f"{share[(r, answer)]:.1f}" for r in rounds]
        if i == 0:
            parts.append(f"{answer}: " + ", ".join(f"{v} percent in {y}" for v, y in zip(values, years, strict=True)) + ".")
        else:
            parts.append(f"{answer}: " + ", ".join(values[:-1]) + f" and {values[-1]} percent.")
    alt_text = ("Grouped bar chart of the answers to the Cabinet Office's question on "
                "Japan's aid to developing countries, October 2009 (asked about economic "
                "cooperation), November 2016 and September 2021 (asked about development "
                "cooperation; the 2021 round was done by post, the others face to face). "
                + " ".join(parts))
    return bars, alt_text


@figure("japan-role")
def japan_role():
    role = _role()
    rbars = alt.Chart(role).mark_bar().encode(
        y=alt.Y("option:N", title=None, axis=alt.Axis(labelLimit=380)),
        yOffset=alt.YOffset("round:N"),
        x=alt.X("percent:Q", title="Share of respondents choosing the option (%)",
                scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("round:N", title="Survey round", legend=alt.Legend(orient="bottom")),
    ).properties(width=300, height=140,
                 title="What role should Japan mainly play? (top two of several answers)")
    share = {(r.survey_round, r.option): r.percent for r in role.itertuples()}
    first, second = sorted(ROLE_ROUNDS)
    alt_text = ("Horizontal bar chart of the two most chosen answers to the question "
                "on Japan's role in the international community, where several answers were "
                "allowed. Contribution to international peace, through stabilising regions and "
                "resolving conflicts including personnel support: "
                f"{share[(first, PEACE)]:.1f} percent in October {first[:4]} "
                f"and {share[(second, PEACE)]:.1f} percent in October {second[:4]}. "
                "Contribution to global problems such as the environment: "
                f"{share[(first, GLOBAL)]:.1f} and {share[(second, GLOBAL)]:.1f} percent.")
    return rbars, alt_text
