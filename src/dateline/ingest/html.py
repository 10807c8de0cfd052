"""Main text and metadata of an HTML page (trafilatura), and text of HTML fragments."""

from __future__ import annotations

import html as html_lib
import logging
import re
from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from dateline.ingest.decode import declared_charset, decode_bytes

# trafilatura logs every page it cannot parse at ERROR level, which would print
# through logging's last-resort handler in the middle of a progress bar; dateline
# reports those pages itself as coded E006 errors.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


@dataclass(slots=True)
class PageContent:
    text: str
    title: str | None
    date: str | None  # YYYY-MM-DD
    sitename: str | None
    url: str | None


def extract_page(html: str, url: str | None = None) -> PageContent | None:
    """The page's main text and metadata, or None when there is no main text.

    trafilatura's main extractor discards very short pages (a one-paragraph
    snippet is below its minimum size), so its ``baseline`` extractor is the
    fallback: it still finds the paragraphs of a small or truncated page.
    """
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=False,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        text = _baseline_text(html)
    if not text.strip() and not _PAGE_TAG.search(html[:65536]):
        text = fragment_to_text(html)  # a bare fragment ("<p>...</p>"), not a page
    if not text.strip():
        return None
    return PageContent(
        text=text,
        title=getattr(doc, "title", None) or _title_tag(html),
        date=getattr(doc, "date", None),
        sitename=getattr(doc, "sitename", None),
        url=getattr(doc, "url", None) or url,
    )


def _baseline_text(html: str) -> str:
    try:
        _, text, _ = trafilatura.baseline(html)
    except Exception:  # lxml on hostile markup; the caller reports "no main text"
        return ""
    return str(text or "")


_PAGE_TAG = re.compile(r"<(?:html|head|body)\b", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


def _title_tag(html: str) -> str | None:
    match = _TITLE.search(html[:65536])
    if not match:
        return None
    title = " ".join(match.group(1).split())
    return title or None


def decode_html(data: bytes) -> tuple[str | None, str | None]:
    """``(html, error)``: bytes of a page, decoded using its declared charset if needed."""
    decoded = decode_bytes(data, declared=declared_charset(data))
    return decoded.text, decoded.error


# Elements after which a reader sees a paragraph break.
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "dd",
        "dt",
        "hr",
    ]
)
_DROP = frozenset({"script", "style", "noscript", "template", "iframe", "object"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (an RSS item's content), paragraphs kept.

    Not trafilatura: a feed item is already the main text, and the extractor's
    boilerplate heuristics would discard a short summary as too small.
    """
    if "<" not in fragment and "&" not in fragment:
        return _normalize(fragment)
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _normalize(re.sub(r"<[^>]*>", " ", fragment))
    parts: list[str] = []
    try:
        _collect(root, parts)
    except RecursionError:
        parts = []
    text = _normalize("".join(parts))
    if not text:
        # libxml2 gives up on absurdly deep nesting and returns an empty tree: keep
        # the words by dropping the tags instead.
        text = _normalize(html_lib.unescape(re.sub(r"<[^>]*>", " ", fragment)))
    return text


def _collect(element: lxml_html.HtmlElement, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else None
    if tag is None or tag in _DROP:  # comments, processing instructions, scripts
        if element.tail:
            parts.append(element.tail)
        return
    if tag in _BLOCKS:
        parts.append("\n\n")
    if element.text:
        parts.append(element.text)
    for child in element:
        _collect(child, parts)
    if tag in _BLOCKS:
        parts.append("\n\n")
    if element.tail:
        parts.append(element.tail)


def _normalize(text: str) -> str:
    paragraphs = (_SPACES.sub(" ", p).strip() for p in re.split(r"\n\s*\n", text))
    lines = []
    for paragraph in paragraphs:
        joined = " ".join(line.strip() for line in paragraph.splitlines() if line.strip())
        if joined:
            lines.append(joined)
    return "\n\n".join(lines)
