"""Answer keys kept out of the repository: a graded exercise's key in a private file.

An open course's answer keys are public: every bank in ``exercises/banks/`` is one click
from the site's repository button. An instructor who marks graded work can keep the keys
of the graded exercises out of the repository instead:

    course keys export ~/private/course-keys.yml

moves the key of every graded exercise (see :data:`KEY_FIELDS`: which options are correct
and their feedback, a numeric answer, a ranking, a scenario's endings, a risk worksheet's
reference ratings, a reflection's model answer and rubric) from the banks into that file,
with their translations from ``locales/<lang>/data/exercises/banks/*.po``. The public
bank keeps the question and says ``key: private``; a graded ordering's items are written
in a random order there, the right order being part of the key.

The student edition builds from the public banks alone, and shows exactly what it showed
before (a graded exercise's page holds no key in either mode). Everything that needs the
keys (the instructor edition, ``course marks``, ``course lms``, the answer-key handouts)
reads the file named by ``COURSE_KEYS`` (``make ... KEYS=file``, ``course --keys file``),
merged into the banks as they load, and refuses to start without it.

The keys file is YAML, validated by ``exercises/schema/keys.schema.json``::

    format: course-answer-keys/1
    exercises:
      foundations/convention-intent:
        options:
          - {feedback: "No. The Convention sets no number..."}
          - {correct: true, feedback: "Yes. The special intent..."}
      ...
    translations:
      ja:
        "No. The Convention sets no number...": "いいえ。条約は人数を定めていません..."
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .yaml_data import SpecError, check_schema, field_name, line_for, max_file_bytes, parse_yaml, read_text

VARIABLE = "COURSE_KEYS"
FORMAT = "course-answer-keys/1"
MARKER = "private"  # an exercise's `key: private`
SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "keys.schema.json"


def _ending(node: dict) -> bool:
    """A scenario's ending: its text says how the path went, so it is part of the key."""
    return "choices" not in node


# The fields of each type that make its answer key, as a pattern of the spec: a field
# named with True is key as a whole; a dict pattern applies to a mapping's fields; a list
# pattern [P] to each item of a list; a function decides from the mapping that holds it.
# What is left is the question: everything a graded exercise's page needs
# (exercises/widgets/client.py), tested equal in both modes (tests/unit/test_private_keys.py).
_OPTION = {"correct": True, "feedback": True}
_NUMERIC = {"answer": True, "answer_from": True, "tolerance": True, "decimals": True,
            "explanation": True, "hint": True}
KEY_FIELDS: dict[str, dict] = {
    "single_choice": {"options": [_OPTION]},
    "multiple_select": {"options": [_OPTION]},
    "ordering": {"explanation": True},  # and the order of the items (:func:`split`)
    "categorize": {"items": [{"category": True, "feedback": True}], "explanation": True},
    "numeric": _NUMERIC,
    "data_explorer": {"questions": [{**_NUMERIC, "options": [_OPTION]}]},
    "risk_assessment": {"tolerance": True, "factors": [{"reference": True, "reasoning": True}]},
    "decision": {"nodes": [{"sound": True, "debrief": True, "text": _ending, "choices": [{"consequence": True}]}]},
    "reflection": {"model_answer": True, "rubric": True},
}


class KeysMissing(RuntimeError):
    """A graded exercise's key is kept out of the repository and no keys file was given."""


# ------------------------------------------------------------------ split and merge

_NONE = object()


def _split(value, pattern):
    """(question part, key part) of ``value`` under ``pattern``; _NONE where a part is empty."""
    if pattern is True:
        return _NONE, value
    if isinstance(pattern, list) and isinstance(value, list):
        parts = [_split(item, pattern[0]) for item in value]
        key = [{} if k is _NONE else k for _, k in parts]
        return [q for q, _ in parts], (key if any(key) else _NONE)
    if isinstance(pattern, dict) and isinstance(value, dict):
        question, key = {}, {}
        for name, item in value.items():
            rule = pattern.get(name)
            if callable(rule):
                rule = True if rule(value) else None
            if rule is None:
                question[name] = item
                continue
            q, k = _split(item, rule)
            if q is not _NONE:
                question[name] = q
            if k is not _NONE:
                key[name] = k
        return question, (key or _NONE)
    return value, _NONE


def key_of(spec: dict) -> dict:
    """The key fields ``spec`` holds (empty when it holds none), the order of an ordering aside."""
    _, key = _split(spec, KEY_FIELDS[spec["type"]])
    return {} if key is _NONE else key


