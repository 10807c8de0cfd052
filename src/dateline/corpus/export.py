"""Write the corpus out: JSONL, Parquet (pyarrow), CSV, or the GDELT 2.0 event table."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from dateline.corpus.gdelt import CLUSTERS_SQL, EVENTS_SQL, write_gdelt
from dateline.corpus.query import Filters, Table
from dateline.corpus.store import CorpusStore

Format = Literal["jsonl", "parquet", "csv", "gdelt"]
What = Literal["events", "clusters", "records", "articles", "actors", "quotes", "timexes"]
FORMATS: tuple[str, ...] = ("jsonl", "parquet", "csv", "gdelt")
WHATS: tuple[str, ...] = (
    "events",
    "clusters",
    "records",
    "articles",
    "actors",
    "quotes",
    "timexes",
)

_TABLES = {
    "events": "events",
    "clusters": "event_clusters",
    "articles": "articles",
    "actors": "actors",
    "quotes": "quotes",
    "timexes": "timexes",
}


def _select(what: What, filters: Filters) -> tuple[str, list[Any]]:
    if what in ("events", "clusters"):
        table: Table = "events" if what == "events" else "clusters"
        where, params = filters.where(table)
        order = "event_uid" if what == "events" else "cluster_id"
        return f"SELECT * FROM {_TABLES[what]} WHERE {where} ORDER BY {order}", params
    # Article-level tables ignore event filters; the article text stays in ``articles``.
    columns = "* EXCLUDE (record)" if what == "articles" else "*"
    return f"SELECT {columns} FROM {_TABLES[what]} ORDER BY article_key", []


def _rows(store: CorpusStore, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
    cursor = store.con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    while chunk := cursor.fetchmany(10_000):
        for values in chunk:
            yield dict(zip(names, values, strict=True))


def _json_default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def export(
    store: CorpusStore,
    out: str | Path,
    *,
    fmt: Format = "jsonl",
    what: What | None = None,
    filters: Filters | None = None,
) -> int:
    """Write ``what`` to ``out`` in ``fmt``; return the number of rows written.

    ``records`` (JSONL only) writes back the stored ``dateline/1`` records, one per
    article, exactly as they were ingested. ``gdelt`` writes merged events
    (``what="clusters"``, the default for it) or every report (``what="events"``).
    """
    filters = filters or Filters()
    out = Path(out)
    what = what or ("clusters" if fmt == "gdelt" else "events")
    if what == "records":
        if fmt != "jsonl":
            raise ValueError("records can only be exported as jsonl")
        count = 0
        with out.open("w", encoding="utf-8") as stream:
            for row in _rows(store, "SELECT record FROM articles ORDER BY ingested_at, id", []):
                stream.write(row["record"] + "\n")
                count += 1
        return count
    if fmt == "gdelt":
        table: Table = "events" if what == "events" else "clusters"
        where, params = filters.where(table)
        sql = (EVENTS_SQL if table == "events" else CLUSTERS_SQL).format(where=where)
        with out.open("w", encoding="utf-8", newline="") as stream:
            return write_gdelt(_rows(store, sql, params), stream)
    sql, params = _select(what, filters)
    if fmt == "jsonl":
        count = 0
        with out.open("w", encoding="utf-8") as stream:
            for row in _rows(store, sql, params):
                stream.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
                count += 1
        return count
    fetched = store.con.sql(sql, params=params).to_arrow_table()
    if fetched is None:  # the stubs allow it; a SELECT always has a result
        return 0
    table_arrow = fetched
    if fmt == "parquet":
        pq.write_table(table_arrow, out)
    elif fmt == "csv":
        # CSV has no lists: join them with " | " so the file stays one value per cell.
        for i, field in enumerate(table_arrow.schema):
            if str(field.type).startswith("list"):
                joined = [" | ".join(v) if v else "" for v in table_arrow.column(i).to_pylist()]
                table_arrow = table_arrow.set_column(i, field.name, [joined])
        pa_csv.write_csv(table_arrow, out)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    return int(table_arrow.num_rows)
