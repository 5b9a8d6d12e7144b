"""The course's curated datasets: load them as typed DataFrames, and validate the package.

Every dataset is a CSV in ``data/`` described by ``data/datapackage.json`` (a Frictionless
Data Package). The schema there is the single source of column types, so

    >>> from exercises import load
    >>> load("un_special_advisers").dtypes["start_year"]      # doctest: +SKIP
    Int64Dtype()

``load()`` is strict: a row, column or value the schema does not allow (and a duplicate
primary key, or a foreign key with no match) raises :class:`DataError` rather than being
dropped or turned into a missing value. ``validate()`` runs Frictionless validation plus
the course's cross-checks between datasets (``python -m exercises validate-data``, run by
``make book``). Every DataError names ``file:line: field`` for each problem.
``publish()`` validates a staged copy of the package and only then replaces the live one.
"""
from __future__ import annotations

import csv
import datetime as _dt
import functools
import io
import json
import math
import re
import shutil
from pathlib import Path

import pandas as pd
from .paths import DATA_DIR

PACKAGE = DATA_DIR / "datapackage.json"
UNSC_INDEX = "sources/unsc_resolutions_index_1946_2015.csv"
REQUIRED_METADATA = ("title", "description", "sources", "licenses", "version", "retrieved", "caveats")


class DataError(ValueError):
    """The data package is invalid; ``problems`` lists one ``file:line: field: message`` each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the data package:\n" + "\n".join(problems))


# --------------------------------------------------------------------------- loading

@functools.cache
def _descriptor(package: Path) -> dict:
    """The package descriptor; unreadable or malformed JSON is a DataError naming file and line."""
    try:
        descriptor = json.loads(package.read_bytes().decode("utf-8"))
    except OSError as err:
        raise DataError([f"{package}: -: cannot read it: {err.strerror or err}"]) from None
    except UnicodeDecodeError as err:
        line = package.read_bytes().count(b"\n", 0, err.start) + 1
        raise DataError([f"{package}:{line}: -: not UTF-8 text (byte at offset {err.start})"]) from None
    except json.JSONDecodeError as err:
        raise DataError([f"{package}:{err.lineno}: -: not valid JSON: {err.msg} (column {err.colno})"]) from None
    except RecursionError:
        raise DataError([f"{package}: -: nested too deeply"]) from None
    problems = _structure_problems(descriptor, package)
    if problems:
        raise DataError(problems)
    return descriptor


def _structure_problems(descriptor, package: Path) -> list[str]:
    """What load() relies on: resources with a name, a safe relative path and a field list."""
    where = f"{package}: "
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return [where + "resources: must be a list of datasets"]
    problems, seen = [], set()
    for i, res in enumerate(descriptor["resources"]):
        at = f"{where}resources[{i}]"
        if not isinstance(res, dict):
            problems.append(f"{at}: must be an object")
            continue
        name, path, schema = res.get("name"), res.get("path"), res.get("schema")
        if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
            problems.append(f"{at}.name: must be a lower-case name, not {name!r}")
        elif name in seen:
            problems.append(f"{at}.name: {name!r} is given twice")
        seen.add(name)
        if (not isinstance(path, str) or not path or Path(path).is_absolute() or ".." in Path(path).parts
                or "\\" in path):
            problems.append(f"{at}.path: must be a file path inside the package's folder, not {path!r}")
        fields = schema.get("fields") if isinstance(schema, dict) else None
        if not isinstance(fields, list) or not fields or not all(
                isinstance(f, dict) and isinstance(f.get("name"), str) for f in fields):
            problems.append(f"{at}.schema.fields: must be a list of fields, each with a name")
    return problems

def _resources(package: Path = PACKAGE) -> dict[str, dict]:
    return {r["name"]: r for r in _descriptor(Path(package))["resources"]}


def names(package: Path = PACKAGE) -> list[str]:
    """The names of all datasets in the package, in package order."""
    return list(_resources(package))


def resource(name: str, package: Path = PACKAGE) -> dict:
    """The package's descriptor of one dataset (title, sources, schema, caveats ...)."""
    resources = _resources(package)
    if name not in resources:
        raise KeyError(f"unknown dataset {name!r}; valid names: {', '.join(resources)}")
    return resources[name]


