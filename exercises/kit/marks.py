"""Marks: a folder of hand-in files in, a marking sheet and gradebooks out.

    course marks SUBMISSIONS_FOLDER [--out _build/marks] [--deadline 2026-12-20T23:59+09:00]

The folder is what an instructor collects: a Moodle or Canvas assignment's "download all
submissions" (one sub-folder or file name per student), or files saved from e-mail. Every
``.json`` file in it, at any depth, is read as a hand-in (:mod:`exercises.handin`).

- Every auto-checkable answer is scored with :mod:`exercises.checking` (graded exercises
  included: the instructor's check); a multiple-select answer earns part marks
  (:func:`exercises.checking.multiple_select_score`).
- Reflections go to the **marking sheet** with their rubric, for marking by hand.
- Bad files never stop the run: each is reported by file name with its reason (not JSON,
  another course, over the size limit, a broken field...), and so is each answer that
  cannot be counted (an unknown exercise, a changed exercise, given after the deadline).
  When one learner handed in several files, the latest (by its ``saved`` time) counts and
  the others are listed.

Outputs (in ``--out``, replaced whole through :func:`exercises.kit.output.replacing`):

- ``scores.csv``: one row per learner and answer, with its score (0 to 1);
- ``marking-sheet.csv`` and ``marking-sheet.xlsx``: the reflections, the rubric, and empty
  Mark and Comment columns;
- ``gradebook-moodle.csv`` and ``gradebook-canvas.csv``: one column per module, the
  auto-marked points, in the column layouts of Moodle's and Canvas's grade import
  (described in :data:`GRADEBOOKS` and in the instructor guide);
- ``report.txt``: what was marked, and every file and answer that was not, with why.

Every text that comes from a hand-in reaches a spreadsheet through
:func:`exercises.escaping.spreadsheet_cell`, so ``=HYPERLINK(...)`` stays text.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .. import handin
from ..escaping import spreadsheet_cell
from ..paths import BUILD_DIR
from .output import replacing

OUT = BUILD_DIR / "marks"

# Every text this module writes into its output files ({name} placeholders), in one place.
TEXT = {
    "learner_id": "Student number",
    "learner_name": "Name",
    "file": "File",
    "exercise": "Exercise",
    "title": "Title",
    "type": "Type",
    "graded": "Graded",
    "score": "Score (0-1)",
    "status": "Status",
    "answer": "Answer",
    "words": "Words",
    "rubric": "Rubric",
    "mark": "Mark",
    "comment": "Comment",
    "yes": "yes",
    "no": "no",
    "sheet_reflections": "Reflections",
    "module_column": "{module} (auto-marked, out of {points})",
    "canvas_points_possible": "Points Possible",
    "rubric_criterion": "{criterion}: {levels}",
    "report_title": "Marks: {marked} hand-ins marked from {folder}",
    "report_outputs": "Written: {files}",
    "report_refused": "Files not marked ({count}):",
    "report_duplicates": "Earlier hand-ins by the same learner, not counted ({count}):",
    "report_answers": "Answers not counted ({count}):",
    "report_none": "  (none)",
    "report_line": "  {file}: {reason}",
    "symlink": "a symbolic link: not followed",
    "not_json": "not a .json file (a hand-in is the .json file the course site downloads)",
    "too_big": "the file is {size:,} bytes; the limit is {limit:,}",
    "unreadable": "cannot be read: {error}",
    "duplicate": "an earlier hand-in by the same learner ({who}); {kept} counts",
    "late": "{ref}: answered {when}, after the deadline {deadline}: not counted",
    "incomplete": "{ref}: the answer is not complete for this exercise: not counted",
    "no_id": "no student number in the file: match the learner by name ({name}) when importing",
}

# The gradebooks' column layouts, as the platforms' grade import documents them.
GRADEBOOKS = {
    # Moodle: Grades > Import > CSV file. A header row; "Identify user by": map the
    # "ID number" column to the user field "useridnumber"; each other column maps to a
    # grade item (or "new grade item"). Columns not mapped (Name) are ignored.
    "moodle": ["ID number", "Name"],
    # Canvas: Grades > Import. The columns of Canvas's own gradebook export: Student, ID,
    # SIS User ID, SIS Login ID, Section; then one column per assignment (a new name
    # creates an assignment). The second row, "Points Possible", gives each column's points.
    # As Canvas's importer reads them (canvas-lms app/models/gradebook_importer.rb; its rules
    # are mirrored in tests/unit/test_marks.py, canvas_gradebook_import).
    "canvas": ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"],
}


class MarksError(ValueError):
    """The submissions folder or an option cannot be used (nothing is written)."""


@dataclass
class Marked:
    """One learner's counted hand-in and the results of its answers."""
    file: str
    hand_in: handin.HandIn
    results: list[tuple[handin.Exercise, object, dict]] = field(default_factory=list)


