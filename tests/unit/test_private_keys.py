"""Answer keys kept out of the repository (exercises/private_keys.py, `course keys export`).

- Every exercise of every type splits into a question and a key that merge back into it,
  and a graded exercise's page (its client spec, so its hand-in version too) is the same
  whether it is built from the question alone or with the key merged in: the student
  edition built from the public banks is the one whose files tests/site/test_edition_builds.py
  scans, and holds no key in either mode.
- In a copy of the repository, `course keys export` leaves no graded answer in any of its
  files (banks, catalogues, pages, tests: the repository scan of this mode); the banks read
  with the keys file equal the originals in English and Japanese; marks are the same in both
  modes; and every command that needs a key refuses, naming it, without the file.
- A malformed keys file or bank is refused naming the file, line and field.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from exercises import private_keys
from exercises.answer_key import answer_key_html
from exercises.dev.marks_benchmark import hand_in, sample_answer
from exercises.handin import fingerprint
from exercises.specs import load_banks, parse_bank
from exercises.widgets.client import check_spec, client_spec
from exercises.yaml_data import SpecError

from graded_answers import files_text, graded_needles

ROOT = Path(__file__).resolve().parents[2]
EVERY = [(f"{name}/{ex['id']}", ex) for name, bank in load_banks().items() for ex in bank.exercises]


def _fail(where, message):
    raise AssertionError(f"{where}: {message}")


@pytest.fixture(autouse=True)
def no_keys_given(monkeypatch):
    monkeypatch.delenv(private_keys.VARIABLE, raising=False)


def test_every_type_is_covered():
    assert {ex["type"] for _, ex in EVERY} == set(private_keys.KEY_FIELDS)


@pytest.mark.parametrize("ref,spec", EVERY, ids=[ref for ref, _ in EVERY])
def test_split_and_merge_give_back_the_exercise_and_the_same_page(ref, spec):
    spec = {**spec, "graded": True}
    question, key = private_keys.split(spec, random.Random(ref))
    assert key and question["key"] == "private"
    assert not private_keys.key_of(question), "the question holds no key field"
    assert private_keys.withheld(question)
    merged = private_keys.merge(question, key, _fail)
    assert not private_keys.withheld(merged)
    assert {k: v for k, v in merged.items() if k != "page_order"} == {**spec, "key": "private"}
    # the page (and so the hand-in version) is the same from the question alone and with the key
    assert client_spec(question, ref, "student") == client_spec(merged, ref, "student")
    assert check_spec(question, ref, "student") == check_spec(merged, ref, "student")
    assert fingerprint(question, ref) == fingerprint(merged, ref)
    with pytest.raises(private_keys.KeysMissing, match=spec["id"]):
        answer_key_html(question)
    assert answer_key_html(merged) == answer_key_html({**spec, **({"page_order": merged["page_order"]}
                                                                  if "page_order" in merged else {})})


def test_an_orderings_public_list_is_not_its_answer():
    spec = next(s for _, s in EVERY if s["type"] == "ordering")
    for seed in range(20):
        question, key = private_keys.split({**spec, "graded": True}, random.Random(seed))
        assert [i["text"] for i in question["items"]] != [i["text"] for i in spec["items"]]
        assert [question["items"][p] for p in key["order"]] == spec["items"]


# ------------------------------------------------------------------ malformed input

BANK = """\
bank: tiny
title: Tiny
exercises:
  - id: pick
    type: single_choice
    key: private
    graded: true
    prompt: Which?
    options:
      - text: One
      - text: Two
