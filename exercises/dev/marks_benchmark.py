"""Benchmark of ``course marks``: 500 hand-ins of the whole course (every exercise
answered, the answers varied at random but the same on every run), marked into a
temporary folder; the time is written to its section of BENCHMARKS.md.

    python -m exercises.dev.marks_benchmark [--write] [--count 500]

:func:`sample_answer` and :func:`hand_in` also make the hand-ins of the tests.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from .. import handin
from ..kit.marks import mark
from .benchmark import commit, machine, write_section

TARGET_S = 10.0


def sample_answer(spec: dict, rng: random.Random, text: str = "A considered answer about prevention"):
    """A complete answer of the shape the page stores for ``spec`` (right or wrong at random)."""
    kind = spec["type"]
    if kind == "single_choice":
        return rng.randrange(len(spec["options"]))
    if kind == "multiple_select":
        n = len(spec["options"])
        return sorted(rng.sample(range(n), rng.randint(1, n)))
    if kind == "numeric":
        return round(rng.uniform(0, 1000), 1)
    if kind == "ordering":
        order = list(range(len(spec["items"])))
        rng.shuffle(order)
        return order
    if kind == "categorize":
        return [rng.randrange(len(spec["categories"])) for _ in spec["items"]]
    if kind == "data_explorer":
        return [rng.randrange(len(q["options"])) if q["type"] == "single_choice" else round(rng.uniform(0, 100), 1)
                for q in spec["questions"]]
    if kind == "risk_assessment":
        return [rng.randrange(len(spec["scale"])) for _ in spec["factors"]]
    if kind == "decision":
        nodes = {node["id"]: node for node in spec["nodes"]}
        node, path = nodes[spec["start"]], []
        while "choices" in node:
            path.append(rng.randrange(len(node["choices"])))
            node = nodes[node["choices"][path[-1]]["next"]]
        return path
    words = max(1, spec.get("min_words", 1))
    return " ".join([text] + ["word"] * words)


def hand_in(learner: dict, answers: dict, saved: str = "2026-12-01T10:00:00Z", answered: str | None = None) -> dict:
    """A hand-in file's data: ``answers`` maps exercise refs to answers."""
    every = handin.exercises()
    return {"format": handin.FORMAT, "version": handin.VERSION, "course": handin.COURSE, "scope": "course",
            "learner": learner, "saved": saved,
            "answers": [{"exercise": ref, "title": every[ref].title, "version": every[ref].version, "answer": answer,
                         "answered": answered or saved} for ref, answer in answers.items()]}


def write_hand_ins(folder: Path, count: int, seed: int = 2026) -> int:
    rng = random.Random(seed)
    every = handin.exercises()
    total = 0
    for n in range(count):
        answers = {ref: sample_answer(e.spec, rng) for ref, e in every.items()}
        data = hand_in({"name": f"Learner {n}", "id": f"s{n:06d}"}, answers)
        sub = folder / f"Learner {n}_{100000 + n}_assignsubmission_file_"
        sub.mkdir()
        (sub / "answers-course.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
        total += len(answers)
    return total


def run(count: int, repeat: int = 3) -> dict:
    handin.exercises()  # load the banks first: the same for every run, not part of marking
    with tempfile.TemporaryDirectory(prefix="course-marks-bench-") as tmp:
        folder = Path(tmp) / "submissions"
        folder.mkdir()
        answers = write_hand_ins(folder, count)
        size = sum(p.stat().st_size for p in folder.rglob("*.json"))
        runs = []
        for _ in range(repeat):
            start, cpu = time.perf_counter(), time.process_time()
            summary = mark(folder, Path(tmp) / "marks")
            runs.append((time.perf_counter() - start, time.process_time() - cpu))
        runs.sort()
        seconds, cpu = runs[len(runs) // 2]  # the median run
    return {"load": os.getloadavg()[0], "count": count, "answers": answers, "bytes": size, "seconds": seconds,
            "cpu": cpu, "runs": [w for w, _c in runs], "marked": len(summary.marked), "refused": len(summary.refused)}


def report(r: dict) -> str:
    met = "met" if r["seconds"] < TARGET_S else "NOT met"
    return "\n".join([
        f"Measured {time.strftime('%Y-%m-%d')} at commit {commit()} by `python -m exercises.dev.marks_benchmark --write`",
        f"on: {machine()}.",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| `course marks` on {r['count']} hand-ins of the whole course ({r['answers']:,} answers, "
        f"{r['bytes'] / 1e6:.1f} MB of JSON) | {r['seconds']:.1f} s ({r['cpu']:.1f} s of CPU) "
        f"| < {TARGET_S:.0f} s: {met} |",
        "",
        f"Marked {r['marked']} hand-ins ({r['refused']} refused). The time covers reading, checking every file",
        "against the schema, scoring every answer with exercises/checking.py, and writing scores.csv, the",
        "marking sheet (CSV and XLSX), both gradebooks and the report; loading the banks is done before.",
        f"The median of {len(r['runs'])} runs (wall times: {', '.join(f'{w:.1f} s' for w in r['runs'])}). The machine",
        f"is shared with other work (load average {r['load']:.1f} on 2 cores at the end): the wall time includes",
        "waiting for the CPU, the CPU time does not.",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--write", action="store_true", help="write the result into BENCHMARKS.md")
    args = parser.parse_args(argv)
    text = report(run(args.count))
    if args.write:
        write_section("marks", "Marking hand-ins", text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
