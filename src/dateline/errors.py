"""Coded error messages, in the manner of spaCy's ``Errors``.

A code never changes meaning, so users can search for it and scripts can match it.
Article-level problems never raise out of a batch: they become the ``error`` field
of that article's record ("E002: ...").
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    EMPTY = "E001"
    BINARY = "E002"
    TOO_LONG = "E003"
    NOT_ENGLISH = "E004"
    BAD_ENCODING = "E005"
    BAD_HTML = "E006"
    BAD_FEED = "E007"
    BAD_JSONL = "E008"
    BAD_DATE = "E009"
    UNREADABLE = "E010"
    NO_TEXT_FIELD = "E011"
    STAGE_FAILED = "E900"
    MODEL_MISSING = "E901"


MESSAGES: dict[ErrorCode, str] = {
    ErrorCode.EMPTY: "The article has no text.",
    ErrorCode.BINARY: "The input looks binary, not text ({detail}).",
    ErrorCode.TOO_LONG: (
        "The article has {detail} characters, above the limit of {limit}; "
        "nothing was truncated. Raise the limit (--max-chars) or split the input."
    ),
    ErrorCode.NOT_ENGLISH: (
        "The article does not look like English ({detail}); dateline 1 codes English only."
    ),
    ErrorCode.BAD_ENCODING: "The bytes could not be decoded as text ({detail}).",
    ErrorCode.BAD_HTML: "No main text could be extracted from the HTML ({detail}).",
    ErrorCode.BAD_FEED: "The feed could not be parsed ({detail}).",
    ErrorCode.BAD_JSONL: "The JSONL line is not a JSON object ({detail}).",
    ErrorCode.BAD_DATE: "The publication date is not a date ({detail}).",
    ErrorCode.UNREADABLE: "The input could not be read ({detail}).",
    ErrorCode.NO_TEXT_FIELD: "The JSONL object has neither 'text' nor 'html' ({detail}).",
    ErrorCode.STAGE_FAILED: "The stage {stage} failed on this article: {detail}",
    ErrorCode.MODEL_MISSING: "No spaCy model could be loaded ({detail}).",
}


def message(code: ErrorCode, **details: object) -> str:
    """Return ``"E00x: text"`` with the details filled in."""
    template = MESSAGES[code]
    try:
        text = template.format(**details)
    except (KeyError, IndexError):
        text = f"{template} {details}"
    return f"{code.value}: {text}"


class DatelineError(Exception):
    """Raised for usage errors (bad options), never for bad articles."""

    def __init__(self, code: ErrorCode, **details: object) -> None:
        self.code = code
        super().__init__(message(code, **details))
