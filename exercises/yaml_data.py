"""Load a YAML data file and validate it against a JSON Schema, naming file, line, field."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jsonschema
import yaml

from .specs import SpecError, _field_name, _line_for, _line_map


@lru_cache(maxsize=None)
def _validator(schema_path: Path) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")))


def load_yaml(path: Path, schema_path: Path) -> tuple[object, dict]:
    """Return (data, line map); raise SpecError at the first problem."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise SpecError(path, mark.line + 1 if mark else None, "", f"not valid YAML: {err}") from None
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    lines = _line_map(node) if node is not None else {}
    for err in _validator(Path(schema_path)).iter_errors(data):
        at = tuple(err.absolute_path)
        raise SpecError(path, _line_for(lines, at), _field_name(at), err.message)
    return data, lines
