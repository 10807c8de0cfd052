"""Ingestion: turn files, pages, feeds and JSONL dumps into :class:`Article` objects."""

from dateline.ingest.article import Article

__all__ = ["Article"]
