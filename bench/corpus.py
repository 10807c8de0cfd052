"""Corpus store at scale: ingest rate and query latency on synthetic events.

    python bench/corpus.py [--events 1000000] [--batch 50000] [--db PATH] [--json]

Synthetic ``dateline/1`` records (templated sentences naming 48 places, 16 actors, 14
event types, five years of dates, 20% wire copies; see
:func:`dateline.corpus.synthetic.bulk_records`) are written
through the real store code: records -> columns -> Arrow -> DuckDB, one transaction
per batch; then "one event, many reports" is computed for every block. Typical
queries are timed (median of 5 runs, warm). The baseline, measured in the same run,
is row-by-row insertion (``executemany``) of the same event rows: the ratio shows
what bulk Arrow insertion buys.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline.corpus.aggregate import aggregate, top_actors
from dateline.corpus.flatten import flatten
from dateline.corpus.keys import record_key
from dateline.corpus.query import Filters, query
from dateline.corpus.reports import rebuild_dirty_clusters
from dateline.corpus.store import CorpusStore
from dateline.corpus.synthetic import bulk_records

EVENTS_PER_ARTICLE = 5
ROW_BY_ROW_SAMPLE = 5_000


def _keyed(records: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    return [(record_key(r), r) for r in records]


def _median_ms(action: Callable[[], object], runs: int = 5) -> float:
    action()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def row_by_row_rate(store: CorpusStore) -> float:
    """Events/s when event rows are inserted one by one (the baseline)."""
    records = list(bulk_records(ROW_BY_ROW_SAMPLE, events_per_article=EVENTS_PER_ARTICLE, seed=1))
    import datetime as dt

    columns = flatten(_keyed(records), ingested_at=dt.datetime(2026, 1, 1))["events"]
    names = list(columns)
    rows = list(zip(*(columns[n] for n in names), strict=True))
    store.con.execute("CREATE TEMP TABLE events_rowwise AS SELECT * FROM events LIMIT 0")
    marks = ", ".join("?" * len(names))
    quoted = ", ".join(f'"{n}"' for n in names)
    started = time.perf_counter()
    store.con.execute("BEGIN TRANSACTION")
    store.con.executemany(f"INSERT INTO events_rowwise ({quoted}) VALUES ({marks})", rows)
    store.con.execute("COMMIT")
    elapsed = time.perf_counter() - started
    store.con.execute("DROP TABLE events_rowwise")
    return len(rows) / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=50_000, help="events per transaction")
    parser.add_argument("--db", type=Path, default=None, help="default: a temporary file")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.duckdb"
    if db.exists():
        print(f"refusing to reuse an existing database: {db}", file=sys.stderr)
        return 2

    results: dict[str, Any] = {"events": args.events}
    generate = store_time = store_cpu = 0.0
    articles = 0
    with CorpusStore(db) as store:
        known: set[str] = set()
        stream = bulk_records(args.events, events_per_article=EVENTS_PER_ARTICLE)
        per_batch = max(1, args.batch // EVENTS_PER_ARTICLE)
        while True:
            started = time.perf_counter()
            batch = _keyed(list(itertools.islice(stream, per_batch)))
            generate += time.perf_counter() - started
            if not batch:
                break
            started, cpu = time.perf_counter(), time.process_time()
            articles += store.write_records(batch, known=known)
            store_time += time.perf_counter() - started
            store_cpu += time.process_time() - cpu
        started, cpu = time.perf_counter(), time.process_time()
        blocks = rebuild_dirty_clusters(store)
        cluster_time = time.perf_counter() - started
        cluster_cpu = time.process_time() - cpu
        counts = store.counts()
        # Wire copies repeat their original's events: what merging should come to.
        distinct = store.scalar(
            "SELECT sum(n_events) FROM (SELECT DISTINCT text, n_events FROM articles)"
        )
        results.update(
            articles=articles,
            stored_events=counts["events"],
            merged_events=counts["event_clusters"],
            distinct_events_in_data=distinct,
            blocks=blocks,
            generate_s=round(generate, 1),
            store_s=round(store_time, 1),
            cluster_s=round(cluster_time, 1),
            # CPU seconds of this process (DuckDB's threads included): on a shared
            # machine the wall-clock rate depends on what else runs, this does less.
            store_cpu_s=round(store_cpu, 1),
            cluster_cpu_s=round(cluster_cpu, 1),
            ingest_events_per_s=round(counts["events"] / store_time),
            ingest_with_merge_events_per_s=round(counts["events"] / (store_time + cluster_time)),
        )
        rowwise = row_by_row_rate(store)
        results["baseline_row_by_row_events_per_s"] = round(rowwise)
        results["bulk_vs_row_by_row"] = round(results["ingest_events_per_s"] / rowwise, 1)

        queries: dict[str, Callable[[], object]] = {
            "dyad_weekly_series_RUS_to_UKR": lambda: aggregate(
                store,
                period="week",
                dyad="country",
                filters=Filters(source_country="RUS", target_country="UKR"),
            ),
            "top_actors_in_a_month": lambda: top_actors(
                store, since="2022-06-01", until="2022-06-30"
            ),
            "assaults_on_UKR_in_2023": lambda: query(
                store,
                Filters(type="ASSAULT", country="UKR", since="2023-01-01", until="2023-12-31"),
            ),
            "monthly_counts_by_type_all": lambda: aggregate(
                store, period="month", dyad="none", by_type=True
            ),
            "merged_events_monthly_by_dyad": lambda: aggregate(
                store, period="month", dyad="country", table="clusters"
            ),
            "evidence_text_search": lambda: query(store, Filters(text="case 12345")),
        }
        results["query_ms"] = {name: round(_median_ms(run), 1) for name, run in queries.items()}
        results["db_mb"] = round(db.stat().st_size / 1e6, 1)
    tmp.cleanup()
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for key, value in results.items():
            if isinstance(value, dict):
                for name, ms in value.items():
                    print(f"  query {name:<34} {ms:>9.1f} ms")
            else:
                print(f"{key:<40} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
