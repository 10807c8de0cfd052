"""Find time expressions in a parsed Doc and normalize them, in text order.

Steps: the grammar (``patterns``) proposes extents; the longest non-overlapping ones
win; token checks drop look-alikes (the modal "May", ages, counts, numbers that are
not years); TimeML's extent conventions are applied (a determiner belongs to the
expression unless the expression modifies a noun: "the past year" but "the
third-quarter results"); then each expression is normalized with the tense of its
clause and the reference point the text has set so far.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from dateline.spans import doc_text
from dateline.time.calendar import Point
from dateline.time.lexicon import Lexicon, load_lexicon
from dateline.time.patterns import Rule, build_rules
from dateline.time.resolve import Context, Resolution, Resolver
from dateline.time.tense import Tense, tense_of
from dateline.time.triggers import TriggerIndex

# Families whose value depends on the direction of the clause (past or future).
TENSE_KINDS = frozenset(
    {
        "weekday",
        "month",
        "mdy",
        "dmy",
        "time",
        "season",
        "relative",
        "the_unit",
        "quarter",
        "end_of",
        "holiday",
        "week_of",
        "nth_day",
    }
)
# Between candidates of equal length, the family with the lower number wins.
PRIORITY = {
    "iso": 0,
    "slash": 0,
    "time": 1,
    "mdy": 2,
    "dmy": 2,
    "my": 3,
    "quarter": 3,
    "qcode": 3,
    "holiday": 3,
    "year_ago": 4,
    "relative": 4,
    "relative_day": 4,
    "nth_day": 4,
    "set": 4,
    "duration": 5,
    "decade": 5,
    "century": 5,
    "year_period": 5,
    "deictic": 5,
    "weekday": 6,
    "weekdays": 6,
    "part_of_day": 8,
    "week_of": 2,
    "season": 6,
    "month": 7,
    "year": 7,
    "vague": 8,
    "duration_adj": 8,
    "bare_units": 9,
    "the_unit": 9,
}
_NOT_YEAR_BEFORE = frozenset(
    {"$", "no", "no.", "#", "number", "flight", "route", "highway", "page", "pages", "article",
     "section", "resolution", "interstate", "rule", "model", "room", "suite", "apt", "unit",
     "boeing", "airbus", "windows", "vision", "agenda", "about", "some", "nearly", "over"}
)  # fmt: skip
# Named events that a year dates: "the 2000 Olympics", "the 1998 World Cup".
_DATED_EVENTS = frozenset(
    {"olympics", "games", "cup", "championship", "championships", "election", "elections",
     "summit", "census", "congress", "convention", "expo", "world"}
)  # fmt: skip
_ADJECTIVAL_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "poss"})
_BAD_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
# How far (in characters) a named quarter or date stays the reference point for
# "a year earlier", "the next day", "two days later".
QUARTER_REACH = 3000
REF_REACH = 400
# Kinds made of common words ("this week", "today", "now") rather than names.
_COMMON_WORD_KINDS = frozenset({"relative", "deictic", "vague", "the_unit", "duration"})
_NAME_ENTS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "FAC", "LAW", "EVENT", "PERSON"})
_RELATIVE_TO_EVENT = re.compile(
    r"(?i:earlier|later)\s+(?=(?i:this\s+week)\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
)
_SPAN_NOUN = re.compile(r"\s(?:period|term|span|stretch|interval)$")
_LATER_SIGNAL = re.compile(r"\s+(?i:later)$")
# "a year earlier", "year-ago": compared with the quarter being reported, unless the
# sentence is about a longer reporting period.
_YEAR_AGO_KINDS = frozenset({"duration", "year_ago"})
_LONGER_PERIOD = re.compile(
    r"\b(?:(?:six|nine|\d+|first (?:six|nine)) months|first half|(?:fiscal|full|the) year\b)",
    re.IGNORECASE,
)
_AGE_CONTEXT = re.compile(r"\b(?:his|her|their|my|your|our|its)\s+(?:early|late|mid-?)?\s*$", re.I)


@dataclass(slots=True)
class Found:
    start: int
    end: int
    kind: str
    type: str = ""
    value: str = ""
    point: Point | None = None


class TimexExtractor:
    """Built once (patterns compiled), then called on every Doc."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self.rules: list[Rule] = build_rules(self.lex)
        self.trigger_index = TriggerIndex(self.lex)
        self.resolver = Resolver(self.lex)

    # -- candidates ----------------------------------------------------------
    def _rule_windows(
        self, rule: Rule, windows: dict[str, list[tuple[int, int]]], n: int
    ) -> list[tuple[int, int]]:
        if not rule.triggers:
            return [(0, n)]
        spans = sorted(w for cat in rule.triggers for w in windows.get(cat, ()))
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def candidates(self, doc: Doc) -> list[Found]:
        """Proposed extents, longest first, without overlaps, in text order."""
        text = text_of(doc)
        found: list[Found] = []
        seen: set[tuple[int, int, str]] = set()
        windows = self.trigger_index.windows(doc, len(text))
        for rule in self.rules:
            for w_start, w_end in self._rule_windows(rule, windows, len(text)):
                for m in rule.regex.finditer(text, w_start, w_end):
                    self._add(text, m.start(), m.end(), rule.kind, found, seen)
        found.sort(key=lambda f: (-(f.end - f.start), PRIORITY.get(f.kind, 9), f.start))
        taken: list[Found] = []
        occupied: list[tuple[int, int]] = []
        for f in found:
            if any(f.start < e and s < f.end for s, e in occupied):
                continue
            taken.append(f)
            occupied.append((f.start, f.end))
        taken.sort(key=lambda f: f.start)
        return taken

    @staticmethod
    def _add(
        text: str,
        start: int,
        end: int,
        kind: str,
        found: list[Found],
        seen: set[tuple[int, int, str]],
    ) -> None:
        # Trim trailing blanks; a window edge may cut a match, the longest one wins below.
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and (start, end, kind) not in seen:
            seen.add((start, end, kind))
            found.append(Found(start, end, kind))

    # -- token checks ---------------------------------------------------------
    def _span(self, doc: Doc, f: Found) -> Span | None:
        return doc.char_span(f.start, f.end, alignment_mode="expand")

    def acceptable(self, doc: Doc, f: Found, span: Span) -> bool:
        """Token checks that tell a time expression from a look-alike."""
        if _inside_name(span) or (f.kind in _COMMON_WORD_KINDS and _looks_like_title(span)):
            return False
        check = _CHECKS.get(f.kind)
        if check is None:
            return True
        text = text_of(doc)
        return check(doc, span, text[f.start : f.end].lower(), text, f)

    def extend_determiner(self, doc: Doc, f: Found, span: Span) -> None:
        """Include a preceding "the" unless the expression modifies a following noun."""
        text = text_of(doc)
        if text[f.start : f.end].lower().startswith("the "):
            return
        first = span[0]
        if first.i == 0:
            return
        prev = doc[first.i - 1]
        if (
            prev.lower_ in ("a", "an")
            and f.kind == "duration_adj"
            and _SPAN_NOUN.search(text, 0, f.end)
        ):
            f.start = prev.idx  # "a three-year period": the period is the expression
            return
        if prev.lower_ != "the":
            return
        if f.kind in ("the_unit", "week_of"):
            f.start = prev.idx
            return
        if f.kind == "vague" or span[0].pos_ == "ADV":
            return  # "the recently passed law"
        last = span[-1]
        if (
            last.dep_ in _ADJECTIVAL_DEPS
            # "the latest quarter's results": "the" goes with the possessor
            and not (last.dep_ == "poss" or _next_lower(doc, last) == "'s")
            and last.head.i >= span.end
            and last.head.lower_ not in ("period", "quarter", "year", "month", "week")
        ):
            return
        if f.kind in ("year", "weekday", "time", "iso", "slash", "set", "mdy", "my", "month"):
            return
        f.start = prev.idx

    def trim_modifiers(self, doc: Doc, f: Found, res: Resolution) -> None:
        """TimeML leaves "earlier"/"later" out of "this week" and of a weekday ("Earlier
        Friday, ..."): they place an event relative to another, not the day itself."""
        text = text_of(doc)[f.start : f.end]
        m = _RELATIVE_TO_EVENT.match(text)
        if m:
            f.start += m.end()
        if f.kind == "duration" and res.type == "DURATION":
            m = _LATER_SIGNAL.search(text)
            if m:
                f.end -= len(text) - m.start()

    # -- main ---------------------------------------------------------------------
    def extract(self, doc: Doc, published: dt.date | None) -> list[Found]:
        ctx = Context(dct=published)
        out: list[Found] = []
        last_quarter_at = ref_at = -10_000
        for f in self.candidates(doc):
            span = self._span(doc, f)
            if span is None or not self.acceptable(doc, f, span):
                continue
            text = text_of(doc)[f.start : f.end]
            ctx.extra["prev"] = prev = doc[span.start - 1].lower_ if span.start > 0 else ""
            in_span = f.kind == "duration" and prev == "in"  # "in two years"
            ctx.tense = self._tense(span) if f.kind in TENSE_KINDS or in_span else "none"
            # the word before a leading or preceding "the" ("throughout the year")
            ctx.extra["before_the"] = _word_before_the(doc, span)
            ctx.extra["next"] = doc[span.end].lower_ if span.end < len(doc) else ""
            ctx.extra["after"] = text_of(doc)[f.end : f.end + 24]
            if f.start - last_quarter_at > QUARTER_REACH:
                ctx.ref_quarter = None
            if f.start - ref_at > REF_REACH:
                # "two days later" refers to a date named nearby, else to publication
                ctx.ref = None
            quarter = ctx.ref_quarter
            if quarter is not None and f.kind in _YEAR_AGO_KINDS and _longer_period_before(span):
                # "For the nine months, net rose ... from $3 a share a year earlier": the
                # comparison is with the same months of last year, not with the quarter.
                ctx.ref_quarter = None
            try:
                res: Resolution | None = self.resolver.resolve(f.kind, text, ctx)
            except (ValueError, OverflowError, KeyError, IndexError):
                # One odd expression ("February 30") must not cost the others.
                res = None
            ctx.ref_quarter = quarter
            if res is None:
                continue
            self.extend_determiner(doc, f, span)
            self.trim_modifiers(doc, f, res)
            f.type, f.value, f.point = res.type, res.value, res.point
            if res.point is not None and res.type in ("DATE", "TIME"):
                if (
                    res.point.gran == "Q"
                    and f.kind in ("quarter", "qcode")
                    and _reported(res.point, published)
                ):
                    # The report is about its latest quarter: an earlier one named in
                    # passing ("after a flat second quarter", "the year-ago third
                    # quarter") is a comparison and does not replace it.
                    if ctx.ref_quarter is None or res.point.date >= ctx.ref_quarter.date:
                        ctx.ref_quarter = res.point
                    last_quarter_at = f.start
                if res.anchors_text:
                    ctx.ref = res.point
                    ref_at = f.start
            out.append(f)
        attach_clock_times(out, text_of(doc))
        return out

    @staticmethod
    def _tense(span: Span) -> Tense:
        try:
            return tense_of(span)
        except (ValueError, IndexError, RecursionError):  # no parse: undecided
            return "none"


