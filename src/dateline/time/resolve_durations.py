"""Durations ("two days", "some eight months"), anchored durations ("two days ago"),
sets ("every Friday") and vague references (PAST_REF, PRESENT_REF, FUTURE_REF)."""

from __future__ import annotations

from dateline.time.calendar import Point, at, coarser, shift, timex_value, unknown_value
from dateline.time.numbers import duration_amount, parse_number
from dateline.time.resolution import Context, Resolution
from dateline.time.resolve_days import DayRules
from dateline.time.units import PLURAL_UNITS, SEASON_CODES, UNIT_CODES, UNIT_GRAN, UNIT_SHIFT


def _join_durations(a: str, b: str) -> str:
    """P2Y + P6M -> P2Y6M; PT1H + PT30M -> PT1H30M; P1D + PT12H -> P1DT12H."""
    a_date, _, a_time = a[1:].partition("T")
    b_date, _, b_time = b[1:].partition("T")
    time_part = a_time + b_time
    return "P" + a_date + b_date + ("T" + time_part if time_part else "")


# Modals before "one day" that make it "someday" ("could one day replace").
_MODALS = frozenset({"will", "would", "could", "might", "may", "can", "should", "'ll"})


_LOOKING_BACK = frozenset({"last", "past"})


class DurationRules(DayRules):
    """Durations, anchored durations, sets and vague references."""

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

    @staticmethod
    def _in_future(ws: list[str], code: str, ctx: Context) -> bool:
        """ "in two years" in a future clause: a point ahead, not a stretch of time."""
        return (
            ctx.extra.get("prev") == "in"
            and ctx.tense == "future"
            and ws[0] != "the"
            and code not in ("S", "MIN", "H")
        )

    def _r_duration(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        if ws == ["one", "day"] and ctx.extra.get("prev") in _MODALS:
            # "Islam will one day be ...": someday, not a day's length.
            return Resolution("DATE", "FUTURE_REF")
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
        if anchor is None and self._in_future(ws, code, ctx):
            # "The stock will be redeemed in five years": the time five years from now
            anchor = "hence"
        if anchor is None:
            if code == "H" and amount == 24 and _LOOKING_BACK & set(ws[:idx]):
                # "in the last 24 hours": the past day, a round figure (TimeBank: P1D)
                return Resolution("DURATION", "P1D")
            return Resolution("DURATION", self.duration_value(code, amount))
        if tail[:1] == ["or"] and tail[1:2] != ["so"]:
            amount = None  # "in a year or two", "a week or more ago": no exact point
        if anchor == "later" and ctx.ref is None:
            # "Three days later, ..." with no date named before: a stretch after an
            # event of the story, not a day counted from publication; TimeML annotates
            # the duration and leaves "later" out as a signal
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
        if "or" in ws:
            ws = ws[: ws.index("or")]  # "weeks or months": the shorter, first unit
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

    def _r_vague(self, text: str, ws: list[str], ctx: Context) -> Resolution | None:
        low = " ".join(ws)
        if (
            any(w in ("coming", "future", "ahead", "term", "soon") for w in ws)
            or low == "a later date"
        ):
            if "term" in ws and ("short" in ws or "long" in ws or "longer" in ws or "medium" in ws):
                return Resolution("DATE", "FUTURE_REF")
            return Resolution("DATE", "FUTURE_REF")
        if "recent" in ws and ws[-1] in ("weeks", "months", "quarters"):
            # "in recent months": TimeBank reads a vague stretch of time, while
            # "in recent years", "recent days" refer to the past at large
            return Resolution("DURATION", f"PX{PLURAL_UNITS[ws[-1]]}")
        if any(w in ("recent", "recently", "past", "lately", "then") for w in ws):
            return Resolution("DATE", "PAST_REF")
        if "next" in ws:
            return Resolution("DATE", "FUTURE_REF")
        if "last" in ws:
            return Resolution("DATE", "PAST_REF")
        return Resolution("DATE", "PRESENT_REF")
