"""``dateline ingest``: articles (or records) into the corpus store, incrementally.

Keys are computed before any NLP, so articles already stored are skipped without
parsing them; the pipeline is built only if something new remains. Records are
written one batch per transaction; the clusters of the blocks a run touched are
rebuilt at the end (and by the next run if this one is killed first).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from dateline.corpus.keys import article_key, record_key
from dateline.corpus.reports import rebuild_dirty_clusters
from dateline.corpus.sources import article_content
from dateline.corpus.store import CorpusStore
from dateline.ingest.article import Article

RecordFactory = Callable[[Iterable[Article]], Iterator[dict[str, Any]]]


@dataclass(slots=True)
class IngestStats:
    seen: int = 0
    skipped: int = 0  # already stored (or repeated in the input)
    stored: int = 0
    failed: int = 0  # stored with an ``error`` field
    batches: int = 0
    blocks_clustered: int = 0
    errors: list[str] = field(default_factory=list)


def _write(
    store: CorpusStore, batch: list[tuple[str, dict[str, Any]]], known: set[str], stats: IngestStats
) -> None:
    stats.stored += store.write_records(batch, known=known)
    stats.failed += sum(1 for _, record in batch if record.get("error"))
    stats.batches += 1
    for _, record in batch:
        if record.get("error") and len(stats.errors) < 20:
            stats.errors.append(f"{record.get('id')}: {record['error']}")
    batch.clear()


def ingest_articles(
    store: CorpusStore,
    articles: Iterable[Article],
    make_records: Callable[[], RecordFactory],
    *,
    batch_size: int = 64,
    progress: Callable[[IngestStats], None] | None = None,
) -> IngestStats:
    """Run the pipeline on the articles not yet stored and store their records.

    ``make_records`` builds the record producer lazily (loading spaCy is slow, and an
    incremental run with nothing new should not pay for it).
    """
    stats = IngestStats()
    known = store.known_keys()
    keys: deque[str] = deque()
    pending: set[str] = set()

    def fresh() -> Iterator[Article]:
        for article in articles:
            stats.seen += 1
            key = article_key(article_content(article), article.published, article.source)
            if key in known or key in pending:
                stats.skipped += 1
                continue
            pending.add(key)
            keys.append(key)
            yield article

    stream = fresh()
    first = next(stream, None)
    if first is not None:
        produce = make_records()

        def chained() -> Iterator[Article]:
            yield first
            yield from stream

        batch: list[tuple[str, dict[str, Any]]] = []
        for record in produce(chained()):
            batch.append((keys.popleft(), record))
            if len(batch) >= batch_size:
                _write(store, batch, known, stats)
                if progress:
                    progress(stats)
        if batch:
            _write(store, batch, known, stats)
    stats.blocks_clustered = rebuild_dirty_clusters(store)
    return stats


def ingest_records(
    store: CorpusStore,
    records: Iterable[dict[str, Any]],
    *,
    batch_size: int = 1000,
    progress: Callable[[IngestStats], None] | None = None,
) -> IngestStats:
    """Store records already extracted (JSONL of ``dateline extract``)."""
    stats = IngestStats()
    known = store.known_keys()
    batch: list[tuple[str, dict[str, Any]]] = []
    pending: set[str] = set()
    for record in records:
        stats.seen += 1
        key = record_key(record)
        if key in known or key in pending:
            stats.skipped += 1
            continue
        pending.add(key)
        batch.append((key, record))
        if len(batch) >= batch_size:
            _write(store, batch, known, stats)
            if progress:
                progress(stats)
    if batch:
        _write(store, batch, known, stats)
    stats.blocks_clustered = rebuild_dirty_clusters(store)
    return stats
