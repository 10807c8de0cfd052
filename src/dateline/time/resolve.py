"""Normalization: a matched expression, its tense and the reference time -> TIMEX3 value.

Relative expressions are resolved against the publication date; anaphoric ones
("the next day", "two days later", "a year earlier", "the same quarter") against the
reference point the text last set, when there is one. Without a publication date,
anything relative to it keeps X's ("XXXX-WXX-3"): we never guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dateutil.easter import easter

from dateline.time.calendar import (
    Granularity,
    Point,
    at,
    coarser,
    nth_weekday,
    safe_date,
    shift,
    timex_value,
    unknown_value,
    weekday_near,
)
from dateline.time.lexicon import Lexicon
from dateline.time.numbers import duration_amount, parse_number
from dateline.time.tense import Tense
from dateline.time.units import (
    ANAPHORIC,
    PART_CODES,
    PLURAL_UNITS,
    REL_OFFSET,
    SEASON_CODES,
    SEASON_START,
    UNIT_CODES,
    UNIT_GRAN,
    UNIT_SHIFT,
)

_WORD = re.compile(r"[a-z]+(?:'s)?|\d+/\d+|\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?|'\d\d")

_ENDED = re.compile(r"\s+end(?:ed|ing)\s+([A-Za-z]+)\.?\s+\d{1,2}\b")

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


def _join_durations(a: str, b: str) -> str:
    """P2Y + P6M -> P2Y6M; PT1H + PT30M -> PT1H30M; P1D + PT12H -> P1DT12H."""
    a_date, _, a_time = a[1:].partition("T")
    b_date, _, b_time = b[1:].partition("T")
    time_part = a_time + b_time
    return "P" + a_date + b_date + ("T" + time_part if time_part else "")


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


class Resolver:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.months = lex.months
        self.weekdays = lex.weekdays
        self.ordinals = lex.ordinals

    # -- helpers ----------------------------------------------------------
    def _dct_point(self, ctx: Context, gran: Granularity) -> Point | None:
        return Point(ctx.dct, gran) if ctx.dct else None

    def _month_of(self, ws: list[str]) -> int | None:
        for w in ws:
            if w.rstrip(".") in self.months:
                return self.months[w.rstrip(".")]
        return None

    def _year_of(self, ws: list[str], text: str) -> int | None:
        for w in ws:
            if re.fullmatch(r"(1[5-9]|20)\d\d(?:'s)?", w):
                return int(w[:4])
            if re.fullmatch(r"'\d\d", w):
                yy = int(w[1:])
                return 1900 + yy if yy > 30 else 2000 + yy
        spelled = re.search(
            r"nineteen[\s-]+([a-z -]+)|two\s+thousand(?:\s+and)?\s*([a-z -]*)", text.lower()
        )
        if spelled:
            if spelled.group(1) is not None:
                rest = spelled.group(1).strip()
                if rest.startswith("hundred"):
                    return 1900
                rest = rest.replace("oh ", "")
                n = parse_number(rest)
                return 1900 + int(n) if n is not None and n < 100 else None
            rest = (spelled.group(2) or "").strip()
            n = parse_number(rest) if rest else 0
            return 2000 + int(n) if n is not None and n < 100 else None
        return None

    def _day_of(self, ws: list[str], skip_year: bool = True) -> int | None:
        for w in ws:
            m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", w)
            if m and 1 <= int(m.group(1)) <= 31:
                return int(m.group(1))
            if w in self.ordinals and self.ordinals[w] > 0:
                return self.ordinals[w]
        # compound ordinal words ("twenty-first") are split by the tokenizer
        for i, w in enumerate(ws[:-1]):
            if w in ("twenty", "thirty") and ws[i + 1] in self.ordinals:
                return (20 if w == "twenty" else 30) + self.ordinals[ws[i + 1]]
        return None

    def _weekday_of(self, ws: list[str]) -> int | None:
        for w in ws:
            key = w.rstrip(".")
            if key in self.weekdays and (len(key) > 3 or key in ("tues", "thur", "thurs")):
                return self.weekdays[key]
            if key.endswith("days") and key[:-1] in self.weekdays:
                return self.weekdays[key[:-1]]
        for w in ws:
            key = w.rstrip(".")
            if key in self.weekdays:
                return self.weekdays[key]
        return None

    def _part_of(self, ws: list[str]) -> str | None:
        for w in ws:
            base = w[:-1] if w.endswith("s") and w[:-1] in PART_CODES else w
            if base in PART_CODES:
                return PART_CODES[base]
        return None

    def _direction(self, ws: list[str], tense: Tense) -> int:
        if "last" in ws or "past" in ws or "previous" in ws:
            return -1
        if "next" in ws or "coming" in ws:
            return 1
        if tense == "future":
            return 1
        return -1

    # -- entry point -------------------------------------------------------
    def resolve(self, kind: str, text: str, ctx: Context) -> Resolution | None:
        handler = getattr(self, f"_r_{kind}", None)
        if handler is None:
            return None
        result: Resolution | None = handler(text, words_of(text), ctx)
        return result

    # -- calendar dates -----------------------------------------------------
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
            year = year if month < ctx.dct.month else year - 1
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

    # -- quarters, halves and fiscal periods --------------------------------
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

    # -- relative to the publication date or the reference point -----------
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

    def _r_the_unit(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        unit = ws[-1]
        if unit == "year" and (
            ctx.extra.get("prev") in ("for", "during", "throughout")
            or ctx.extra.get("next") in ("ended", "ending", "ends", "through")
        ):
            # "for the year", "the year ended March 31": a span of a year (a fiscal year)
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
        if re.match(
            r"(?:same|comparable|corresponding) (?:period|quarter)", re.sub(r"\s+", " ", low)
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
        elif "this" in ws or "coming" in ws:
            date = weekday_near(ctx.dct, wd, 1)
        elif ctx.tense == "future":
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
            if marker == "pm" and hour < 12:
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

    # -- durations, anchored durations and sets ------------------------------
    def _unit_and_amount(self, ws: list[str], text: str) -> tuple[str, float | None, int] | None:
        """(unit code, amount or None when vague, index of the unit word)."""
        for i in range(len(ws) - 1, -1, -1):
            w = ws[i]
            base = w[:-1] if w.endswith("s") else w
            if base.endswith("ie"):
                base = base[:-2] + "y"
            code = UNIT_CODES.get(w) or UNIT_CODES.get(base)
            if code:
                amount = self._amount(ws[:i], text)
                return code, amount, i
        return None

    def _amount(self, before: list[str], text: str) -> float | None:
        skip = {
            "the", "past", "last", "next", "first", "final", "previous", "following", "coming",
            "latest", "additional", "remaining", "initial", "ensuing", "subsequent", "other",
            "more", "straight", "consecutive", "full", "extra", "further", "long", "short",
            "trading", "business", "working", "calendar", "school", "fiscal", "about", "around",
            "approximately", "roughly", "nearly", "almost", "than", "less", "fewer", "over",
            "under", "at", "least", "most", "up", "to", "no", "not", "well", "close", "upwards",
            "of", "just", "barely", "only", "better", "part", "good", "estimated", "as",
            "another",
        }  # fmt: skip
        core = [w for w in before if w not in skip]
        if not core:
            if "another" in before or "an" in before:
                return 1.0
            return 1.0 if before and before[-1] in ("past", "last", "next", "first") else None
        is_range = "to" in before and "up" not in before
        if is_range or "or" in core or ("and" in core and "half" not in core):
            return None
        if core[0] in ("some",) and len(core) > 1:
            core = core[1:]
        phrase = " ".join(core)
        if phrase in ("a few", "few", "several", "some", "many", "numerous", "a number of"):
            return None
        if phrase in ("a couple", "couple"):  # "of" is skipped above
            return 2.0  # TimeML reads "a couple of years" as two (P2Y)
        return parse_number(phrase) if phrase not in ("a", "an") else 1.0

    def duration_value(self, code: str, amount: float | None) -> str:
        if code == "FN":
            code, amount = "W", (None if amount is None else amount * 2)
        if amount is not None and amount != int(amount):
            whole = int(amount)
            frac = amount - whole
            finer = {
                "Y": ("M", 12),
                "M": ("D", 30),
                "D": ("H", 24),
                "H": ("MIN", 60),
                "MIN": ("S", 60),
            }
            if code in finer:
                sub, factor = finer[code]
                sub_val = self.duration_value(sub, frac * factor)
                if not whole:
                    return sub_val
                return _join_durations(self.duration_value(code, whole), sub_val)
        if code == "DE" and amount is not None:
            # "two decades": TimeBank counts decades in years (P20Y)
            code, amount = "Y", amount * 10
        n = duration_amount(amount)
        return {
            "S": f"PT{n}S",
            "MIN": f"PT{n}M",
            "H": f"PT{n}H",
            "D": f"P{n}D",
            "W": f"P{n}W",
            "WE": f"P{n}WE",
            "M": f"P{n}M",
            "Q": f"P{n}Q",
            "Y": f"P{n}Y",
            "DE": f"P{n}E",
            "CE": f"P{n}C",
            "L": f"P{n}L",
        }[code]

    def _r_duration(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        found = self._unit_and_amount(ws, text)
        if found is None:
            return None
        code, amount, idx = found
        tail = ws[idx + 1 :]
        if tail[:3] == ["and", "a", "half"] and amount is not None:
            amount += 0.5  # "an hour and a half"
        anchor = next(
            (
                w
                for w in tail
                if w in ("ago", "earlier", "later", "hence", "back", "now", "before", "after")
            ),
            None,
        )
        if anchor is None:
            if "to" in ws[:idx] and amount is None:
                pass
            return Resolution("DURATION", self.duration_value(code, amount))
        sign = -1 if anchor in ("ago", "earlier", "back", "before") else 1
        # "two weeks ago" names a day (TimeBank), "two months ago" a month
        gran = "D" if code in ("W", "FN") else UNIT_GRAN[code]
        if code in ("S", "MIN", "H"):
            return Resolution("DURATION", self.duration_value(code, amount))
        use_ref = anchor in ("earlier", "later", "before", "after")
        base: Point | None = None
        if use_ref and ctx.ref_quarter is not None and code == "Y":
            base = ctx.ref_quarter
        elif use_ref and ctx.ref is not None:
            base = at(ctx.ref, coarser(ctx.ref.gran, gran))  # type: ignore[arg-type]
        elif not use_ref and code == "Y" and ctx.ref_quarter is not None and anchor == "ago":
            base = ctx.ref_quarter
        elif ctx.dct is not None:
            base = Point(ctx.dct, gran)
        if base is None:
            return Resolution("DATE", unknown_value(gran))
        if amount is None:
            if code in ("Y", "DE"):
                decade = base.date.year // 10
                return Resolution("DATE", f"{decade:03d}X" if sign < 0 else "FUTURE_REF")
            return Resolution("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        if amount != int(amount):
            return Resolution("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        step, unit = UNIT_SHIFT.get(code, (1, code))
        point = shift(base, sign * int(amount) * step, unit)
        return Resolution("DATE", timex_value(point), point)

    def _r_bare_units(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        found = self._unit_and_amount(ws, text)
        if found is None:
            return None
        return Resolution("DURATION", self.duration_value(found[0], None))

    def _r_duration_adj(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        low = text.lower().replace("-long", "").split()[0]
        number, _, unit = low.rpartition("-")
        unit = unit[:-1] if unit.endswith("s") else unit
        code = UNIT_CODES.get(unit)
        if code is None:
            return None
        if number == "half":
            return Resolution("DURATION", self.duration_value(code, 0.5))
        amount = None if number in ("several", "multi") else parse_number(number)
        return Resolution("DURATION", self.duration_value(code, amount))

    def _r_set(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        low = text.lower()
        if ws[0] in self.lex.set_adverbs:
            return Resolution("SET", self.lex.set_adverbs[ws[0]])
        wd = self._weekday_of(ws)
        if wd is not None and any(w.rstrip(".") in self.weekdays for w in ws[1:]):
            return Resolution("SET", f"XXXX-WXX-{wd}")
        month = self._month_of(ws[1:])
        if month is not None:
            return Resolution("SET", f"XXXX-{month:02d}")
        part = self._part_of(ws[1:])
        if part:
            return Resolution("SET", f"XXXX-XX-XXT{part}")
        season = next((SEASON_CODES[w] for w in ws if w in SEASON_CODES), None)
        if season:
            return Resolution("SET", f"XXXX-{season}")
        unit = ws[-1]
        code = UNIT_CODES.get(unit)
        if code is None:
            return None
        amount = 1.0
        if "other" in ws:
            amount = 2.0
        elif ws[0] in ("every", "each", "per") and len(ws) > 2:
            n = parse_number(ws[1])
            amount = n if n is not None else 1.0
        if "times" in ws or ws[0] in ("once", "twice", "thrice"):
            amount = 1.0
        del low
        return Resolution("SET", self.duration_value(code, amount))

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

    def _r_vague(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        low = " ".join(ws)
        if any(w in ("coming", "future", "ahead", "term") for w in ws) or low == "a later date":
            if "term" in ws and ("short" in ws or "long" in ws or "longer" in ws or "medium" in ws):
                return Resolution("DATE", "FUTURE_REF")
            return Resolution("DATE", "FUTURE_REF")
        if "recent" in ws and ws[-1] in ("weeks", "months", "quarters"):
            # "in recent months": TimeBank reads a vague stretch of time, while
            # "in recent years", "recent days" refer to the past at large
            return Resolution("DURATION", f"PX{PLURAL_UNITS[ws[-1]]}")
        if any(w in ("recent", "recently", "past", "lately") for w in ws):
            return Resolution("DATE", "PAST_REF")
        if "next" in ws:
            return Resolution("DATE", "FUTURE_REF")
        if "last" in ws:
            return Resolution("DATE", "PAST_REF")
        return Resolution("DATE", "PRESENT_REF")
