"""The corpus store: a DuckDB file with the tables of :mod:`dateline.corpus.schema`.

Writes are batched: one transaction per batch inserts the articles and all their
results through Arrow (DuckDB scans Arrow tables without copying row by row). A batch
is committed whole or not at all, so killing an ingest loses at most the batch in
flight, and re-running it redoes exactly that batch (keys already stored are skipped).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from dateline.corpus.flatten import Columns, Row, flatten
from dateline.corpus.schema import CHILD_TABLES, SCHEMA_VERSION, TABLES

_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "TINYINT": pa.int8(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
    "BOOLEAN": pa.bool_(),
}


class CorpusStore:
    """Open (creating if needed) a corpus database. Use as a context manager."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self._create()
        self._arrow_schemas: dict[str, pa.Schema] = {}

    # -- lifecycle ------------------------------------------------------------
    def __enter__(self) -> CorpusStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _create(self) -> None:
        for ddl in TABLES.values():
            self.con.execute(ddl)
        self.con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
            [str(SCHEMA_VERSION)],
        )

    # -- reading ----------------------------------------------------------------
    def known_keys(self) -> set[str]:
        """Keys of every stored article (a few MB even for millions of articles)."""
        rows = self.con.execute("SELECT article_key FROM articles").fetchall()
        return {row[0] for row in rows}

    def counts(self) -> dict[str, int]:
        return {table: self.scalar(f"SELECT count(*) FROM {table}") for table in TABLES}

    def verify(self) -> dict[str, tuple[int, int]]:
        """Per table: (items in the stored records, rows in the table).

        Counted from the ``record`` JSON kept in ``articles``, independently of the
        flattening code, so a mismatch means rows were lost or duplicated. Records
        whose parts are malformed (skipped by design) also show up here.
        """
        in_records = {
            "actors": "json_array_length(record, '$.actors')",
            "mentions": (
                "list_sum(list_transform(json_extract(record, '$.actors[*].mentions'), "
                "lambda m: json_array_length(m)))"
            ),
            "timexes": "json_array_length(record, '$.timexes')",
            "quotes": "json_array_length(record, '$.quotes')",
            "events": "json_array_length(record, '$.events')",
        }
        result = {"articles": (self.scalar("SELECT count(*) FROM articles"),) * 2}
        for table, expression in in_records.items():
            expected = self.scalar(f"SELECT coalesce(sum({expression}), 0) FROM articles")
            result[table] = (expected, self.scalar(f"SELECT count(*) FROM {table}"))
        reported = self.scalar("SELECT count(*) FROM event_reports")
        result["event_reports"] = (result["events"][1], reported)
        return result

    def scalar(self, query: str, params: Sequence[Any] | None = None) -> int:
        """The integer a one-value query returns (fetched whole: DuckDB requires it)."""
        rows = self.con.execute(query, params or []).fetchall()
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

    def sql(self, query: str, params: Sequence[Any] | None = None) -> Any:
        """Run SQL and return a pandas DataFrame."""
        return self.con.execute(query, params or []).df()

    # -- writing ----------------------------------------------------------------
    def arrow_schema(self, table: str) -> pa.Schema:
        if table not in self._arrow_schemas:
            described = self.con.execute(f"DESCRIBE {table}").fetchall()
            self._arrow_schemas[table] = pa.schema(
                [(name, _ARROW_TYPES[kind]) for name, kind, *_ in described]
            )
        return self._arrow_schemas[table]

    def _insert(self, table: str, columns: Columns) -> None:
        if not columns:
            return
        schema = self.arrow_schema(table)
        arrays = {
            name: pa.array(columns[name], type=schema.field(name).type)
            for name in schema.names
            if name in columns
        }
        arrow_table = pa.table(arrays)  # noqa: F841  (read by DuckDB's replacement scan)
        self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM arrow_table")

    def write_records(
        self, items: Iterable[tuple[str, Row]], *, known: set[str] | None = None
    ) -> int:
        """Store ``(article_key, record dict)`` pairs in one transaction; return how many.

        Keys already in ``known`` (or repeated within ``items``) are skipped, so the
        same batch can be written twice without duplicates. ``known`` is updated.
        """
        known = known if known is not None else self.known_keys()
        fresh: dict[str, Row] = {}
        for key, record in items:
            if key not in known and key not in fresh:
                fresh[key] = record
        if not fresh:
            return 0
        tables = flatten(fresh.items(), ingested_at=dt.datetime.now(dt.UTC).replace(tzinfo=None))
        self.write_columns(tables)
        known.update(fresh)
        return len(fresh)

    def write_columns(self, tables: dict[str, Columns]) -> None:
        """Insert prepared columns of several tables atomically, marking blocks dirty."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table in CHILD_TABLES:
                self._insert(table, tables.get(table, {}))
            blocks = sorted(set(tables.get("events", {}).get("block_key", [])))
            if blocks:
                dirty = pa.table({"block_key": pa.array(blocks, type=pa.string())})  # noqa: F841
                self.con.execute("INSERT OR IGNORE INTO dirty_blocks SELECT block_key FROM dirty")
            self._insert("articles", tables.get("articles", {}))
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
