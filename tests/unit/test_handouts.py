"""Handouts without a browser: exercise sheets (blanks, no answers), the answer key, MyST
for print, role data and cards, and the command's refusal of unknown modules."""
from __future__ import annotations

import re
from html import unescape

import pytest

from exercises.escaping import myst_text
from exercises.__main__ import main
from exercises.answer_key import order
from exercises.kit.handouts import _exercise_answer, where_shown
from exercises.markdown import to_inline_html
from exercises.kit.myst_print import Bibliography, MystPrinter
from exercises.site.roles import load_roles, role_cards_html, roles_markdown
from exercises.kit.sheets import exercise_sheet
from exercises.specs import load_banks
from exercises.tables import expected_value, format_number
from exercises.yaml_data import SpecError

GUIDE = load_banks()["authoring-guide"]  # one live example of every type


def ex(exercise_id: str) -> dict:
    return GUIDE.get(exercise_id)


def sheet(exercise_id: str) -> str:
    return exercise_sheet(ex(exercise_id), f"authoring-guide/{exercise_id}", 1, "module 9, page “X”")


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture(scope="module")
def printer():
    return MystPrinter(Bibliography.from_config())


# ------------------------------------------------------------------ student sheets

@pytest.mark.parametrize("exercise_id", ["summit-paragraphs", "four-crimes"])
def test_choice_sheets_have_a_box_per_option_and_no_answer(exercise_id):
    spec, html = ex(exercise_id), sheet(exercise_id)
    assert html.count('class="box"') == len(spec["options"])
    for option in spec["options"]:
        assert to_inline_html(option["text"]) in html
        assert text_of(option["feedback"])[:40] not in text_of(html)
    assert "correct" not in html.lower()


def test_ordering_sheet_has_blank_ranks_and_not_the_right_order():
    spec, html = ex("r2p-milestones"), sheet("r2p-milestones")
    assert html.count('class="rank"') == len(spec["items"])
    printed = [text_of(li) for li in re.findall(r"<li>(.*?)</li>", html)]
    right = [text_of(to_inline_html(text)) for _, text in order(spec)]
    assert sorted(printed) == sorted(right) and printed != right
    assert text_of(spec["explanation"])[:30] not in text_of(html)


def test_categorize_sheet_lists_categories_and_a_box_per_statement():
    spec, html = ex("three-pillars"), sheet("three-pillars")
    for letter, category in zip("ABC", spec["categories"], strict=False):
        assert f"<b>{letter}</b> {category}" in html
    assert html.count('class="rank-cell"') == len(spec["items"])
    for item in spec["items"]:
        assert text_of(item["feedback"])[:30] not in text_of(html)


def test_numeric_sheet_has_a_blank_and_the_unit_and_points_online_for_long_data():
    spec = {"id": "n", "type": "numeric", "prompt": "How many in all?", "tolerance": 0, "explanation": "x",
            "data": {"columns": ["year", "count"], "rows": [[y, 1.5] for y in range(1900, 1960)]},
            "chart": {"kind": "bar", "x": "year", "y": "count"}, "answer_from": {"column": "count", "aggregate": "sum"}}
    html = exercise_sheet(spec, "b/n", 1, "module 9, page “X”")
    assert 'class="blank"' in html
    assert "module 9, page “X”" in html  # a chart of 60 bars: too long to print
    assert "data:image" not in html
    assert format_number(expected_value(spec), 0) not in html  # 90


def test_a_numeric_sheet_that_reads_a_chart_prints_the_chart_and_its_values():
    spec, html = ex("japan-oda-peak"), sheet("japan-oda-peak")
    assert 'class="blank"' in html and spec["unit"] in html
    assert '<figure class="chart"><img src="data:image/svg+xml;base64,' in html
    assert "<caption>The data of the chart: Japan" in html and html.count("<tr>") == 27  # 26 years and a head
    assert "module 9, page “X”" not in html


@pytest.mark.parametrize("bank, exercise_id", [(b.name, e["id"]) for b in load_banks().values() for e in b.exercises
                                               if e["type"] == "numeric" and "chart" in e])
