"""The grammar of time expressions: regular expressions over the text, one per family.

Each :class:`Rule` finds candidate extents of one family (calendar dates, relative
dates, durations, sets, ...). Extents follow TimeML conventions learnt from
TimeBank: modifiers ("early", "about", "nearly", "some", "more than") and the
determiner are part of the expression, prepositions ("in", "on", "since") are not.
Names of months and weekdays must be capitalized, so that "may" and "march" the
verbs never match. Everything is compiled once, when the stage is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.time.lexicon import Lexicon, alternation

# Blanks between words: spaces, or one line break (never a blank line).
SP = r"(?:[ \t\u00a0]+(?:\n[ \t]*)?|\n[ \t]*)"


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str
    regex: re.Pattern[str]
    # Trigger categories: the rule can only match near one of these words (see
    # ``triggers.TriggerIndex``), which lets the stage skip most of the text. Empty: run
    # on the whole text.
    triggers: tuple[str, ...] = ()


# Rule kind -> trigger categories.
RULE_TRIGGERS: dict[str, tuple[str, ...]] = {
    "mdy": ("MONTH",),
    "dmy": ("MONTH",),
    "my": ("MONTH",),
    "month": ("MONTH",),
    "year": ("YEAR",),
    "year_period": ("YEAR",),
    "decade": ("DECADE",),
    "century": ("UNIT",),
    "quarter": ("QUARTER",),
    "relative": ("UNIT", "SEASON", "QUARTER"),
    "end_of": ("UNIT",),
    "relative_day": ("UNIT", "PART", "DEICTIC"),
    "nth_day": ("UNIT",),
    "year_ago": ("UNIT", "QUARTER"),
    "the_unit": ("UNIT", "QUARTER"),
    "weekday": ("WEEKDAY", "PART"),
    "weekdays": ("WEEKDAY",),
    "part_of_day": ("PART",),
    "week_of": ("MONTH",),
    "deictic": ("DEICTIC", "PART", "UNIT"),
    "time": ("TIME", "PART"),
    "duration": ("UNIT", "QUARTER"),
    "bare_units": ("UNIT",),
    "duration_adj": ("UNIT",),
    "set": ("SET",),
    "season": ("SEASON",),
    "holiday": ("HOLIDAY", "UNIT"),
    "vague": ("VAGUE",),
}


def _phrase(pattern: str) -> str:
    """Write patterns with single spaces between words; they match any blank."""
    return pattern.replace(" ", SP)


def build_rules(lex: Lexicon) -> list[Rule]:
    full_months = [m for m in lex.months if len(m) > 4 or m in ("may", "june", "july")]
    abbr_months = [m for m in lex.months if m not in full_months]
    month_names = "|".join(sorted((m.capitalize() for m in full_months), key=len, reverse=True))
    month_upper = "|".join(m.upper() for m in full_months)
    abbr = "|".join(sorted((m.capitalize() for m in abbr_months), key=len, reverse=True))
    # Abbreviations need a period, or a day number right after ("Aug 6").
    month = rf"(?-i:(?:{month_names}|{month_upper})\b|(?:{abbr})(?:\.|\b(?=\s+\d)))"
    full_days = [d for d in lex.weekdays if d.endswith("day")]
    abbr_days = [d for d in lex.weekdays if not d.endswith("day")]
    weekday = (
        r"(?-i:(?:"
        + "|".join(d.capitalize() for d in full_days)
        + "|"
        + "|".join(d.upper() for d in full_days)
        + r")\b|(?:"
        + "|".join(sorted((d.capitalize() for d in abbr_days), key=len, reverse=True))
        + r")\.)"
    )
    weekdays_plural = r"(?-i:(?:" + "|".join(d.capitalize() for d in full_days) + r")s\b)"
    ord_words = alternation(k for k in lex.ordinals if k not in ("last", "final"))
    day_num = (
        rf"(?:(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)|(?:{ord_words})\b)"
    )
    year = r"(?<![\d$£€.,:/])(?<!\d-)(?:1[6-9]\d\d|20\d\d)(?![\w%]|,\d|\.\d|-\d|:\d)"
    year2 = r"'\d\d\b"
    units_1 = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    units_0 = (
        r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
        r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    )
    small = rf"(?:{units_1}(?:(?:-|\s){units_0})?|{units_0}|zero)"
    num_word = (
        rf"(?:(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|{small}) )?"
        rf"(?:hundred|thousand)(?: (?:and )?{small})?|{small})"
    )
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:(?:-|\s)\d/\d)?|\d/\d)"
    vague = r"(?:a few|few|several|some|many|a number of|numerous|a couple of|a couple|couple of)"
    one = r"(?:a|an|one|a single|a half|half a|a dozen|dozens of|hundreds of|thousands of)"
    num = rf"(?:(?:{digits}|{num_word}|{vague}|{one})(?: and a half)?)"
    unit = (
        r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|weekends?|fortnights?|"
        r"months?|quarters?|years?|yrs?|decades?|centuries|century|millenni(?:um|a))\b"
    )
    unit_sing = r"(?:second|minute|hour|day|week|weekend|month|quarter|year|decade|century)\b"
    unit_adj = r"(?:second|minute|hour|day|night|week|month|quarter|year|decade|century)"
    unit_mod = r"(?:(?:trading|business|working|calendar|school|fiscal|full|straight|consecutive) )"
    premod = (
        r"(?:about|around|approximately|roughly|some|nearly|almost|more than|less than|"
        r"fewer than|at least|at most|up to|no more than|no less than|not more than|"
        r"well over|close to|upwards of|just over|just under|the better part of|"
        r"a good part of|an estimated|as many as|"
        r"the last|the past|the next|the first|the final|the previous|the following|"
        r"the coming|the latest|another|an additional|an extra|a further)"
    )
    rel_words = (
        r"(?:last|past|next|this|coming|previous|following|current|latest|upcoming|prior|"
        r"preceding|same|this past|this coming|that|recent)"
    )
    position = (
        r"(?:early|late|later|earlier|mid|sometime|the end of|the beginning of|the start of|"
        r"the middle of|the rest of|the remainder of|the first half of|the second half of|"
        r"the latter half of|the latter part of|the early part of|the later part of|"
        r"the turn of|the close of|the first week of|the last week of|the first days of|"
        r"the last days of|the first months of|the spring of|the summer of|the fall of|"
        r"the autumn of|the winter of|a good part of|much of|most of|all of|the bulk of)"
    )
    season = r"(?:spring|summer|fall|autumn|winter)"
    part = r"(?:morning|afternoon|evening|night|overnight)"
    qord = r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
    decade_words = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
    time_core = (
        r"(?:\d{1,2}(?:[:.]\d{2})? ?(?:a\.m\.|p\.m\.|a\.m|p\.m|am\b|pm\b|o'clock\b)|"
        r"(?<=at\s)\d{1,2}:\d{2}\b|(?<!high\s)\bnoon\b|\bmidnight\b|\bmidday\b|"
        # "4 in the morning": a bare hour made a clock time by the part of the day
        r"(?<![\d.,$])\b(?:1[0-2]|0?[1-9])(?= in the (?:morning|afternoon|evening)\b))"
    )
    zone = (
        r"(?: (?:local time|(?-i:[A-Z]{2,3}T|GMT|UTC)\b(?: time)?|"
        r"in the (?:morning|afternoon|evening)))"
    )
    year_spelled = (
        rf"(?:(?:the year )?nineteen "
        rf"(?:{units_1}(?:(?:-|\s){units_0})?|hundred|oh {units_0}|{units_0})"
        rf"|(?:the year )?two thousand(?: (?:and )?{small})?)\b"
    )

    specs: list[tuple[str, str]] = [
        ("iso", r"\b\d{4}-[01]\d-[0-3]\d\b"),
        ("slash", r"\b[01]?\d/[0-3]?\d/(?:\d{4}|\d{2})\b"),
        (
            "mdy",
            rf"(?:(?:around|about|approximately|on or about) )?"
            rf"(?:(?:(?:this|last|next|this coming|this past) )?{weekday},? )?"
            rf"(?:{position} )?(?:(?:last|next|this) )?{month} {day_num}"
            rf"(?:,? (?:{year}|{year2}))?",
        ),
        (
            "dmy",
            rf"(?:{weekday},? )?{day_num} (?:of )?{month}(?:,? {year})?",
        ),
        ("my", rf"(?:{position} ?-?)?{month},? (?:of )?(?:{year}|{year2}|{year_spelled})"),
        (
            "month",
            rf"(?:{position} ?-?)?(?:(?:last|next|this|this past|this coming|coming|past) )?"
            rf"{month}(?: (?:of )?(?:this|last|next) year)?",
        ),
        (
            "year",
            rf"(?:{position} ?-?)?(?:(?:fiscal|calendar|the year|model year|fiscal year) )?"
            rf"(?:{year}|{year_spelled})(?: (?:and beyond|or later|or earlier|or so))?",
        ),
        ("year_period", rf"{year} (?:period|quarter|half|season)"),
        (
            "decade",
            rf"(?:(?:early|late|mid)(?:-| ))?(?:(?:1[0-9]|20)?\d0'?s\b|'\d0s\b|{decade_words}\b)",
        ),
        (
            "century",
            rf"(?:(?:early|late|mid)(?:-| ))?"
            rf"(?:{ord_words}|\d{{1,2}}(?:st|nd|rd|th)|twenty-first) century\b",
        ),
        (
            "quarter",
            rf"(?:(?:(?:this|last|next) year's|{year}'s|{year}|(?:this|last|next)|current|latest|"
            rf"same|year-earlier|year-ago|previous|prior) )?(?:(?:fiscal(?:-| ))?{qord}(?:-| )"
            rf"(?:fiscal )?(?:quarter|half)\b|(?:the )?(?:last|latter) half)\b"
            rf"(?: (?:of|in) (?:fiscal )?(?:{year}|this year|"
            rf"last year|next year|the year|the fiscal year))?",
        ),
        ("qcode", rf"\b(?-i:Q[1-4]|H[12])(?: {year})?\b|\b(?-i:FY) ?(?:{year}|\d\d)\b"),
        (
            "relative",
            rf"(?:{position} ?)?{rel_words} (?:fiscal |calendar )?(?:week|weekend|month|year|"
            rf"quarter|decade|century|half|spring|summer|fall|autumn|winter|period)\b(?: or so\b)?",
        ),
        (
            "end_of",
            rf"(?:{position}|earlier in|later in) the (?:year|month|week|quarter|decade|century)\b",
        ),
        (
            "relative_day",
            r"(?:the )?(?:next|following|previous|preceding|same|prior|that|day) "
            r"(?:day|morning|afternoon|evening|night)\b|(?:the )?day (?:before|after)"
            # "the day before" alone; "the day before the vote" is anchored on an event
            r"(?: (?:yesterday|tomorrow)|(?=\s*[.,;:!?)\"'\u2019\u201d]))",
        ),
        (
            # "the eighth day of the blockade": the day being counted, in news usually
            # today (not "the first day of May", a calendar date)
            "nth_day",
            rf"(?:the )?(?:{ord_words}) (?:straight |consecutive )?day"
            rf"(?= of (?!(?:the )?(?:{month}|year|month|week|\d)))",
        ),
        (
            "the_unit",
            r"(?<=\bthe\s)(?:(?:full|fiscal|calendar|entire|whole) )?"
            r"(?:week|weekend|month|quarter|year)\b",
        ),
        (
            "year_ago",
            r"(?:(?:comparable|corresponding|same) )?(?:(?:year|month|quarter|week)-(?:ago|earlier)"
            r"|prior-year|year(?:-| )end\b|year's end)(?: (?:period|quarter|month|week))?"
            r"|(?:same|comparable|corresponding) (?:period|quarter)(?: (?:a year (?:ago|earlier)|"
            r"last year|of last year|the previous year|the year before))?"
            r"|the (?:period|quarter) a year (?:ago|earlier)"
            r"|(?:last|the previous|the prior) year's (?:period|quarter)",
        ),
        (
            "weekday",
            rf"(?:(?:early|late|earlier|later|mid) ?-?)?(?:(?:last|next|this|this coming|this past|"
            rf"coming|past|the previous|the following|the preceding) )?{weekday}(?: {part})?",
        ),
        ("week_of", rf"(?<=\bthe\s)week of {month} {day_num}(?:,? {year})?"),
        (
            "part_of_day",
            r"(?:(?:early|late|mid)(?:-| ))?(?:(?<=\bthe\s)(?:morning|afternoon|evening)\b|"
            r"\bovernight\b|\bmid(?:-|\s)?(?:morning|afternoon)\b)",
        ),
        ("weekdays", rf"{weekdays_plural}(?: {part}s?)?|{weekday} {part}s\b"),
        (
            "deictic",
            rf"(?:(?:early|late|earlier|later|mid-?) ?)?(?:today|tonight|yesterday|tomorrow)"
            rf"(?: {part})?|(?:(?:early|late|earlier|later) )?"
            rf"(?:this|last|tomorrow|yesterday) {part}|"
            rf"(?:(?:early|late|mid)-?)?{part} (?:yesterday|today|tomorrow)\b",
        ),
        (
            "time",
            rf"(?:(?:about|around|approximately|roughly|at about|shortly) )?{time_core}{zone}?"
            rf"(?:,? (?:{weekday}|today|tonight|yesterday|tomorrow|{month} {day_num}"
            rf"(?:,? {year})?))?|(?:{weekday}|yesterday|today|tomorrow) (?:at )?"
            rf"(?:noon|midnight|midday)\b",
        ),
        (
            "duration",
            rf"(?:{premod} )?(?:(?:the )?(?:past|last|next|first|"
            rf"final|previous|following|coming|"
            rf"latest|additional|remaining|initial|ensuing|subsequent|other|few) )?{num}"
            rf"(?: (?:to|or|-|and) {num})?(?: (?:more|additional|straight|consecutive|full|extra|"
            rf"further|long|short))? {unit_mod}?{unit}(?: and a half)?(?: (?:more|longer))?"
            rf"(?: or (?:so|more|longer|less|two|three)\b)?"
            rf"(?: (?:ago|earlier|later|from now|hence|back|before that|after that))?",
        ),
        (
            "bare_units",
            r"(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bin\s)|(?<=\bwithin\s))"
            r"(?:years|months|weeks|days|decades|centuries|hours|minutes)\b"
            r"(?: or (?:years|months|weeks|days|decades|hours))?\b"  # "within weeks or months"
            r"(?: (?:ago|earlier|later))?"
            # "over the years": an unspecified stretch
            r"|(?<=\bover\s)the (?:years|decades|centuries|months)\b",
        ),
        (
            "duration_adj",
            rf"(?<![\w-])(?:\d+(?:\.\d+)?|{small}|several|multi|half|a|one)-{unit_adj}s?"
            rf"(?:-long)?(?![\w-]|'s? old| old)(?: (?:period|term|span|stretch|interval)\b)?",
        ),
        (
            "set",
            rf"(?:every|each) (?:other |single |two |three |few )?(?:{unit_sing}|{weekday}|"
            rf"{month}|{season}|morning|afternoon|evening|night|weekday|weekend)\b|"
            rf"(?:once|twice|thrice|(?:{num}|\d+) times) (?:a|an|per|each|every) {unit_sing}|"
            rf"\b(?:{alternation(lex.set_adverbs)})\b",
        ),
        (
            "season",
            rf"(?:(?:early|late|mid)(?:-| ))?(?:(?:this|last|next|this past|this coming|coming|"
            rf"past|the) )?{season}(?: (?:of )?(?:{year}))?",
        ),
        (
            "vague",
            rf"(?:the )?(?:recent|coming|past|next few|last few|past few) "
            rf"(?:days|weeks|months|years|decades|quarters)\b|"
            rf"(?:{alternation([*lex.present_ref, *lex.past_ref, *lex.future_ref])})\b|"
            # "the then-current price": current at that past time
            r"\bthen(?:-|\s+)current\b",
        ),
    ]
    rules = [
        Rule(kind, re.compile(_phrase(p), re.IGNORECASE), RULE_TRIGGERS.get(kind, ()))
        for kind, p in specs
    ]
    # Holidays are matched by name from the lexicon, capitalized.
    holiday_regex = re.compile(
        _phrase(
            r"(?:(?:last|next|this|this past|this coming) )?(?-i:"
            + "|".join(
                sorted(
                    (
                        h.title().replace("'S", "'s")
                        for h in [
                            *lex.fixed_holidays,
                            "thanksgiving",
                            "thanksgiving day",
                            "easter",
                            "easter sunday",
                        ]
                    ),
                    key=len,
                    reverse=True,
                )
            )
            + rf")\b(?:,? {year})?"
        ),
        re.IGNORECASE,
    )
    return [r for r in rules if r.kind != "holiday"] + [
        Rule("holiday", holiday_regex, RULE_TRIGGERS["holiday"])
    ]
