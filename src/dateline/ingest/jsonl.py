"""JSONL dumps: one article per line, ``{"id", "text" | "html", "published"?, ...}``.

Read line by line (a dump of millions of articles never sits in memory). A line
that is not a JSON object, or has no text, becomes an error record whose id is
``<file>:<line number>`` (or the object's id when it has one); the batch goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from dateline.errors import ErrorCode, message
from dateline.ingest.article import Article
from dateline.ingest.decode import decode_bytes
from dateline.record import PublishedBasis


def read_jsonl(
    lines: Iterable[bytes], *, origin: str, published: str | None = None
) -> Iterator[Article]:
    """Articles of a JSONL stream; ``origin`` names the file in ids of bad lines."""
    for lineno, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue  # blank lines (often a trailing one) are not articles
        yield article_from_line(raw, line_id=f"{origin}:{lineno}", published=published)


def article_from_line(raw: bytes, *, line_id: str, published: str | None = None) -> Article:
    decoded = decode_bytes(raw.strip())
    if decoded.text is None:
        return Article(id=line_id, error=decoded.error)
    try:
        obj = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        return Article(id=line_id, error=message(ErrorCode.BAD_JSONL, detail=str(exc)))
    if not isinstance(obj, dict):
        return Article(
            id=line_id, error=message(ErrorCode.BAD_JSONL, detail=f"a {type(obj).__name__}")
        )
    return article_from_object(obj, fallback_id=line_id, published=published)


def article_from_object(
    obj: dict[str, Any], *, fallback_id: str, published: str | None = None
) -> Article:
    """An article from one JSON object (also used for ``.json`` files)."""
    article_id = obj.get("id")
    article_id = fallback_id if article_id in (None, "") else str(article_id)
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return Article(
            id=article_id,
            error=message(ErrorCode.NO_TEXT_FIELD, detail=f"keys: {', '.join(sorted(obj))}"),
        )
    basis: PublishedBasis
    if published is not None:
        date, basis = published, "caller"
    elif obj.get("published") not in (None, ""):
        date, basis = str(obj["published"]), "jsonl"
    else:
        date, basis = None, "none"
    return Article(
        id=article_id,
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) and not isinstance(text, str) else None,
        published=date,
        source=_optional_str(obj.get("source")),
        # ``url_or_origin`` is the field name of some research dumps.
        url=_optional_str(obj.get("url") or obj.get("url_or_origin")),
        title=_optional_str(obj.get("title")),
        published_basis=basis,
        text_basis="text" if isinstance(text, str) else "html",
    )


def _optional_str(value: object) -> str | None:
    if value is None or value == "":
        return None
    return str(value)
