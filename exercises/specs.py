"""Load exercise banks from YAML and validate them, with errors naming file, line, field.

A bank is one YAML file in ``exercises/banks/``::

    bank: how-to-use            # must equal the file name without .yml
    title: How to use this course
    exercises:
      - id: genocide-convention-year
        type: single_choice
        ...

Every exercise is validated against the JSON Schema published in
``exercises/schema/exercise.schema.json``. Any problem raises :class:`SpecError`,
whose message reads ``<file>, line <n>, field <path>: <what is wrong>``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

PACKAGE_DIR = Path(__file__).resolve().parent
BANKS_DIR = PACKAGE_DIR / "banks"
SCHEMA_PATH = PACKAGE_DIR / "schema" / "exercise.schema.json"


class SpecError(ValueError):
    """A malformed exercise spec: names the file, the line and the field."""

    def __init__(self, file: Path | str, line: int | None, field: str, message: str):
        self.file, self.line, self.field, self.message = str(file), line, field, message
        where = f"{self.file}, line {line}" if line else self.file
        super().__init__(f"{where}, field {field or '(top level)'}: {message}")


@dataclass(frozen=True)
class Bank:
    name: str
    title: str
    path: Path
    exercises: tuple[dict, ...]

    def get(self, exercise_id: str) -> dict:
        for ex in self.exercises:
            if ex["id"] == exercise_id:
                return ex
        valid = ", ".join(ex["id"] for ex in self.exercises)
        raise KeyError(f"no exercise {exercise_id!r} in bank {self.name!r} ({self.path}); "
                       f"valid ids: {valid}")


def _line_map(node: yaml.Node, path: tuple = (), out: dict | None = None) -> dict:
    """Map every path in a composed YAML document to its 1-based line number."""
    out = {} if out is None else out
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _line_map(value_node, path + (key_node.value,), out)
            out[path + (key_node.value,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _line_map(item, path + (i,), out)
    return out


def _field_name(path) -> str:
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _line_for(lines: dict, path: tuple) -> int | None:
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def parse_bank(text: str, path: Path | str) -> Bank:
    """Parse and validate the YAML text of one bank (``path`` is used in errors)."""
    path = Path(path)
    try:
        data = yaml.safe_load(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise SpecError(path, mark.line + 1 if mark else None, "",
                        f"not valid YAML: {getattr(err, 'problem', err)}") from None
    lines = _line_map(node) if node is not None else {}

    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if errors:
        err = _most_specific(errors)
        field_path = tuple(err.absolute_path)
        raise SpecError(path, _line_for(lines, field_path), _field_name(field_path), err.message)

    if data["bank"] != path.stem:
        raise SpecError(path, _line_for(lines, ("bank",)), "bank",
                        f"bank name {data['bank']!r} must match the file name {path.stem!r}")
    seen: dict[str, int] = {}
    for i, ex in enumerate(data["exercises"]):
        if ex["id"] in seen:
            raise SpecError(path, _line_for(lines, ("exercises", i, "id")), f"exercises[{i}].id",
                            f"duplicate id {ex['id']!r} (first used by exercises[{seen[ex['id']]}])")
        seen[ex["id"]] = i
        _check_semantics(ex, path, lines, ("exercises", i))
    return Bank(data["bank"], data["title"], path, tuple(data["exercises"]))


def _most_specific(errors):
    """The deepest error; for a failed if/then, the error inside the 'then' branch."""
    best = errors[-1]
    while best.context:
        best = max(best.context, key=lambda e: len(e.absolute_path))
    return best


def _check_semantics(ex: dict, path: Path, lines: dict, at: tuple) -> None:
    """Rules JSON Schema cannot express."""
    if ex["type"] == "single_choice":
        n_correct = sum(1 for opt in ex["options"] if opt.get("correct"))
        if n_correct != 1:
            raise SpecError(path, _line_for(lines, at + ("options",)), _field_name(at + ("options",)),
                            f"a single_choice exercise needs exactly one correct option, found {n_correct}")


def load_bank(path: Path | str) -> Bank:
    path = Path(path)
    return parse_bank(path.read_text(encoding="utf-8"), path)


def load_banks(directory: Path | str = BANKS_DIR) -> dict[str, Bank]:
    banks = {}
    for file in sorted(Path(directory).glob("*.yml")):
        bank = load_bank(file)
        banks[bank.name] = bank
    return banks


def find_exercise(ref: str, directory: Path | str = BANKS_DIR) -> dict:
    """Look up ``"bank/exercise-id"``; unknown names list the valid ones."""
    bank_name, sep, exercise_id = ref.partition("/")
    if not sep:
        raise KeyError(f"exercise reference {ref!r} must look like 'bank/exercise-id'")
    file = Path(directory) / f"{bank_name}.yml"
    if not file.exists():
        valid = ", ".join(sorted(p.stem for p in Path(directory).glob("*.yml")))
        raise KeyError(f"no exercise bank {bank_name!r} in {directory}; valid banks: {valid}")
    return load_bank(file).get(exercise_id)