# -- look-alikes -------------------------------------------------------------------
_MAY_BEFORE = frozenset(
    {"in", "since", "until", "by", "from", "to", "through", "during", "of", "early", "late",
     "mid", "last", "next", "this", "before", "after", "between", "and", "till", "-"}
)  # fmt: skip


def _month_ok(doc: Doc, span: Span, low: str, text: str, f: Found) -> bool:
    """A bare "May", "March", "June" may be a verb, a modal or a name."""
    if not (len(span) == 1 or (len(span) == 2 and span[-1].text == ".")):
        return True
    first = span[0]
    if first.tag_ == "MD" or first.pos_ == "VERB":
        return False
    if first.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC"):
        return False
    if first.lower_ == "may":
        return first.i > 0 and doc[first.i - 1].lower_ in _MAY_BEFORE
    if first.lower_ == "march":
        # "the annual March for Peace", "a March on Washington": a procession
        prev = doc[first.i - 1] if first.i > 0 else None
        after_word = prev is not None and prev.pos_ in ("DET", "ADJ", "PROPN", "NOUN")
        if after_word and first.dep_ not in ("compound", "amod", "nmod"):
            return False
    return True


def _year_ok(doc: Doc, span: Span, low: str, text: str, f: Found) -> bool:
    """A bare four-digit number is a year unless it counts or names something."""
    if len(span) != 1 or not re.fullmatch(r"\d{4}", low):
        return True
    tok = span[0]
    if tok.i > 0 and doc[tok.i - 1].lower_ in _NOT_YEAR_BEFORE:
        return False
    if tok.ent_type_ in _BAD_ENTS and tok.ent_type_ != "CARDINAL":
        return False
    if (
        tok.dep_ in ("nummod", "compound")
        and tok.head.pos_ == "PROPN"
        and tok.head.i > tok.i
        and tok.head.lower_ not in _DATED_EVENTS
    ):
        return False  # a model name: "a 1987 Chevrolet" (but "the 2000 Olympics")
    if tok.ent_type_ == "DATE":
        return True  # "1989 operating results": the model read a date
    if tok.dep_ == "nummod" and tok.head.tag_ == "NNS":
        return False  # "2000 people"
    if tok.ent_type_ == "CARDINAL" and tok.i + 1 < len(doc):
        nxt = doc[tok.i + 1]
        if nxt.pos_ == "NOUN" and nxt.tag_ == "NNS":
            return False
    return True


