"""The corpus: a DuckDB store of records, with reports merged into events,
aggregates, exports and queries (see docs/corpus.md)."""

from dateline.corpus.store import CorpusStore

__all__ = ["CorpusStore"]
