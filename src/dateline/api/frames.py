"""pandas frames from the corpus functions as JSON-ready rows."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import pandas as pd

# 63-bit ids do not survive a JavaScript number (53 bits): they travel as strings.
ID_COLUMNS = frozenset({"event_uid", "cluster_id", "representative_uid"})


def json_value(value: Any) -> Any:
    """A value of a DuckDB/pandas cell as plain JSON (dates as ISO strings)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        if value.hour == value.minute == value.second == 0 and not value.microsecond:
            return value.date().isoformat()  # DATE columns arrive as midnight timestamps
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, np.ndarray | list | tuple):
        return [json_value(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    names = [str(c) for c in frame.columns]
    return [record_row(names, values) for values in frame.itertuples(index=False, name=None)]


def record_row(names: list[str], values: tuple[Any, ...]) -> dict[str, Any]:
    """One row of a DB-API cursor as JSON, ids as strings."""
    row = {}
    for name, value in zip(names, values, strict=True):
        converted = json_value(value)
        if name in ID_COLUMNS and converted is not None:
            converted = str(converted)
        row[name] = converted
    return row