def test_every_numeric_exercise_with_a_chart_prints_it(bank, exercise_id):
    html = exercise_sheet(load_banks()[bank].get(exercise_id), f"{bank}/{exercise_id}", 1)
    assert "data:image/svg+xml;base64," in html and '<table class="data"' in html


def test_an_exercise_whose_chart_is_only_on_its_page_says_where_it_is():
    spec = load_banks()["japans-aspiration"].get("oda-chart-share")
    html = exercise_sheet(spec, "japans-aspiration/oda-chart-share", 1, "module 6, page “Y”")
    assert "is on the course site: module 6, page “Y”" in html


def test_numeric_sheet_prints_short_data(monkeypatch):
    spec = {"id": "n", "type": "numeric", "prompt": "How many?", "tolerance": 0, "explanation": "Two.",
            "data": {"columns": ["year", "count"], "rows": [[2001, 1.0], [2002, 1.5]]},
            "chart": {"kind": "bar", "x": "year", "y": "count"}, "answer_from": {"column": "count", "aggregate": "sum"}}
    html = exercise_sheet(spec, "b/n", 1)
    assert '<table class="data"' in html and "<td>1.50</td>" in html and "2.5" not in html


def test_data_explorer_sheet_asks_every_question_without_answers():
    spec, html = ex("donors-explorer"), sheet("donors-explorer")
    assert html.count('class="q">Question') == len(spec["questions"])
    choice = spec["questions"][0]
    assert html.count('class="box"') == len(choice["options"])
    assert "Sweden gave 0.93%" not in html and 'class="blank"' in html and "US$ million" in html


def test_risk_sheet_is_a_grid_of_factors_by_scale_without_reference():
    spec, html = ex("country-x-risk"), sheet("country-x-risk")
    assert html.count('class="box"') == len(spec["factors"]) * len(spec["scale"])
    assert "Hypothetical" in html or "hypothetical" in html
    for factor in spec["factors"]:
        assert text_of(factor["reasoning"])[:30] not in text_of(html)


def test_decision_sheet_prints_each_step_and_no_consequence():
    spec, html = ex("advise-tokyo"), sheet("advise-tokyo")
    steps = [n for n in spec["nodes"] if "choices" in n]
    assert html.count('class="q">Step') == len(steps)
    assert html.count('class="box"') == sum(len(n["choices"]) for n in steps)
    for node in spec["nodes"]:
        for choice in node.get("choices", []):
            assert text_of(choice["consequence"])[:30] not in text_of(html)
        if "debrief" in node:
            assert text_of(node["debrief"])[:30] not in text_of(html)


def test_reflection_sheet_has_ruled_space_and_no_model_answer():
    spec, html = ex("japan-convention"), sheet("japan-convention")
    assert html.count('class="rule"') >= 6
    assert "At least 30 words" in html
    assert text_of(spec["model_answer"])[:30] not in text_of(html)


# ------------------------------------------------------------------ answer key

@pytest.mark.parametrize("exercise_id", [e["id"] for e in GUIDE.exercises])
def test_answer_key_holds_the_answer(exercise_id, printer):
    spec = ex(exercise_id)
    html = text_of(_exercise_answer(spec, 1, printer))
    kind = spec["type"]
    if kind in ("single_choice", "multiple_select"):
        for o in spec["options"]:
            if o.get("correct"):
                assert text_of(to_inline_html(o["text"])) in html
    elif kind == "numeric":
        assert format_number(expected_value(spec), spec["decimals"]) in html and "within 0.02" in html
    elif kind == "ordering":
        right = [text_of(to_inline_html(t)) for _, t in order(spec)]
        assert [html.index(t) for t in right] == sorted(html.index(t) for t in right)
    elif kind == "categorize":
        assert all(item["category"] in html for item in spec["items"])
    elif kind == "reflection":
        assert text_of(spec["model_answer"])[:40] in html
    elif kind == "risk_assessment":
        assert all(text_of(f["reasoning"])[:30] in html for f in spec["factors"])
    elif kind == "decision":
        assert "Best" in html and all(text_of(n["debrief"])[:30] in html for n in spec["nodes"] if "debrief" in n)
    elif kind == "data_explorer":
        assert "Sweden" in html and "Question 2" in html
    if spec.get("sources"):
        assert "Sources: (" in html


