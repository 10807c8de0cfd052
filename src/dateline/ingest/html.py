"""Main text and metadata of an HTML page, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura


@dataclass(slots=True)
class PageContent:
    text: str
    title: str | None
    date: str | None  # YYYY-MM-DD
    sitename: str | None
    url: str | None


def extract_page(html: str, url: str | None = None) -> PageContent | None:
    """The page's main text and metadata, or None when there is no main text."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=False,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    if doc is None:
        return None
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        return None
    return PageContent(
        text=text,
        title=getattr(doc, "title", None),
        date=getattr(doc, "date", None),
        sitename=getattr(doc, "sitename", None),
        url=getattr(doc, "url", None),
    )
