"""Things the quotes stage reads from one Doc many times, built once per Doc.

spaCy builds new objects on every access to ``doc.ents``; the stage asks for the
entities of the same Doc hundreds of times. The component drops the cache when the
stage is done (the entities of a Doc do not change while the stage runs).
"""

from __future__ import annotations

import weakref
from bisect import bisect_left

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
    # Entities are sorted and do not overlap, so those inside are the run from the first
    # starting at ``start`` or later while they end by ``end``: found by bisection (a
    # scan of every entity per call was quadratic over a long article).
    ents = doc_ents(doc)
    starts = _STARTS.get(doc)
    if starts is None or len(starts) != len(ents):
        starts = [e.start for e in ents]
        _STARTS[doc] = starts
    out: list[Span] = []
    for i in range(bisect_left(starts, start), len(ents)):
        if ents[i].end > end:
            break
        out.append(ents[i])
    return out


# Entity starts per Doc (ints only: the cache is keyed weakly and must not hold the Doc).
_STARTS: weakref.WeakKeyDictionary[Doc, list[int]] = weakref.WeakKeyDictionary()