@dataclass
class Summary:
    marked: list[Marked]
    refused: list[tuple[str, str]]
    duplicates: list[tuple[str, str]]
    problems: list[tuple[str, str]]
    out: Path | None = None


def _rel(path: Path, folder: Path) -> str:
    return path.relative_to(folder).as_posix()


def read_folder(folder: Path, deadline: datetime | None = None) -> Summary:
    """Read and score every hand-in in ``folder`` (nothing is written)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise MarksError(f"{folder} is not a folder of hand-ins (give the folder the submissions were saved in)")
    limit = handin.max_bytes()
    refused, read = [], []
    for path in sorted(folder.rglob("*")):
        name = _rel(path, folder)
        if path.is_symlink():
            refused.append((name, TEXT["symlink"]))
            continue
        if path.is_dir() or path.name.startswith("."):
            continue
        if path.suffix.lower() != ".json":
            refused.append((name, TEXT["not_json"]))
            continue
        try:
            size = path.stat().st_size
            if size > limit:
                refused.append((name, TEXT["too_big"].format(size=size, limit=limit)))
                continue
            read.append((name, handin.read(path.read_bytes())))
        except handin.HandInError as err:
            refused.append((name, str(err)))
        except OSError as err:
            refused.append((name, TEXT["unreadable"].format(error=err.strerror or err)))

    latest: dict[str, tuple[str, handin.HandIn]] = {}
    for name, h in read:
        if h.learner not in latest or (h.saved, name) > (latest[h.learner][1].saved, latest[h.learner][0]):
            latest[h.learner] = (name, h)
    duplicates = [(name, TEXT["duplicate"].format(who=h.learner_id or h.name, kept=latest[h.learner][0]))
                  for name, h in read if latest[h.learner][0] != name]

    exercises = handin.exercises()
    marked, problems = [], []
    for name, h in sorted(latest.values(), key=lambda item: item[0]):
        m = Marked(name, h)
        for a in h.answers:
            problem = handin.answer_problem(a)
            when = a.answered or h.saved
            if problem is None and deadline is not None and when > deadline:
                problem = TEXT["late"].format(ref=a.exercise, when=when.isoformat(), deadline=deadline.isoformat())
            if problem is None:
                entry = exercises[a.exercise]
                result = handin.score(entry, a.answer)
                if result["status"] == "invalid":
                    problem = TEXT["incomplete"].format(ref=a.exercise)
                else:
                    m.results.append((entry, a.answer, result))
            if problem:
                problems.append((name, problem))
        if not h.learner_id:
            problems.append((name, TEXT["no_id"].format(name=h.name)))
        marked.append(m)
    return Summary(marked, refused, duplicates, problems)


# ------------------------------------------------------------------ output tables

def _rubric_text(spec: dict) -> str:
    return "\n".join(TEXT["rubric_criterion"].format(
        criterion=c["criterion"], levels="; ".join(f"{lv['level']}: {lv['descriptor']}" for lv in c["levels"]))
        for c in spec.get("rubric", []))


def score_rows(summary: Summary) -> tuple[list[str], list[list]]:
    head = [TEXT[k] for k in ("learner_id", "learner_name", "file", "exercise", "title", "type", "graded",
                              "score", "status")]
    rows = [[m.hand_in.learner_id, m.hand_in.name, m.file, entry.ref, entry.title, entry.spec["type"],
             TEXT["yes"] if entry.spec.get("graded") else TEXT["no"],
             round(result["score"], 4) if entry.spec["type"] != "reflection" else "", result["status"]]
            for m in summary.marked for entry, _answer, result in m.results]
    return head, rows


def reflection_rows(summary: Summary) -> tuple[list[str], list[list]]:
    head = [TEXT[k] for k in ("learner_id", "learner_name", "file", "exercise", "title", "graded", "words",
                              "answer", "rubric", "mark", "comment")]
    rows = [[m.hand_in.learner_id, m.hand_in.name, m.file, entry.ref, entry.title,
             TEXT["yes"] if entry.spec.get("graded") else TEXT["no"], len(str(answer).split()), answer,
             _rubric_text(entry.spec), "", ""]
            for m in summary.marked for entry, answer, _result in m.results if entry.spec["type"] == "reflection"]
    return head, rows


def module_points(summary: Summary) -> tuple[list[tuple[str, str, int]], dict[int, dict[str, float]]]:
    """The modules in the gradebook (bank, title, points possible: its auto-checkable
    exercises) and each marked hand-in's points per module."""
    exercises = handin.exercises()
    banks: dict[str, tuple[str, int]] = {}
    for e in exercises.values():
        if e.spec["type"] != "reflection":
            title, n = banks.get(e.bank, (e.bank_title, 0))
            banks[e.bank] = (title, n + 1)
    used = {entry.bank for m in summary.marked for entry, _a, _r in m.results if entry.bank in banks}
    modules = [(bank, title, n) for bank, (title, n) in banks.items() if bank in used]
    points = {}
    for i, m in enumerate(summary.marked):
        got = {bank: 0.0 for bank, _t, _n in modules}
        for entry, _answer, result in m.results:
            if entry.bank in got and entry.spec["type"] != "reflection":
                got[entry.bank] += result["score"]
        points[i] = got
    return modules, points


