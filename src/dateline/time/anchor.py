"""Which time expression dates a word: a helper for the events stage.

``anchor_for(doc, offset)`` returns the DATE or TIME timex that the dependency tree
attaches to the word at ``offset`` (the event trigger), else the nearest one in the
same sentence, else None (the caller then falls back to tense and publication date).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.record import Timex

_DATING_TYPES = ("DATE", "TIME")


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span[0]


def _governs(word: Token, token: Token) -> bool:
    """True when ``word`` is ``token`` or one of its ancestors (within a clause or two)."""
    t = token
    for _ in range(6):
        if t.i == word.i:
            return True
        if t.head is t:
            return False
        t = t.head
    return False


def anchor_for(doc: Doc, offset: int) -> Timex | None:
    word = _token_at(doc, offset)
    if word is None:
        return None
    sent = word.sent
    candidates = [
        t
        for t in doc._.timexes
        if t.type in _DATING_TYPES and sent.start_char <= t.start < sent.end_char
    ]
    if not candidates:
        return None
    for timex in candidates:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None and _governs(word, span.root):
            return timex
    return min(candidates, key=lambda t: abs(t.start - offset))