def _decade_ok(doc: Doc, span: Span, low: str, text: str, f: Found) -> bool:
    """ "in his forties" is an age; "the 70s" may be a temperature unless "the" precedes."""
    before = text[max(0, f.start - 30) : f.start]
    if _AGE_CONTEXT.search(before):
        return False
    return not (
        re.fullmatch(r"(?:early |late |mid-?)?\d0s", low)
        and not before.rstrip().lower().endswith("the")
    )


def _duration_ok(doc: Doc, span: Span, low: str, text: str, f: Found) -> bool:
    """Ages ("45 years old"), rates ("$2 million a year", "700 seats a week"),
    ordinals ("a second group") and fractions ("a quarter of the market") are not
    time expressions."""
    after = text[f.end : f.end + 12].lower()
    if re.match(r"[\s-]+old\b|[\s-]+of age\b", after):
        return False
    if f.kind != "duration":
        return True
    if _RATE.fullmatch(low):
        prev = text[max(0, f.start - 16) : f.start].lower()
        if _AMOUNT_BEFORE.search(prev) or (span.start > 0 and doc[span.start - 1].tag_ == "NNS"):
            return False
    last = span[-1]
    if last.lower_ == "second" and last.pos_ == "ADJ":
        return False
    # "a quarter of the market", "three quarters of its staff" are fractions of a whole;
    # "several quarters of losses" is a stretch of time
    return not (last.lower_ in ("quarter", "quarters") and _FRACTION_OF.match(text, f.end))


