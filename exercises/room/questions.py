"""A room's questions, made from a module's exercise bank and deck texts, and the
server-side validation of every answer.

Kinds (each question dict has ``qid``, ``kind``, ``title``, ``prompt_html`` and what its
kind needs; ``exercise`` keeps the bank's spec, which never leaves the server):

- ``single``, ``multiple``, ``ordering``, ``categorize``: polls from the bank
  (``single_choice``, ``multiple_select``, ``ordering``, ``categorize``)
- ``estimate``: a ``numeric`` exercise, answered before the data is shown (a distribution)
- ``text``: a ``reflection`` exercise or a discussion question from the module's deck: short
  texts, shown only once the facilitator has approved them
- ``simulation``: a ``decision`` exercise (module 9's policy simulation) as a group decision,
  round by round: the room votes, the facilitator commits a choice
- ``floor``: questions from the floor (the capstone symposium): submit, upvote, moderated

Validation uses :func:`exercises.checking.check` where the exercise type has a checker: an
answer it calls ``invalid`` is refused.
"""
from __future__ import annotations

import math
import random
import re

from .. import checking, i18n
from ..markdown import to_html, to_inline_html
from ..private_keys import withheld
from ..specs import load_banks
from ..tables import expected_value, format_number
from ..toc import read_toc, resolve

POLL_KINDS = {"single_choice": "single", "multiple_select": "multiple", "ordering": "ordering",
              "categorize": "categorize", "numeric": "estimate", "reflection": "text", "decision": "simulation"}
TEXT_KINDS = ("text", "floor")
MAX_TEXT = 500          # characters in one text entry
MAX_ENTRIES = 5         # text entries per participant and question
MAX_NAME = 40


class AnswerError(ValueError):
    """An answer the question cannot take; :meth:`text` says why in a language (shown to the
    participant). ``key``: a program string (``exercises/messages.json``) with its ``values``;
    the checker's own reason (already in the process's language) comes as ``reason``."""

    def __init__(self, key: str, **values):
        super().__init__(i18n.message(key, i18n.SOURCE_LANGUAGE, **values))
        self.key, self.values = key, values

    def text(self, lang: str | None = None) -> str:
        return i18n.message(self.key, lang, **self.values)


def module_folder(module: str) -> str:
    """``"4"``, ``"responsibility-to-protect"`` or the folder -> the module's folder."""
    return resolve([str(module)], read_toc())[0]


_CITE = re.compile(r"\s*\{cite(?::\w+)?\}`[^`]*`")
_ROLE = re.compile(r"\{[\w:-]+\}`([^`]*?)(?:\s*<([^>`]*)>)?`")


def plain_myst(text: str) -> str:
    """MyST roles as phones can show them: citations left out, ``{term}`x``` as x."""
    return _ROLE.sub(lambda m: m[1] or m[2] or "", _CITE.sub("", text))


def _discussion_questions(folder: str) -> list[str]:
    # the module's deck shows these; the kit reads them from the module's seminar page
    from ..kit.slides import module_text
    return [plain_myst(q) for q in module_text(folder).discussion_questions]


def _md(text: str) -> str:
    return to_html(plain_myst(text))


def _inline(text: str) -> str:
    return to_inline_html(plain_myst(text))


def _from_exercise(bank: str, ex: dict) -> dict | None:
    kind = POLL_KINDS.get(ex["type"])
    if kind is None or _key_missing(ex):
        return None
    q = {"qid": f"{bank}/{ex['id']}", "kind": kind, "title": ex.get("title", ex["id"]),
         "prompt_html": _md(ex.get("prompt", "")), "exercise": ex}
    if kind in ("single", "multiple"):
        q["options_html"] = [_inline(o["text"]) for o in ex["options"]]
        q["correct"] = [i for i, o in enumerate(ex["options"]) if o.get("correct")]
    elif kind == "ordering":
        q["items_html"] = [_inline(item["text"] if isinstance(item, dict) else item) for item in ex["items"]]
        shown = list(range(len(ex["items"])))
        random.Random(q["qid"]).shuffle(shown)  # everyone starts from the same shuffled order
        q["shown"] = shown
    elif kind == "categorize":
        q["items_html"] = [_inline(item["text"]) for item in ex["items"]]
        q["categories"] = list(ex["categories"])
        q["correct"] = [ex["categories"].index(item["category"]) for item in ex["items"]]
    elif kind == "estimate":
        value = expected_value(ex)
        q["expected"] = value
        q["expected_text"] = format_number(value, ex.get("decimals", 0)) + (f" {ex['unit']}" if ex.get("unit") else "")
        q["unit"] = ex.get("unit", "")
        q["decimals"] = ex.get("decimals", 0)
    elif kind == "simulation":
        q["nodes"] = {n["id"]: {"text_html": _md(n["text"]),
                                "choices_html": [_inline(c["text"]) for c in n.get("choices", [])],
                                "consequences_html": [_md(c.get("consequence", "")) for c in n.get("choices", [])],
                                "next": [c["next"] for c in n.get("choices", [])],
                                "debrief_html": _md(n["debrief"]) if "debrief" in n else "",
                                "sound": n.get("sound")}
                      for n in ex["nodes"]}
        q["start"] = ex["start"]
    return q


