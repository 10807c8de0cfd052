"""Read-only access to a corpus store for the API, and the views the corpus
package has no function for (one event with its reports, one article, stats).

Counts, filters and aggregates come from :mod:`dateline.corpus`; only lookups by id
are written here.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dateline.api.frames import record_row, rows
from dateline.corpus.aggregate import type_counts
from dateline.corpus.schema import TABLES
from dateline.corpus.store import CorpusStore


class NotACorpusError(ValueError):
    """The database opens but lacks the corpus tables."""


class CorpusReader:
    """One read-only DuckDB connection; a cursor (its own connection state) per request.

    DuckDB connections must not be shared between threads, and FastAPI serves
    requests from a thread pool; cursors of one connection may run concurrently.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.store = CorpusStore(self.path, read_only=True)
        present = {
            row[0]
            for row in self.store.con.execute(
                "SELECT table_name FROM information_schema.tables"
            ).fetchall()
        }
        missing = [t for t in TABLES if t not in present]
        if missing:
            self.store.close()
            raise NotACorpusError(
                f"{self.path} is a DuckDB file but not a dateline corpus "
                f"(no table {', '.join(missing)}); build one with 'dateline ingest'"
            )

    @contextmanager
    def session(self) -> Iterator[CorpusStore]:
        view = copy.copy(self.store)  # same path and settings, its own cursor
        view.con = self.store.con.cursor()
        try:
            yield view
        finally:
            view.con.close()

    def close(self) -> None:
        self.store.close()


def _fetch(store: CorpusStore, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = store.con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [record_row(names, values) for values in cursor.fetchall()]


_REPORT_SQL = """
SELECT e.* EXCLUDE (evidence_tokens, evidence_names),
       a.id AS article_id, a.title AS article_title,
       q.text AS quote_text, q.kind AS quote_kind, q.start AS quote_start,
       q."end" AS quote_end, q.speaker_name, q.speaker_text, q.speaker_start,
       q.speaker_end, q.cue_text
FROM events e
JOIN articles a ON a.article_key = e.article_key
LEFT JOIN quotes q ON q.article_key = e.article_key AND q.quote_id = e.quote_id
"""


def parse_uid(value: str) -> int | None:
    try:
        uid = int(value)
    except ValueError:
        return None
    return uid if 0 <= uid < 2**63 else None


def event_detail(store: CorpusStore, uid: int) -> dict[str, Any] | None:
    """The merged event containing event ``uid`` (a report's uid or a cluster id),
    with every report, its article, evidence span and quote."""
    found = store.con.execute(
        "SELECT cluster_id FROM event_reports WHERE event_uid = ? OR cluster_id = ? LIMIT 1",
        [uid, uid],
    ).fetchone()
    if found is None:  # not clustered (yet): the report alone
        reports = _fetch(store, _REPORT_SQL + " WHERE e.event_uid = ?", [uid])
        if not reports:
            return None
        return {"id": str(uid), "merged": False, "event": reports[0], "reports": reports}
    cluster_id = int(found[0])
    clusters = _fetch(store, "SELECT * FROM event_clusters WHERE cluster_id = ?", [cluster_id])
    reports = _fetch(
        store,
        _REPORT_SQL
        + " WHERE e.event_uid IN (SELECT event_uid FROM event_reports WHERE cluster_id = ?)"
        " ORDER BY e.published NULLS LAST, e.event_uid",
        [cluster_id],
    )
    event = clusters[0] if clusters else (reports[0] if reports else None)
    if event is None:
        return None
    return {"id": str(cluster_id), "merged": True, "event": event, "reports": reports}


def article(store: CorpusStore, key: str) -> dict[str, Any] | None:
    """An article by its key (or, failing that, by its own id) with its record."""
    found = _fetch(
        store,
        "SELECT * FROM articles WHERE article_key = ? OR id = ? "
        "ORDER BY (article_key = ?) DESC, published LIMIT 1",
        [key, key, key],
    )
    if not found:
        return None
    row = found[0]
    raw = row.pop("record", None)
    try:
        row["record"] = json.loads(raw) if raw else None
    except json.JSONDecodeError:
        row["record"] = None
    return row


def stats(store: CorpusStore) -> dict[str, Any]:
    """What is in the store: table sizes, date ranges, types, statuses, countries."""

    def pairs(sql: str) -> list[dict[str, Any]]:
        return _fetch(store, sql, [])

    dates = pairs(
        "SELECT min(published) AS first_published, max(published) AS last_published, "
        "count(*) FILTER (WHERE error IS NOT NULL) AS articles_with_errors FROM articles"
    )[0]
    event_dates = pairs(
        "SELECT min(coalesce(event_date, published)) AS first_event_date, "
        "max(coalesce(event_date, published)) AS last_event_date FROM events"
    )[0]
    return {
        "path": store.path,
        "counts": store.counts(),
        **dates,
        **event_dates,
        "types": rows(type_counts(store)),
        "statuses": pairs(
            "SELECT status, count(*) AS events FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
        ),
        "countries": pairs(
            "SELECT country, count(*) AS events FROM ("
            " SELECT actor1_country AS country FROM events UNION ALL"
            " SELECT actor2_country FROM events UNION ALL"
            " SELECT location_country FROM events"
            ") WHERE country IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
        ),
        "outlets": pairs(
            "SELECT source AS outlet, count(*) AS articles FROM articles "
            "WHERE source IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
        ),
    }
