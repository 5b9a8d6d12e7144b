"""Exercise widgets: one anywidget per exercise, built from a validated spec.

Each widget's ES module is made of plain files concatenated (a blob-URL module cannot
import files): ``common.js`` (shared helpers), ``checking.js`` (the browser's checking),
``chart.js`` for the types that draw charts, then ``<type>.js`` (render). Before them comes
``MESSAGES``: the program's strings (``exercises/messages.json``) in the language being built.
"""
from __future__ import annotations

import json
from pathlib import Path

import anywidget
import traitlets

from .. import i18n
from ..checking import check
from ..specs import find_exercise, load_bank, BANKS_DIR
from .client import check_spec, client_spec, graded_order

HERE = Path(__file__).resolve().parent
PARTS = {"numeric": ["chart.js"], "data_explorer": ["chart.js"], "progress": []}


def _front_end(kind: str) -> str:
    """The ES module for one type: the shared parts, then the type's own code."""
    parts = ["common.js", "checking.js", *PARTS.get(kind, []), f"{kind}.js"]
    # the program's strings in the language being built (exercises/i18n.py), read by checking.js
    strings = f"const MESSAGES = {json.dumps(i18n.messages(), ensure_ascii=True, sort_keys=True)};"
    return "\n".join([strings, *((HERE / part).read_text(encoding="utf-8") for part in parts)])


_CSS = (HERE / "exercise.css").read_text(encoding="utf-8")


class ExerciseWidget(anywidget.AnyWidget):
    """An exercise: the browser renders and checks; Python mirrors the checking.

    ``answer`` holds the learner's latest answer (set by the browser in a live
    kernel, or by code); ``result`` holds Python's verdict on it.
    """

    spec = traitlets.Dict().tag(sync=True)
    answer = traitlets.Any(None, allow_none=True).tag(sync=True)
    _css = _CSS

    def __init__(self, spec: dict, ref: str, **kwargs):
        self._source_spec = spec
        self._ref = ref
        super().__init__(spec=client_spec(spec, ref), _esm=_front_end(spec["type"]), **kwargs)

    @property
    def result(self) -> dict | None:
        """Python's verdict, graded exercises included (the instructor's check)."""
        if self.answer is None:
            return None
        answer = self.answer
        if self._source_spec.get("graded") and self._source_spec["type"] == "ordering" and isinstance(answer, list):
            page = graded_order(self._source_spec, self._ref)  # the page lists the items shuffled
            answer = [page[i] if isinstance(i, int) and 0 <= i < len(page) else i for i in answer]
        return check(self._source_spec, answer)

    def submit(self, answer) -> dict:
        """Answer from Python (as the browser would) and return the verdict."""
        self.answer = answer
        return self.result


class ProgressWidget(anywidget.AnyWidget):
    """A bank's exercises, done or not, read from this browser's localStorage."""

    spec = traitlets.Dict().tag(sync=True)
    _css = _CSS

    def __init__(self, bank: str, **kwargs):
        loaded = load_bank(BANKS_DIR / f"{bank}.yml") if (BANKS_DIR / f"{bank}.yml").exists() else None
        if loaded is None:
            valid = ", ".join(sorted(p.stem for p in BANKS_DIR.glob("*.yml")))
            raise KeyError(f"no exercise bank {bank!r}; valid banks: {valid}")
        spec = {"type": "progress", "ref": f"{bank}/progress", "bank": bank, "title": loaded.title,
                "exercises": [{"ref": f"{bank}/{ex['id']}", "title": ex.get("title") or ex["id"],
                               "check": check_spec(ex, f"{bank}/{ex['id']}")}
                              for ex in loaded.exercises]}
        super().__init__(spec=spec, _esm=_front_end("progress"), **kwargs)


def show(ref: str) -> ExerciseWidget:
    """The widget for ``"bank/exercise-id"``; a notebook cell displays it."""
    return ExerciseWidget(find_exercise(ref), ref)


def show_progress(bank: str) -> ProgressWidget:
    """A progress indicator for every exercise of ``bank``, with a reset control."""
    return ProgressWidget(bank)
