"""The shared checking cases (tests/cases/<type>.yml), for Python and browser tests alike.

Each file is a list of ``{spec, cases: [{name, answer, status, score?}]}``; ``score`` (0 to
1, the share of the marks) defaults to 1 for a correct answer and 0 otherwise. Every spec is
validated as a bank would be, so the cases cannot test a spec authors could not write.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from exercises.specs import parse_bank

CASES_DIR = Path(__file__).resolve().parent / "cases"


def load_cases() -> list[tuple[str, dict, object, str]]:
    """``(case id, spec, answer, expected status)`` for every case of every type."""
    return [case[:4] for case in load_scored_cases()]


def load_scored_cases() -> list[tuple[str, dict, object, str, float]]:
    """``(case id, spec, answer, expected status, expected score)`` for every case."""
    out = []
    for file in sorted(CASES_DIR.glob("*.yml")):
        groups = yaml.safe_load(file.read_text(encoding="utf-8"))
        bank = parse_bank(yaml.safe_dump({"bank": "cases", "title": "Cases",
                                          "exercises": [g["spec"] for g in groups]}), Path("cases.yml"))
        for spec, group in zip(bank.exercises, groups, strict=False):
            assert spec["type"] == file.stem, f"{file.name}: spec {spec['id']} is a {spec['type']}"
            for case in group["cases"]:
                score = case.get("score", 1.0 if case["status"] == "correct" else 0.0)
                out.append((f"{file.stem}:{spec['id']}:{case['name']}", spec, case["answer"], case["status"], score))
    return out
