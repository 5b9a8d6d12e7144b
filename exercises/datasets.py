"""The course's curated datasets: load them as typed DataFrames, and validate the package.

Every dataset is a CSV in ``data/`` described by ``data/datapackage.json`` (a Frictionless
Data Package). The schema there is the single source of column types, so

    >>> from exercises import load
    >>> load("un_special_advisers").dtypes["start_year"]      # doctest: +SKIP
    Int64Dtype()

``validate()`` runs Frictionless validation plus the course's cross-checks between
datasets and raises :class:`DataError` whose message names file, line and field.
``publish()`` validates a staged copy of the package and only then replaces the live one.
"""
from __future__ import annotations

import functools
import json
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
    return json.loads(package.read_text(encoding="utf-8"))


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


def load(name: str, package: Path = PACKAGE) -> pd.DataFrame:
    """One dataset as a DataFrame typed from the package schema.

    Integers become nullable ``Int64``, numbers ``Float64``, booleans ``boolean``, dates
    ``datetime64``, enumerated strings categoricals (in schema order), other strings
    ``string``. Empty cells are missing values. Unknown names raise ``KeyError``.
    """
    res = resource(name, package)
    raw = pd.read_csv(Path(package).parent / res["path"], dtype=str, keep_default_na=False)
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