def _typed(column: pd.Series, field: dict) -> pd.Series:
    kind = field.get("type", "string")
    values = column.replace("", pd.NA)
    enum = field.get("constraints", {}).get("enum")
    if kind == "integer":
        return pd.to_numeric(values).astype("Int64")
    if kind == "number":
        return pd.to_numeric(values).astype("Float64")
    if kind == "boolean":
        truth = {v: True for v in field.get("trueValues", ["true", "True", "TRUE", "1"])}
        truth.update({v: False for v in field.get("falseValues", ["false", "False", "FALSE", "0"])})
        return values.map(truth, na_action="ignore").astype("boolean")
    if kind == "date":
        return pd.to_datetime(values, format="%Y-%m-%d")
    if kind == "year":
        return pd.to_numeric(values).astype("Int64")
    if enum:
        return values.astype(pd.CategoricalDtype(enum))
    return values.astype("string")


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the rows of a CSV file, each row with the line it starts on."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as err:
        raise DataError([f"{path.name}: cannot read it: {err.strerror or err}"]) from None
    except UnicodeDecodeError as err:
        line = path.read_bytes().count(b"\n", 0, err.start) + 1
        raise DataError([f"{path.name}:{line}: -: not UTF-8 text"]) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows, start = [], 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as err:
        raise DataError([f"{path.name}:{start}: -: not valid CSV: {err}"]) from None
    if not rows:
        raise DataError([f"{path.name}:1: -: the file is empty (no header)"])
    return rows[0][1], [(line, row) for line, row in rows[1:] if row]


def _cell_problem(value: str, field: dict) -> str | None:
    """Why ``value`` does not fit ``field`` (type and constraints), or None."""
    kind, rules = field.get("type", "string"), field.get("constraints", {})
    if value == "":
        return "a value is required" if rules.get("required") else None
    number = None
    if kind in ("integer", "year"):
        if not re.fullmatch(r"[+-]?[0-9]+", value):
            return f"{value!r} is not an integer"
        number = int(value)
    elif kind == "number":
        try:
            number = float(value)
        except ValueError:
            return f"{value!r} is not a number"
        if not math.isfinite(number):
            return f"{value!r} is not a finite number"
    elif kind == "boolean":
        allowed = (field.get("trueValues", ["true", "True", "TRUE", "1"])
                   + field.get("falseValues", ["false", "False", "FALSE", "0"]))
        if value not in allowed:
            return f"{value!r} is not one of {', '.join(allowed)}"
    elif kind == "date":
        try:
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
                raise ValueError
            _dt.date.fromisoformat(value)
        except ValueError:
            return f"{value!r} is not a date (YYYY-MM-DD)"
    if "enum" in rules and value not in [str(v) for v in rules["enum"]]:
        return f"{value!r} is not one of the allowed values ({', '.join(map(str, rules['enum']))})"
    if "pattern" in rules and not re.fullmatch(rules["pattern"], value):
        return f"{value!r} does not match the pattern {rules['pattern']}"
    for key, too in (("minimum", lambda a, b: a < b), ("maximum", lambda a, b: a > b)):
        if key in rules:
            bound = rules[key]
            mine = number if number is not None else value
            if isinstance(bound, str) == isinstance(mine, str) and too(mine, bound):
                return f"{value} is {'below the minimum' if key == 'minimum' else 'above the maximum'} {bound}"
    if "maxLength" in rules and len(value) > rules["maxLength"]:
        return f"longer than {rules['maxLength']} characters"
    return None


