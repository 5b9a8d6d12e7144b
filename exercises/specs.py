"""Load exercise banks from YAML and validate them, with errors naming file, line, field.

A bank is one YAML file in ``exercises/banks/``::

    bank: how-to-use            # must equal the file name without .yml
    title: How to use this course
    exercises:
      - id: genocide-convention-year
        type: single_choice
        ...

Every exercise is validated against the JSON Schema published in
``exercises/schema/exercise.schema.json``. Any problem raises :class:`SpecError`,
whose message reads ``<file>, line <n>, field <path>: <what is wrong>``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .paths import ROOT
from . import private_keys
from .i18n import current as current_language, localize
from .yaml_data import SpecError, check_schema, field_name, line_for, max_file_bytes, parse_yaml, read_text

PACKAGE_DIR = Path(__file__).resolve().parent
BANKS_DIR = PACKAGE_DIR / "banks"
SCHEMA_PATH = PACKAGE_DIR / "schema" / "exercise.schema.json"


@dataclass(frozen=True)
class Bank:
    name: str
    title: str
    path: Path
    exercises: tuple[dict, ...]

    def get(self, exercise_id: str) -> dict:
        for ex in self.exercises:
            if ex["id"] == exercise_id:
                return ex
        valid = ", ".join(ex["id"] for ex in self.exercises)
        raise KeyError(f"no exercise {exercise_id!r} in bank {self.name!r} ({self.path}); "
                       f"valid ids: {valid}")


# an entry's opening, "@type{key," or "@type(key,": BibTeX keys hold no space or comma
_BIBTEX_ENTRY = re.compile(r"^[ \t]*@[ \t]*(\w+)[ \t]*[{(][ \t]*([^,\s]+)[ \t]*,", re.M)
_BIBTEX_NOT_ENTRIES = {"string", "preamble", "comment"}


@functools.cache
def bibtex_keys(root: Path = ROOT) -> frozenset[str]:
    """Every key (lower case) in the BibTeX files the book lists (``_config.yml`` bibtex_bibfiles).

    Read from the entries' openings, not parsed in full: each page's kernel asks, and a full
    parse (pybtex) takes half a second. The build parses the files fully (sphinxcontrib-bibtex)
    and fails on a malformed one."""
    import yaml
    config = yaml.safe_load((Path(root) / "_config.yml").read_text(encoding="utf-8"))
    keys: set[str] = set()
    for name in config.get("bibtex_bibfiles", []):
        text = (Path(root) / name).read_text(encoding="utf-8")
        keys.update(key.lower() for kind, key in _BIBTEX_ENTRY.findall(text) if kind.lower() not in _BIBTEX_NOT_ENTRIES)
    return frozenset(keys)


def parse_bank(text: str, path: Path | str, known_sources: frozenset[str] | None = None) -> Bank:
    """Parse and validate the YAML text of one bank (``path`` is used in errors).

    ``known_sources``: the BibTeX keys ``sources:`` may name (default: the book's).
    """
    path = Path(path)
    known_sources = bibtex_keys() if known_sources is None else known_sources
    data, lines = parse_yaml(text, path)
    data = private_keys.apply(data, path, lines)  # keys kept out of the repository, when given
    check_schema(data, lines, path, SCHEMA_PATH, excuse=private_keys.excuse(data))

    if data["bank"] != path.stem:
        raise SpecError(path, line_for(lines, ("bank",)), "bank",
                        f"bank name {data['bank']!r} must match the file name {path.stem!r}")
    seen: dict[str, int] = {}
    for i, ex in enumerate(data["exercises"]):
        if ex["id"] in seen:
            raise SpecError(path, line_for(lines, ("exercises", i, "id")), f"exercises[{i}].id",
                            f"duplicate id {ex['id']!r} (first used by exercises[{seen[ex['id']]}])")
        seen[ex["id"]] = i
        for k, key in enumerate(ex.get("sources", [])):
            if key.lower() not in known_sources:
                raise SpecError(path, line_for(lines, ("exercises", i, "sources", k)), f"exercises[{i}].sources[{k}]",
                                f"no BibTeX entry {key!r} in the book's .bib files (_config.yml bibtex_bibfiles)")
        _check_semantics(ex, path, lines, ("exercises", i))
    # the current language (exercises/i18n.py; a kept-out key's translations come with it); checked in English above
    data = localize(data, path, extra=private_keys.translations(current_language()))
    return Bank(data["bank"], data["title"], path, tuple(data["exercises"]))


def _check_semantics(ex: dict, path: Path, lines: dict, at: tuple) -> None:
    """Rules JSON Schema cannot express (or cannot explain clearly)."""
    def fail(where: tuple, message: str):
        raise SpecError(path, line_for(lines, at + where), field_name(at + where), message)

    def unique(key: str, what: str):
        first: dict[str, int] = {}
        for i, item in enumerate(ex.get(key, [])):
            text = " ".join(item["text"].split()).casefold()
            if text in first:
                fail((key, i, "text"), f"the same {what} as {key}[{first[text]}]: {item['text']!r}")
            first[text] = i

    kind = ex["type"]
    keyed = not private_keys.withheld(ex)  # a kept-out key not given: check the question only
    if "page_order" in ex and ex.get("key") != private_keys.MARKER:
        fail(("page_order",), "page_order comes from a keys file (key: private) only; remove it")
    if kind in ("single_choice", "multiple_select"):
        _check_options(ex, kind, (), fail, keyed)
    elif kind == "ordering":
        unique("items", "item (an order cannot be checked with it twice)")
    elif kind == "categorize":
        unique("items", "statement (it cannot be in two categories)")
        for i, item in enumerate(ex["items"] if keyed else []):
            if item["category"] not in ex["categories"]:
                fail(("items", i, "category"), f"{item['category']!r} is not one of the categories {ex['categories']}")
    elif kind == "risk_assessment":
        from . import tables
        for i, factor in enumerate(ex["factors"]):
            if ("name" in factor) == ("name_from" in factor):
                fail(("factors", i), "give exactly one of `name` or `name_from`")
            if "name_from" in factor:
                try:
                    tables.lookup(factor["name_from"])
                except (LookupError, KeyError, FileNotFoundError, ValueError) as err:
                    fail(("factors", i, "name_from"), f"cannot look the name up: {err}")
            if keyed and factor["reference"] not in ex["scale"]:
                fail(("factors", i, "reference"), f"{factor['reference']!r} is not on the scale {ex['scale']}")
    elif kind == "decision":
        _check_decision(ex, fail, keyed)
    elif kind in ("numeric", "data_explorer"):
        df = _check_data(ex, kind, fail)
        if kind == "numeric" and keyed:
            _check_numeric(ex, df, (), fail)
        for i, q in enumerate(ex.get("questions", [])):
            if q["type"] == "single_choice":
                _check_options(q, "single_choice", ("questions", i), fail, keyed)
            elif keyed:
                _check_numeric(q, df, ("questions", i), fail)


def _check_options(ex: dict, kind: str, where: tuple, fail, keyed: bool = True) -> None:
    first: dict[str, int] = {}
    for i, opt in enumerate(ex["options"]):
        text = " ".join(opt["text"].split()).casefold()
        if text in first:
            fail((*where, "options", i, "text"), f"the same option as options[{first[text]}]: {opt['text']!r}")
        first[text] = i
    if not keyed:
        return
    n_correct = sum(1 for opt in ex["options"] if opt.get("correct"))
    if kind == "single_choice" and n_correct != 1:
        fail((*where, "options"), f"a single_choice exercise needs exactly one correct option, found {n_correct}")
    if kind == "multiple_select" and n_correct < 1:
        fail((*where, "options"), "a multiple_select exercise needs at least one correct option")


def _check_data(ex: dict, kind: str, fail):
    """The exercise's table (or None), after checking that the columns it names exist."""
    from . import tables
    if "data" in ex and "dataset" in ex:
        fail(("dataset",), "give either data or dataset, not both")
    if "data" not in ex and "dataset" not in ex:
        if kind == "data_explorer" or "chart" in ex or "answer_from" in ex:
            fail((), "needs its data: an inline `data:` table or a `dataset:` name")
        return None
    if "data" in ex:
        width = len(ex["data"]["columns"])
        for i, row in enumerate(ex["data"]["rows"]):
            if len(row) != width:
                fail(("data", "rows", i), f"row has {len(row)} values but there are {width} columns")
    try:
        df = tables.frame({key: ex[key] for key in ("data", "dataset") if key in ex})
    except (LookupError, KeyError, FileNotFoundError, ValueError) as err:
        fail(("dataset",), str(err).strip('"'))
    for column in ex.get("where", {}):
        if column not in df.columns:
            fail(("where",), f"no column {column!r} in the data; columns: {', '.join(map(str, df.columns))}")
    df = tables.select(df, ex.get("where"))
    if df.empty:
        fail(("where",), "keeps no rows of the data")
    columns = [str(c) for c in df.columns]
    named = [(("chart", key), ex["chart"][key]) for key in ("x", "y", "series") if key in ex.get("chart", {})]
    named += [(("filters", i, "column"), f["column"]) for i, f in enumerate(ex.get("filters", []))]
    named += [(("range", "column"), ex["range"]["column"])] if "range" in ex else []
    named += [(("columns", i), c) for i, c in enumerate(ex.get("columns", []))]
    for where, column in named:
        if column not in columns:
            fail(where, f"no column {column!r} in the data; columns: {', '.join(columns)}")
    return df


def _check_numeric(q: dict, df, where: tuple, fail) -> None:
    from . import tables
    if ("answer" in q) == ("answer_from" in q):
        fail(where, "give exactly one of `answer` (a number) or `answer_from` (computed from the data)")
    if "answer_from" in q:
        if df is None:
            fail((*where, "answer_from"), "answer_from needs `data:` or `dataset:`")
        rule = q["answer_from"]
        for column in [rule["column"], *rule.get("where", {})]:
            if column not in df.columns:
                fail((*where, "answer_from"), f"no column {column!r} in the data; columns: {', '.join(map(str, df.columns))}")
        try:
            tables.compute(df, rule)
        except (LookupError, TypeError, ValueError) as err:
            fail((*where, "answer_from"), f"cannot compute the answer: {err}")


def _check_decision(ex: dict, fail, keyed: bool = True) -> None:
    ids: dict[str, int] = {}
    for i, node in enumerate(ex["nodes"]):
        if node["id"] in ids:
            fail(("nodes", i, "id"), f"duplicate node id {node['id']!r}")
        ids[node["id"]] = i
        if "choices" in node and ("sound" in node or "debrief" in node):
            fail(("nodes", i), "a node has either choices or (as an ending) sound and debrief, not both")
        if keyed and "choices" not in node and not ("sound" in node and "debrief" in node):
            fail(("nodes", i), "an ending node needs `sound` and `debrief` (or give it `choices`)")
    if ex["start"] not in ids:
        fail(("start",), f"no node {ex['start']!r}; node ids: {', '.join(ids)}")
    for i, node in enumerate(ex["nodes"]):
        for k, choice in enumerate(node.get("choices", [])):
            if choice["next"] not in ids:
                fail(("nodes", i, "choices", k, "next"), f"no node {choice['next']!r}; node ids: {', '.join(ids)}")
    # every path from the start must end: no cycles, and every node reachable
    seen, visiting = set(), set()

    def walk(node_id: str) -> None:
        if node_id in visiting:
            fail(("nodes", ids[node_id]), f"node {node_id!r} can be reached again from itself: paths must end")
        if node_id in seen:
            return
        visiting.add(node_id)
        for choice in ex["nodes"][ids[node_id]].get("choices", []):
            walk(choice["next"])
        visiting.discard(node_id)
        seen.add(node_id)

    walk(ex["start"])
    for node_id, i in ids.items():
        if node_id not in seen:
            fail(("nodes", i), f"node {node_id!r} cannot be reached from the start")


def load_bank(path: Path | str) -> Bank:
    path = Path(path)
    return parse_bank(read_text(path, max_file_bytes(SCHEMA_PATH)), path)


def load_banks(directory: Path | str = BANKS_DIR) -> dict[str, Bank]:
    """Every bank in ``directory``. A bank must end in ``.yml``: any other YAML-looking file
    there (``.yaml``, ``.YML``) is refused rather than silently skipped."""
    for file in sorted(Path(directory).iterdir()):
        if file.suffix.lower() in (".yml", ".yaml") and file.suffix != ".yml":
            raise SpecError(file, None, "", f"a bank file must end in .yml; rename it to {file.stem}.yml "
                            "(it would be skipped otherwise)")
    banks = {}
    for file in sorted(Path(directory).glob("*.yml")):
        bank = load_bank(file)
        banks[bank.name] = bank
    return banks


def find_exercise(ref: str, directory: Path | str = BANKS_DIR) -> dict:
    """Look up ``"bank/exercise-id"``; unknown names list the valid ones."""
    bank_name, sep, exercise_id = ref.partition("/")
    if not sep:
        raise KeyError(f"exercise reference {ref!r} must look like 'bank/exercise-id'")
    file = Path(directory) / f"{bank_name}.yml"
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", bank_name) or not file.exists():
        valid = ", ".join(sorted(p.stem for p in Path(directory).glob("*.yml")))
        raise KeyError(f"no exercise bank {bank_name!r} in {directory}; valid banks: {valid}")
    return load_bank(file).get(exercise_id)
