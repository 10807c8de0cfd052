"""Helpers for character spans shared by the stages."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from dateline.record import Actor, TextSpan


def text_span(doc: Doc, start: int, end: int) -> TextSpan:
    return TextSpan(start=start, end=end, text=doc.text[start:end])


def span_of(span: Span) -> TextSpan:
    return TextSpan(start=span.start_char, end=span.end_char, text=span.text)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def actor_at(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor with a mention overlapping ``[start, end)``, preferring the tightest.

    Works on whatever the actors stage wrote to ``doc._.actors`` (mentions include
    resolved pronouns and role nouns), so quotes and events need no private API.
    """
    best: tuple[int, Actor] | None = None
    for actor in doc._.actors:
        for m in actor.mentions:
            if overlaps(m.start, m.end, start, end):
                slack = abs(m.start - start) + abs(m.end - end)
                if best is None or slack < best[0]:
                    best = (slack, actor)
    return best[1] if best else None
