"""The relaying outlet of a quote: "Interfax quoted him as saying", "The Times reported"."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.quotes.extract import Found
from dateline.quotes.outlets import is_outlet


def find_outlet(doc: Doc, item: Found, found: list[Found]) -> tuple[int, int] | None:
    """An outlet that reports the statement this quote sits in ("The Times reported that
    Trump told leaders that ..."): the innermost enclosing quote by an outlet."""
    if item.cue is None:
        return None
    enclosing = [
        other
        for other in found
        if other is not item
        and other.speaker is not None
        and other.start <= item.cue[0]
        and item.end <= other.end
    ]
    for other in sorted(enclosing, key=lambda q: q.end - q.start):
        assert other.speaker is not None
        if is_outlet(doc, other.speaker):
            return other.speaker
    return None
