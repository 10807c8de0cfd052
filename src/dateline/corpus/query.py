"""Filtered selections of events (or merged events) as pandas DataFrames."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from dateline.corpus.store import CorpusStore

Table = Literal["events", "clusters"]
DateField = Literal["event", "published"]

# Columns shown by default (the CLI table); the API returns every column.
SUMMARY_COLUMNS: dict[Table, tuple[str, ...]] = {
    "events": (
        "event_date",
        "type",
        "status",
        "actor1_name",
        "actor2_name",
        "location_name",
        "outlet",
        "evidence_text",
    ),
    "clusters": (
        "event_date",
        "type",
        "status",
        "actor1_name",
        "actor2_name",
        "location_name",
        "num_articles",
        "num_sources",
        "evidence_text",
    ),
}


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


@dataclass(slots=True)
class Filters:
    """What ``dateline query`` filters on; each option may be a comma-separated list."""

    actor: str | None = None  # substring of an actor name, or a CAMEO code / KB id
    country: str | None = None  # ISO alpha-3 of either actor or the location
    source_country: str | None = None  # ISO alpha-3 of the first source actor
    target_country: str | None = None  # ISO alpha-3 of the first target actor
    type: str | None = None  # PLOVER type (or the folded ``plover`` category)
    status: str | None = None
    since: dt.date | str | None = None
    until: dt.date | str | None = None
    text: str | None = None  # substring of the evidence sentence
    date_field: DateField = "event"

    def where(self, table: Table) -> tuple[str, list[Any]]:
        """A SQL WHERE clause (``"TRUE"`` when empty) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if actors := _split(self.actor):
            names = (
                "concat_ws(' | ', array_to_string(source_actors, ' | '), "
                "array_to_string(target_actors, ' | '))"
                if table == "events"
                else "concat_ws(' | ', actor1_name, actor2_name)"
            )
            ors = []
            for actor in actors:
                ors.append(
                    f"({names} ILIKE ? OR actor1_code = ? OR actor2_code = ? "
                    "OR actor1_kb = ? OR actor2_kb = ?)"
                )
                params += [f"%{actor}%", actor.upper(), actor.upper(), actor, actor]
            clauses.append("(" + " OR ".join(ors) + ")")
        if countries := [c.upper() for c in _split(self.country)]:
            marks = ", ".join("?" * len(countries))
            clauses.append(
                f"(actor1_country IN ({marks}) OR actor2_country IN ({marks}) "
                f"OR location_country IN ({marks}))"
            )
            params += countries * 3
        for column, value in (
            ("actor1_country", self.source_country),
            ("actor2_country", self.target_country),
        ):
            if codes := [c.upper() for c in _split(value)]:
                clauses.append(f"{column} IN ({', '.join('?' * len(codes))})")
                params += codes
        if types := [t.upper() for t in _split(self.type)]:
            marks = ", ".join("?" * len(types))
            clauses.append(f"(type IN ({marks}) OR plover IN ({marks}))")
            params += types * 2
        if statuses := [s.lower() for s in _split(self.status)]:
            clauses.append(f"status IN ({', '.join('?' * len(statuses))})")
            params += statuses
        date_column = date_expression(table, self.date_field)
        if self.since:
            clauses.append(f"{date_column} >= CAST(? AS DATE)")
            params.append(str(self.since))
        if self.until:
            clauses.append(f"{date_column} <= CAST(? AS DATE)")
            params.append(str(self.until))
        if self.text:
            clauses.append("evidence_text ILIKE ?")
            params.append(f"%{self.text}%")
        return (" AND ".join(clauses) or "TRUE"), params


def date_expression(table: Table, date_field: DateField) -> str:
    """The date an event counts on: its own date, or when it was (first) reported."""
    published = "published" if table == "events" else "first_report"
    if date_field == "published":
        return published
    return f"coalesce(event_date, {published})"


def table_name(table: Table) -> str:
    return "events" if table == "events" else "event_clusters"


def query(
    store: CorpusStore,
    filters: Filters | None = None,
    *,
    table: Table = "events",
    limit: int | None = None,
    columns: tuple[str, ...] | None = None,
    offset: int | None = None,
    newest_first: bool = False,
) -> pd.DataFrame:
    """Events (or merged events with ``table="clusters"``) matching the filters.

    ``offset`` skips that many rows of the ordered result (paging, as the API does);
    ``newest_first`` reverses the date order (undated rows still come last).
    """
    filters = filters or Filters()
    where, params = filters.where(table)
    selected = ", ".join(columns) if columns else "*"
    direction = "DESC NULLS LAST" if newest_first else ""
    sql = (
        f"SELECT {selected} FROM {table_name(table)} WHERE {where} "
        f"ORDER BY {date_expression(table, filters.date_field)} {direction}, "
        f"{'event_uid' if table == 'events' else 'cluster_id'}"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    if offset:
        sql += f" OFFSET {int(offset)}"
    result: pd.DataFrame = store.con.execute(sql, params).df()
    return result


def count(store: CorpusStore, filters: Filters | None = None, *, table: Table = "events") -> int:
    """How many rows :func:`query` would return without a limit."""
    where, params = (filters or Filters()).where(table)
    return store.scalar(f"SELECT count(*) FROM {table_name(table)} WHERE {where}", params)


def query_path(path: str, filters: Filters | None = None, **options: Any) -> pd.DataFrame:
    """:func:`query` on a database file, opened read-only."""
    with CorpusStore(path, read_only=True) as store:
        return query(store, filters, **options)
