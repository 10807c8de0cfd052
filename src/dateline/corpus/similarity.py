"""Text features of an event's evidence used to decide whether two reports match."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)
# A capitalized word that does not start a sentence: in news, mostly a proper name.
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\b")
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|across|around|inside|into)\s+(?:the\s+)?$", re.I)
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august")
_MONTHS_2 = ("september", "october", "november", "december")
_CALENDAR_WORDS = frozenset(_DAYS + _MONTHS + _MONTHS_2)


def content_tokens(text: str | None) -> frozenset[str]:
    """Lower-cased words of three letters or more that are not stop words."""
    if not text:
        return frozenset()
    words = (w.lower() for w in _WORD.findall(text))
    return frozenset(w for w in words if len(w) > 2 and w not in STOP_WORDS)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def used_as_place(text: str, start: int, mention: object, name: object) -> bool:
    """Is this actor mention a place: after a locative preposition, and not the actor's
    own name ("in Ankara" for Turkey: yes; "Ankara said": no; "in Turkey": no)?"""
    if not _LOCATIVE.search(text[max(0, start - 16) : start]):
        return False
    stems = {w.lower()[:4] for w in _WORD.findall(str(name or "")) if len(w) > 2}
    return not any(w.lower()[:4] in stems for w in _WORD.findall(str(mention or "")))


def other_names(text: str, start: int, end: int, masked: Iterable[tuple[int, int]]) -> list[str]:
    """Names in ``text[start:end]`` that are not actor mentions or dates.

    What is left is mostly places and facilities ("Kharkiv", "Geneva"): two
    look-alike events (same actors, type and day) differ there. Actor mentions and
    time expressions are blanked first because rewrites name actors differently
    ("Moscow", "the Kremlin") without describing a different event.
    """
    pieces: list[str] = []
    position = start
    for m_start, m_end in sorted(masked):  # already sorted by the caller: linear
        if m_end <= position or m_start >= end:
            continue
        cut = max(m_start, position)
        pieces.append(text[position:cut])
        pieces.append(" " * (min(m_end, end) - cut))
        position = min(m_end, end)
    pieces.append(text[position:end])
    names = {w.lower() for w in _NAME.findall("".join(pieces))}
    return sorted(names - _CALENDAR_WORDS)