def _strict_problems(res: dict, package: Path, header: list[str], rows: list) -> list[str]:
    """Everything load() would otherwise drop, keep or turn into a missing value."""
    file, fields = res["path"], res["schema"]["fields"]
    names_ = [f["name"] for f in fields]
    problems = [f"{file}:1: {c}: column not in the schema (datapackage.json)" for c in header if c not in names_]
    problems += [f"{file}:1: {c}: column missing from the file" for c in names_ if c not in header]
    if len(set(header)) != len(header):
        problems.append(f"{file}:1: -: a column name is given twice")
    if problems:
        return problems
    index = {c: header.index(c) for c in names_}
    schema = res["schema"]
    pk = schema.get("primaryKey", [])
    pk = [pk] if isinstance(pk, str) else list(pk)
    keys: dict[tuple, int] = {}
    fks = []
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        target = resource(ref["resource"], package) if ref.get("resource") else res
        t_header, t_rows = (header, rows) if target is res else _read_csv(Path(package).parent / target["path"])
        column = t_header.index(ref["fields"]) if ref["fields"] in t_header else None
        known = {row[column] for _, row in t_rows if column is not None and column < len(row)}
        fks.append((fk["fields"], f"{target['name']}.{ref['fields']}", known))
    for line, row in rows:
        if len(row) != len(header):
            problems.append(f"{file}:{line}: -: the row has {len(row)} values; the header has {len(header)} "
                            "(a value missing or a comma too many)")
            continue
        for field in fields:
            why = _cell_problem(row[index[field["name"]]], field)
            if why:
                problems.append(f"{file}:{line}: {field['name']}: {why}")
        if pk:
            key = tuple(row[index[c]] for c in pk)
            if key in keys:
                problems.append(f"{file}:{line}: {', '.join(pk)}: duplicate primary key "
                                f"{', '.join(key)} (first on line {keys[key]})")
            keys.setdefault(key, line)
        for column, target, known in fks:
            value = row[index[column]]
            if value and value not in known:
                problems.append(f"{file}:{line}: {column}: {value!r} is not in {target}")
    return problems


def load(name: str, package: Path = PACKAGE, strict: bool = True) -> pd.DataFrame:
    """One dataset as a DataFrame typed from the package schema.

    Integers become nullable ``Int64``, numbers ``Float64``, booleans ``boolean``, dates
    ``datetime64``, enumerated strings categoricals (in schema order), other strings
    ``string``. Empty cells are missing values. Unknown names raise ``KeyError``.

    Strict (the default): a column the schema does not list (or one it lists that is
    missing), a row with too few or too many values, a value of the wrong type or outside
    its constraints, a duplicate primary key or a foreign key with no match raises a
    :class:`DataError` naming ``file:line: field`` for each, instead of being dropped, kept
    or turned into a missing value. ``strict=False`` loads what it can.
    """
    return _load(name, Path(package), strict, _stamp(Path(package))).copy()


def _stamp(package: Path) -> tuple:
    """What a load reads, as it is now: the descriptor's and every dataset file's size and time."""
    def stat(path: Path) -> tuple:
        try:
            st = path.stat()
            return (str(path), st.st_mtime_ns, st.st_size)
        except OSError:
            return (str(path), None, None)
    try:
        paths = [package.parent / r["path"] for r in _resources(package).values()]
    except (DataError, KeyError, TypeError):
        paths = []
    return (stat(package), *map(stat, paths))


@functools.lru_cache(maxsize=64)
def _load(name: str, package: Path, strict: bool, stamp: tuple) -> pd.DataFrame:
    """load(), once for each state of the files (``stamp``): a page that shows many data
    exercises, or the progress panel's versions of every exercise, reads and checks each
    dataset once. load() hands out copies, so no caller changes another's frame."""
    res = resource(name, package)
    path = Path(package).parent / res["path"]
    if not strict:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
        return pd.DataFrame({f["name"]: _typed(raw[f["name"]], f) for f in res["schema"]["fields"]})
    header, rows = _read_csv(path)
    problems = _strict_problems(res, package, header, rows)
    if problems:
        raise DataError(problems[:20] + ([f"... and {len(problems) - 20} more"] if len(problems) > 20 else []))
    raw = pd.DataFrame([row for _, row in rows], columns=header, dtype=str) if rows else \
        pd.DataFrame({c: pd.Series([], dtype=str) for c in header})
    return pd.DataFrame({f["name"]: _typed(raw[f["name"]], f) for f in res["schema"]["fields"]})


# --------------------------------------------------------------------------- validation

def _metadata_problems(descriptor: dict) -> list[str]:
    problems = []
    for res in descriptor.get("resources", []):
        where = f"datapackage.json: resource {res.get('name')!r}"
        for key in REQUIRED_METADATA:
            if not res.get(key):
                problems.append(f"{where}: missing {key}")
        for i, src in enumerate(res.get("sources", [])):
            if not src.get("title") or not (src.get("path") or src.get("symbol")):
                problems.append(f"{where}: source {i + 1} needs a title and a path (URL) or UN symbol")
        if not isinstance(res.get("caveats", []), list):
            problems.append(f"{where}: caveats must be a list of strings")
    return problems


