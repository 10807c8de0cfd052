"""RSS and Atom feeds (feedparser): one article per entry.

An entry's full text (``content:encoded``, Atom ``content``) is used where the feed
carries it, else its summary, and the record says which (``text_basis``
"feed-content" or "feed-summary"): a summary is a teaser, and events coded from it
are thinner than from the article. Malformed feeds that still yield entries
("bozo" feeds, common in the wild) are read; a feed with no entries is one E007
error record.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from dateline.errors import ErrorCode, message
from dateline.ingest.article import Article
from dateline.ingest.html import fragment_to_text
from dateline.record import PublishedBasis


def read_feed(data: bytes, *, origin: str, published: str | None = None) -> Iterator[Article]:
    """Articles of the feed in ``data``; ``origin`` names the file (for ids and errors)."""
    try:
        # Bytes, never a string: feedparser treats strings as URLs and would fetch them.
        parsed = feedparser.parse(data)
    except Exception as exc:  # feedparser is defensive, but an input must never stop a batch
        yield _error(origin, f"{type(exc).__name__}: {exc}")
        return
    entries = list(parsed.get("entries") or [])
    if not entries:
        detail = str(parsed.get("bozo_exception") or "no entries")
        yield _error(origin, detail)
        return
    outlet = (parsed.get("feed") or {}).get("title") or None
    articles = [
        _entry_article(entry, index=index, origin=origin, outlet=outlet, published=published)
        for index, entry in enumerate(entries, start=1)
    ]
    if parsed.get("bozo") and not any(a.text for a in articles):
        # A malformed feed whose "entries" are fragments without text: the parser
        # recovered nothing usable, so the feed is the error, not its fragments.
        yield _error(origin, str(parsed.get("bozo_exception") or "malformed feed"))
        return
    yield from articles


def _error(origin: str, detail: str) -> Article:
    return Article(id=origin, error=message(ErrorCode.BAD_FEED, detail=detail))


def _entry_article(
    entry: Any, *, index: int, origin: str, outlet: str | None, published: str | None
) -> Article:
    content = _best_content(entry)
    if content:
        text, basis = content, "feed-content"
    else:
        summary = entry.get("summary") or ""
        text, basis = _as_text(summary, entry.get("summary_detail")), "feed-summary"
    entry_date = _entry_date(entry)
    date_basis: PublishedBasis
    if published is not None:
        date, date_basis = published, "caller"
    elif entry_date is not None:
        date, date_basis = entry_date, "feed"
    else:
        date, date_basis = None, "none"
    title = entry.get("title")
    return Article(
        id=str(entry.get("id") or entry.get("link") or f"{origin}#{index}"),
        text=text,
        published=date,
        source=outlet,
        url=entry.get("link") or None,
        title=fragment_to_text(title) if title else None,
        published_basis=date_basis,
        text_basis=basis,
    )


def _best_content(entry: Any) -> str:
    """The longest full-text content of an entry, as plain text ("" if none)."""
    best = ""
    for item in entry.get("content") or []:
        text = _as_text(item.get("value") or "", item)
        if len(text) > len(best):
            best = text
    return best


def _as_text(value: str, detail: Any) -> str:
    kind = (detail or {}).get("type", "") if detail is not None else ""
    if "html" in kind or "<" in value or "&" in value:
        return fragment_to_text(value)
    return value.strip()


def _entry_date(entry: Any) -> str | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return None
    try:
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    except ValueError:
        return None
