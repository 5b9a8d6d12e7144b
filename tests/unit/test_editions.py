"""Student and instructor editions: graded exercises send no answer to the browser, every
exercise has an answer key, rubrics are validated, teaching notes are stripped, and the
edition switch refuses unknown values."""
from __future__ import annotations

import re
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest

from exercises import edition
from exercises.answer_key import answer_key_html, sound_choices
from exercises.site.execution_inputs import inputs_digest
from exercises.markdown import to_html, to_inline_html
from exercises.specs import SpecError, load_banks, parse_bank
from exercises.tables import expected_value, factor_names, format_number
from exercises.site.teaching_note import notes_in, strip_notes
from exercises.widgets import ExerciseWidget
from exercises.widgets.client import client_spec, graded_order

ROOT = Path(__file__).resolve().parents[2]
BANKS = load_banks()
ALL = [(f"{name}/{ex['id']}", ex) for name, bank in BANKS.items() for ex in bank.exercises]
TYPES = sorted({ex["type"] for _, ex in ALL})
# Client-spec keys that carry an answer or feedback revealing it.
ANSWER_KEYS = {"correct", "feedback_html", "explanation_html", "hint_html", "expected", "expected_text",
               "tolerance", "category", "reference", "reasoning_html", "consequence_html", "debrief_html",
               "sound", "model_answer_html", "answer_key_html"}


def keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys(v)}
    return set()


def strings(value) -> str:
    """Every string in a client spec, joined (JSON would escape quotes and newlines)."""
    if isinstance(value, dict):
        return "\x00".join(strings(v) for v in value.values())
    if isinstance(value, list):
        return "\x00".join(strings(v) for v in value)
    return value if isinstance(value, str) else ""


def answer_texts(spec: dict) -> list[str]:
    """Text (as rendered HTML) that reveals the answer and is not part of the question."""
    md = [spec.get(k) for k in ("explanation", "hint", "model_answer")]
    md += [o["feedback"] for o in spec.get("options", [])]
    md += [i["feedback"] for i in spec.get("items", []) if "feedback" in i]
    md += [f["reasoning"] for f in spec.get("factors", [])]
    for node in spec.get("nodes", []):
        md += [c["consequence"] for c in node.get("choices", [])]
        md += [node["debrief"], node["text"]] if "debrief" in node else []
    for q in spec.get("questions", []):
        md += [q.get("explanation"), q.get("hint")] + [o["feedback"] for o in q.get("options", [])]
    return [to_html(text) for text in md if text]


def first_of_each_type() -> list[tuple[str, dict]]:
    seen = {}
    for ref, ex in ALL:
        seen.setdefault(ex["type"], (ref, ex))
    return [seen[t] for t in TYPES]


def test_banks_cover_every_type():
    assert len(TYPES) == 9


@pytest.mark.parametrize("ref, spec", first_of_each_type(), ids=TYPES)
def test_graded_client_spec_holds_no_answer(ref, spec):
    graded = client_spec({**spec, "graded": True}, ref, "student")
    assert graded["graded"] is True
    assert not keys(graded) & ANSWER_KEYS, keys(graded) & ANSWER_KEYS
    text = strings(graded)
    texts = answer_texts(spec)
    assert texts, "the spec has answer text to hide"
    for html in texts:
        assert html not in text
    if spec["type"] == "reflection":
        assert "rubric" not in text
    # the same spec ungraded still carries its answers
    ungraded = client_spec({**spec, "graded": False}, ref, "student")
    assert keys(ungraded) & ANSWER_KEYS
    assert any(html in strings(ungraded) for html in texts)


def test_graded_ordering_lists_items_out_of_order_and_python_still_checks():
    ref, spec = next((r, e) for r, e in ALL if e["type"] == "ordering")
    spec = {**spec, "graded": True}
    client = client_spec(spec, ref, "student")
    right = [to_inline_html(i["text"]) for i in spec["items"]]
    shown = [i["html"] for i in client["items"]]
    assert sorted(shown) == sorted(right) and shown != right
    assert client["start"] == list(range(len(right)))
    widget = ExerciseWidget(spec, ref)
    page = graded_order(spec, ref)  # page position -> spec index
    in_right_order = [page.index(i) for i in range(len(right))]
    assert widget.submit(in_right_order)["status"] == "correct"
    assert widget.submit(list(range(len(right))))["status"] == "incorrect"


def test_instructor_edition_adds_the_answer_key_and_student_edition_never_does():
    for ref, spec in first_of_each_type():
        assert "answer_key_html" not in client_spec(spec, ref, "student")
        assert client_spec(spec, ref, "instructor")["answer_key_html"] == answer_key_html(spec)


