"""Module 8's charts (see :mod:`exercises.site.figures`): the Cabinet Office's survey on diplomacy."""
from __future__ import annotations

import altair as alt

from ...datasets import load
from ...i18n import current, message
from . import figure

AID_ANSWERS = ["Should be pursued actively", "The current level is about right",
               "Should be reduced as far as possible", "Should stop"]
AID_ROUNDS = {"2009-10": "fig.challenges.aid_answers.round_2009",
              "2016-11": "fig.challenges.aid_answers.round_2016",
              "2021-09": "fig.challenges.aid_answers.round_2021"}
PEACE = "fig.challenges.japan_role.peace"
GLOBAL = "fig.challenges.japan_role.global"
ROLE_ROUNDS = {"2014-10": "fig.challenges.japan_role.round_2014", "2015-10": "fig.challenges.japan_role.round_2015"}


def _answer() -> str:
    """The survey's answers in the course's language: the dataset's answer_en or answer_ja."""
    return f"answer_{current()}"


def _aid():
    op = load("japan_public_opinion")
    aid = op[op["question_id"].isin(["economic_cooperation", "development_cooperation"])].copy()
    aid["round"] = aid["survey_round"].map({k: message(v) for k, v in AID_ROUNDS.items()}).astype(str)
    aid["answer_en"] = aid["answer_en"].astype(str)
    aid[_answer()] = aid[_answer()].astype(str)
    aid["percent"] = aid["percent"].astype(float)
    return aid


def _role():
    op = load("japan_public_opinion")
    role = op[op["question_id"] == "japan_role"].copy()
    role["option"] = role["answer_en"].astype(str).map(
        lambda a: message(PEACE) if a.startswith("Contribution to international peace") else message(GLOBAL))
    role["round"] = role["survey_round"].map({k: message(v) for k, v in ROLE_ROUNDS.items()}).astype(str)
    role["percent"] = role["percent"].astype(float)
    return role


@figure("aid-answers")
def aid_answers():
    aid = _aid()
    said = dict(zip(aid["answer_en"], aid[_answer()], strict=True))  # English answer -> as shown
    answers = [said[a] for a in AID_ANSWERS]
    bars = alt.Chart(aid).mark_bar().encode(
        x=alt.X(f"{_answer()}:N", title=None, sort=answers,
                axis=alt.Axis(labelAngle=0, labelLimit=130, labelExpr="split(datum.label, ' ')")),
        xOffset=alt.XOffset("round:N"),
        y=alt.Y("percent:Q", title=message("fig.challenges.aid_answers.y"), scale=alt.Scale(domain=[0, 60])),
        color=alt.Color("round:N", title=message("fig.challenges.survey_round"),
                        legend=alt.Legend(orient="bottom", labelLimit=300)),
    ).properties(width=480, height=260, title=message("fig.challenges.aid_answers.title"))
    share = {(r.survey_round, r.answer_en): r.percent for r in aid.itertuples()}
    rounds = sorted(AID_ROUNDS)
    years = [r[:4] for r in rounds]
    parts = []
    for i, answer in enumerate(AID_ANSWERS):
        values = [f"{share[(r, answer)]:.1f}" for r in rounds]
        if i == 0:
            parts.append(message("fig.challenges.aid_answers.alt_first", answer=said[answer], values=message(
                "fig.list_sep").join(message("fig.challenges.aid_answers.alt_in", value=v, year=y)
                                     for v, y in zip(values, years, strict=True))))
        else:
            parts.append(message("fig.challenges.aid_answers.alt_answer", answer=said[answer],
                                 values=message("fig.list_sep").join(values[:-1]), last=values[-1]))
    alt_text = " ".join([message("fig.challenges.aid_answers.alt"), *parts])
    return bars, alt_text


@figure("japan-role")
def japan_role():
    role = _role()
    rbars = alt.Chart(role).mark_bar().encode(
        y=alt.Y("option:N", title=None, axis=alt.Axis(labelLimit=380)),
        yOffset=alt.YOffset("round:N"),
        x=alt.X("percent:Q", title=message("fig.challenges.japan_role.x"),
                scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("round:N", title=message("fig.challenges.survey_round"), legend=alt.Legend(orient="bottom")),
    ).properties(width=300, height=140, title=message("fig.challenges.japan_role.title"))
    share = {(r.survey_round, r.option): r.percent for r in role.itertuples()}
    first, second = sorted(ROLE_ROUNDS)
    peace, world = message(PEACE), message(GLOBAL)
    alt_text = message("fig.challenges.japan_role.alt", peace_first=f"{share[(first, peace)]:.1f}",
                       first=first[:4], peace_second=f"{share[(second, peace)]:.1f}", second=second[:4],
                       global_first=f"{share[(first, world)]:.1f}", global_second=f"{share[(second, world)]:.1f}")
    return rbars, alt_text
