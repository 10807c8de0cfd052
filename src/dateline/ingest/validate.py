"""Checks run on an article's text before any NLP, so that bad input fails fast
with a clear, coded message for that article only."""

from __future__ import annotations

import functools
import importlib
import re
import unicodedata
from collections import Counter

from dateline.errors import ErrorCode, message

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# Languages whose function words tell a Latin-script text apart from English.
# (spaCy ships the stop-word lists; importing them does not load any model.)
OTHER_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "id")
# English evidence is English stop words that none of these share. Only the big
# Western European lists are used for that: the Scandinavian ones include many
# English-looking words ("at", "under", "men") and would leave too little.
ENGLISH_CONTRAST = ("de", "fr", "es", "it", "pt", "nl")
_SAMPLE_CHARS = 20_000
_SAMPLE_WORDS = 2_000
# Below this many words a text is a headline or a caption: judged by script only.
MIN_WORDS = 12
# A text is foreign when that language's own function words (not also English
# ones) make up this share of its words and clearly outnumber English-only ones.
# English news, even lists of names or tables of figures, stays under 0.11 on every
# list; news in those languages runs at 0.3-0.5.
FOREIGN_SHARE = 0.2
FOREIGN_MARGIN = 0.1
# Share of letters in the Latin script below which a text is not English at all.
MIN_LATIN_SHARE = 0.5
# Languages without a list here (Polish, Turkish, Czech, ...) still show themselves
# by their letters: English news has under 0.5% non-ASCII letters (accented names),
# Polish or Turkish news 5-20%. Judged only with almost no English function words,
# and enough words that two accented names in a short table cannot trigger it.
MIN_ACCENTED_SHARE = 0.04
MAX_ENGLISH_FOR_ACCENTS = 0.05
MIN_WORDS_FOR_ACCENTS = 20


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


def invalid_unicode(text: str) -> str | None:
    """A short reason if ``text`` is not valid Unicode (a lone surrogate), else None.

    A JSON string ("\\ud800") or a caller's str can carry half of a UTF-16 pair; no
    encoding can write it and spaCy fails on it, so like undecodable bytes (E005) the
    article is refused whole rather than altered (replacing characters would change
    the offsets and text the record reports).
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"lone surrogate U+{ord(text[exc.start]):04X} at character {exc.start}"
    return None


@functools.cache
def _distinctive_stop_words() -> dict[str, frozenset[str]]:
    """Per language, its stop words that are not stop words of the others.

    Shared words ("in", "a", "die"/"die") are no evidence either way; only words
    particular to a language vote for it.
    """
    lists = {
        code: frozenset(importlib.import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS)
        for code in ("en", *OTHER_LANGUAGES)
    }
    contrast = frozenset().union(*(lists[c] for c in ENGLISH_CONTRAST))
    result = {"en": lists["en"] - contrast}
    for code in OTHER_LANGUAGES:
        result[code] = lists[code] - lists["en"]
    return result


def function_word_shares(text: str) -> tuple[dict[str, float], int]:
    """Share of (the first ~2,000) words that are distinctive function words, per language."""
    words = [w.lower() for w in _WORD.findall(text[:_SAMPLE_CHARS])[:_SAMPLE_WORDS]]
    if not words:
        return {}, 0
    lists = _distinctive_stop_words()
    shares = {code: sum(1 for w in words if w in stop) / len(words) for code, stop in lists.items()}
    return shares, len(words)


def dominant_script(text: str) -> tuple[str, float]:
    """The most common script among the letters of the sample, and the Latin share."""
    scripts: Counter[str] = Counter()
    for ch in text[:_SAMPLE_CHARS]:
        if ch.isalpha():
            # Unicode names start with the script: "LATIN SMALL LETTER A", "CYRILLIC ...".
            name = unicodedata.name(ch, "UNKNOWN")
            scripts[name.split(" ", 1)[0]] += 1
    total = sum(scripts.values())
    if not total:
        return "NONE", 1.0
    script, _ = scripts.most_common(1)[0]
    return script, scripts["LATIN"] / total


def detect_language(text: str) -> tuple[str, str | None]:
    """``(language code, reason it is not English or None)``; "und" when unknown."""
    script, latin_share = dominant_script(text)
    if latin_share < MIN_LATIN_SHARE:
        return "und", f"mostly {script.title()} script"
    shares, n_words = function_word_shares(text)
    if n_words < MIN_WORDS:
        return "en", None
    english = shares.get("en", 0.0)
    code, share = max(((c, shares[c]) for c in OTHER_LANGUAGES), key=lambda item: item[1])
    if share >= FOREIGN_SHARE and share >= english + FOREIGN_MARGIN:
        return code, f"{share:.0%} of the words are '{code}' function words, {english:.0%} English"
    accented = accented_share(text)
    if (
        n_words >= MIN_WORDS_FOR_ACCENTS
        and english < MAX_ENGLISH_FOR_ACCENTS
        and accented >= MIN_ACCENTED_SHARE
    ):
        detail = f"{accented:.0%} of the letters are accented, {english:.0%} English function words"
        return "und", detail
    return "en", None


def accented_share(text: str) -> float:
    """Share of the letters (in the sample) that are not ASCII."""
    letters = [ch for ch in text[:_SAMPLE_CHARS] if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if not ch.isascii()) / len(letters)


def check_text(text: str, *, max_chars: int) -> tuple[str | None, str]:
    """Return ``(error message or None, language)`` for an article's text."""
    if not text.strip():
        return message(ErrorCode.EMPTY), "und"
    reason = looks_binary(text)
    if reason:
        return message(ErrorCode.BINARY, detail=reason), "und"
    reason = invalid_unicode(text)
    if reason:
        return message(ErrorCode.BAD_ENCODING, detail=reason), "und"
    if len(text) > max_chars:
        return message(ErrorCode.TOO_LONG, detail=f"{len(text):,}", limit=f"{max_chars:,}"), "und"
    language, reason = detect_language(text)
    if reason:
        return message(ErrorCode.NOT_ENGLISH, detail=reason), language
    return None, language
