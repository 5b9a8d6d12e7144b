"""Hand-in files: a learner's answers as one readable JSON file, and how it is read back.

The site's progress lists and the "My work" page download such a file (the browser
writes it; nothing is sent anywhere) and load it again on another device; an instructor
hands a folder of them to ``course marks`` (:mod:`exercises.kit.marks`). The published
JSON Schema is ``exercises/schema/handin.schema.json``::

    {"format": "course-answers", "version": 1, "course": "preventing-genocide",
     "scope": "foundations",                       # a module's bank, or "course"
     "learner": {"name": "Aiko Sato", "id": "s1234567"},
     "saved": "2026-12-03T12:00:00.000Z",
     "answers": [{"exercise": "foundations/convention-year", "version": "3f2a...",
                  "answer": 1, "answered": "2026-12-02T09:15:00.000Z"}]}

Each answer carries its exercise's **version**, :func:`fingerprint`: a hash of what the
student edition's page shows of the exercise (its client spec, which for a graded
exercise holds no answer, so the hash gives nothing away). Python computes it and the
page embeds it; an edit of the question changes it, so an answer given to the old
question is not marked against the new one.

:func:`read` checks one file as a whole (size, encoding, JSON, the course, the schema);
:func:`answer_problem` checks one answer against this course's exercises.
"""
from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, UTC

from .paths import SCHEMA_DIR
from .yaml_data import validator

FORMAT = "course-answers"
VERSION = 1
COURSE = "preventing-genocide"  # the course's hand-in id: a file of another course is refused
SCHEMA_PATH = SCHEMA_DIR / "handin.schema.json"


class HandInError(ValueError):
    """A hand-in file that cannot be read at all; the message says why."""


def max_bytes() -> int:
    """The size limit of a hand-in file (the schema's ``x-maxFileBytes``)."""
    return int(validator(SCHEMA_PATH).schema["x-maxFileBytes"])


def fingerprint(spec: dict, ref: str) -> str:
    """The version of exercise ``ref``: 16 hex digits of the SHA-256 of its student-edition
    client spec as canonical JSON (sorted keys, no spaces, UTF-8)."""
    from .widgets.client import client_spec
    text = json.dumps(client_spec(spec, ref, "student"), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Exercise:
    ref: str
    bank: str
    bank_title: str
    spec: dict
    version: str
    position: int  # its place in the course (bank order, then the bank's order)

    @property
    def title(self) -> str:
        return self.spec.get("title") or self.ref

    @functools.cached_property
    def marking_spec(self) -> dict:
        """The spec with what it reads from data computed once (a numeric question's
        ``answer_from`` as its ``answer``, a factor's ``name_from`` as its ``name``): the
        same checking, without loading a dataset for every answer marked."""
        from .tables import expected_value, factor_names
        spec = dict(self.spec)
        if spec["type"] == "numeric" and "answer" not in spec:
            spec["answer"] = expected_value(spec)
        elif spec["type"] == "risk_assessment":
            spec["factors"] = [{**{k: v for k, v in f.items() if k != "name_from"}, "name": name}
                               for f, name in zip(spec["factors"], factor_names(spec), strict=True)]
        elif spec["type"] == "data_explorer":
            data = {key: spec[key] for key in ("data", "dataset", "where") if key in spec}
            spec["questions"] = [{**q, "answer": expected_value({**data, **q})}
                                 if q["type"] == "numeric" and "answer" not in q else q for q in spec["questions"]]
        return spec


@functools.cache
def exercises() -> dict[str, Exercise]:
    """Every exercise of the course by ref, with its version."""
    from .specs import load_banks
    out: dict[str, Exercise] = {}
    for bank in load_banks().values():
        for ex in bank.exercises:
            ref = f"{bank.name}/{ex['id']}"
            out[ref] = Exercise(ref, bank.name, bank.title, ex, fingerprint(ex, ref), len(out))
    return out


@dataclass(frozen=True)
class Answer:
    exercise: str
    version: str
    answer: object
    answered: datetime | None


@dataclass(frozen=True)
class HandIn:
    name: str
    learner_id: str
    saved: datetime
    answers: tuple[Answer, ...]

    @property
    def learner(self) -> str:
        """Who handed it in, as one key: the id where given, else the name (case and spaces ignored)."""
        return " ".join((self.learner_id or self.name).split()).casefold()


def _no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise HandInError(f"the key {key!r} is given twice in one object")
        seen[key] = value
    return seen


def _no_constant(name):
    raise HandInError(f"{name} is not a number JSON allows")


def timestamp(text: str, where: str) -> datetime:
    """An ISO 8601 date and time (UTC when no zone is given)."""
    try:
        when = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        raise HandInError(f"{where}: {text!r} is not a date and time (ISO 8601, e.g. 2026-12-03T12:00:00Z)") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


@functools.cache
def _fast_check():
    """The schema compiled by fastjsonschema (the same schema; its draft-07 subset): about
    twenty times faster than jsonschema, which then explains a file that fails."""
    import fastjsonschema
    return fastjsonschema.compile({k: v for k, v in validator(SCHEMA_PATH).schema.items() if k != "$schema"})


def _schema_errors(data) -> list:
    import fastjsonschema
    try:
        _fast_check()(data)
        return []
    except fastjsonschema.JsonSchemaException:
        return sorted(validator(SCHEMA_PATH).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))