def test_graded_exercises_are_marked_and_rubrics_shown(printer):
    spec = {**ex("japan-convention"), "graded": True,
            "rubric": [{"criterion": "Use of evidence", "levels": [{"level": "Good", "descriptor": "Cites the treaty."}]}]}
    html = _exercise_answer(spec, 2, printer)
    assert 'class="graded">Graded' in html and "Use of evidence" in html and "Cites the treaty." in html


# ------------------------------------------------------------------ MyST for print

def test_roles_become_plain_text_and_citations_author_year():
    printer = MystPrinter(Bibliography.from_config())
    html = printer.inline("See {term}`veto` and {term}`the pillars <three pillars of R2P>` in "
                          "{doc}`/book/modules/04-responsibility-to-protect/origins` {cite:p}`watabe2012japan,iciss2001r2p`; "
                          "{cite:t}`watabe2012japan` agrees. **Bold**.")
    assert "See veto and the pillars in <em>" in html
    assert "(Watabe 2012; International Commission on Intervention and State Sovereignty 2001)" in html
    assert "Watabe (2012) agrees" in html and "<strong>Bold</strong>" in html and "{" not in html
    sources = printer.sources_html()
    assert sources.index("International Commission") < sources.index("Watabe")
    assert sources.count("<li>") == 2


def test_an_unknown_citation_key_is_an_error(printer):
    with pytest.raises(KeyError, match="nosuchkey2099"):
        printer.inline("{cite:p}`nosuchkey2099`")


def test_every_exercise_of_a_module_page_is_found():
    shown = where_shown()
    assert shown["responsibility-to-protect/pillars-sort"][0] == "04-responsibility-to-protect"


# ------------------------------------------------------------------ roles

ROLES = """\
id: demo
title: Demo simulation
question: What now?
roles:
  - name: Ministry
    played_by: a team
    brief: You chair.
    dilemma: act or wait.
  - name: Journalist
    played_by: one
    brief: You report.
    dilemma: {cite: wrong}
"""


def test_bad_roles_yaml_names_file_line_and_field(tmp_path):
    (tmp_path / "demo.yml").write_text(ROLES)
    with pytest.raises(SpecError) as err:
        load_roles("demo", tmp_path)
    assert (err.value.file, err.value.line, err.value.field) == (str(tmp_path / "demo.yml"), 12, "roles[1].dilemma")
    (tmp_path / "demo.yml").write_text(ROLES.replace("    dilemma: act or wait.\n", "").replace("{cite: wrong}", "x"))
    with pytest.raises(SpecError, match=r"demo.yml, line 5, field roles\[0\]: 'dilemma' is a required property"):
        load_roles("demo", tmp_path)


def test_capstone_roles_page_and_cards(printer):
    data = load_roles("capstone")
    md = roles_markdown(data)
    cards = role_cards_html(data, printer)
    for role in data["roles"]:
        assert f"{myst_text(role['name'])}\n: " in md  # plain text, escaped for MyST
        assert f"<h2>{role['name']}</h2>" in cards
    assert md.count("*Your dilemma:*") == len(data["roles"])
    assert md.index("Optional roles for larger groups") > md.index("Representatives of the affected community")
    assert cards.count('class="role-card"') == len(data["roles"])
    assert cards.count("Three asks") == len(data["roles"]) and "13:30" in cards  # from the agenda
    assert "{cite:p}" in md and "{cite:p}" not in cards


# ------------------------------------------------------------------ command

def test_an_unknown_module_is_refused_with_the_valid_ones(capsys, tmp_path):
    assert main(["handouts", "4", "no-such-module", "--out", str(tmp_path / "h")]) == 2
    err = capsys.readouterr().err
    assert "unknown module 'no-such-module'" in err and "04-responsibility-to-protect" in err
    assert not (tmp_path / "h").exists()
