"""Country of an actor the knowledge base does not know, from the sentence around it.

"Ousted President X ... returning to Kyrgyzstan", "Leaders of the Y coalition ... in
Baku", "Iran's religious leader Ayatollah Z": a titled person or an unknown organization
whose own phrase names no country takes the country of a mention right next to it (an
apposition or a possessive title), else the only country its sentence mentions. Several
countries in the sentence and nothing adjacent: the actor keeps no country (a guess
between them would be a coin toss).
"""

from __future__ import annotations

import sys
import weakref
from bisect import bisect_right

from spacy.tokens import Doc

from dateline.record import Actor
from dateline.spans import doc_text

# Sectors that say a person holds a public role in some country.
ROLE_SECTORS = frozenset({"GOV", "MIL", "COP", "ELI", "OPP", "REB", "JUD", "LEG", "PTY"})
# Codes that belong to no country: international, non-governmental, multinational.
_STATELESS = ("IGO", "NGO", "MNC", "UAF")
# Characters allowed between an actor and an adjacent country mention (", ", "'s ").
_ADJACENT_GAP = 4


def eligible(actor: Actor) -> bool:
    if actor.country is not None or actor.kb is not None:
        return False
    if actor.cameo and actor.cameo.startswith(_STATELESS):
        return False
    if actor.kind == "person":
        return actor.sector in ROLE_SECTORS
    return actor.kind in ("organization", "group")


def _sentence_bounds(doc: Doc, start: int) -> tuple[int, int]:
    """The character bounds of the sentence holding ``start``, else the whole text."""
    # Bisection over the sentences' offsets, computed once per Doc: walking ``doc.sents``
    # for every actor was quadratic over a long article. Sentences are disjoint and in
    # order, so the only one that can hold ``start`` is the last beginning at or before it.
    bounds = _SENTENCES.get(doc)
    if bounds is None:
        bounds = [(sent.start_char, sent.end_char) for sent in doc.sents]
        _SENTENCES[doc] = bounds
    i = bisect_right(bounds, (start, sys.maxsize)) - 1
    if i >= 0 and bounds[i][0] <= start < bounds[i][1]:
        return bounds[i]
    return 0, len(doc_text(doc))


_SENTENCES: weakref.WeakKeyDictionary[Doc, list[tuple[int, int]]] = weakref.WeakKeyDictionary()


def located_mentions(actors: list[Actor]) -> list[tuple[int, int, str]]:
    return [
        (span.start, span.end, actor.country)
        for actor in actors
        if actor.country and not (actor.cameo or "").startswith(_STATELESS)
        for span in actor.mentions
    ]


def infer_countries(doc: Doc, actors: list[Actor]) -> None:
    """Fill ``country`` (and ``cameo``) of eligible actors in place."""
    located = located_mentions(actors)
    if not located:
        return
    for actor in actors:
        if not eligible(actor) or not actor.mentions:
            continue
        first = min(actor.mentions, key=lambda s: s.start)
        country = country_around(doc, first.start, first.end, located)
        if country is not None:
            actor.country = country
            actor.cameo = country + (actor.sector or "")


def country_in_context(doc: Doc, start: int, end: int, actors: list[Actor]) -> str | None:
    """The country for a phrase at [start, end) that names none itself."""
    return country_around(doc, start, end, located_mentions(actors))


def country_around(
    doc: Doc, start: int, end: int, located: list[tuple[int, int, str]]
) -> str | None:
    located = [(s, e, c) for s, e, c in located if e <= start or s >= end]
    country = _adjacent_country(start, end, located)
    if country is None:
        lo, hi = _sentence_bounds(doc, start)
        in_sentence = {c for s, e, c in located if lo <= s and e <= hi}
        if len(in_sentence) == 1:
            country = next(iter(in_sentence))
    return country


def _adjacent_country(start: int, end: int, located: list[tuple[int, int, str]]) -> str | None:
    near = {
        c
        for s, e, c in located
        if (0 <= start - e <= _ADJACENT_GAP) or (0 <= s - end <= _ADJACENT_GAP)
    }
    return next(iter(near)) if len(near) == 1 else None


def settle_country(doc: Doc, actor: Actor) -> None:
    """Give one late-found actor (an event participant) its country from context."""
    if eligible(actor) and actor.mentions:
        first = min(actor.mentions, key=lambda s: s.start)
        country = country_in_context(doc, first.start, first.end, doc._.actors)
        if country is not None:
            actor.country = country
            actor.cameo = country + (actor.sector or "")
