"""Ingestion: turn files, pages, feeds and JSONL dumps into :class:`Article` objects.

``read_inputs(paths)`` streams the articles of any mix of text files, HTML pages,
RSS/Atom feeds, JSONL dumps and directories; bad input becomes an article with a
coded ``error``, never an exception.
"""

from dateline.ingest.article import Article
from dateline.ingest.readers import read_inputs

__all__ = ["Article", "read_inputs"]
