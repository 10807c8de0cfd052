"""The unit of input: one article, before any NLP."""

from __future__ import annotations

from dataclasses import dataclass

from dateline.record import PublishedBasis


@dataclass(slots=True)
class Article:
    """An article as read from a file, a feed, a JSONL line or a caller.

    Exactly one of ``text`` and ``html`` is the content; ``error`` is set when the
    input could not even be read (the pipeline then emits an error record for it).
    """

    id: str
    text: str | None = None
    html: str | None = None
    published: str | None = None  # YYYY-MM-DD
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published_basis: PublishedBasis = "none"
    text_basis: str = "text"  # text | html | feed-content | feed-summary
    error: str | None = None
