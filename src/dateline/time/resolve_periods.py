"""Periods relative to publication or to the text: this/last/next units, quarters, halves,
seasons, weekends, and year-ago comparisons of financial reports."""

from __future__ import annotations

import datetime as dt
import re

from dateline.time.calendar import Point, at, shift, timex_value, unknown_value
from dateline.time.resolution import Context, Resolution
from dateline.time.resolve_calendar import CalendarRules
from dateline.time.units import (
    ANAPHORIC,
    REL_OFFSET,
    SEASON_CODES,
    SEASON_START,
    UNIT_CODES,
    UNIT_GRAN,
    UNIT_SHIFT,
)

_ENDED = re.compile(r"\s+end(?:ed|ing)\s+([A-Za-z]+)\.?\s+\d{1,2}\b")


class PeriodRules(CalendarRules):
    """Units and periods placed relative to publication or to the text."""

    def _r_quarter(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        qmap = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
        qmap.update({"fourth": 4, "4th": 4, "final": 4})
        words = [w.replace("-", " ") for w in ws]
        flat = " ".join(words)
        if re.search(r"\b(?:last|latter) half\b", flat):
            flat = flat.replace("last half", "second half").replace("latter half", "second half")
        q = next((qmap[w] for w in re.findall(r"[a-z0-9]+", flat) if w in qmap), None)
        if q is None:
            return None
        half = "half" in flat
        if half and q > 2:
            return None
        year = self._year_of(ws, text)
        if year is None:
            base = ctx.dct.year if ctx.dct else None
            if base is not None:
                if "last year" in flat or "last year's" in flat or "year-earlier" in text.lower():
                    base -= 1
                elif "next year" in flat or "next year's" in flat:
                    base += 1
                elif "year-ago" in text.lower() or "prior" in words or "previous" in words:
                    base -= 1
                elif ctx.dct is not None and ctx.tense != "future":
                    # "the fourth quarter" in a January report is last year's.
                    start_month = (1 if q == 1 else 7) if half else 3 * q - 2
                    if dt.date(base, start_month, 1) > ctx.dct:
                        base -= 1
            if base is None:
                return Resolution("DATE", f"XXXX-H{q}" if half else f"XXXX-Q{q}")
            year = base
        if half:
            point = Point(dt.date(year, 1 if q == 1 else 7, 1), "H")
        else:
            point = Point(dt.date(year, 3 * q - 2, 1), "Q")
        return Resolution("DATE", timex_value(point), point, True)

    def _r_qcode(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        fiscal = re.fullmatch(r"FY ?(\d{2}|\d{4})", text)
        if fiscal:
            digits = fiscal.group(1)
            fy = int(digits) if len(digits) == 4 else 2000 + int(digits)
            return Resolution("DATE", f"{fy:04d}", Point(dt.date(fy, 1, 1), "Y"))
        m = re.search(r"([QH])([1-4])", text)
        if not m:
            return None
        kind, n = m.group(1), int(m.group(2))
        year = self._year_of(ws, text) or (ctx.dct.year if ctx.dct else None)
        if year is None:
            return Resolution("DATE", f"XXXX-{kind}{n}")
        point = (
            Point(dt.date(year, 3 * n - 2, 1), "Q")
            if kind == "Q"
            else Point(dt.date(year, 1 if n == 1 else 7, 1), "H")
        )
        return Resolution("DATE", timex_value(point), point, True)

    def _r_relative(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        rel = next((w for w in ws if w in REL_OFFSET), None)
        if rel is None:
            return None
        if ws[-2:] == ["or", "so"]:
            ws = ws[:-2]
        unit_word = ws[-1]
        if unit_word in SEASON_CODES:
            return self._season(SEASON_CODES[unit_word], ws, ctx)
        if unit_word == "period":
            return self._period(rel, ctx)
        code = UNIT_CODES.get(unit_word)
        if code is None:
            if unit_word == "half":
                return self._half(ws, rel, ctx)
            return None
        gran = UNIT_GRAN[code]
        offset = REL_OFFSET[rel]
        if "past" in ws and "this" in ws:
            offset = -1
        anaphoric = rel in ANAPHORIC
        base = ctx.ref if anaphoric and ctx.ref is not None else None
        if base is None:
            if ctx.dct is None:
                return Resolution("DATE", unknown_value("WE" if code == "WE" else gran))
            base = Point(ctx.dct, gran)
        if code == "WE":
            return self._weekend(offset, base.date, ctx)
        if code == "Q" and rel == "latest":
            offset = -1
        amount, unit = UNIT_SHIFT[code]
        point = at(shift(base, offset * amount, unit), gran)
        if gran == "Y" and ("half" in ws):
            second = "second" in ws or "latter" in ws
            point = Point(dt.date(point.date.year, 7 if second else 1, 1), "H")
        return Resolution("DATE", timex_value(point), point, anaphoric)

    def _half(self, ws: list[str], rel: str, ctx: Context) -> Resolution | None:
        if ctx.dct is None:
            return Resolution("DATE", "XXXX-HX")
        point = Point(ctx.dct, "H")
        point = at(shift(point, REL_OFFSET[rel], "H"), "H")
        return Resolution("DATE", timex_value(point), point)

    def _period(self, rel: str, ctx: Context) -> Resolution | None:
        if rel in ("same", "that") and ctx.ref is not None:
            return Resolution("DATE", timex_value(ctx.ref), ctx.ref)
        if ctx.ref_quarter is not None:
            return Resolution("DATE", timex_value(ctx.ref_quarter), ctx.ref_quarter)
        if ctx.dct is None:
            return Resolution("DATE", "XXXX-QX")
        point = at(shift(Point(ctx.dct, "Q"), -1, "Q"), "Q")
        return Resolution("DATE", timex_value(point), point)

    def _weekend(self, offset: int, base: dt.date, ctx: Context) -> Resolution:
        monday = base - dt.timedelta(days=base.isoweekday() - 1)
        if offset == 0 and base.isoweekday() < 5 and ctx.tense != "future":
            offset = -1
        point = Point(monday + dt.timedelta(weeks=offset), "WE")
        return Resolution("DATE", timex_value(point), point)

    def _season(self, code: str, ws: list[str], ctx: Context) -> Resolution | None:
        year = self._year_of(ws, " ".join(ws))
        if year is None:
            if ctx.dct is None:
                return Resolution("DATE", f"XXXX-{code}")
            year = ctx.dct.year
            start = SEASON_START[code]
            now = ctx.dct.month
            if "last" in ws or ("past" in ws) or "previous" in ws:
                if start + 2 >= now or code == "WI":
                    year -= 1
            elif "next" in ws or "coming" in ws or "following" in ws:
                if start <= now and code != "WI":
                    year += 1
            elif "this" not in ws and ctx.tense == "past" and start > now:
                year -= 1
        point = Point(dt.date(year, SEASON_START[code] if code != "WI" else 12, 1), "S", code)
        return Resolution("DATE", timex_value(point), point)

    def _r_season(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        code = next((SEASON_CODES[w] for w in ws if w in SEASON_CODES), None)
        if code is None:
            return None
        has_modifier = any(
            w in ("this", "last", "next", "past", "coming", "early", "late", "mid") for w in ws
        )
        has_year = self._year_of(ws, text) is not None
        # "the fall" is too often a drop in prices; other seasons need "the" at least.
        if not has_modifier and not has_year and (ws[0] != "the" or code == "FA"):
            return None
        return self._season(code, ws, ctx)

    def _r_the_unit(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        unit = ws[-1]
        if unit == "year" and (
            ctx.extra.get("before_the") in ("throughout", "over")
            or ctx.extra.get("next") in ("ended", "ending", "ends", "through")
        ):
            # "throughout the year", "the year ended March 31": a span of a year (a
            # fiscal year); "for the year" is the year itself (DATE) in TimeBank
            return Resolution("DURATION", "P1Y")
        if unit == "quarter":
            ended = self._quarter_ended(ctx)
            return ended if ended is not None else self._period("latest", ctx)
        code = UNIT_CODES[unit]
        if ctx.dct is None:
            return Resolution("DATE", unknown_value(UNIT_GRAN[code]))
        if code == "WE":
            return self._weekend(0, ctx.dct, ctx)
        point = Point(ctx.dct, UNIT_GRAN[code])
        return Resolution("DATE", timex_value(point), point)

    def _quarter_ended(self, ctx: Context) -> Resolution | None:
        """ "the quarter ended Sept. 30": the calendar quarter ending that month."""
        m = _ENDED.match(str(ctx.extra.get("after", "")))
        if m is None or ctx.dct is None:
            return None
        month = self._month_of([m.group(1).lower()])
        if month is None or month % 3:
            return None  # a fiscal quarter out of step with the calendar
        year = ctx.dct.year - (1 if month > ctx.dct.month else 0)
        point = Point(dt.date(year, month - 2, 1), "Q")
        return Resolution("DATE", timex_value(point), point)

    def _r_year_ago(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        low = text.lower()
        flat = re.sub(r"\s+", " ", low)
        if re.match(r"(?:same|comparable|corresponding|the) (?:period|quarter)", flat) or (
            re.match(r"(?:last|the previous|the prior) year's (?:period|quarter)", flat)
        ):
            back = 1 if re.search(r"year|ago", low) else 0
            base = ctx.ref_quarter or (
                at(shift(Point(ctx.dct, "Q"), -1, "Q"), "Q") if ctx.dct else None
            )
            if base is None:
                return Resolution("DATE", "XXXX-QX")
            point = shift(base, -back, "Y")
            return Resolution("DATE", timex_value(point), point)
        if "end" in low:
            if ctx.dct is None:
                return Resolution("DATE", "XXXX")
            # "since year-end" looks back to the last one; "by year-end" to this one
            year = ctx.dct.year - (1 if ctx.extra.get("prev") == "since" else 0)
            return Resolution("DATE", f"{year:04d}")
        unit = "Y"
        for name, code in (("month", "M"), ("quarter", "Q"), ("week", "W")):
            if low.startswith(name):
                unit = code
        base = ctx.ref_quarter if unit == "Y" and ctx.ref_quarter is not None else None
        if base is None:
            if ctx.dct is None:
                return Resolution("DATE", unknown_value(UNIT_GRAN[unit]))
            base = Point(ctx.dct, UNIT_GRAN[unit])
        amount, shift_unit = UNIT_SHIFT[unit]
        point = shift(base, -amount, shift_unit)
        return Resolution("DATE", timex_value(point), point)
