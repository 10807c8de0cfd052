"""Normalization results and context: what a rule returns and what it knows besides
the expression (publication date, tense, the reference point the text has set)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dateline.time.calendar import Point
from dateline.time.tense import Tense

_WORD = re.compile(r"[a-z]+(?:'s)?|\d+/\d+|\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?|'\d\d")


# How far a date without a year may lie on the "wrong" side of the publication date
# before the tense moves it to the previous or next year.
FLIP_DAYS = 60


@dataclass(slots=True)
class Resolution:
    type: str
    value: str
    point: Point | None = None  # the resolved point, when it is one (for reference tracking)
    anchors_text: bool = False  # True when this expression sets the text's reference point


@dataclass(slots=True)
class Context:
    """What normalization knows besides the expression itself."""

    dct: dt.date | None
    tense: Tense = "none"
    ref: Point | None = None  # reference point set by the text (last explicit date)
    ref_quarter: Point | None = None  # last quarter named nearby (financial reports)
    extra: dict[str, object] = field(default_factory=dict)


def year_shift(date: dt.date, ctx: Context) -> int:
    """-1, 0 or +1: which year a date named without one falls in.

    A past-tense clause takes the occurrence before publication, a future one the
    occurrence after, when the date is clearly on the wrong side; otherwise (or with
    no tense) the occurrence nearest to publication.
    """
    if ctx.dct is None:
        return 0
    delta = (date - ctx.dct).days
    if ctx.tense == "past":
        return -1 if delta > FLIP_DAYS else 0
    if ctx.tense == "future":
        return 1 if delta < -FLIP_DAYS else 0
    if delta > 182:
        return -1
    if delta < -183:
        return 1
    return 0


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))
