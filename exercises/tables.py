"""The data behind an exercise: an inline ``data:`` table or a named ``dataset:``.

Exercises that draw on data (``numeric``, ``data_explorer``) name their table either
inline in the spec::

    data:
      columns: [year, oda_gni]
      rows: [[2000, 0.28], [2001, 0.23]]

or as a curated dataset (``dataset: <name>``, loaded by ``exercises.datasets.load``).
An expected value that comes from data is never written into the spec: the spec says
how to compute it (``answer_from``) and Python computes it when the widget is made::

    answer_from: {column: oda_gni, where: {name: Japan}, aggregate: max}

``where: {column: value or [values]}`` beside ``data``/``dataset`` keeps only those rows
(for the chart, the table and ``answer_from`` alike).
"""
from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported when a table is first built: most pages show none
    import pandas as pd

AGGREGATES = ("first", "sum", "mean", "min", "max", "count")


def frame(spec: dict) -> pd.DataFrame:
    """The spec's table as a DataFrame, limited to the rows its ``where`` keeps."""
    if "data" in spec:
        import pandas as pd
        df = pd.DataFrame(spec["data"]["rows"], columns=spec["data"]["columns"])
    else:
        try:
            from . import datasets
        except ImportError as err:  # the loaders are not installed
            raise LookupError(f"dataset {spec['dataset']!r} cannot be loaded: {err}") from None
        df = datasets.load(spec["dataset"])
    return select(df, spec.get("where")).reset_index(drop=True)


def select(df: pd.DataFrame, where: dict | None) -> pd.DataFrame:
    """Rows whose columns equal the given values (a list means any of them)."""
    for column, wanted in (where or {}).items():
        df = df[df[column].isin(wanted if isinstance(wanted, list) else [wanted])]
    return df


def compute(df: pd.DataFrame, answer_from: dict) -> float:
    """Evaluate ``answer_from`` ({column, where, aggregate}) on the table."""
    values = select(df, answer_from.get("where"))[answer_from["column"]].dropna()
    how = answer_from.get("aggregate", "first")
    if how == "count":
        return float(len(values))
    if values.empty:
        raise LookupError(f"answer_from {answer_from} selects no rows")
    value = values.iloc[0] if how == "first" else getattr(values, how)()
    return float(value)


def expected_value(spec: dict) -> float:
    """A numeric question's expected answer: ``answer``, or computed from the data."""
    if "answer" in spec:
        return float(spec["answer"])
    return compute(frame(spec), spec["answer_from"])


def lookup(rule: dict):
    """One value: ``{dataset or data, column, where}`` -> the first matching cell."""
    values = select(frame(rule), rule.get("where"))[rule["column"]].dropna()
    if values.empty:
        raise LookupError(f"{rule} selects no rows")
    value = values.iloc[0]
    return value.item() if hasattr(value, "item") else value


def factor_names(spec: dict) -> list[str]:
    """A risk assessment's factor names: given, or looked up (``name_from``) in a dataset."""
    return [f["name"] if "name" in f else str(lookup(f["name_from"])) for f in spec["factors"]]


def format_number(value: float, decimals: int = 0) -> str:
    """``12345.678`` -> ``"12,346"`` (decimals=0); the browser shows the same text."""
    return f"{value:,.{decimals}f}"


def as_json_table(df: pd.DataFrame, columns: list[str] | None = None) -> dict:
    """``{"columns": [...], "rows": [[...], ...]}`` with plain JSON values (NaN -> null)."""
    df = df[columns] if columns else df
    data = json.loads(df.to_json(orient="split", index=False, double_precision=15))
    rows = [[None if isinstance(v, float) and math.isnan(v) else v for v in row] for row in data["data"]]
    return {"columns": [str(c) for c in data["columns"]], "rows": rows}
