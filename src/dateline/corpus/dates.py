"""TIMEX3 values as date intervals, for grouping by day and for "dates that agree".

``2025-08-06`` is one day; ``2025-08`` a month; ``2025-W32`` a week; ``2025-Q3`` a
quarter; ``2025-SU`` a season; ``2025`` a year; ``199`` a decade. Values that do not
name a calendar interval (``PRESENT_REF``, ``XXXX-08``, durations) give ``None``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
# Northern-hemisphere meteorological seasons; winter runs into the next year.
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


@dataclass(frozen=True, slots=True)
class DateInterval:
    start: dt.date
    end: dt.date  # inclusive
    granularity: str  # day | week | month | quarter | half | season | year | decade


def _month_end(year: int, month: int) -> dt.date:
    while month > 12:
        year, month = year + 1, month - 12
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def timex_interval(value: str | None) -> DateInterval | None:
    """The calendar interval a TIMEX3 value names, or None."""
    if not value:
        return None
    value = value.strip()
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return DateInterval(day, day, "day")
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return DateInterval(dt.date(year, month, 1), _month_end(year, month), "month")
        if m := _WEEK.match(value):
            start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return DateInterval(start, start + dt.timedelta(days=6), "week")
        if m := _QUARTER.match(value):
            year, first = int(m[1]), 3 * int(m[2]) - 2
            return DateInterval(dt.date(year, first, 1), _month_end(year, first + 2), "quarter")
        if m := _HALF.match(value):
            year, first = int(m[1]), 6 * int(m[2]) - 5
            return DateInterval(dt.date(year, first, 1), _month_end(year, first + 5), "half")
        if m := _SEASON.match(value):
            year = int(m[1])
            first, last = _SEASON_MONTHS[m[2]]
            return DateInterval(dt.date(year, first, 1), _month_end(year, last), "season")
        if m := _YEAR.match(value):
            year = int(m[1])
            return DateInterval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        if m := _DECADE.match(value):
            decade = int(m[1]) * 10
            return DateInterval(
                dt.date(max(decade, 1), 1, 1), dt.date(decade + 9, 12, 31), "decade"
            )
    except ValueError:  # 2025-02-30, week 54...
        return None
    return None
