"""Interactive exercises for the course on genocide prevention, R2P and Japan's role.

Exercise specs live in YAML banks (``exercises/banks/*.yml``); each is validated
against ``schema/exercise.schema.json`` on load, then shown as an anywidget whose
browser side renders and checks answers (so it works on the static site) and whose
Python side mirrors the checking (so tests and live kernels agree with the page).

    >>> from exercises import show, show_progress
    >>> show("how-to-use/genocide-convention-year")   # doctest: +SKIP
    >>> show_progress("how-to-use")                     # doctest: +SKIP

The package is grouped by concern. At its root is the exercise engine and the public
face used by the pages: specs, checking, answer keys, tables, Markdown, editions, YAML
loading, datasets, the table of contents, paths and the widgets. Beside it:
``exercises.site`` (the Sphinx side), ``exercises.kit`` (slides, handouts, LMS, custom
courses) and ``exercises.dev`` (the benchmark). The engine imports none of them, except
the command line (``__main__``), which dispatches to them; ``tests/unit/test_layout.py``
checks.
"""
from .specs import SpecError, load_bank, load_banks, find_exercise
from .checking import check
from .widgets import ExerciseWidget, ProgressWidget, show, show_progress

__all__ = [
           "ExerciseWidget",
           "ProgressWidget",
           "SpecError",
           "check",
           "find_exercise",
           "load",
           "load_bank",
           "load_banks",
           "show",
           "show_progress",
]


def __getattr__(name: str):
    """``exercises.load`` (a dataset as a DataFrame), imported when first used: it brings in
    pandas, which a page that shows only questions does not need."""
    if name == "load":
        from .datasets import load
        return load
    raise AttributeError(f"module 'exercises' has no attribute {name!r}")