def _vague_ok(doc: Doc, span: Span, low: str, text: str, f: Found) -> bool:
    first, last = span[0], span[-1]
    if low == "current":
        # the adjective ("current rates"), not the noun (a river's current)
        return first.pos_ == "ADJ" and _next_lower(doc, last) not in ("account", "accounts")
    if low == "future":
        return first.pos_ != "ADJ"
    if low == "recent":
        return False
    # "Now, he says ...", "Currently, organs go ...": a discourse marker, not a time
    return not (
        low in ("now", "currently") and first.is_sent_start and _next_lower(doc, last) == ","
    )


# Nouns that make "today's X" the present era, not the day ("today's youth").
_ERA_NOUNS = frozenset(
    {"world", "youth", "society", "generation", "children", "economy", "market",
     "markets", "culture", "standards", "technology", "kids", "families", "age"}
)  # fmt: skip


def _deictic_ok(doc: Doc, span: Span, low: str, text: str, f: Found) -> bool:
    """ "today's world", "today's youth": the era, not the day of publication."""
    if low != "today" or span.end + 1 >= len(doc) or doc[span.end].lower_ != "'s":
        return True
    owned = doc[span.end].head
    if owned.i <= span.end:
        owned = doc[span.end + 1]
    return owned.lower_ not in _ERA_NOUNS


