"""Exercise banks: the real ones load; malformed ones fail naming file, line and field."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from exercises.specs import BANKS_DIR, SCHEMA_PATH, SpecError, find_exercise, load_banks, parse_bank

GOOD = """\
bank: demo
title: Demo
exercises:
  - id: q1
    type: single_choice
    prompt: Which?
    options:
      - text: A
        correct: true
        feedback: Yes.
      - text: B
        feedback: No.
"""


def parse(text: str, name: str = "demo.yml"):
    return parse_bank(text, Path("banks") / name)


def test_every_bank_in_the_repo_is_valid():
    banks = load_banks()
    assert banks, "no exercise banks found"
    for bank in banks.values():
        assert bank.exercises


def test_published_schema_is_itself_valid():
    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA_PATH.read_text()))


def test_good_bank_parses():
    bank = parse(GOOD)
    assert bank.name == "demo" and bank.exercises[0]["options"][0]["correct"] is True


@pytest.mark.parametrize("broken, line, field, words", [
    (GOOD.replace("    prompt: Which?\n", ""), 4, "exercises[0]", "'prompt' is a required property"),
    (GOOD.replace("type: single_choice", "type: essay"), 5, "exercises[0].type", "is not one of"),
    (GOOD.replace("        feedback: No.\n", ""), 11, "exercises[0].options[1]", "'feedback' is a required property"),
    (GOOD.replace("correct: true", "correct: maybe"), 9, "exercises[0].options[0].correct", "is not of type 'boolean'"),
    (GOOD.replace("      - text: B", "      - text: B\n        colour: red"), 11, "exercises[0].options[1]", "colour"),
    (GOOD.replace("id: q1", "id: Q 1"), 4, "exercises[0].id", "does not match"),
    (GOOD.replace("correct: true", "correct: false"), 7, "exercises[0].options", "exactly one correct option"),
    (GOOD + GOOD[GOOD.index("  - id"):], 13, "exercises[1].id", "duplicate id 'q1'"),
    (GOOD.replace("bank: demo", "bank: other"), 1, "bank", "must match the file name"),
    (GOOD.replace("    prompt: Which?", "    prompt: [Which?"), 6, "", "not valid YAML"),
])
def test_malformed_bank_names_file_line_and_field(broken, line, field, words):
    with pytest.raises(SpecError) as caught:
        parse(broken)
    err = caught.value
    assert err.file.endswith("demo.yml")
    assert (err.line, err.field) == (line, field), str(err)
    assert words in err.message
    assert str(err).startswith(f"{err.file}, line {line}, field ")


def test_unknown_bank_and_exercise_list_the_valid_ones():
    with pytest.raises(KeyError, match=r"valid banks: .*how-to-use"):
        find_exercise("no-such-bank/q1")
    with pytest.raises(KeyError, match="valid ids: genocide-convention-year"):
        find_exercise("how-to-use/no-such-question")
    with pytest.raises(KeyError, match="bank/exercise-id"):
        find_exercise("no-slash")


def test_banks_are_found_next_to_the_package():
    assert BANKS_DIR.is_dir() and (BANKS_DIR / "how-to-use.yml").exists()


def _bank(exercise_yaml: str) -> str:
    return "bank: demo\ntitle: Demo\nexercises:\n" + exercise_yaml


DECISION = _bank("""\
  - id: d
    type: decision
    prompt: Decide.
    start: a
    nodes:
      - id: a
        text: A?
        choices:
          - {text: go, next: b, consequence: went}
      - {id: b, text: End., sound: true, debrief: Done.}
""")
NUMERIC = _bank("""\
  - id: n
    type: numeric
    prompt: How many?
    data: {columns: [x, y], rows: [[1, 2], [3, 4]]}
    answer_from: {column: y, aggregate: max}
    tolerance: 0
    explanation: Four.
""")
CATEGORIZE = _bank("""\
  - id: c
    type: categorize
    prompt: Sort.
    categories: [One, Two]
    items:
      - {text: a, category: One, feedback: f}
      - {text: b, category: Two, feedback: f}
""")


@pytest.mark.parametrize("broken, field, words", [
    (DECISION.replace("next: b", "next: z"), "exercises[0].nodes[0].choices[0].next", "no node 'z'"),
    (DECISION.replace("next: b", "next: a"), "exercises[0].nodes[0]", "reached again from itself"),
    (DECISION.replace("start: a", "start: b"), "exercises[0].nodes[0]", "cannot be reached"),
    (DECISION.replace("sound: true, ", ""), "exercises[0].nodes[1]", "needs `sound` and `debrief`"),
    (NUMERIC.replace("column: y,", "column: q,"), "exercises[0].answer_from", "no column 'q'"),
    (NUMERIC.replace("    data: {columns: [x, y], rows: [[1, 2], [3, 4]]}\n", ""), "exercises[0]", "needs its data"),
    (NUMERIC.replace("    tolerance: 0\n", "    tolerance: 0\n    answer: 4\n"), "exercises[0]", "exactly one of `answer`"),
    (NUMERIC.replace("[3, 4]]", "[3]]"), "exercises[0].data.rows[1]", "1 values but there are 2 columns"),
    (CATEGORIZE.replace("category: Two", "category: Three"), "exercises[0].items[1].category", "not one of the categories"),
    (CATEGORIZE.replace("type: categorize", "type: multiple_select"), "exercises[0]", "were unexpected"),
])
def test_semantic_errors_name_the_field(broken, field, words):
    with pytest.raises(SpecError) as caught:
        parse(broken)
    assert caught.value.field == field, str(caught.value)
    assert words in caught.value.message and caught.value.line


def test_good_specs_of_new_types_parse():
    for text in (DECISION, NUMERIC, CATEGORIZE):
        assert parse(text).exercises
