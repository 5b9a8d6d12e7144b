"""YAML files validated by a JSON Schema, with errors naming file, line and field.

Exercise banks, case boxes, module glossaries, agendas and roles are all read this way
(:func:`parse_yaml`), refusing what a hostile file could do:

- a file larger than its schema's ``x-maxFileBytes`` (default :data:`MAX_FILE_BYTES`), or
  not UTF-8;
- more than :data:`MAX_ALIASES` aliases, or aliases that expand to more than
  :data:`MAX_NODES` values (a "billion laughs" is 400 bytes that expand to 10^9);
- nesting deeper than :data:`MAX_DEPTH`;
- the same key twice in a mapping (YAML would silently keep the last);
- a number that is not finite (``.nan``, ``.inf``).

The limits on aliases and nesting are counted on the parser's events, before anything is
composed, so a hostile file is refused before it can cost memory or stack. The document is
then composed by libyaml where PyYAML has it (about twenty times faster than PyYAML's own
Python parser; each page's kernel reads its banks), else by PyYAML's own.
"""
from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path

import jsonschema
import yaml

from .i18n import localize

MAX_FILE_BYTES = 1_000_000
MAX_ALIASES = 100
MAX_NODES = 200_000
MAX_DEPTH = 40


class SpecError(ValueError):
    """A malformed YAML file: names the file, the line and the field."""

    def __init__(self, file: Path | str, line: int | None, field: str, message: str):
        self.file, self.line, self.field, self.message = str(file), line, field, message
        where = f"{self.file}, line {line}" if line else self.file
        super().__init__(f"{where}, field {field or '(top level)'}: {message}")


Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _check_limits(text: str, loader_class: type) -> None:
    """Refuse too many aliases, or nesting too deep, from the parser's events (a flat stream:
    counting them takes no stack however deep the file is nested)."""
    parser = loader_class(text)
    aliases = depth = 0  # depth: the collections open around the next node
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.NodeEvent):
                if isinstance(event, yaml.AliasEvent):
                    aliases += 1
                    if aliases > MAX_ALIASES:
                        raise yaml.composer.ComposerError(None, None, f"more than {MAX_ALIASES} aliases (*name)",
                                                          event.start_mark)
                if depth + 1 > MAX_DEPTH:
                    raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                                      event.start_mark)
                if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                    depth += 1
    finally:
        parser.dispose()


def _expanded_size(node: yaml.Node, memo: dict) -> int:
    """How many values ``node`` stands for once its aliases are expanded."""
    if id(node) not in memo:
        memo[id(node)] = MAX_NODES + 1  # a node reached again from itself (recursive alias)
        children = []
        if isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = node.value
        total = 1
        for child in children:
            total += _expanded_size(child, memo)
            if total > MAX_NODES:
                break
        memo[id(node)] = total
    return memo[id(node)]


def line_map(node: yaml.Node, path: tuple = (), out: dict | None = None, file: Path | str = "") -> dict:
    """Map every path in a composed YAML document to its 1-based line number.

    A key given twice in one mapping raises a SpecError naming both lines.
    """
    out = {} if out is None else out
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen and key != "<<":
                raise SpecError(file, line, field_name((*path, key)),
                                f"duplicate key {key!r} (first given on line {seen[key]}); "
                                "YAML would silently keep the last one")
            seen[key] = line
            line_map(value_node, (*path, key), out, file)
            out[(*path, key)] = line
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            line_map(item, (*path, i), out, file)
    return out