def withheld(spec: dict) -> bool:
    """Whether ``spec`` is a graded exercise whose key is kept out and was not given."""
    return spec.get("key") == MARKER and not key_of(spec)


def split(spec: dict, rng: secrets.SystemRandom | None = None) -> tuple[dict, dict]:
    """(the question, marked ``key: private``; its key) of one graded exercise spec.

    An ordering's items are listed in a random order other than the right one, and its key
    gives the right order as ``order``: the positions of the listed items, first to last."""
    question, key = _split(spec, KEY_FIELDS[spec["type"]])
    key = {} if key is _NONE else key
    if spec["type"] == "ordering":
        n = len(spec["items"])
        listed = list(range(n))
        while n > 1 and listed == sorted(listed):
            (rng or secrets.SystemRandom()).shuffle(listed)
        question["items"] = [spec["items"][i] for i in listed]
        key["order"] = [listed.index(i) for i in range(n)]
    question = {**{k: v for k, v in question.items() if k != "key"}, "key": MARKER}
    return question, key


def _merge(question, key, where: tuple, fail):
    if isinstance(key, dict) and isinstance(question, dict):
        out = dict(question)
        for name, part in key.items():
            if name not in question:
                out[name] = part
            elif isinstance(part, (dict, list)):
                out[name] = _merge(question[name], part, (*where, name), fail)
            else:
                fail((*where, name), f"the bank already gives {field_name((name,))}: a kept-out key "
                                     "must not be in the bank too")
        return out
    if isinstance(key, list) and isinstance(question, list):
        if len(key) != len(question):
            fail(where, f"{len(key)} entries, but the bank's exercise has {len(question)} here: "
                        "make them match, in the same order")
        return [_merge(q, k, (*where, i), fail) for i, (q, k) in enumerate(zip(question, key, strict=True))]
    fail(where, "does not match the shape of the bank's exercise here")


def merge(question: dict, key: dict, fail) -> dict:
    """The whole exercise: its ``question`` from the bank with its ``key`` from the keys file.
    ``fail(path, message)`` reports a mismatch (path within the key). An ordering's items are
    put back in the right order, and ``page_order`` keeps the order the page lists them in."""
    key = dict(key)
    order = key.pop("order", None)
    spec = _merge(question, key, (), fail)
    if question["type"] == "ordering":
        n = len(question["items"])
        if order is None or sorted(order) != list(range(n)):
            fail(("order",), f"an ordering's key needs `order`: the positions 0 to {n - 1} of the bank's "
                             "items, each once, in the right order")
        spec["items"] = [question["items"][p] for p in order]
        spec["page_order"] = [order.index(p) for p in range(n)]
    return spec


# ------------------------------------------------------------------ the keys file

@dataclass(frozen=True)
class KeysFile:
    path: Path
    exercises: dict[str, dict]
    lines: dict = field(repr=False)
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

    def fail(self, ref: str, where: tuple, message: str):
        at = ("exercises", ref, *where)
        raise SpecError(self.path, line_for(self.lines, at), field_name(at), message)


def read(path: Path | str) -> KeysFile:
    """Read and validate a keys file (errors name its file, line and field)."""
    path = Path(path)
    data, lines = parse_yaml(read_text(path, max_file_bytes(SCHEMA_PATH)), path)
    check_schema(data, lines, path, SCHEMA_PATH)
    return KeysFile(path, data["exercises"], lines, data.get("translations", {}))


@cache
def _read_cached(path: str, mtime: float) -> KeysFile:
    return read(path)


def given() -> KeysFile | None:
    """The keys file ``COURSE_KEYS`` names, or None when it is unset."""
    name = os.environ.get(VARIABLE, "").strip()
    if not name:
        return None
    path = Path(name).expanduser().resolve()
    try:
        mtime = path.stat().st_mtime
    except OSError as err:
        raise SpecError(path, None, "", f"{VARIABLE} names a keys file that cannot be read: "
                                        f"{err.strerror or err}") from None
    return _read_cached(str(path), mtime)


def translations(lang: str) -> dict[str, str]:
    """The keys file's translations of its key texts into ``lang`` ({} without a keys file)."""
    keys = given()
    return keys.translations.get(lang, {}) if keys else {}


