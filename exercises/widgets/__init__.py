"""Exercise widgets: one anywidget per exercise, built from a validated spec.

Each widget's ES module is made of plain files concatenated (a blob-URL module cannot
import files): ``common.js`` (shared helpers), ``checking.js`` (the browser's checking),
``chart.js`` for the types that draw charts, then ``<type>.js`` (render). Before them comes
``MESSAGES``, the program's strings (``exercises/messages.json``) in the language being built,
and ``t(key, values)`` (:func:`exercises.i18n.browser_script`, shared with the live room).
"""
from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

from .. import i18n
from ..checking import check
from ..specs import find_exercise
from ..handin import fingerprint, source_answer
from .client import check_spec, client_spec

HERE = Path(__file__).resolve().parent
PARTS = {"numeric": ["chart.js"], "data_explorer": ["chart.js"], "progress": ["handin.js"]}
# the program's strings the widgets' code looks up (t("<prefix>...") in widgets/*.js): only
# these go to the browser with each module (tests/unit/test_i18n.py keeps code and list in step)
STRINGS = ("ui.", "check.", "verdict.", "chart.", "explorer.", "handin.", "progress.")


def _front_end(kind: str) -> str:
    """The ES module for one type: the shared parts, then the type's own code."""
    parts = ["common.js", "checking.js", *PARTS.get(kind, []), f"{kind}.js"]
    # the program's strings in the language being built (exercises/i18n.py), read by checking.js
    return "\n".join([i18n.browser_script(prefixes=STRINGS), *((HERE / part).read_text(encoding="utf-8")
                                                                for part in parts)])


_CSS = (HERE / "exercise.css").read_text(encoding="utf-8")


def anchor(ref: str) -> str:
    """The HTML id of exercise ``ref`` on its page (a progress list links to it)."""
    return "exercise-" + ref.replace("/", "--")


def page_link(docname: str, ref: str, here: Path | None = None) -> str:
    """A link from the page being built (a page's kernel runs in the page's folder) to
    exercise ``ref`` on page ``docname``."""
    import os
    from ..paths import ROOT
    target = os.path.relpath(ROOT / f"{docname}.html", here or Path.cwd())
    return f"{Path(target).as_posix()}#{anchor(ref)}"


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
        client = {**client_spec(spec, ref), "version": fingerprint(spec, ref), "anchor": anchor(ref)}
        super().__init__(spec=client, _esm=_front_end(spec["type"]), **kwargs)

    @property
    def result(self) -> dict | None:
        """Python's verdict, graded exercises included (the instructor's check)."""
        if self.answer is None:
            return None
        return check(self._source_spec, source_answer(self._source_spec, self._ref, self.answer))

    def submit(self, answer) -> dict:
        """Answer from Python (as the browser would) and return the verdict."""
        self.answer = answer
        return self.result


class ProgressWidget(anywidget.AnyWidget):
    """A bank's exercises (or the whole course's), done or not, read from this browser's
    localStorage, with the controls to download and load the learner's answers."""

    spec = traitlets.Dict().tag(sync=True)
    _css = _CSS

    def __init__(self, bank: str | None = None, **kwargs):
        from .. import handin
        every = handin.exercises()
        if bank is not None and bank not in {e.bank for e in every.values()}:
            valid = ", ".join(sorted({e.bank for e in every.values()}))
            raise KeyError(f"no exercise bank {bank!r}; valid banks: {valid}")
        from ..toc import exercise_pages, read_toc
        pages = exercise_pages(read_toc())
        order = {ref: i for i, ref in enumerate(pages)}
        chosen = sorted((e for e in every.values() if bank is None or e.bank == bank),
                        key=lambda e: (order.get(e.ref, len(order)), e.position))  # page order
        title = chosen[0].bank_title if bank else "the whole course"
        spec = {"type": "progress", "ref": f"{bank or 'course'}/progress", "bank": bank or "", "title": title,
                "scope": bank or "course", "format": handin.FORMAT, "course": handin.COURSE,
                "max_bytes": handin.max_bytes(), "all_refs": list(every),
                "exercises": [{"ref": e.ref, "title": e.title, "version": e.version,
                               "href": page_link(pages[e.ref], e.ref) if e.ref in pages else None,
                               "check": check_spec(e.spec, e.ref)} for e in chosen]}
        super().__init__(spec=spec, _esm=_front_end("progress"), **kwargs)


def show(ref: str) -> ExerciseWidget:
    """The widget for ``"bank/exercise-id"``; a notebook cell displays it."""
    return ExerciseWidget(find_exercise(ref), ref)


def show_progress(bank: str | None = None) -> ProgressWidget:
    """A progress indicator for every exercise of ``bank`` (default: the whole course), with
    a reset control and the controls to download and load the learner's answers."""
    return ProgressWidget(bank)