def room_questions(module: str, lang: str | None = None) -> tuple[str, list[dict]]:
    """The module's folder and the room's questions in ``lang`` (default: the current
    language): the bank's polls, the deck's discussion questions, and questions from the floor."""
    with i18n.language(lang) as lang:
        return _room_questions(module, lang)


def _room_questions(module: str, lang: str) -> tuple[str, list[dict]]:
    folder = module_folder(module)
    bank_name = folder.split("-", 1)[1]
    questions = []
    bank = load_banks().get(bank_name)
    if bank is not None:
        questions += [q for ex in bank.exercises if (q := _from_exercise(bank_name, ex))]
    for n, text in enumerate(_discussion_questions(folder), 1):
        questions.append({"qid": f"discussion-{n}", "kind": "text",
                          "title": i18n.message("room.discussion_title", lang, n=n), "prompt_html": _md(text)})
    questions.append({"qid": "floor", "kind": "floor", "title": i18n.message("room.floor_title", lang),
                      "prompt_html": _md(i18n.message("room.floor_prompt", lang))})
    return folder, questions


def _key_missing(ex: dict) -> bool:
    """A poll that needs the exercise's key (all but a reflection's text entries), whose key is
    kept out of the repository and was not given (exercises/private_keys.py)."""
    return POLL_KINDS.get(ex["type"]) not in (None, "text") and withheld(ex)


def left_out(module: str) -> list[str]:
    """The module's exercises that cannot be polls for want of their kept-out keys."""
    bank_name = module_folder(module).split("-", 1)[1]
    bank = load_banks().get(bank_name)
    return [f"{bank_name}/{ex['id']}" for ex in (bank.exercises if bank else ()) if _key_missing(ex)]


def public(q: dict) -> dict:
    """What a participant's page may see of a question (no answers, no feedback)."""
    keep = ("qid", "kind", "title", "prompt_html", "state", "revealed", "options_html", "items_html",
            "shown", "categories", "unit", "decimals")
    out = {k: q[k] for k in keep if k in q}
    if q["kind"] == "simulation":
        node = current_node(q)
        out["round"] = len(q["path"])
        out["node"] = {"text_html": node["text_html"], "choices_html": node["choices_html"],
                       "final": not node["choices_html"],
                       "debrief_html": node["debrief_html"] if not node["choices_html"] else ""}
        out["history"] = history(q)
    if q.get("revealed"):
        for k in ("correct", "expected_text"):
            if k in q:
                out[k] = q[k]
    return out


def current_node(q: dict) -> dict:
    node_id = q["start"]
    for choice in q["path"]:
        node_id = q["nodes"][node_id]["next"][choice]
    return q["nodes"][node_id]


def history(q: dict) -> list[dict]:
    """The committed rounds: what was asked, what the room chose, what followed."""
    node_id, rounds = q["start"], []
    for choice in q["path"]:
        node = q["nodes"][node_id]
        rounds.append({"text_html": node["text_html"], "choice_html": node["choices_html"][choice],
                       "consequence_html": node["consequences_html"][choice]})
        node_id = node["next"][choice]
    return rounds


def _finite(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def validate(q: dict, value):
    """The answer to store for ``value``, or :class:`AnswerError`."""
    kind = q["kind"]
    if kind in TEXT_KINDS:
        raise AnswerError("room.error.text_endpoint")
    if kind == "simulation":
        node = current_node(q)
        if (not isinstance(value, int) or isinstance(value, bool)
                or not 0 <= value < len(node["choices_html"])):
            raise AnswerError("room.error.choose_option")
        return value
    if kind == "estimate" and (not _finite(value) or abs(value) > 1e12):
        raise AnswerError("room.error.enter_number")
    result = checking.check(q["exercise"], value)
    if result["status"] == "invalid":
        raise AnswerError("room.error.invalid", reason=_plain(result["feedback"]))
    return value


def _plain(feedback_html: str) -> str:
    return re.sub(r"<[^>]+>", "", feedback_html)


def clean_text(value, limit: int = MAX_TEXT) -> str:
    """A text entry: a string, stripped, 1..limit characters, no control characters."""
    if not isinstance(value, str):
        raise AnswerError("room.error.send_text")
    text = "".join(ch for ch in value if ch in "\n\t" or ch.isprintable()).strip()
    if not text:
        raise AnswerError("room.error.empty_text")
    if len(text) > limit:
        raise AnswerError("room.error.too_long_text", limit=limit)
    return text
