"""Things the quotes stage reads from one Doc many times, built once per Doc.

spaCy builds new objects on every access to ``doc.ents``; the stage asks for the
entities of the same Doc hundreds of times. The component drops the cache when the
stage is done (the entities of a Doc do not change while the stage runs).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

ENTS_KEY = "_dateline_quotes_ents"


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once: spaCy builds new Span objects on every access, and the
    stage asks for the entities of the same Doc hundreds of times."""
    cached = doc.user_data.get(ENTS_KEY)
    if not isinstance(cached, tuple):
        cached = tuple(doc.ents)
        doc.user_data[ENTS_KEY] = cached
    return cached


def ents_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities inside tokens ``start``..``end`` (what ``Span.ents`` gives)."""
    return [e for e in doc_ents(doc) if e.start >= start and e.end <= end]
