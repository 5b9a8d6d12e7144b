"""How the malformed and hostile hand-in files in ``files/`` were made (kept for review; the
files themselves are the corpus). ``expected.yml`` says how each must be refused.

Run from anywhere: python tests/hostile/handin/make_fixtures.py. Paths are relative to this
file. The hand-ins that must still be marked beside them, and the few hostile cases that
depend on the exercises' current versions or are too large to keep (a file over the size
limit, a symbolic link), are made by tests/unit/test_marks.py in a temporary folder."""
import json
from pathlib import Path

FILES = Path(__file__).resolve().parent / "files"
FILES.mkdir(exist_ok=True)
VERSION = "0123456789abcdef"


def good(**changes):
    data = {"format": "course-answers", "version": 1, "course": "preventing-genocide", "scope": "course",
            "learner": {"name": "Fixture Learner", "id": "f0001"}, "saved": "2026-12-01T10:00:00Z",
            "answers": [{"exercise": "foundations/no-such-exercise", "version": VERSION, "answer": 1}]}
    data.update(changes)
    return data


def write(name, data):
    (FILES / name).write_text(json.dumps(data, indent=1) if not isinstance(data, str) else data, encoding="utf-8")


write("not-json.json", "{this is not json")
write("empty.json", "")
write("truncated.json", json.dumps(good())[:-20])
(FILES / "latin-1.json").write_bytes(json.dumps(good(learner={"name": "X"})).replace("X", "Jos\u00e9").encode("latin-1"))
write("top-level-array.json", [good()])
write("wrong-format.json", good(format="moodle-export"))
write("no-format.json", {k: v for k, v in good().items() if k != "format"})
write("other-course.json", good(course="another-course-on-cooking"))
write("future-format-version.json", good(version=2))
write("no-learner.json", good(learner={}))
write("blank-learner.json", good(learner={"name": "   ", "id": ""}))
write("extra-field.json", {**good(), "grade": 100})
write("path-in-exercise.json", good(answers=[{"exercise": "../../etc/passwd", "version": VERSION, "answer": 1}]))
write("bad-version-field.json", good(answers=[{"exercise": "foundations/convention-intent", "version": "v1",
                                              "answer": 1}]))
write("nan-answer.json", json.dumps(good()).replace('"answer": 1', '"answer": NaN'))
write("infinity-answer.json", json.dumps(good()).replace('"answer": 1', '"answer": -Infinity'))
write("duplicate-key.json", json.dumps(good()).replace('"course": "preventing-genocide"',
                                                       '"course": "preventing-genocide", "course": "other"'))
write("duplicate-answer.json", good(answers=[{"exercise": "foundations/convention-intent", "version": VERSION,
                                              "answer": 1}] * 2))
write("deep-nesting.json", "[" * 100000 + "]" * 100000)
write("prototype-answer.json", good(answers=[{"exercise": "foundations/convention-intent", "version": VERSION,
                                              "answer": {"__proto__": {"admin": True}}}]))
write("huge-text-answer.json", good(answers=[{"exercise": "foundations/convention-intent", "version": VERSION,
                                              "answer": "word " * 12000}]))
write("boolean-answer.json", good(answers=[{"exercise": "foundations/convention-intent", "version": VERSION,
                                            "answer": True}]))
write("bad-date.json", good(saved="yesterday afternoon"))
write("answers-not-a-list.json", good(answers={"foundations/convention-intent": 1}))
write("too-many-answers.json", good(answers=[{"exercise": f"foundations/q{i}", "version": VERSION, "answer": 1}
                                             for i in range(2001)]))
write("formula-in-course.json", good(course="=HYPERLINK(\"http://evil.example\",\"click\")"))
(FILES / "onlinetext.html").write_text("<p>My answers are in the attached file.</p>", encoding="utf-8")
(FILES / "answers.txt").write_text(json.dumps(good()), encoding="utf-8")
# readable files whose answers cannot be counted (the file is marked, the answer listed)
write("unknown-exercise.json", good(learner={"id": "f0002"}))
write("changed-exercise.json", good(learner={"id": "f0003"}, answers=[
    {"exercise": "foundations/convention-intent", "version": VERSION, "answer": 0}]))
