"""Stable keys: an article's content hash and an event's global id.

The article key is computed *before* any NLP (from the input text or HTML, the
normalized publication date and the source), so an ingest can skip articles already
stored without parsing them. Keys are deterministic: re-running an ingest produces
the same keys, which is what makes it idempotent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any

from dateutil import parser as date_parser

_SEP = "\x1f"  # ASCII unit separator: cannot occur in a date or an outlet name


def normalize_published(value: object) -> str:
    """``YYYY-MM-DD`` or ``""``: the same article keyed from raw input or from its record."""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        return value
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return date_parser.parse(str(value), default=dt.datetime(1900, 1, 1)).date().isoformat()
    except (ValueError, OverflowError, TypeError):
        return ""


def article_key(content: str, published: object, source: str | None) -> str:
    """Hex content hash of text (or HTML) + publication date + source."""
    payload = _SEP.join((content, normalize_published(published), (source or "").strip()))
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def record_key(record: Mapping[str, Any]) -> str:
    """The key of a stored record: its text (else its id: an error record without
    text stays distinct from other failures), publication date and source."""
    content = str(record.get("text") or "") or f"\x00{record.get('id')}"
    return article_key(content, record.get("published"), record.get("source"))


def event_uid(article_key_: str, event_id: str) -> int:
    """A positive 63-bit integer id for one event of one article (GDELT's GlobalEventID)."""
    digest = hashlib.blake2b(f"{article_key_}{_SEP}{event_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1
