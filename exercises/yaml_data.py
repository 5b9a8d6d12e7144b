"""YAML files validated by a JSON Schema, with errors naming file, line and field.

Exercise banks, case boxes and module glossaries are all read this way.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema
import yaml


class SpecError(ValueError):
    """A malformed YAML file: names the file, the line and the field."""

    def __init__(self, file: Path | str, line: int | None, field: str, message: str):
        self.file, self.line, self.field, self.message = str(file), line, field, message
        where = f"{self.file}, line {line}" if line else self.file
        super().__init__(f"{where}, field {field or '(top level)'}: {message}")


def line_map(node: yaml.Node, path: tuple = (), out: dict | None = None) -> dict:
    """Map every path in a composed YAML document to its 1-based line number."""
    out = {} if out is None else out
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            line_map(value_node, (*path, key_node.value), out)
            out[(*path, key_node.value)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            line_map(item, (*path, i), out)
    return out


def field_name(path) -> str:
    """``("exercises", 0, "id")`` -> ``exercises[0].id``."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def line_for(lines: dict, path: tuple) -> int | None:
    """The line of ``path``, or of its nearest parent that has one."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)


def parse_yaml(text: str, path: Path | str) -> tuple[object, dict]:
    """Return (data, line map); a YAML syntax error becomes a SpecError."""
    try:
        data = yaml.safe_load(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise SpecError(path, mark.line + 1 if mark else None, "",
                        f"not valid YAML: {getattr(err, 'problem', err)}") from None
    return data, (line_map(node) if node is not None else {})


@cache
def validator(schema_path: Path) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(Path(schema_path).read_text(encoding="utf-8")))


def check_schema(data, lines: dict, path: Path | str, schema_path: Path) -> None:
    """Raise a SpecError for the most telling schema violation, if any."""
    errors = sorted(validator(Path(schema_path)).iter_errors(data),
                    key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if errors:
        err = errors[-1]
        while err.context:  # for a failed if/then, the error inside the 'then' branch
            err = max(err.context, key=lambda e: len(e.absolute_path))
        at = tuple(err.absolute_path)
        raise SpecError(path, line_for(lines, at), field_name(at), err.message)


def load_yaml(path: Path, schema_path: Path) -> tuple[object, dict]:
    """Read, parse and validate one file; return (data, line map)."""
    data, lines = parse_yaml(Path(path).read_text(encoding="utf-8"), path)
    check_schema(data, lines, path, schema_path)
    return data, lines


def load_by_id(item_id: str, directory: Path, schema_path: Path, kind: str) -> dict:
    """Load ``directory/<item_id>.yml``, whose ``id`` must equal its file name."""
    path = Path(directory) / f"{item_id}.yml"
    if not path.exists():
        valid = ", ".join(sorted(p.stem for p in Path(directory).glob("*.yml"))) or "(none)"
        raise KeyError(f"no {kind} {item_id!r} in {directory}; valid {kind}s: {valid}")
    data, lines = load_yaml(path, schema_path)
    if data["id"] != item_id:
        raise SpecError(path, line_for(lines, ("id",)), "id",
                        f"id {data['id']!r} must match the file name {item_id!r}")
    return data
