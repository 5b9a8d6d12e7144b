"""Check a learner's answer against a spec: the Python mirror of the browser's checking.

Each exercise type's front end (``widgets/<type>.js``) implements the same rules; the
browser tests answer every exercise on the built site and compare what the page says
with what :func:`check` returns, so the two cannot drift apart unnoticed.
"""
from __future__ import annotations

from .markdown import to_html


def check_single_choice(spec: dict, answer) -> dict:
    options = spec["options"]
    if not isinstance(answer, int) or isinstance(answer, bool) or not 0 <= answer < len(options):
        return {"status": "invalid", "correct": False,
                "feedback": f"Choose one of the {len(options)} options."}
    chosen = options[answer]
    correct = bool(chosen.get("correct", False))
    return {"status": "correct" if correct else "incorrect", "correct": correct,
            "feedback": to_html(chosen["feedback"])}


CHECKERS = {"single_choice": check_single_choice}


def check(spec: dict, answer) -> dict:
    """Return ``{"status", "correct", "feedback"}`` (feedback is HTML) for ``answer``."""
    return CHECKERS[spec["type"]](spec, answer)
