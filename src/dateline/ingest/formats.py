"""Which reader an input file needs: by extension first, then by sniffing its head."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

InputFormat = Literal["text", "html", "feed", "jsonl", "json"]

EXTENSIONS: dict[str, InputFormat] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
# Extensions whose content decides (an .xml file may be a feed or an XHTML page).
AMBIGUOUS = frozenset({".xml", ""})
SNIFF_BYTES = 4096


def sniff_format(head: bytes) -> InputFormat:
    """Guess the format from the first bytes of a file (text when in doubt)."""
    sample = head[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if sample.startswith((b"{", b"[")):
        return "jsonl" if sample.startswith(b"{") else "json"
    if sample.startswith(b"<"):
        if b"<rss" in sample or b"<feed" in sample or b"<rdf:rdf" in sample:
            return "feed"
        if b"<html" in sample or b"<!doctype html" in sample or b"<body" in sample:
            return "html"
        if sample.startswith(b"<?xml"):
            return "feed"  # XML that is not XHTML: the feed reader explains if it is not one
        return "html"
    return "text"


def detect_format(path: Path, head: bytes) -> InputFormat:
    """The format of ``path``; ``head`` is its first bytes (used when the extension is unclear)."""
    suffix = path.suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    if suffix in AMBIGUOUS:
        return sniff_format(head)
    # Unknown extension (.story, .dat, ...): let the content decide.
    return sniff_format(head)
