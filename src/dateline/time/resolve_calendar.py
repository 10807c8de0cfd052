"""Calendar dates: ISO and numeric dates, month/day/year names, decades, centuries, holidays."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter

from dateline.time.calendar import (
    Granularity,
    Point,
    nth_weekday,
    safe_date,
    timex_value,
    unknown_value,
)
from dateline.time.resolution import Context, Resolution, year_shift
from dateline.time.resolve_base import ResolverBase
from dateline.time.units import SEASON_CODES, UNIT_CODES, UNIT_GRAN


class CalendarRules(ResolverBase):
    """Dates named on the calendar, with or without a year."""

    def _r_iso(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        y, m, d = (int(x) for x in text.split("-"))
        date = safe_date(y, m, d)
        if date is None:
            return None
        return Resolution("DATE", date.isoformat(), Point(date, "D"), True)

    def _r_slash(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        m, d, y = (int(x) for x in text.split("/"))
        if y < 100:
            y += 1900 if y > 30 else 2000
        date = safe_date(y, m, d)
        if date is None:
            return None
        return Resolution("DATE", date.isoformat(), Point(date, "D"), True)

    def _month_day(self, month: int, day: int, year: int | None, ctx: Context) -> Resolution:
        if year is None:
            if ctx.dct is None:
                return Resolution("DATE", unknown_value("D", month=month, day=day))
            year = ctx.dct.year
            date = safe_date(year, month, day)
            if date is not None:
                # Only a clear contradiction with the tense moves the year: a date
                # months ahead in a past-tense clause is last year's.
                year += year_shift(date, ctx)
        date = safe_date(year, month, day)
        if date is None:
            return Resolution("DATE", f"{year:04d}-{month:02d}")
        return Resolution("DATE", date.isoformat(), Point(date, "D"), True)

    def _r_mdy(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        month = self._month_of(ws)
        if month is None:
            return None
        after_month = ws[next(i for i, w in enumerate(ws) if w.rstrip(".") in self.months) + 1 :]
        day = self._day_of(after_month)
        if day is None:
            return None
        return self._month_day(month, day, self._year_of(after_month[1:], text), ctx)

    def _r_dmy(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        month = self._month_of(ws)
        day = self._day_of(ws)
        if month is None or day is None:
            return None
        idx = next(i for i, w in enumerate(ws) if w.rstrip(".") in self.months)
        return self._month_day(month, day, self._year_of(ws[idx + 1 :], text), ctx)

    def _r_my(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        month = self._month_of(ws)
        year = self._year_of(ws, text)
        if month is None or year is None:
            return None
        date = dt.date(year, month, 1)
        return Resolution("DATE", timex_value(Point(date, "M")), Point(date, "M"), True)

    def _r_month(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        month = self._month_of(ws)
        if month is None:
            return None
        if ctx.dct is None:
            return Resolution("DATE", unknown_value("M", month=month))
        year = ctx.dct.year
        if "year" in ws:
            if "last" in ws:
                year -= 1
            elif "next" in ws:
                year += 1
        elif "last" in ws or "past" in ws:
            # "last February" said in March is a year back: the month just gone is
            # "last month"
            year = year if month < ctx.dct.month - 1 else year - 1
        elif "next" in ws or "coming" in ws:
            year = year if month > ctx.dct.month else year + 1
        elif "this" not in ws:
            year += year_shift(dt.date(year, month, 15), ctx)
        point = Point(dt.date(year, month, 1), "M")
        return Resolution("DATE", timex_value(point), point, True)

    def _r_year(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        year = self._year_of(ws, text)
        if year is None:
            return None
        gran: Granularity = "Y"
        date = dt.date(year, 1, 1)
        if "half" in ws:
            gran = "H"
            if "second" in ws or "latter" in ws:
                date = dt.date(year, 7, 1)
        season = next((SEASON_CODES[w] for w in ws if w in SEASON_CODES), None)
        if season:
            point = Point(date, "S", season)
            return Resolution("DATE", timex_value(point), point, True)
        point = Point(date, gran)
        return Resolution("DATE", timex_value(point), point, True)

    def _r_year_period(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        year = self._year_of(ws, text)
        if year is not None and ws[-1] in ("period", "quarter") and ctx.ref_quarter is not None:
            # "the 1988 period" in a quarterly report: that quarter of 1988
            point = Point(dt.date(year, ctx.ref_quarter.date.month, 1), "Q")
            return Resolution("DATE", timex_value(point), point)
        return self._r_year(text, ws, ctx)

    def _r_end_of(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        code = UNIT_CODES.get(ws[-1])
        if code is None:
            return None
        gran = UNIT_GRAN[code]
        if ctx.dct is None:
            return Resolution("DATE", unknown_value(gran))
        point = Point(ctx.dct, gran)
        return Resolution("DATE", timex_value(point), point)

    def _r_decade(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        m = re.search(r"(\d{2,4})0'?s|'(\d)0s", text)
        if m:
            if m.group(2) is not None:
                return Resolution("DATE", f"19{m.group(2)}")
            digits = m.group(1)
            if len(digits) == 3:
                return Resolution("DATE", digits)
            if len(digits) == 1:
                return Resolution("DATE", f"19{digits}")
            return None
        names = ["twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"]
        for i, n in enumerate(names):
            if any(w.startswith(n) for w in ws):
                return Resolution("DATE", f"19{i + 2}")
        return None

    def _r_century(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        n: int | None = None
        m = re.search(r"(\d{1,2})(?:st|nd|rd|th)", text)
        if m:
            n = int(m.group(1))
        elif "twenty" in ws and "first" in ws:
            n = 21
        else:
            n = next((self.ordinals[w] for w in ws if w in self.ordinals), None)
        if not n or n < 1:
            return None
        return Resolution("DATE", f"{n - 1:02d}")

    def _r_holiday(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        low = " ".join(w for w in ws if not re.fullmatch(r"\d{4}", w))
        year = self._year_of(ws, text)
        if year is None and ctx.dct is not None:
            year = ctx.dct.year
        explicit = self._year_of(ws, text) is not None
        date = self._holiday(low, year)
        if date is None:
            key = max(
                (k for k in self.lex.fixed_holidays if low.startswith(k)), key=len, default=None
            )
            if low.startswith("thanksgiving"):
                return Resolution("DATE", "XXXX-11")
            if key is None:
                return Resolution("DATE", "XXXX-XX-XX") if "easter" in low else None
            return Resolution("DATE", f"XXXX-{self.lex.fixed_holidays[key]}")
        if not explicit and year is not None:
            if "last" in ws or "past" in ws:
                moved = -1 if date >= (ctx.dct or date) else 0
            elif "next" in ws or "coming" in ws:
                moved = 1 if date <= (ctx.dct or date) else 0
            else:
                moved = year_shift(date, ctx)
            if moved:
                date = self._holiday(low, year + moved) or date
        return Resolution("DATE", date.isoformat(), Point(date, "D"))

    def _holiday(self, name: str, year: int | None) -> dt.date | None:
        if year is None:
            return None
        name = re.sub(r"^(?:last|next|this|past|coming) ", "", name)
        if name.startswith("thanksgiving"):
            return nth_weekday(year, 11, 4, 4)
        if name.startswith("easter"):
            return easter(year)
        key = max((k for k in self.lex.fixed_holidays if name.startswith(k)), key=len, default=None)
        if key is None:
            return None
        mmdd = self.lex.fixed_holidays[key]
        return dt.date(year, int(mmdd[:2]), int(mmdd[3:]))