def test_exercise_widget_follows_course_edition(monkeypatch):
    ref, spec = ALL[0]
    monkeypatch.setenv("COURSE_EDITION", "instructor")
    assert "answer_key_html" in ExerciseWidget(spec, ref).spec
    monkeypatch.delenv("COURSE_EDITION")
    assert "answer_key_html" not in ExerciseWidget(spec, ref).spec


def test_module_banks_have_graded_exercises_and_every_page_an_ungraded_one():
    shows: dict[str, list[str]] = {}
    for page in (ROOT / "book").rglob("*.md"):
        for ref in re.findall(r'show\("([^"]+)"\)', page.read_text(encoding="utf-8")):
            shows.setdefault(str(page.relative_to(ROOT)), []).append(ref)
    graded = {ref for ref, ex in ALL if ex.get("graded")}
    for name in BANKS:
        if name in ("how-to-use", "authoring-guide"):
            continue
        count = sum(ref.startswith(name + "/") for ref in graded)
        assert 1 <= count <= 2, f"{name}: {count} graded exercises"
    for page, refs in shows.items():
        assert any(ref not in graded for ref in refs), f"{page} shows only graded exercises"


# ------------------------------------------------------------------ answer keys

def expected_strings(spec: dict) -> list[str]:
    """What the answer key of ``spec`` must contain (rendered as the key renders it)."""
    kind = spec["type"]
    if kind in ("single_choice", "multiple_select"):
        return [to_inline_html(o["text"]) for o in spec["options"] if o.get("correct")]
    if kind == "numeric":
        return [format_number(expected_value(spec), spec.get("decimals", 0))]
    if kind == "ordering":
        return ["<ol>" + "".join(f"<li>{to_inline_html(i['text'])}</li>" for i in spec["items"]) + "</ol>"]
    if kind == "categorize":
        return [f"{to_inline_html(i['text'])} &rarr; <strong>{i['category']}</strong>" for i in spec["items"]]
    if kind == "risk_assessment":
        return [f"<strong>{name}</strong>: reference rating <strong>{f['reference']}</strong>"
                for f, name in zip(spec["factors"], factor_names(spec), strict=True)] + \
               [to_html(f["reasoning"]) for f in spec["factors"]]
    if kind == "decision":
        best = sound_choices(spec)
        out = [to_html(n["debrief"]) for n in spec["nodes"] if "debrief" in n]
        return out + [f"<strong>Best:</strong> {to_inline_html(c['text'])}" for n in spec["nodes"]
                      for c, ok in zip(n.get("choices", []), best.get(n["id"], []), strict=False) if ok]
    if kind == "data_explorer":
        data = {k: spec[k] for k in ("data", "dataset", "where") if k in spec}
        return [to_inline_html(o["text"]) for q in spec["questions"] for o in q.get("options", []) if o.get("correct")] + \
               [format_number(expected_value({**data, **q}), q.get("decimals", 0))
                for q in spec["questions"] if q["type"] == "numeric"]
    if kind == "reflection":
        out = [to_html(spec["model_answer"])]
        return out + [escape(c["criterion"], quote=False) for c in spec.get("rubric", [])]
    raise AssertionError(kind)


@pytest.mark.parametrize("ref, spec", ALL, ids=[ref for ref, _ in ALL])
def test_answer_key_of_every_exercise_holds_its_answer(ref, spec):
    key = answer_key_html(spec)
    assert key.startswith('<div class="cx-key-body"')
    for text in expected_strings(spec):
        assert text in key, f"{ref}: {text[:80]!r} missing"


def test_decision_key_marks_a_best_choice_at_every_step():
    for ref, spec in ALL:
        if spec["type"] == "decision":
            best = sound_choices(spec)
            reachable_first = best[spec["start"]]
            assert any(reachable_first), ref


def test_every_reflection_has_a_rubric_of_three_or_four_criteria():
    for ref, spec in ALL:
        if spec["type"] == "reflection":
            assert 3 <= len(spec.get("rubric", [])) <= 4, ref


# ------------------------------------------------------------------ rubric schema

REFLECTION = """\
bank: demo
title: Demo
exercises:
  - id: r1
    type: reflection
    prompt: Why?
    model_answer: Because.
    rubric:
      - criterion: Reasons
        levels:
          - level: Strong
            descriptor: Gives reasons.
          - level: Not yet
            descriptor: Gives none.
"""


def test_a_valid_rubric_loads():
    assert parse_bank(REFLECTION, Path("banks/demo.yml")).exercises[0]["rubric"][0]["criterion"] == "Reasons"