def _check_finite(data, lines: dict, file: Path | str, path: tuple = ()) -> None:
    if isinstance(data, float) and not math.isfinite(data):
        raise SpecError(file, line_for(lines, path), field_name(path),
                        f"{data} is not a finite number")
    if isinstance(data, dict):
        for key, value in data.items():
            _check_finite(value, lines, file, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            _check_finite(value, lines, file, (*path, i))


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


def decode(raw: bytes, path: Path | str) -> str:
    """UTF-8 text of a file's bytes; anything else is a SpecError naming the line."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise SpecError(path, line, "", f"not UTF-8 text (byte 0x{raw[err.start]:02x} at offset {err.start}); "
                        "save the file as UTF-8") from None


def read_text(path: Path | str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """A source file's text, refused with a SpecError when too large or not UTF-8."""
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            raise SpecError(path, None, "", f"the file is {size} bytes; the limit is {max_bytes}")
        return decode(Path(path).read_bytes(), path)
    except OSError as err:
        raise SpecError(path, None, "", f"cannot read the file: {err.strerror or err}") from None


def _compose(text: str, path: Path | str, loader_class: type) -> tuple[yaml.Node | None, object]:
    _check_limits(text, loader_class)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is not None and _expanded_size(node, {}) > MAX_NODES:
            raise SpecError(path, node.start_mark.line + 1, "",
                            f"its aliases expand to more than {MAX_NODES} values or refer to themselves "
                            "(refused: a \"billion laughs\")")
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def parse_yaml(text: str, path: Path | str) -> tuple[object, dict]:
    """Return (data, line map); a YAML syntax error or a limit exceeded becomes a SpecError."""
    try:
        try:
            node, data = _compose(text, path, Loader)
        except yaml.YAMLError:
            if Loader is yaml.SafeLoader:
                raise
            # libyaml refused it: PyYAML's own parser names the problem and its line, as always
            node, data = _compose(text, path, yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise SpecError(path, mark.line + 1 if mark else None, "",
                        f"not valid YAML: {getattr(err, 'problem', None) or err}") from None
    except RecursionError:
        raise SpecError(path, None, "", "nested too deeply") from None
    lines = line_map(node, file=path) if node is not None else {}
    _check_finite(data, lines, path)
    return data, lines


@cache
def validator(schema_path: Path) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(Path(schema_path).read_text(encoding="utf-8")))


def check_schema(data, lines: dict, path: Path | str, schema_path: Path, excuse=None) -> None:
    """Raise a SpecError for the most telling schema violation, if any. ``excuse(error)``,
    when given, says which violations to let pass (a kept-out answer key's missing fields)."""
    errors = sorted((e for e in validator(Path(schema_path)).iter_errors(data) if not (excuse and excuse(e))),
                    key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if errors:
        err = errors[-1]
        while err.context:  # for a failed if/then, the error inside the 'then' branch
            err = max(err.context, key=lambda e: len(e.absolute_path))
        at = tuple(err.absolute_path)
        message = err.message
        if err.validator == "maxLength":
            message = f"{len(err.instance)} characters; the limit is {err.validator_value}"
        elif len(message) > 300:
            message = message[:300] + "..."
        raise SpecError(path, line_for(lines, at), field_name(at), message)


def max_file_bytes(schema_path: Path) -> int:
    """The file size limit stated in a schema (``x-maxFileBytes``)."""
    return int(validator(Path(schema_path)).schema.get("x-maxFileBytes", MAX_FILE_BYTES))


def load_yaml(path: Path, schema_path: Path) -> tuple[object, dict]:
    """Read, parse and validate one file; return (data, line map), the data's text in the
    current language (exercises/i18n.py)."""
    data, lines = parse_yaml(read_text(path, max_file_bytes(schema_path)), path)
    check_schema(data, lines, path, schema_path)
    return localize(data, path), lines


def load_by_id(item_id: str, directory: Path, schema_path: Path, kind: str) -> dict:
    """Load ``directory/<item_id>.yml``, whose ``id`` must equal its file name."""
    path = Path(directory) / f"{item_id}.yml"
    if not isinstance(item_id, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", item_id) or not path.exists():
        valid = ", ".join(sorted(p.stem for p in Path(directory).glob("*.yml"))) or "(none)"
        raise KeyError(f"no {kind} {item_id!r} in {directory}; valid {kind}s: {valid}")
    data, lines = load_yaml(path, schema_path)
    if data["id"] != item_id:
        raise SpecError(path, line_for(lines, ("id",)), "id",
                        f"id {data['id']!r} must match the file name {item_id!r}")
    return data
