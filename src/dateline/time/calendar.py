"""Calendar points at a granularity, their TIMEX3 values and arithmetic (dateutil).

A :class:`Point` is a date plus the granularity at which the text names it: "2025"
is a year, "June 2021" a month, "next week" an ISO week, "the second quarter" a
quarter. Arithmetic works on the underlying date; :func:`timex_value` renders the
TIMEX3 value at the point's granularity (``2025``, ``2021-06``, ``2025-W33``,
``2025-Q2``, ``2025-SU``, ``199`` for a decade, ``19`` for a century).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from dateutil.relativedelta import relativedelta

Granularity = Literal["D", "W", "WE", "M", "Q", "H", "S", "Y", "E", "C"]

SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
# Order of granularities from finest to coarsest, to compare them.
GRAN_ORDER: dict[str, int] = {
    "D": 0,
    "WE": 1,
    "W": 1,
    "M": 2,
    "S": 3,
    "Q": 3,
    "H": 4,
    "Y": 5,
    "E": 6,
    "C": 7,
}


@dataclass(frozen=True, slots=True)
class Point:
    date: dt.date
    gran: Granularity
    season: str | None = None  # SP/SU/FA/WI when gran == "S"


def timex_value(p: Point) -> str:
    d = p.date
    if p.gran == "D":
        return d.isoformat()
    if p.gran == "W":
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if p.gran == "WE":
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}-WE"
    if p.gran == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if p.gran == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if p.gran == "H":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if p.gran == "S":
        return f"{d.year:04d}-{p.season or 'XX'}"
    if p.gran == "Y":
        return f"{d.year:04d}"
    if p.gran == "E":
        return f"{d.year // 10:03d}"
    return f"{d.year // 100:02d}"


def unknown_value(gran: str, *, month: int | None = None, day: int | None = None) -> str:
    """The value of a point relative to an unknown anchor: X's where we cannot know."""
    if gran == "D":
        if month and day:
            return f"XXXX-{month:02d}-{day:02d}"
        return "XXXX-XX-XX"
    if gran in ("W", "WE"):
        return "XXXX-WXX" + ("-WE" if gran == "WE" else "")
    if gran == "M":
        return f"XXXX-{month:02d}" if month else "XXXX-XX"
    if gran == "Q":
        return "XXXX-QX"
    if gran == "H":
        return "XXXX-HX"
    if gran == "E":
        return "XXX"
    if gran == "C":
        return "XX"
    return "XXXX"


def shift(p: Point, amount: int, unit: str) -> Point:
    """Move a point by ``amount`` units (D, W, WE, M, Q, H, S, Y, E, C)."""
    d = p.date
    if unit == "D":
        d = d + dt.timedelta(days=amount)
    elif unit in ("W", "WE"):
        d = d + dt.timedelta(weeks=amount)
    elif unit == "M":
        d = d + relativedelta(months=amount)
    elif unit == "Q":
        d = d + relativedelta(months=3 * amount)
    elif unit == "H":
        d = d + relativedelta(months=6 * amount)
    elif unit in ("S", "Y"):
        d = d + relativedelta(years=amount)
    elif unit == "E":
        d = d + relativedelta(years=10 * amount)
    elif unit == "C":
        d = d + relativedelta(years=100 * amount)
    return Point(d, p.gran, p.season)


def at(p: Point, gran: Granularity, season: str | None = None) -> Point:
    return Point(p.date, gran, season)


def coarser(a: str, b: str) -> str:
    """The coarser of two granularities."""
    return a if GRAN_ORDER.get(a, 0) >= GRAN_ORDER.get(b, 0) else b


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_near(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The date of ISO ``weekday`` (1 = Monday) near ``anchor``.

    ``direction`` -1: the most recent such day on or before the anchor; +1: the next
    one on or after it; 0: the nearest one (ties go to the past, as news mostly reports).
    """
    diff = weekday - anchor.isoweekday()
    if direction < 0:
        return anchor + dt.timedelta(days=diff if diff <= 0 else diff - 7)
    if direction > 0:
        return anchor + dt.timedelta(days=diff if diff >= 0 else diff + 7)
    back = diff if diff <= 0 else diff - 7
    ahead = back + 7
    return anchor + dt.timedelta(days=back if -back <= ahead else ahead)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th ISO weekday of a month (n = -1: the last)."""
    if n > 0:
        first = dt.date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (n - 1))
    last = dt.date(year, month, 1) + relativedelta(months=1, days=-1)
    offset = (last.isoweekday() - weekday) % 7
    return last - dt.timedelta(days=offset)
