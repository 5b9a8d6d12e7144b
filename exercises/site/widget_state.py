"""The widget state a built page carries, with each widget's front end written once.

Every exercise on a page is an anywidget whose saved state holds its whole front end: the
ES module (``_esm``: the shared helpers and checking, then the type's own code, ~25 kB)
and the stylesheet (``_css``, 11 kB), identical for every exercise. A page with twelve
exercises carried them twelve times. :func:`compact` keeps each text once per page, in
``course_pieces`` beside the models, and gives each model the list of pieces its
``_esm`` and ``_css`` are joined from (``_esm_pieces``, ``_css_pieces``); the page's
renderer (``book/_theme/anywidget-static.js``) joins them back. The modules' common
beginning (whole lines shared by every distinct module on the page) is one piece.
"""
from __future__ import annotations

FIELDS = ("_esm", "_css")
MIN_SHARED = 1000  # a shorter common beginning is not worth its own piece


def _shared_beginning(texts: list[str]) -> str:
    """The whole lines every one of ``texts`` begins with ('' for fewer than two texts):
    those the first and the last in sorted order share."""
    if len(texts) < 2:
        return ""
    shared = []
    for a, b in zip(min(texts).splitlines(keepends=True), max(texts).splitlines(keepends=True), strict=False):
        if a != b or not a.endswith("\n"):
            break
        shared.append(a)
    prefix = "".join(shared)
    return prefix if len(prefix) >= MIN_SHARED else ""


def compact(state: dict) -> dict:
    """The page's widget state (``{"state": {model_id: {"state": {...}}}, ...}``) with
    ``_esm`` and ``_css`` replaced by references to ``course_pieces``."""
    models = [m["state"] for m in state.get("state", {}).values()
              if isinstance(m.get("state"), dict) and any(m["state"].get(f) for f in FIELDS)]
    if not models:
        return state
    shared = _shared_beginning(sorted({m["_esm"] for m in models if m.get("_esm")}))
    pieces: list[str] = []
    index: dict[str, int] = {}

    def piece(text: str) -> int:
        if text not in index:
            index[text] = len(pieces)
            pieces.append(text)
        return index[text]

    for model in models:
        for field in FIELDS:
            text = model.pop(field, None)
            if not text:
                continue
            parts = [shared, text[len(shared):]] if field == "_esm" and shared and text.startswith(shared) else [text]
            model[f"{field}_pieces"] = [piece(part) for part in parts]
    return {**state, "course_pieces": pieces}