@pytest.mark.parametrize("broken, line, field", [
    (REFLECTION.replace("            descriptor: Gives none.\n", ""), 13, "exercises[0].rubric[0].levels[1]"),
    (REFLECTION.replace("      - criterion: Reasons\n", "      - criterion: [Reasons]\n"), 9,
     "exercises[0].rubric[0].criterion"),
    (REFLECTION.replace("          - level: Not yet\n            descriptor: Gives none.\n", ""), 10,
     "exercises[0].rubric[0].levels"),
    (REFLECTION.replace("            descriptor: Gives reasons.",
                        "            descriptor: Gives reasons.\n            points: 3"),
     11, "exercises[0].rubric[0].levels[0]"),
])
def test_rubric_errors_name_file_line_and_field(broken, line, field):
    with pytest.raises(SpecError) as caught:
        parse_bank(broken, Path("banks/demo.yml"))
    err = caught.value
    assert err.file.endswith("demo.yml")
    assert (err.line, err.field) == (line, field), str(err)


def test_rubric_only_on_reflections():
    broken = """\
bank: demo
title: Demo
exercises:
  - id: q1
    type: single_choice
    prompt: Which?
    rubric: []
    options:
      - text: A
        correct: true
        feedback: Yes.
      - text: B
        feedback: No.
"""
    with pytest.raises(SpecError) as caught:
        parse_bank(broken, Path("banks/demo.yml"))
    assert caught.value.field.startswith("exercises[0]")


# ------------------------------------------------------------------ the edition switch

def test_unknown_edition_is_refused_clearly(monkeypatch):
    monkeypatch.setenv("COURSE_EDITION", "bad")
    with pytest.raises(edition.EditionError, match=r"COURSE_EDITION='bad'.*student, instructor"):
        edition.current()
    with pytest.raises(edition.EditionError):
        client_spec(ALL[0][1], ALL[0][0])
    from sphinx.errors import ConfigError
    with pytest.raises(ConfigError, match="not an edition"):
        edition.setup_sphinx(None)
    proc = subprocess.run([sys.executable, "-c", "import sys, exercises.edition as e; sys.exit(e.main())"],
                          capture_output=True, text=True, env={"COURSE_EDITION": "bad", "PATH": ""}, cwd=ROOT)
    assert proc.returncode == 2 and proc.stderr.startswith("error: COURSE_EDITION='bad'")


def test_default_edition_is_student(monkeypatch):
    monkeypatch.delenv("COURSE_EDITION", raising=False)
    assert edition.current() == "student"
    monkeypatch.setenv("COURSE_EDITION", "instructor")
    assert edition.current() == "instructor"


def test_make_book_checks_the_edition_before_building(monkeypatch, capsys):
    """`make book EDITION=...` runs `course book`: a bad edition stops it before anything is
    built; the instructor edition builds into _build/instructor with COURSE_EDITION set."""
    lines = subprocess.run(["make", "-n", "book", "EDITION=instructor"], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.splitlines()
    assert any(line.startswith("COURSE_EDITION=instructor ") and "-m exercises book" in line for line in lines)
    from exercises.__main__ import main
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda cmd, **kw: calls.append((cmd, kw)) or subprocess.CompletedProcess(cmd, 0))
    assert main(["book", "--edition", "teacher"]) == 2 and not calls
    assert "not an edition" in capsys.readouterr().err
    monkeypatch.setenv("COURSE_EDITION", "instructor")
    assert main(["book"]) == 0
    (cmd, kw), = calls
    assert cmd[1:3] == ["build", str(ROOT)] and "-W" in cmd and "--path-output" in cmd
    assert cmd[cmd.index("--path-output") + 1] == str(ROOT / "_build" / "instructor")
    assert kw["env"]["COURSE_EDITION"] == "instructor"
    assert "_build/instructor/_build/html/index.html" in capsys.readouterr().out


def test_execution_cache_digest_depends_on_the_edition():
    assert inputs_digest(edition_name="student") != inputs_digest(edition_name="instructor")


# ------------------------------------------------------------------ teaching notes

PAGE = """# Title

Text before.

```{teaching-note} Timing
Secret timing advice.
```

::::{teaching-note}
Colon-fenced secret.
::::

````{teaching-note}
Outer secret.
```python
code inside
```
````

```{note}
A note for everyone.
```
Text after.
"""


def test_strip_notes_removes_every_teaching_note_and_nothing_else():
    assert len(notes_in(PAGE)) == 3
    stripped = strip_notes(PAGE)
    for secret in ("Secret timing", "Colon-fenced", "Outer secret", "code inside"):
        assert secret not in stripped
    for kept in ("Text before.", "A note for everyone.", "Text after."):
        assert kept in stripped


def test_module_pages_have_teaching_notes():
    for index in sorted((ROOT / "book" / "modules").glob("*/index.md")):
        assert 2 <= len(notes_in(index.read_text(encoding="utf-8"))) <= 3, index