def apply(data, bank_path: Path, bank_lines: dict):
    """A parsed bank with the keys of its ``key: private`` exercises merged in from the keys
    file when one is given (each merged exercise then holds its whole spec). Such an
    exercise must hold no key field in the bank itself: that would publish its key."""
    if not isinstance(data, dict) or not isinstance(data.get("exercises"), list):
        return data
    keys = given()
    out = []
    for i, ex in enumerate(data["exercises"]):
        if not (isinstance(ex, dict) and ex.get("key") == MARKER and ex.get("type") in KEY_FIELDS):
            out.append(ex)
            continue
        at = ("exercises", i)
        for where in [*key_field_paths(ex), *([("page_order",)] if "page_order" in ex else [])]:
            raise SpecError(bank_path, line_for(bank_lines, (*at, *where)), field_name((*at, *where)),
                            "this exercise keeps its key out of the repository (key: private), so the bank "
                            "must not give this field: move it to the keys file (`course keys export`)")
        if keys is None:
            out.append(ex)
            continue
        ref = f"{data.get('bank')}/{ex.get('id')}"
        if ref not in keys.exercises:
            raise SpecError(bank_path, line_for(bank_lines, (*at, "key")), field_name((*at, "key")),
                            f"{ref} keeps its key out of the repository, but the keys file "
                            f"{keys.path} has no entry exercises.{ref}")
        out.append(merge(ex, keys.exercises[ref], lambda where, msg, ref=ref: keys.fail(ref, where, msg)))
    return {**data, "exercises": out}


def key_field_paths(spec: dict) -> list[tuple]:
    """The path of each outermost field of ``spec`` that is key as a whole (a field a
    ``key: private`` bank must not give, and the one ``course keys export`` removes)."""
    out = []

    def walk(value, pattern, at):
        if isinstance(pattern, list) and isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, pattern[0], (*at, i))
        elif isinstance(pattern, dict) and isinstance(value, dict):
            for name, item in value.items():
                rule = pattern.get(name)
                if callable(rule):
                    rule = True if rule(value) else None
                if rule is True:
                    out.append((*at, name))
                elif rule is not None:
                    walk(item, rule, (*at, name))
    walk(spec, KEY_FIELDS[spec["type"]], ())
    return out


def excuse(data):
    """For :func:`~exercises.yaml_data.check_schema`: a ``key: private`` exercise given
    without its key may lack its key fields (and only those)."""
    def excused(error) -> bool:
        path = tuple(error.absolute_path)
        if error.validator != "required" or len(path) < 2 or path[0] != "exercises":
            return False
        try:
            ex = data["exercises"][path[1]]
        except (KeyError, IndexError, TypeError):
            return False
        if not (isinstance(ex, dict) and ex.get("key") == MARKER and ex.get("type") in KEY_FIELDS):
            return False
        lacking = [name for name in error.validator_value if name not in error.instance]
        return bool(lacking) and all(is_key_field(ex, path[2:], name) for name in lacking)
    return excused


def require(spec: dict, ref: str) -> None:
    """Refuse, naming the exercise, when ``spec``'s key is kept out and no keys file was given."""
    if withheld(spec):
        raise KeysMissing(f"{ref}: its answer key is kept out of the repository (key: private); give the "
                          f"keys file with {VARIABLE}=FILE (make ... KEYS=FILE, or course --keys FILE)")


def require_all(banks: dict) -> None:
    """Refuse when any exercise of ``banks`` (name -> Bank) has its key kept out and not given."""
    missing = [f"{name}/{ex['id']}" for name, bank in banks.items() for ex in bank.exercises if withheld(ex)]
    if missing:
        raise KeysMissing(f"{len(missing)} graded exercise(s) keep their answer keys out of the repository "
                          f"(key: private): {', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''}. "
                          f"Give the keys file with {VARIABLE}=FILE (make ... KEYS=FILE, or course --keys FILE)")


def is_key_field(spec: dict, at: tuple, name: str) -> bool:
    """Whether field ``name`` of the mapping at path ``at`` within ``spec`` is a key field
    (so a ``key: private`` exercise may lack it)."""
    pattern = KEY_FIELDS.get(spec.get("type"), {})
    value = spec
    for part in at:
        if isinstance(pattern, list):
            pattern = pattern[0]
        elif isinstance(pattern, dict):
            pattern = pattern.get(part)
        if pattern is None or pattern is True or callable(pattern):
            return False
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return False
    if isinstance(pattern, list):
        pattern = pattern[0]
    rule = pattern.get(name) if isinstance(pattern, dict) else None
    return bool(rule(value) if callable(rule) else rule)
