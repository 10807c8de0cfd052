"""Shared word readers of the resolver: month, year, day, weekday and part of day."""

from __future__ import annotations

import re

from dateline.time.calendar import Granularity, Point
from dateline.time.lexicon import Lexicon
from dateline.time.numbers import parse_number
from dateline.time.resolution import Context
from dateline.time.tense import Tense
from dateline.time.units import PART_CODES


class ResolverBase:
    """Word readers shared by every rule family."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.months = lex.months
        self.weekdays = lex.weekdays
        self.ordinals = lex.ordinals

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
