"""Days and times of day: weekdays by tense, the next/previous day, clock times."""

from __future__ import annotations

import datetime as dt
import re

from dateline.time.calendar import Point, timex_value, weekday_near
from dateline.time.resolution import Context, Resolution, words_of
from dateline.time.resolve_periods import PeriodRules


class DayRules(PeriodRules):
    """Days, parts of days and clock times."""

    def _r_relative_day(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        base_point = ctx.ref if ctx.ref is not None and ctx.ref.gran == "D" else None
        if "yesterday" in ws or "tomorrow" in ws:
            base_point = None
        base = base_point.date if base_point else ctx.dct
        offset = 0
        if any(w in ("next", "following", "after") for w in ws):
            offset = 1
        elif any(w in ("previous", "preceding", "prior", "before") for w in ws):
            offset = -1
        if "yesterday" in ws:
            offset -= 1
        if "tomorrow" in ws:
            offset += 1
        part = self._part_of(ws[1:]) if ws[-1] != "day" else None
        if base is None:
            return Resolution(
                "TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else "")
            )
        date = base + dt.timedelta(days=offset)
        point = Point(date, "D")
        if part:
            return Resolution("TIME", f"{date.isoformat()}T{part}", point)
        return Resolution("DATE", date.isoformat(), point, True)

    def _r_nth_day(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        """ "It is the eighth day of the strike": today; in a past clause, the day the
        text last named."""
        if ctx.tense in ("past", "future"):
            day = ctx.ref.date if ctx.ref is not None and ctx.ref.gran == "D" else None
        else:
            day = ctx.dct
        if day is None:
            return Resolution("DATE", "XXXX-XX-XX")
        return Resolution("DATE", day.isoformat(), Point(day, "D"))

    def _r_weekday(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        wd = self._weekday_of(ws)
        if wd is None:
            return None
        part = self._part_of(ws)
        typ = "TIME" if part else "DATE"
        if ctx.dct is None:
            return Resolution(typ, f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""))
        ref = ctx.ref.date if ctx.ref is not None and ctx.ref.gran == "D" else ctx.dct
        if "previous" in ws or "preceding" in ws:
            date = weekday_near(ref - dt.timedelta(days=1), wd, -1)
        elif "following" in ws:
            date = weekday_near(ref + dt.timedelta(days=1), wd, 1)
        elif "last" in ws or "past" in ws:
            date = weekday_near(ctx.dct - dt.timedelta(days=1), wd, -1)
        elif "next" in ws:
            date = weekday_near(ctx.dct + dt.timedelta(days=1), wd, 1)
        elif "this" in ws or "coming" in ws or ctx.tense == "future":
            date = weekday_near(ctx.dct, wd, 1)
        else:
            date = weekday_near(ctx.dct, wd, -1)
        point = Point(date, "D")
        if part:
            return Resolution("TIME", f"{date.isoformat()}T{part}", point, True)
        return Resolution("DATE", date.isoformat(), point, True)

    def _r_weekdays(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        wd = self._weekday_of(ws)
        if wd is None:
            return None
        part = self._part_of(ws[1:])
        return Resolution("SET", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""))

    def _r_week_of(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        """ "the week of March 6": the ISO week holding that day."""
        day = self._r_mdy(text, ws[2:], ctx)
        if day is None or day.point is None:
            return Resolution("DATE", "XXXX-WXX") if day is not None else None
        point = Point(day.point.date, "W")
        return Resolution("DATE", timex_value(point), point)

    def _r_part_of_day(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        part = self._part_of([w.replace("mid-", "") for w in ws]) or (
            "AF" if "afternoon" in text.lower() else "MO" if "morning" in text.lower() else None
        )
        if part is None:
            return None
        day = ctx.ref.date if ctx.ref is not None and ctx.ref.gran == "D" else ctx.dct
        if day is None:
            return Resolution("TIME", f"XXXX-XX-XXT{part}")
        return Resolution("TIME", f"{day.isoformat()}T{part}")

    def _r_deictic(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        offset = 0
        if "yesterday" in ws:
            offset = -1
        elif "tomorrow" in ws:
            offset = 1
        part = self._part_of(ws)
        if "tonight" in ws:
            part = "NI"
        if "last" in ws and part:
            offset = -1 if part in ("NI", "EV") else 0
            if part in ("MO", "AF"):
                offset = -1
        typ = "TIME" if part else "DATE"
        suffix = f"T{part}" if part else ""
        if ctx.dct is None:
            return Resolution(typ, "XXXX-XX-XX" + suffix)
        date = ctx.dct + dt.timedelta(days=offset)
        return Resolution(typ, date.isoformat() + suffix, Point(date, "D"))

    def _r_time(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        low = text.lower()
        m = re.search(r"(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|o'clock)?", low)
        hour: int | None = None
        minute = 0
        if "noon" in low or "midday" in low:
            hour = 12
        elif "midnight" in low:
            hour = 24
        elif m:
            hour = int(m.group(1))
            minute = int(m.group(2) or 0)
            marker = (m.group(3) or "").replace(".", "")
            if (marker == "pm" or (not marker and re.search(r"afternoon|evening", low))) and (
                hour < 12
            ):
                hour += 12
            elif marker == "am" and hour == 12:
                hour = 0
        if hour is None or hour > 24 or minute > 59:
            return None
        clock = f"T{hour:02d}:{minute:02d}"
        date: dt.date | None = None
        rest = re.sub(r"\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|o'clock)?", " ", low, count=1)
        rws = words_of(rest)
        month = self._month_of([w for w in rws if w not in ("may",)] or rws)
        wd = self._weekday_of(rws)
        if month is not None:
            day = self._day_of(rws)
            if day is not None:
                res = self._month_day(month, day, self._year_of(rws, rest), ctx)
                if res.point is None:
                    return Resolution("TIME", res.value + clock)
                date = res.point.date
        elif wd is not None and ctx.dct is not None:
            if ctx.tense == "future":
                date = weekday_near(ctx.dct, wd, 1)
            else:
                date = weekday_near(ctx.dct, wd, -1)
        elif ctx.dct is not None:
            offset = -1 if "yesterday" in rws else 1 if "tomorrow" in rws else 0
            date = ctx.dct + dt.timedelta(days=offset)
        if date is None:
            prefix = f"XXXX-WXX-{wd}" if wd is not None else "XXXX-XX-XX"
            return Resolution("TIME", prefix + clock)
        return Resolution("TIME", date.isoformat() + clock, Point(date, "D"))
