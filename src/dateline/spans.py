"""Helpers for character spans shared by the stages."""

from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span

from dateline.record import Actor, TextSpan

_TEXT_KEY = "_dateline_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc.

    spaCy rebuilds the string from every token on each access, so slicing ``doc.text``
    once per mention or span made the stages quadratic in the article's length. A Doc's
    text never changes, so the copy kept in ``user_data`` (a plain string: the Doc stays
    serializable) stays right.
    """
    cached = doc.user_data.get(_TEXT_KEY)
    if not isinstance(cached, str):
        cached = doc.text
        doc.user_data[_TEXT_KEY] = cached
    return cached


def text_span(doc: Doc, start: int, end: int) -> TextSpan:
    return TextSpan(start=start, end=end, text=doc_text(doc)[start:end])


def span_of(span: Span) -> TextSpan:
    return TextSpan(start=span.start_char, end=span.end_char, text=span.text)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def ents_in(doc: Doc, start: int, end: int) -> list[Span]:
    """``doc[start:end].ents`` (tokens ``start``..``end``), without its scan of every entity.

    spaCy's ``Span.ents`` walks all of ``doc.ents`` and builds a Span for each, so asking
    it once per event or phrase cost time in proportion to the article's entity count,
    quadratic over a long article. Entities do not overlap and are sorted, so the ones
    inside a span are a run found by bisection over their starts. Same result as spaCy:
    entities from the first starting at or after ``start`` while they end by ``end``.
    """
    index = _ENTS.get(doc)
    if index is None:
        index = _EntIndex(doc)
        _ENTS[doc] = index
    return index.within(doc, start, end)


class _EntIndex:
    """Offsets of a Doc's entities (no reference to the Doc: the cache is keyed weakly)."""

    __slots__ = ("rows", "starts")

    def __init__(self, doc: Doc) -> None:
        self.rows = [(e.start, e.end, e.label, e.kb_id, e.id) for e in doc.ents]
        self.starts = [row[0] for row in self.rows]

    def within(self, doc: Doc, start: int, end: int) -> list[Span]:
        out: list[Span] = []
        for i in range(bisect_left(self.starts, start), len(self.rows)):
            s, e, label, kb_id, span_id = self.rows[i]
            if e > end:
                break
            out.append(Span(doc, s, e, label=label, kb_id=kb_id, span_id=span_id))
        return out


# Per-Doc indexes, dropped with their Doc (Docs stay free of unserializable user data).
_ENTS: weakref.WeakKeyDictionary[Doc, _EntIndex] = weakref.WeakKeyDictionary()


def actor_at(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor with a mention overlapping ``[start, end)``, preferring the tightest.

    Works on whatever the actors stage wrote to ``doc._.actors`` (mentions include
    resolved pronouns and role nouns), so quotes and events need no private API.
    Among equally tight mentions the first in actor order wins.

    Appending an actor is noticed; code that adds a mention to an existing actor or
    removes an actor calls :func:`forget_mentions` (``resolve_mention`` does).
    """
    actors: list[Actor] = doc._.actors
    index = _MENTIONS.get(doc)
    # Quotes and events ask span after span; scanning every mention each time was
    # quadratic over a long article. Actors appended since the index was built (late
    # actors from resolve_mention, events fallbacks) are added to it; a new list, or one
    # that shrank, or a forgotten index is rebuilt.
    if index is None or index.actors is not actors or len(actors) < index.count:
        index = _MentionIndex(actors)
        _MENTIONS[doc] = index
    elif len(actors) > index.count:
        index.add_new()
    return index.best(start, end)


class _MentionIndex:
    """Every mention of ``doc._.actors`` sorted by start, for overlap queries."""

    __slots__ = ("actors", "count", "longest", "rows", "starts")

    def __init__(self, actors: list[Actor]) -> None:
        self.actors = actors
        self.count = len(actors)  # actors indexed so far
        rows = [
            (m.start, m.end, a_i, m_i, actor)
            for a_i, actor in enumerate(actors)
            for m_i, m in enumerate(actor.mentions)
        ]
        rows.sort(key=lambda r: r[0])
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.longest = max((r[1] - r[0] for r in rows), default=0)
        self.longest = max(self.longest, 0)

    def add_new(self) -> None:
        """Index the actors appended since (their mentions go in at their place)."""
        for a_i in range(self.count, len(self.actors)):
            actor = self.actors[a_i]
            for m_i, m in enumerate(actor.mentions):
                i = bisect_right(self.starts, m.start)
                self.rows.insert(i, (m.start, m.end, a_i, m_i, actor))
                self.starts.insert(i, m.start)
                self.longest = max(self.longest, m.end - m.start)
        self.count = len(self.actors)

    def best(self, start: int, end: int) -> Actor | None:
        # A mention overlapping [start, end) starts before ``end`` and, being at most
        # ``longest`` long, after ``start - longest``: only that run can overlap.
        lo = bisect_right(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        best: tuple[int, int, int, Actor] | None = None
        for m_start, m_end, a_i, m_i, actor in self.rows[lo:hi]:
            if not overlaps(m_start, m_end, start, end):
                continue
            slack = abs(m_start - start) + abs(m_end - end)
            # The scan over actors in order kept the first of equal slack: same here.
            if best is None or (slack, a_i, m_i) < best[:3]:
                best = (slack, a_i, m_i, actor)
        return best[3] if best else None


def forget_mentions(doc: Doc) -> None:
    """Drop the mention index of ``doc`` (after a mention was added to an actor)."""
    _MENTIONS.pop(doc, None)


_MENTIONS: weakref.WeakKeyDictionary[Doc, _MentionIndex] = weakref.WeakKeyDictionary()