JSON_TYPES = {"dict": "object", "list": "array", "str": "string", "bool": "boolean", "int": "integer",
              "float": "number", "NoneType": "null"}


def _schema_message(err) -> str:
    """A schema violation in plain words, without echoing a long value back."""
    kind, value = err.validator, err.validator_value
    if kind == "maxLength":
        return f"{len(err.instance):,} characters; the limit is {value:,}"
    if kind == "maxItems":
        return f"{len(err.instance):,} entries; the limit is {value:,}"
    if kind == "oneOf" and err.path and err.path[-1] == "answer":
        inner = [e for e in err.context if e.validator in ("maxLength", "maxItems")]
        return _schema_message(inner[0]) if inner else \
            "not an answer this course stores (a number, a text, or a list of numbers)"
    if kind == "type":
        found = JSON_TYPES.get(type(err.instance).__name__, type(err.instance).__name__)
        return f"must be {' or '.join(value) if isinstance(value, list) else value}, not {found}"
    if kind == "const":
        return f"must be {value!r}"
    return err.message if len(err.message) <= 200 else err.message[:200] + "..."


def read(raw: bytes) -> HandIn:
    """A hand-in from the bytes of a file, or a HandInError saying why it cannot be read."""
    limit = max_bytes()
    if len(raw) > limit:
        raise HandInError(f"the file is {len(raw):,} bytes; the limit is {limit:,}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise HandInError(f"not UTF-8 text (byte {err.start + 1} cannot be read)") from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as err:
        raise HandInError(f"not valid JSON: {err.msg} at line {err.lineno}, column {err.colno}") from None
    except RecursionError:
        raise HandInError("not a hand-in file: nested too deeply") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise HandInError(f"not a hand-in file of answers (no \"format\": \"{FORMAT}\")")
    if data.get("course") != COURSE:
        raise HandInError(f"a file of another course ({str(data.get('course'))[:80]!r}); this course is {COURSE!r}")
    errors = _schema_errors(data)
    if errors:
        err = errors[0]
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path).lstrip(".")
        raise HandInError(f"field {where or '(the file)'}: {_schema_message(err)}")
    learner = data["learner"]
    name, learner_id = learner.get("name", "").strip(), learner.get("id", "").strip()
    if not name and not learner_id:
        raise HandInError("the file names no learner (give a name or a student number)")
    answers, seen = [], set()
    for i, item in enumerate(data["answers"]):
        if item["exercise"] in seen:
            raise HandInError(f"field answers[{i}]: exercise {item['exercise']!r} is answered twice")
        seen.add(item["exercise"])
        answered = item.get("answered")
        answers.append(Answer(item["exercise"], item["version"], item["answer"],
                              timestamp(answered, f"answers[{i}].answered") if answered else None))
    return HandIn(name, learner_id, timestamp(data["saved"], "saved"), tuple(answers))


def answer_problem(answer: Answer) -> str | None:
    """Why ``answer`` cannot be marked against this course's exercises, or None."""
    entry = exercises().get(answer.exercise)
    if entry is None:
        return f"{answer.exercise}: no such exercise in this course"
    if answer.version != entry.version:
        return (f"{answer.exercise}: the exercise has changed since it was answered "
                f"(version {answer.version}, now {entry.version})")
    return None


def source_answer(spec: dict, ref: str, answer):
    """An answer as the page stored it, in the spec's own indices (a graded ordering lists
    its items shuffled on the page, and the page stores positions in that list)."""
    if spec.get("graded") and spec["type"] == "ordering" and isinstance(answer, list):
        from .widgets.client import graded_order
        page = graded_order(spec, ref)
        return [page[i] if isinstance(i, int) and not isinstance(i, bool) and 0 <= i < len(page) else i
                for i in answer]
    return answer


def score(entry: Exercise, answer) -> dict:
    """Python's checking of one answer (graded exercises included): status, correct, score.
    Checking is a pure function of the exercise and the answer, so a class's many equal
    answers are checked once."""
    return _score(entry.ref, json.dumps(answer, sort_keys=True))


@functools.lru_cache(maxsize=100_000)
def _score(ref: str, answer_json: str) -> dict:
    from .checking import check
    entry = exercises()[ref]
    return check(entry.marking_spec, source_answer(entry.spec, entry.ref, json.loads(answer_json)))