def _set_ok(doc: Doc, span: Span, low: str, text: str, f: Found) -> bool:
    """ "a daily newspaper", "the weekly magazine": kinds of things, not times."""
    first = span[0]
    if low == "quarterly":
        # dividends, results and reviews paid or done by the quarter: in business news
        # a rate of payment, which TimeML annotators leave out
        return False
    if low in ("annually", "yearly"):
        # "sales grew 20% annually", "10,000 units annually": a rate of growth or
        # output, like "$2 million a year", not a recurring time
        prev = first.doc[first.i - 1] if first.i > 0 else None
        return prev is None or not (prev.lower_ in ("%", "percent") or prev.tag_ == "NNS")
    if low not in ("daily", "weekly", "monthly"):
        return True
    if first.pos_ == "PROPN" or first.ent_type_ in ("ORG", "WORK_OF_ART"):
        return False  # "the Daily Telegraph"
    if first.dep_ not in ("amod", "compound", "nmod"):
        return True
    # "a quarterly dividend", "average daily volume", "a daily newspaper" describe a
    # kind of thing; "a daily rally", "daily life" still happen every day.
    if low == "monthly":
        return False
    previous = first.doc[first.i - 1].lower_ if first.i > 0 else ""
    return first.head.lower_ not in _PUBLICATIONS and previous != "average"


_PUBLICATIONS = frozenset(
    {"newspaper", "newspapers", "paper", "papers", "magazine", "magazines", "publication",
     "journal", "tabloid", "bulletin", "newsletter", "edition"}
)  # fmt: skip


def _looks_like_title(span: Span) -> bool:
    """ "on ABC's This Week", "This is VOA Today": common time words capitalized
    mid-sentence are part of a title."""
    words = [t for t in span if t.is_alpha]
    if not words or not all(t.text[:1].isupper() for t in words):
        return False
    if len(words) > 1 and words[1].pos_ != "PROPN":
        return True  # "This Week": a second common word capitalized
    if span[0].is_sent_start:
        return False
    if span[0].i == 0:
        return False
    prev = span.doc[span[0].i - 1]
    # a quotation or a new line may start a sentence the parser did not split
    opens_sentence = prev.is_quote or (prev.is_punct and prev.text in "(-:;")
    return not (opens_sentence or "\n" in prev.text_with_ws)


def _inside_name(span: Span) -> bool:
    """Part of a longer name: "This Week" (a show), "the Six-Day War", "Good Friday"."""
    first, last = span[0], span[-1]
    if first.ent_type_ not in _NAME_ENTS or last.ent_type_ != first.ent_type_:
        return False
    doc = span.doc
    starts_before = first.ent_iob_ == "I"
    ends_after = last.i + 1 < len(doc) and doc[last.i + 1].ent_iob_ == "I"
    return starts_before or ends_after or first.ent_type_ == "WORK_OF_ART"


