"""Trigger words: where in a Doc a time expression can possibly be.

Every rule of the grammar needs at least one word of some category (a month name,
a unit like "weeks", "yesterday", "every", ...). One pass over the spaCy tokens,
with dictionary look-ups, finds those words; each rule then runs only in windows
around the words it needs. This keeps the stage a small fraction of parse time.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dateline.time.lexicon import Lexicon

# Characters around a trigger word where a rule may match: prefixes ("the better
# part of the past several") are longer than suffixes ("or so", "local time").
WINDOW_LEFT = 60
WINDOW_RIGHT = 50

_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_DECADE = re.compile(r"(?:\d{0,3}0|'\d0)'?s")
_CLOCK = re.compile(r"\d{1,2}:\d\d|\d{1,2}(?:[ap]\.?m\.?)")


class TriggerIndex:
    def __init__(self, lex: Lexicon) -> None:
        words: dict[str, str] = {}

        def add(category: str, items: object) -> None:
            for item in items:  # type: ignore[attr-defined]
                words.setdefault(str(item), category)

        add("SET", ["every", "each", "per", "once", "twice", "thrice", "times", *lex.set_adverbs])
        add("MONTH", lex.months)
        add("WEEKDAY", lex.weekdays)
        add("WEEKDAY", [d + "s" for d in lex.weekdays if d.endswith("day")])
        add(
            "HOLIDAY",
            ["christmas", "thanksgiving", "easter", "halloween", "valentine", "independence",
             "boxing", "bastille", "veterans", "armistice"],
        )  # fmt: skip
        add("DEICTIC", lex.deictic_days)
        add("PART", ["morning", "afternoon", "evening", "overnight", "mornings", "evenings"])
        add(
            "QUARTER", ["quarter", "quarters", "half", "period", "q1", "q2", "q3", "q4", "h1", "h2"]
        )
        units = ["second", "minute", "min", "hour", "hr", "day", "night", "week", "weekend",
                 "fortnight", "month", "year", "yr", "decade"]  # fmt: skip
        add("UNIT", units)
        add("UNIT", [u + "s" for u in units])
        add("UNIT", ["century", "centuries", "millennium", "millennia"])
        add("YEAR", ["nineteen", "thousand"])
        add(
            "DECADE",
            ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
             "nineties"],
        )  # fmt: skip
        add("SEASON", ["spring", "summer", "fall", "autumn", "winter"])
        add("TIME", ["a.m.", "p.m.", "am", "pm", "a.m", "p.m", "noon", "midnight", "midday",
                     "o'clock"])  # fmt: skip
        add(
            "VAGUE",
            ["now", "current", "currently", "nowadays", "present", "presently", "recent",
             "recently", "lately", "future", "past", "term", "moment", "coming", "ahead",
             "later", "these", "time", "soon"],
        )  # fmt: skip
        self.words = words

    def category(self, lower: str) -> str | None:
        cat = self.words.get(lower)
        if cat is not None:
            return cat
        if lower.endswith(".") and len(lower) > 2:
            cat = self.words.get(lower[:-1])
            if cat is not None:
                return cat
        if lower[:1].isdigit() or lower[:1] == "'":
            if _YEAR.fullmatch(lower):
                return "YEAR"
            if _DECADE.fullmatch(lower):
                return "DECADE"
            if _CLOCK.fullmatch(lower):
                return "TIME"
            if re.fullmatch(r"'\d\d", lower):
                return "YEAR"
        if "-" in lower:
            # tokens the tokenizer left whole ("year-end", "five-year", "mid-1990s")
            for part in lower.split("-"):
                cat = self.category(part) if part and part != lower else None
                if cat is not None:
                    return cat
        return None

    def windows(self, doc: Doc, text_length: int) -> dict[str, list[tuple[int, int]]]:
        """Merged character windows around the trigger words of each category."""
        spans: dict[str, list[tuple[int, int]]] = {}
        for token in doc:
            cat = self.category(token.lower_)
            if cat is None:
                continue
            start = max(0, token.idx - WINDOW_LEFT)
            end = min(text_length, token.idx + len(token) + WINDOW_RIGHT)
            bucket = spans.setdefault(cat, [])
            if bucket and start <= bucket[-1][1]:
                bucket[-1] = (bucket[-1][0], end)
            else:
                bucket.append((start, end))
        return spans
