"""Checks run on an article's text before any NLP, so that bad input fails fast
with a clear, coded message for that article only."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from dateline.errors import ErrorCode, message

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def looks_binary(text: str) -> str | None:
    """A short reason if ``text`` looks like decoded binary data, else None."""
    sample = text[:65536]
    if "\x00" in sample:
        return "contains NUL characters"
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > 0.01:
        return f"{controls} control characters in the first {len(sample)}"
    replacement = sample.count("\ufffd")
    if sample and replacement / len(sample) > 0.05:
        return f"{replacement} undecodable characters in the first {len(sample)}"
    return None


def english_score(text: str) -> tuple[float, int]:
    """Share of words (in the first ~2,000) that are English stop words, and the count.

    News English runs at 35-50% stop words; other Latin-script languages share only
    a few short words with the list, and non-Latin scripts share none.
    """
    words = _WORD.findall(text[:20000])[:2000]
    if not words:
        return 0.0, 0
    hits = sum(1 for w in words if w.lower() in STOP_WORDS)
    return hits / len(words), len(words)


def check_text(text: str, *, max_chars: int) -> tuple[str | None, str]:
    """Return ``(error message or None, language)`` for an article's text."""
    if not text.strip():
        return message(ErrorCode.EMPTY), "und"
    reason = looks_binary(text)
    if reason:
        return message(ErrorCode.BINARY, detail=reason), "und"
    if len(text) > max_chars:
        return message(ErrorCode.TOO_LONG, detail=f"{len(text):,}", limit=f"{max_chars:,}"), "und"
    score, n_words = english_score(text)
    # Very short texts (headlines) can have few stop words; judge only with evidence.
    if n_words >= 12 and score < 0.15:
        return message(ErrorCode.NOT_ENGLISH, detail=f"{score:.0%} English function words"), "und"
    if n_words < 12 and n_words > 0 and score == 0.0 and not text.isascii():
        return message(ErrorCode.NOT_ENGLISH, detail="no English function words"), "und"
    return None, "en"