_FRACTION_OF = re.compile(
    r"\s*of\s+(?:(?i:the|a|an|its|his|her|their|our|all|them|those|these|that|this)\b|\d|[A-Z])"
)
_RATE = re.compile(r"(?:an?|per)\s+(?:year|month|week|day|hour|minute|second)")
_AMOUNT_BEFORE = re.compile(r"(?:\d|%|million|billion|trillion|percent|cents?|dollars)\W*$")

_CHECKS: dict[str, Callable[[Doc, Span, str, str, Found], bool]] = {
    "month": _month_ok,
    "year": _year_ok,
    "decade": _decade_ok,
    "duration": _duration_ok,
    "duration_adj": _duration_ok,
    "vague": _vague_ok,
    "deictic": _deictic_ok,
    "set": _set_ok,
}


# How far back (characters) a bare clock time looks for the day it belongs to.
CLOCK_REACH = 300
# A clock time that names its own day ("noon Saturday", "6 a.m. Oct. 3", "tonight").
_NAMES_DAY = re.compile(
    r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|today|tonight|yesterday|tomorrow|\d{1,2}/\d{1,2}"
)
_CLOCK_VALUE = re.compile(r"^(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)(T\d\d:\d\d)$")
_DAY_VALUE = re.compile(r"^(?:\d{4}-\d\d-\d\d|XXXX-WXX-\d)$")


def attach_clock_times(found: list[Found], text: str) -> None:
    """Date a clock time by the day next to it: "3 p.m. on Tuesday", "Tuesday at noon"."""
    for i, f in enumerate(found):
        m = _CLOCK_VALUE.match(f.value) if f.kind == "time" else None
        if m is None:
            continue
        neighbours = []
        if i + 1 < len(found):
            neighbours.append((found[i + 1], text[f.end : found[i + 1].start]))
        if i > 0:
            neighbours.append((found[i - 1], text[found[i - 1].end : f.start]))
        for other, gap in neighbours:
            if _DAY_VALUE.match(other.value) and re.fullmatch(r",?\s*(?:on|at)?\s*", gap):
                f.value = other.value + m.group(1)
                break
        else:
            if _NAMES_DAY.search(text[f.start : f.end]):
                continue
            # A bare clock time continues the story of the day named just before it
            # ("On Oct. 13 ... At 6 a.m., ..."), not the day of publication.
            day = _day_before(found, i, f.start - CLOCK_REACH)
            if day is not None:
                f.value = day + m.group(1)


def _day_before(found: list[Found], i: int, not_before: int) -> str | None:
    """The value of the nearest day-precise date before ``found[i]`` within reach."""
    for other in reversed(found[:i]):
        if other.start < not_before:
            return None
        if _DAY_VALUE.match(other.value) and not other.value.startswith("X"):
            return other.value
    return None


def text_of(doc: Doc) -> str:
    """``doc.text`` rebuilds the string from the tokens at every call: keep it once."""
    return doc_text(doc)


def _word_before_the(doc: Doc, span: Span) -> str:
    i = span.start if span[0].lower_ == "the" else span.start - 1
    if i < 1 or doc[i].lower_ != "the":
        return ""
    return doc[i - 1].lower_


def _next_lower(doc: Doc, token: object) -> str:
    i = getattr(token, "i", -1) + 1
    return doc[i].lower_ if 0 < i < len(doc) else ""


def _longer_period_before(span: Span) -> bool:
    """The sentence names a period longer than a quarter before ``span``."""
    sent = span.sent
    before = text_of(span.doc)[sent.start_char : span.start_char]
    return _LONGER_PERIOD.search(before) is not None


def _reported(quarter: Point, published: dt.date | None) -> bool:
    """A quarter that has ended by publication: one a company can report on. Results
    compared "a year earlier" are those of such a quarter, not of one merely forecast."""
    if published is None:
        return True
    month = quarter.date.month + 3
    end = dt.date(quarter.date.year + (month > 12), (month - 1) % 12 + 1, 1)
    return end <= published