"""


def _keys_file(tmp_path, exercises, translations=None) -> Path:
    path = tmp_path / "keys.yml"
    data = {"format": private_keys.FORMAT, "exercises": exercises}
    if translations:
        data["translations"] = translations
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_a_private_exercise_loads_as_a_question_without_keys_and_whole_with_them(tmp_path, monkeypatch):
    bank = parse_bank(BANK, tmp_path / "tiny.yml", frozenset())
    assert private_keys.withheld(bank.exercises[0])
    keys = _keys_file(tmp_path, {"tiny/pick": {"options": [{"feedback": "No."}, {"correct": True, "feedback": "Yes."}]}})
    monkeypatch.setenv(private_keys.VARIABLE, str(keys))
    spec = parse_bank(BANK, tmp_path / "tiny.yml", frozenset()).exercises[0]
    assert [o.get("correct", False) for o in spec["options"]] == [False, True]
    assert "Yes." in answer_key_html(spec)


@pytest.mark.parametrize("exercises,line,field,says", [
    ({"tiny/pick": {"options": [{"feedback": "No."}]}}, 4, "exercises.tiny/pick.options",
     "1 entries, but the bank's exercise has 2"),
    ({"tiny/pick": {"options": [{"feedback": "No."}, {"correct": "yes", "feedback": "Yes."}]}}, 11,
     "exercises[0].options[1].correct", "is not of type 'boolean'"),
    ({"tiny/pick": {"options": [{"feedback": "No."}, {"feedback": "No."}]}}, 9, "exercises[0].options",
     "exactly one correct option"),
    ({"tiny/pick": {"prompt": "Other?"}}, 4, "exercises.tiny/pick.prompt", "a kept-out key must not be in the bank"),
    ({}, 6, "exercises[0].key", "has no entry exercises.tiny/pick"),
])
def test_a_keys_file_that_does_not_fit_is_refused_by_file_line_and_field(tmp_path, monkeypatch, exercises, line,
                                                                          field, says):
    keys = _keys_file(tmp_path, exercises)
    monkeypatch.setenv(private_keys.VARIABLE, str(keys))
    with pytest.raises(SpecError) as err:
        parse_bank(BANK, tmp_path / "tiny.yml", frozenset())
    assert says in err.value.message and err.value.field == field
    assert err.value.line == line
    assert err.value.file in (str(keys), str(tmp_path / "tiny.yml"))


@pytest.mark.parametrize("text,says", [
    ("format: course-answer-keys/2\nexercises: {}\n", "'course-answer-keys/1' was expected"),
    ("format: course-answer-keys/1\nexercises: {'Not a ref': {}}\n", "does not match"),
    ("format: course-answer-keys/1\nexercises: {}\ntranslations: {ja: {a: 1}}\n", "is not of type 'string'"),
    ("format: course-answer-keys/1\nexercises: &a [*a]\n", "refer to themselves"),
])
def test_a_malformed_keys_file_is_refused(tmp_path, monkeypatch, text, says):
    keys = tmp_path / "keys.yml"
    keys.write_text(text, encoding="utf-8")
    monkeypatch.setenv(private_keys.VARIABLE, str(keys))
    with pytest.raises(SpecError, match=r"keys\.yml") as err:
        parse_bank(BANK, tmp_path / "tiny.yml", frozenset())
    assert says in str(err.value)


def test_a_private_bank_that_still_holds_its_key_is_refused(tmp_path):
    text = BANK.replace("      - text: Two\n", "      - text: Two\n        correct: true\n")
    with pytest.raises(SpecError) as err:
        parse_bank(text, tmp_path / "tiny.yml", frozenset())
    assert err.value.line == 12 and err.value.field == "exercises[0].options[1].correct"
    assert "move it to the keys file" in err.value.message
    with pytest.raises(SpecError, match="graded"):  # key: private only on a graded exercise
        parse_bank(BANK.replace("    graded: true\n", ""), tmp_path / "tiny.yml", frozenset())


def test_a_missing_keys_file_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv(private_keys.VARIABLE, str(tmp_path / "nowhere.yml"))
    with pytest.raises(SpecError, match=r"nowhere\.yml.*cannot be read"):
        parse_bank(BANK, tmp_path / "tiny.yml", frozenset())


# ------------------------------------------------------------------ the export, in a copy of the repository

def _course(copy: Path, *args, keys: Path | None = None, lang: str = "en") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in (private_keys.VARIABLE, "COURSE_EDITION")}
    env.update(PYTHONPATH=str(copy), COURSE_LANG=lang, **({private_keys.VARIABLE: str(keys)} if keys else {}))
    return subprocess.run([sys.executable, "-m", "exercises", *args], cwd=copy, env=env, capture_output=True,
                          text=True, timeout=600)


DUMP = ("import json; from exercises.specs import load_banks; print(json.dumps({n: [{k: v for k, v in e.items() "
        "if k not in ('key', 'page_order')} for e in b.exercises] for n, b in load_banks().items()}, sort_keys=True))")


def _banks(copy: Path, keys: Path | None, lang: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != private_keys.VARIABLE}
    env.update(PYTHONPATH=str(copy), COURSE_LANG=lang, **({private_keys.VARIABLE: str(keys)} if keys else {}))
    done = subprocess.run([sys.executable, "-c", DUMP], cwd=copy, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """A copy of the repository's files (as git tracks them), a hand-in marked before the
    export, then the export into a keys file beside (not inside) the copy."""
    base = tmp_path_factory.mktemp("private-keys")
    copy = base / "course"
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, tracked.decode().split("\0")):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    rng = random.Random(7)
    from exercises.handin import exercises
    answers = {e.ref: sample_answer(e.spec, rng) for e in exercises().values() if e.spec.get("graded")}
    submissions = base / "submissions"
    submissions.mkdir()
    (submissions / "answers.json").write_text(json.dumps(hand_in({"name": "Aiko Sato", "id": "s1"}, answers)))
    before = _course(copy, "marks", str(submissions), "--out", str(base / "marks-public"))
    assert before.returncode == 0, before.stderr
    keys = base / "keys" / "course-keys.yml"
    done = _course(copy, "keys", "export", str(keys))
    assert done.returncode == 0, done.stderr
    return copy, keys, submissions, base


def test_export_leaves_no_graded_answer_in_the_repository(exported):
    copy, keys, _, _ = exported
    text = files_text(copy, skip=lambda path: "__pycache__" in path.parts)
    leaks = [f"{ref}: {n!r}" for ref, found in graded_needles().items() for n in found if n in text]
    assert not leaks, "graded answers left in the repository:\n" + "\n".join(leaks)
    assert all(n in files_text(keys.parent) for found in graded_needles().values() for n in found)
    assert stat.S_IMODE(keys.stat().st_mode) == 0o600
    banks = {name: yaml.safe_load((copy / "exercises" / "banks" / f"{name}.yml").read_text()) for name in load_banks()}
    assert sum(1 for b in banks.values() for ex in b["exercises"] if ex.get("key") == "private") == len(graded_needles())


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_banks_read_with_the_keys_file_equal_the_originals(exported, lang):
    copy, keys, _, _ = exported
    assert _banks(copy, keys, lang) == _banks(ROOT, None, lang)


def test_marks_are_the_same_in_both_modes_and_need_the_keys(exported):
    copy, keys, submissions, base = exported
    refused = _course(copy, "marks", str(submissions), "--out", str(base / "marks-no-keys"))
    assert refused.returncode == 1 and "key: private" in refused.stderr and "KEYS=FILE" in refused.stderr
    assert not (base / "marks-no-keys").exists()
    done = _course(copy, "--keys", str(keys), "marks", str(submissions), "--out", str(base / "marks-private"))
    assert done.returncode == 0, done.stderr
    for name in ("scores.csv", "gradebook-moodle.csv", "gradebook-canvas.csv", "marking-sheet.csv"):
        assert (base / "marks-private" / name).read_bytes() == (base / "marks-public" / name).read_bytes(), name


def test_commands_that_need_a_key_refuse_without_the_file(exported):
    copy, keys, _, base = exported
    for args in (["lms", "--out", str(base / "lms")], ["book", "--edition", "instructor"]):
        done = _course(copy, *args)
        assert done.returncode == 1, args
        assert "keep their answer keys out of the repository" in done.stderr
        assert "authoring-guide/summit-year-graded" in done.stderr
    assert _course(copy, "keys", "check", str(keys)).returncode == 0
    assert _course(copy, "--keys", str(keys), "lms", "--out", str(base / "lms")).returncode == 0
    # the student edition needs none: the public banks validate as they are
    assert _course(copy, "validate").returncode == 0


ROOM = ("import json; from exercises.room.questions import left_out, room_questions; "
        "q = {x['qid']: x for x in room_questions('foundations')[1]}; "
        "print(json.dumps([left_out('foundations'), 'foundations/common-lesson' in q, "
        "q.get('foundations/common-lesson', {}).get('correct'), 'foundations/lessons-reflection' in q]))")


def test_a_room_leaves_out_the_polls_whose_keys_it_lacks_and_says_so(exported):
    copy, keys, _, _ = exported
    env = {k: v for k, v in os.environ.items() if k != private_keys.VARIABLE}

    def run(course: Path, **extra) -> list:
        done = subprocess.run([sys.executable, "-c", ROOM], cwd=course, check=True, text=True, capture_output=True,
                              env={**env, "PYTHONPATH": str(course), **extra})
        return json.loads(done.stdout)
    public = run(ROOT)
    assert public[0] == [] and public[1] and public[3]
    assert run(copy) == [["foundations/common-lesson"], False, None, True]  # the reflection stays: it needs no key
    assert run(copy, **{private_keys.VARIABLE: str(keys)}) == [[], True, public[2], True]


def test_export_refuses_a_file_inside_the_repository_and_a_second_export_of_the_same_keys(exported, tmp_path):
    copy, keys, _, _ = exported
    inside = _course(copy, "keys", "export", str(copy / "keys.yml"))
    assert inside.returncode == 1 and "inside the course's repository" in inside.stderr
    assert not (copy / "keys.yml").exists()
    before = keys.read_bytes()
    again = _course(copy, "keys", "export", str(keys))  # nothing left to move: the file is left as it was
    assert again.returncode == 0 and "0 graded exercises" in again.stdout
    assert keys.read_bytes() == before
