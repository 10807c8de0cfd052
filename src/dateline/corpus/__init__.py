"""The corpus: a DuckDB store of records, with reports merged into events,
aggregates, exports and queries (see docs/corpus.md).

>>> from dateline.corpus import CorpusStore, Filters, query, aggregate
>>> with CorpusStore("events.duckdb", read_only=True) as store:  # doctest: +SKIP
...     frame = query(store, Filters(type="ASSAULT", country="UKR"))
"""

from dateline.corpus.aggregate import aggregate, top_actors, type_counts
from dateline.corpus.export import export
from dateline.corpus.ingest import ingest_articles, ingest_records
from dateline.corpus.query import Filters, query
from dateline.corpus.store import CorpusStore

__all__ = [
    "CorpusStore",
    "Filters",
    "aggregate",
    "export",
    "ingest_articles",
    "ingest_records",
    "query",
    "top_actors",
    "type_counts",
]
