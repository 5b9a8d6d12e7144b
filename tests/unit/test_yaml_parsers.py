"""The course reads its YAML with libyaml where PyYAML has it (exercises/yaml_data.py), and
with PyYAML's own parser otherwise: both give every source file the same data and the same
lines. (The hostile files are refused alike by both: tests/unit/test_hostile_validation.py.)"""
from __future__ import annotations

import pytest
import yaml

from course_toc import ROOT
from exercises import yaml_data

SOURCES = sorted(p for folder in ("exercises", "book", "locales") for p in (ROOT / folder).rglob("*.yml"))


def test_there_are_sources_to_compare():
    assert len(SOURCES) >= 30
    assert yaml.__with_libyaml__, "PyYAML's wheels carry libyaml; without it every page reads slower"


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(ROOT)) for p in SOURCES])
def test_both_parsers_read_a_source_alike(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    fast = yaml_data.parse_yaml(text, path)
    monkeypatch.setattr(yaml_data, "Loader", yaml.SafeLoader)
    assert yaml_data.parse_yaml(text, path) == fast
