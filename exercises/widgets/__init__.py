"""Exercise widgets: one anywidget per exercise, built from a validated spec."""
from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

from ..checking import check
from ..markdown import to_html, to_inline_html
from ..specs import find_exercise

HERE = Path(__file__).resolve().parent


def _front_end(kind: str) -> str:
    """The ES module for one type: the shared helpers, then the type's own code."""
    return (HERE / "common.js").read_text(encoding="utf-8") + "\n" + \
        (HERE / f"{kind}.js").read_text(encoding="utf-8")


def client_spec(spec: dict, ref: str) -> dict:
    """What the browser needs: Markdown rendered to safe HTML, nothing else."""
    out = {"ref": ref, "type": spec["type"], "title": spec.get("title", ""),
           "prompt_html": to_html(spec["prompt"])}
    if spec["type"] == "single_choice":
        out["options"] = [{"html": to_inline_html(o["text"]), "correct": bool(o.get("correct", False)),
                           "feedback_html": to_html(o["feedback"])} for o in spec["options"]]
    return out


class ExerciseWidget(anywidget.AnyWidget):
    """An exercise: the browser renders and checks; Python mirrors the checking.

    ``answer`` holds the learner's latest answer (set by the browser in a live
    kernel, or by code); ``result`` holds Python's verdict on it.
    """

    spec = traitlets.Dict().tag(sync=True)
    answer = traitlets.Any(None, allow_none=True).tag(sync=True)
    _css = (HERE / "exercise.css").read_text(encoding="utf-8")

    def __init__(self, spec: dict, ref: str, **kwargs):
        self._source_spec = spec
        super().__init__(spec=client_spec(spec, ref), _esm=_front_end(spec["type"]), **kwargs)

    @property
    def result(self) -> dict | None:
        return None if self.answer is None else check(self._source_spec, self.answer)

    def submit(self, answer) -> dict:
        """Answer from Python (as the browser would) and return the verdict."""
        self.answer = answer
        return self.result


def show(ref: str) -> ExerciseWidget:
    """The widget for ``"bank/exercise-id"``; a notebook cell displays it."""
    return ExerciseWidget(find_exercise(ref), ref)
