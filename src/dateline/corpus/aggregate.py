"""Counts over time: events by dyad and day/week/month, Goldstein sums and means,
QuadClass and PLOVER type counts, by event date or by publication date."""

from __future__ import annotations

import dataclasses
from typing import Literal

import pandas as pd

from dateline.corpus.query import DateField, Filters, Table, date_expression, table_name
from dateline.corpus.store import CorpusStore

# "all": no time grouping (totals per dyad and type over the whole selection).
Period = Literal["day", "week", "month", "year", "all"]
Dyad = Literal["country", "actor", "code", "none"]

_DYAD_COLUMNS: dict[Dyad, tuple[str, str] | None] = {
    "country": ("actor1_country", "actor2_country"),
    "actor": ("actor1_name", "actor2_name"),
    "code": ("actor1_code", "actor2_code"),
    "none": None,
}


def aggregate(
    store: CorpusStore,
    *,
    period: Period = "day",
    dyad: Dyad = "country",
    by_type: bool = False,
    table: Table = "events",
    date_field: DateField = "event",
    filters: Filters | None = None,
) -> pd.DataFrame:
    """One row per period (and dyad, and type): counts, Goldstein, QuadClass counts.

    Weeks start on Monday (ISO). ``table="clusters"`` counts each merged event once
    however many articles reported it; ``"events"`` counts reports.
    """
    if period not in ("day", "week", "month", "year", "all"):
        raise ValueError(f"period must be day, week, month, year or all, not {period!r}")
    filters = filters or Filters()
    filters.date_field = date_field
    where, params = filters.where(table)
    day = date_expression(table, date_field)
    keys = [] if period == "all" else [f"CAST(date_trunc('{period}', {day}) AS DATE) AS period"]
    dyad_columns = _DYAD_COLUMNS[dyad]
    if dyad_columns:
        keys += [f"{dyad_columns[0]} AS actor1", f"{dyad_columns[1]} AS actor2"]
    if by_type:
        keys.append("type")
    # ``GROUP BY ALL`` with no keys gives the one row of totals.
    group = ", ".join(str(i) for i in range(1, len(keys) + 1)) or "ALL"
    order = f"ORDER BY {group}" if keys else ""
    quads = ", ".join(f"count(*) FILTER (WHERE quad_class = {q}) AS quad{q}" for q in (1, 2, 3, 4))
    sql = f"""
        SELECT {", ".join(keys)},
               count(*) AS events,
               sum(goldstein) AS goldstein_sum,
               avg(goldstein) AS goldstein_mean,
               {quads}
        FROM {table_name(table)}
        WHERE {where} AND {day} IS NOT NULL
        GROUP BY {group}
        {order}
    """
    result: pd.DataFrame = store.con.execute(sql, params).df()
    return result


def type_counts(
    store: CorpusStore, *, table: Table = "events", filters: Filters | None = None
) -> pd.DataFrame:
    """Events per PLOVER type and QuadClass, most frequent first."""
    filters = filters or Filters()
    where, params = filters.where(table)
    sql = f"""
        SELECT type, quad_class, count(*) AS events, avg(goldstein) AS goldstein_mean
        FROM {table_name(table)} WHERE {where}
        GROUP BY 1, 2 ORDER BY events DESC, type
    """
    result: pd.DataFrame = store.con.execute(sql, params).df()
    return result


def top_actors(
    store: CorpusStore,
    *,
    since: str,
    until: str,
    limit: int = 10,
    table: Table = "events",
    date_field: DateField = "event",
    filters: Filters | None = None,
) -> pd.DataFrame:
    """Actors (as source or target) with the most events in a date range.

    ``filters``, when given, narrow the events further (their dates are replaced by
    ``since`` and ``until``).
    """
    if filters is None:
        filters = Filters()
    filters = dataclasses.replace(filters, since=since, until=until, date_field=date_field)
    where, params = filters.where(table)
    source = table_name(table)
    sql = f"""
        SELECT actor, count(*) AS events FROM (
            SELECT actor1_name AS actor FROM {source} WHERE {where}
            UNION ALL
            SELECT actor2_name AS actor FROM {source} WHERE {where}
        ) WHERE actor IS NOT NULL
        GROUP BY actor ORDER BY events DESC, actor LIMIT {int(limit)}
    """
    result: pd.DataFrame = store.con.execute(sql, params + params).df()
    return result