def _frictionless_problems(package: Path) -> list[str]:
    from frictionless import FrictionlessException, Package, system

    problems = []
    try:
        with system.use_context(trusted=True):
            report = Package(str(package)).validate()
    except FrictionlessException as exc:
        reasons = [r.message for r in exc.reasons] or [exc.error.message]
        return [f"{package.name}: {reason}" for reason in reasons]
    for task in report.tasks:
        path = Path(task.place).name
        for error in task.errors:
            line = getattr(error, "row_number", None)
            field = getattr(error, "field_name", None) or ", ".join(getattr(error, "field_names", None) or [])
            where = f"{path}:{line}" if line else path
            problems.append(f"{where}: {field or '-'}: {error.type}: {error.note or error.message}")
    return problems


def _cross_problems(package: Path) -> list[str]:
    """Checks that span datasets or rows, beyond what a schema can say."""
    problems: list[str] = []
    tables = {name: load(name, package) for name in names(package)}
    paths = {name: resource(name, package)["path"] for name in names(package)}

    def report(name: str, index, field: str, message: str):
        problems.append(f"{paths[name]}:{int(index) + 2}: {field}: {message}")

    # Every foreign key in every schema resolves (Frictionless reports these too, but
    # only when the referenced table itself loads; this names the row either way).
    for name in tables:
        for fk in resource(name, package)["schema"].get("foreignKeys", []):
            field, ref = fk["fields"], fk["reference"]
            target = tables[ref["resource"] or name][ref["fields"]]
            known = set(target.dropna().astype(str))
            for i, value in tables[name][field].items():
                if pd.notna(value) and str(value) not in known:
                    report(name, i, field, f"{value!r} is not in {ref['resource']}.{ref['fields']}")

    # Advisers: start <= end, compared at the precision both give.
    adv = tables["un_special_advisers"]
    for i, row in adv.iterrows():
        if pd.notna(row["end"]):
            n = min(len(row["start"]), len(row["end"]))
            if row["start"][:n] > row["end"][:n]:
                report("un_special_advisers", i, "end", f"ends ({row['end']}) before it starts ({row['start']})")
        if int(row["start"][:4]) != row["start_year"]:
            report("un_special_advisers", i, "start_year", "does not match start")
        if pd.notna(row["end"]) and int(row["end"][:4]) != row["end_year"]:
            report("un_special_advisers", i, "end_year", "does not match end")

    # R2P resolutions: dated within their body's existence; unverified rows stay flagged.
    res, bodies = tables["r2p_resolutions"], tables["un_bodies"].set_index("body")
    for i, row in res.iterrows():
        if row["body"] in bodies.index and row["date"] < bodies.loc[row["body"], "established"]:
            report("r2p_resolutions", i, "date", f"{row['date']:%Y-%m-%d} is before {row['body']} existed")
        if row["evidence_type"] == "memory" and row["verification_status"] != "unverified_check_text":
            report("r2p_resolutions", i, "verification_status", "a row from memory must be unverified_check_text")
        if pd.isna(row["source_url"]) and row["verification_status"] != "unverified_check_text":
            report("r2p_resolutions", i, "source_url", "a verified row needs a source URL")
        if row["verification_status"] == "verified_quote" and not re.search(r"'[^']{15,}'", str(row["r2p_reference"])):
            report("r2p_resolutions", i, "r2p_reference", "a verified quote must quote the words (in single quotes)")
        if row["scope"] == "country" and pd.isna(row["iso3"]):
            report("r2p_resolutions", i, "iso3", "a country-specific resolution needs a country code")

    # Security Council rows agree with the UNSC index (1946 - April 2015) on number, year and,
    # where the index gives one, the date.
    index_path = Path(package).parent / UNSC_INDEX
    if index_path.exists():
        index = pd.read_csv(index_path, dtype=str, keep_default_na=False).set_index("resolution")
        last = int(index["number"].astype(int).max())
        for i, row in res[res["body"] == "UNSC"].iterrows():
            if not row["number"].isdigit() or int(row["number"]) > last:
                continue
            if row["symbol"] not in index.index:
                report("r2p_resolutions", i, "symbol", f"{row['symbol']} is not in {UNSC_INDEX}")
                continue
            entry = index.loc[row["symbol"]]
            if int(entry["year"]) != row["date"].year:
                report("r2p_resolutions", i, "date", f"year {row['date'].year} differs from {UNSC_INDEX} ({entry['year']})")
            elif entry["date"] and pd.to_datetime(entry["date"], format="%d %B %Y") != row["date"]:
                report("r2p_resolutions", i, "date", f"{row['date']:%Y-%m-%d} differs from {UNSC_INDEX} ({entry['date']})")

    # Framework indicators: the number is factor.position of the same row.
    if "atrocity_risk_indicators" in tables:
        for i, row in tables["atrocity_risk_indicators"].iterrows():
            if row["indicator"] != f"{row['factor_number']}.{row['position']}":
                report("atrocity_risk_indicators", i, "indicator",
                       f"{row['indicator']!r} does not match factor {row['factor_number']}, position {row['position']}")

    # Opinion survey: within one round and single-answer question, shares cannot exceed 100 %.
    if "japan_public_opinion" in tables:
        opinion = tables["japan_public_opinion"]
        for i, row in opinion.iterrows():
            if row["survey_round"] != f"{row['year']:04d}-{row['month']:02d}":
                report("japan_public_opinion", i, "survey_round", f"does not match year {row['year']} and month {row['month']}")
        single = opinion[~opinion["multiple_answers"].astype(bool)]
        for _, group in single.groupby(["survey_round", "question_id"], observed=True):
            if group["percent"].sum() > 100.05:
                report("japan_public_opinion", group["percent"].idxmax(), "percent",
                       f"single-answer shares of round {group['survey_round'].iloc[0]} add up to "
                       f"{group['percent'].sum():.1f} % (> 100); the largest is on this line")

    # Milestones that cite a resolution agree with the resolution table on its date.
    dates = dict(zip(res["symbol"], res["date"], strict=False))
    for i, row in tables["milestones"].iterrows():
        if row["source"] in dates and row["date_precision"] == "day" and row["date"] != dates[row["source"]]:
            report("milestones", i, "date", f"{row['date']:%Y-%m-%d} differs from {row['source']} "
                                            f"in r2p_resolutions ({dates[row['source']]:%Y-%m-%d})")

    # Risk assessments: within an edition, a better (lower) rank never has a lower risk.
    sra = tables["ewp_risk_assessments"]
    for edition, group in sra.groupby("edition"):
        ordered = group.sort_values(["rank_2yr", "risk_2yr"], ascending=[True, False])
        falls = ordered["risk_2yr"].diff().fillna(0) > 0
        for i in ordered.index[falls.to_numpy()]:
            report("ewp_risk_assessments", i, "rank_2yr", f"rank {sra.loc[i, 'rank_2yr']} of edition {edition} "
                                                          f"has a higher risk than a better-ranked country")
        if group["rank_2yr"].max() > len(group):
            report("ewp_risk_assessments", group["rank_2yr"].idxmax(), "rank_2yr", f"rank above {len(group)}")

    # Episodes: end >= start; open-ended episodes are flagged ongoing.
    for name, start, end, flag in [("ewp_mass_killing_episodes", "start_year", "end_year", "ongoing"),
                                   ("pitf_genocide_politicide_episodes", "start_year", "end_year", "ongoing_at_end_2014")]:
        for i, row in tables[name].iterrows():
            if pd.notna(row[end]) and row[end] < row[start]:
                report(name, i, end, f"ends ({row[end]}) before it starts ({row[start]})")
            if pd.isna(row[end]) != bool(row[flag]):
                report(name, i, flag, f"must be true exactly when {end} is empty")
    return problems


def validate(package: Path | str = PACKAGE) -> None:
    """Validate the package (metadata, Frictionless, cross-checks); raise DataError if invalid."""
    package = Path(package)
    _descriptor.cache_clear()
    _load.cache_clear()
    problems = _metadata_problems(_descriptor(package))
    problems += _frictionless_problems(package)
    if not problems:  # cross-checks need tables that load
        problems += _cross_problems(package)
    if problems:
        raise DataError(problems)


def publish(staging: Path | str, target: Path | str) -> None:
    """Replace the package folder ``target`` with ``staging``, only if ``staging`` validates.

    On failure ``target`` is untouched and a DataError is raised. The swap is two renames
    of sibling folders, so readers never see a half-written package.
    """
    staging, target = Path(staging), Path(target)
    validate(staging / "datapackage.json")
    fresh, old = target.with_name(target.name + ".new"), target.with_name(target.name + ".old")
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.copytree(staging, fresh)
    target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old)
    _descriptor.cache_clear()
    _load.cache_clear()
