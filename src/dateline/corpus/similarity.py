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
    """Stems of the lower-cased words of three letters or more that are not stop words."""
    if not text:
        return frozenset()
    words = (w.lower() for w in _WORD.findall(text))
    return frozenset(stem(w) for w in words if len(w) > 2 and w not in STOP_WORDS)


_SUFFIXES = ("'s", "’s", "ing", "ed", "es", "s")


def stem(word: str) -> str:
    """A crude suffix stripper (killed/killing -> kill, missiles -> missil): rewrites
    inflect the same words differently; no lemmatizer runs at merge time."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


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


def blank_out(text: str, start: int, end: int, masked: Iterable[tuple[int, int]]) -> str:
    """``text[start:end]`` with the ``masked`` spans (sorted) replaced by spaces."""
    pieces: list[str] = []
    position = start
    for m_start, m_end in masked:
        if m_end <= position or m_start >= end:
            continue
        cut = max(m_start, position)
        pieces.append(text[position:cut])
        pieces.append(" " * (min(m_end, end) - cut))
        position = min(m_end, end)
    pieces.append(text[position:end])
    return "".join(pieces)


def other_names(text: str) -> list[str]:
    """Capitalized words of an evidence sentence (actor mentions and dates blanked),
    minus calendar words: mostly places and facilities ("Kharkiv", "Geneva"), where two
    look-alike events (same actors, type and day) differ. Actor mentions are blanked
    because rewrites name actors differently ("Moscow", "the Kremlin") without
    describing another event."""
    names = {w.lower() for w in _NAME.findall(text)}
    return sorted(names - _CALENDAR_WORDS)