def _number(value: float) -> str:
    return f"{round(value, 2):g}"


def gradebook_rows(summary: Summary, platform: str) -> tuple[list[str], list[list]]:
    modules, points = module_points(summary)
    columns = [TEXT["module_column"].format(module=title, points=n) for _b, title, n in modules]
    head = GRADEBOOKS[platform] + columns
    rows = []
    if platform == "canvas":
        rows.append([TEXT["canvas_points_possible"], "", "", "", ""] + [str(n) for _b, _t, n in modules])
    for i, m in enumerate(summary.marked):
        who = [m.hand_in.learner_id, m.hand_in.name] if platform == "moodle" else \
              [m.hand_in.name, "", m.hand_in.learner_id, "", ""]
        rows.append(who + [_number(points[i][bank]) for bank, _t, _n in modules])
    return head, rows


def csv_text(head: list[str], rows: list[list]) -> str:
    """CSV with every text cell escaped for spreadsheets (numbers stay numbers)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([spreadsheet_cell(h) for h in head])
    for row in rows:
        writer.writerow([v if isinstance(v, (int, float)) else spreadsheet_cell(v) for v in row])
    return buffer.getvalue()


def write_xlsx(path: Path, sheets: list[tuple[str, list[str], list[list]]]) -> None:
    """An XLSX workbook (openpyxl, write-only: fast for many rows); every text cell is
    stored as a string, never a formula, and defused as in the CSV."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    book = Workbook(write_only=True)
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for title, head, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.freeze_panes = "A2"

        def cells(row, header=False, sheet=sheet):
            out = []
            for value in row:
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell = WriteOnlyCell(sheet, value=value)
                else:
                    cell = WriteOnlyCell(sheet, value=spreadsheet_cell(value))
                    cell.data_type = "s"  # a string, even where it starts with "="
                    cell.alignment = wrap
                if header:
                    cell.font = bold
                out.append(cell)
            return out

        sheet.append(cells(head, header=True))
        for row in rows:
            sheet.append(cells(row))
    book.save(path)


def _one_line(text) -> str:
    """Text from a hand-in (a name, a file name) on one line of the report: a line break
    in it cannot forge another entry."""
    return " ".join(str(text).split())


def report_text(summary: Summary, folder: Path, files: list[str]) -> str:
    def block(title: str, items: list[tuple[str, str]]) -> list[str]:
        lines = [TEXT[title].format(count=len(items))]
        lines += [TEXT["report_line"].format(file=_one_line(f), reason=_one_line(r)) for f, r in items] \
            or [TEXT["report_none"]]
        return [*lines, ""]
    return "\n".join([TEXT["report_title"].format(marked=len(summary.marked), folder=folder),
                      TEXT["report_outputs"].format(files=", ".join(files)), "",
                      *block("report_refused", summary.refused), *block("report_duplicates", summary.duplicates),
                      *block("report_answers", summary.problems)])


def mark(folder: Path, out: Path = OUT, deadline: datetime | None = None) -> Summary:
    """Mark every hand-in in ``folder`` and write the outputs into ``out``."""
    if Path(out).absolute().resolve().is_relative_to(Path(folder).absolute().resolve()):
        raise MarksError(f"the output folder {out} is inside the submissions folder {folder}: give another --out")
    from ..handin import exercises
    from ..private_keys import require
    for ref, entry in exercises().items():  # keys kept out of the repository must be given
        require(entry.spec, ref)
    summary = read_folder(folder, deadline)
    with replacing(out, "marks") as tmp:
        tmp = Path(tmp)
        scores, reflections = score_rows(summary), reflection_rows(summary)
        (tmp / "scores.csv").write_text(csv_text(*scores), encoding="utf-8-sig", newline="")
        (tmp / "marking-sheet.csv").write_text(csv_text(*reflections), encoding="utf-8-sig", newline="")
        write_xlsx(tmp / "marking-sheet.xlsx", [(TEXT["sheet_reflections"], *reflections)])
        for platform in GRADEBOOKS:
            (tmp / f"gradebook-{platform}.csv").write_text(csv_text(*gradebook_rows(summary, platform)),
                                                           encoding="utf-8-sig", newline="")
        files = [*sorted(p.name for p in tmp.iterdir() if not p.name.startswith(".")), "report.txt"]
        (tmp / "report.txt").write_text(report_text(summary, folder, files), encoding="utf-8")
    summary.out = Path(out)
    return summary
