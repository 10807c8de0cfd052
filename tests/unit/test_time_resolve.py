"""Normalization of time expressions, without a spaCy model (tense given explicitly)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.time.calendar import Point, timex_value, weekday_near
from dateline.time.lexicon import load_lexicon
from dateline.time.numbers import parse_number
from dateline.time.resolve import Context, Resolver
from dateline.time.tense import Tense

pytestmark = pytest.mark.unit

THURSDAY = dt.date(2025, 8, 7)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(load_lexicon())


def value(
    resolver: Resolver,
    kind: str,
    text: str,
    dct: dt.date | None = THURSDAY,
    tense: Tense = "none",
) -> str | None:
    res = resolver.resolve(kind, text, Context(dct=dct, tense=tense))
    return None if res is None else res.value


def test_weekday_direction_follows_tense(resolver: Resolver) -> None:
    assert value(resolver, "weekday", "Wednesday", tense="past") == "2025-08-06"
    assert value(resolver, "weekday", "Wednesday", tense="future") == "2025-08-13"
    assert value(resolver, "weekday", "Friday", tense="future") == "2025-08-08"
    assert value(resolver, "weekday", "Friday", tense="past") == "2025-08-01"
    # the publication day itself, reported in the past tense, is that day
    assert value(resolver, "weekday", "Thursday", tense="past") == "2025-08-07"


def test_last_this_next_weekday(resolver: Resolver) -> None:
    assert value(resolver, "weekday", "last Monday") == "2025-08-04"
    assert value(resolver, "weekday", "next Monday") == "2025-08-11"
    assert value(resolver, "weekday", "Wednesday night", tense="past") == "2025-08-06TNI"


def test_iso_weeks_and_relative_units(resolver: Resolver) -> None:
    assert value(resolver, "relative", "next week") == "2025-W33"
    assert value(resolver, "relative", "last week") == "2025-W31"
    assert value(resolver, "relative", "this week") == "2025-W32"
    assert value(resolver, "relative", "last month") == "2025-07"
    assert value(resolver, "relative", "next year") == "2026"
    assert value(resolver, "relative", "the past decade") == "201"


def test_year_boundaries(resolver: Resolver) -> None:
    new_year = dt.date(2026, 1, 2)  # a Friday in ISO week 1 of 2026
    assert value(resolver, "relative", "last week", dct=new_year) == "2025-W52"
    assert value(resolver, "relative", "last month", dct=new_year) == "2025-12"
    assert value(resolver, "relative", "last quarter", dct=new_year) == "2025-Q4"
    assert value(resolver, "deictic", "yesterday", dct=new_year) == "2026-01-01"
    # a December date reported in early January is last year's
    assert value(resolver, "mdy", "Dec. 30", dct=new_year, tense="past") == "2025-12-30"
    assert value(resolver, "month", "December", dct=new_year, tense="past") == "2025-12"
    # ISO week 1 of 2021 starts on 4 January: 2 January 2021 is in week 53 of 2020
    assert timex_value(Point(dt.date(2021, 1, 2), "W")) == "2020-W53"


def test_quarters_and_fiscal_years(resolver: Resolver) -> None:
    assert value(resolver, "quarter", "the second quarter") == "2025-Q2"
    assert value(resolver, "quarter", "third quarter of 2023") == "2023-Q3"
    assert value(resolver, "quarter", "last year's fourth quarter") == "2024-Q4"
    assert value(resolver, "quarter", "first half of 2024") == "2024-H1"
    assert value(resolver, "qcode", "Q3 2024") == "2024-Q3"
    assert value(resolver, "year", "fiscal 2023") == "2023"
    assert value(resolver, "qcode", "FY2024") == "2024"
    assert value(resolver, "qcode", "FY 25") == "2025"
    # the fourth quarter named in a January report, in the past tense, is last year's
    jan = dt.date(2026, 1, 20)
    assert value(resolver, "quarter", "the fourth quarter", dct=jan, tense="past") == "2025-Q4"


def test_decades_centuries_seasons(resolver: Resolver) -> None:
    assert value(resolver, "decade", "the 1990s") == "199"
    assert value(resolver, "decade", "the '80s") == "198"
    assert value(resolver, "decade", "the nineties") == "199"
    assert value(resolver, "century", "the 20th century") == "19"
    assert value(resolver, "season", "this summer") == "2025-SU"
    assert value(resolver, "season", "last winter") == "2024-WI"


def test_durations_and_sets(resolver: Resolver) -> None:
    assert value(resolver, "duration", "some eight months") == "P8M"
    assert value(resolver, "duration", "two days") == "P2D"
    assert value(resolver, "duration", "more than a decade") == "P10Y"
    assert value(resolver, "duration", "two decades") == "P20Y"
    assert value(resolver, "duration", "several years") == "PXY"
    assert value(resolver, "duration", "2 1/2 years") == "P2Y6M"
    assert value(resolver, "duration", "an hour and a half") == "PT1H30M"
    assert value(resolver, "duration_adj", "five-year") == "P5Y"
    assert value(resolver, "set", "every Friday") == "XXXX-WXX-5"
    assert value(resolver, "set", "twice a year") == "P1Y"
    assert value(resolver, "set", "nightly") == "P1D"


def test_anchored_durations(resolver: Resolver) -> None:
    assert value(resolver, "duration", "two days ago") == "2025-08-05"
    assert value(resolver, "duration", "three months ago") == "2025-05"
    assert value(resolver, "duration", "a year from now") == "2026"


def test_vague_references(resolver: Resolver) -> None:
    assert value(resolver, "vague", "the coming days") == "FUTURE_REF"
    assert value(resolver, "vague", "coming days") == "FUTURE_REF"
    assert value(resolver, "vague", "recently") == "PAST_REF"
    assert value(resolver, "vague", "now") == "PRESENT_REF"
    assert value(resolver, "vague", "as soon as possible") == "FUTURE_REF"


def test_missing_publication_date_keeps_xs(resolver: Resolver) -> None:
    assert value(resolver, "weekday", "Wednesday", dct=None, tense="past") == "XXXX-WXX-3"
    assert value(resolver, "relative", "next week", dct=None) == "XXXX-WXX"
    assert value(resolver, "relative", "last year", dct=None) == "XXXX"
    assert value(resolver, "deictic", "yesterday", dct=None) == "XXXX-XX-XX"
    assert value(resolver, "month", "May", dct=None) == "XXXX-05"
    assert value(resolver, "mdy", "June 5", dct=None) == "XXXX-06-05"
    assert value(resolver, "quarter", "the third quarter", dct=None) == "XXXX-Q3"
    # absolute expressions need no anchor
    assert value(resolver, "my", "June 2021", dct=None) == "2021-06"
    assert value(resolver, "mdy", "Aug. 6, 2025", dct=None) == "2025-08-06"


def test_reference_point_moves_with_the_text(resolver: Resolver) -> None:
    ctx = Context(dct=THURSDAY, ref=Point(dt.date(2021, 6, 16), "D"))
    res = resolver.resolve("relative_day", "the next day", ctx)
    assert res is not None and res.value == "2021-06-17"
    res = resolver.resolve("duration", "two days later", ctx)
    assert res is not None and res.value == "2021-06-18"


def test_calendar_helpers() -> None:
    assert weekday_near(THURSDAY, 3, -1) == dt.date(2025, 8, 6)
    assert weekday_near(THURSDAY, 3, 1) == dt.date(2025, 8, 13)
    assert parse_number("twenty-four") == 24
    assert parse_number("a couple of") == 2
    assert parse_number("several") is None


def test_holidays_follow_tense(resolver: Resolver) -> None:
    january = dt.date(2026, 1, 5)
    assert value(resolver, "holiday", "Christmas Eve", dct=january, tense="past") == "2025-12-24"
    assert value(resolver, "holiday", "Thanksgiving", dct=january, tense="future") == "2026-11-26"
    assert value(resolver, "holiday", "Christmas 2019", dct=january) == "2019-12-25"


def test_couples_and_fractions_of_small_units(resolver: Resolver) -> None:
    assert value(resolver, "duration", "the next couple of years") == "P2Y"
    assert value(resolver, "duration", "a couple of days") == "P2D"
    assert value(resolver, "duration", "a minute and a half") == "PT1M30S"
    assert value(resolver, "duration", "two and a half hours") == "PT2H30M"


def test_quarter_ended_and_the_quarter_a_year_ago(resolver: Resolver) -> None:
    ctx = Context(dct=dt.date(2025, 10, 28), extra={"after": " ended Sept. 30, net rose"})
    res = resolver.resolve("the_unit", "the quarter", ctx)
    assert res is not None and res.value == "2025-Q3"
    # a fiscal quarter out of step with the calendar falls back to the latest quarter
    ctx.extra["after"] = " ended Aug. 31, net rose"
    res = resolver.resolve("the_unit", "the quarter", ctx)
    assert res is not None and res.value == "2025-Q3"
    ctx = Context(dct=dt.date(2025, 10, 28), ref_quarter=Point(dt.date(2025, 7, 1), "Q"))
    res = resolver.resolve("year_ago", "the quarter a year ago", ctx)
    assert res is not None and res.value == "2024-Q3"


def test_year_end_looks_back_after_since(resolver: Resolver) -> None:
    ctx = Context(dct=dt.date(2025, 10, 28), extra={"prev": "since"})
    res = resolver.resolve("year_ago", "year-end", ctx)
    assert res is not None and res.value == "2024"
    ctx.extra["prev"] = "by"
    res = resolver.resolve("year_ago", "year-end", ctx)
    assert res is not None and res.value == "2025"


def test_future_weekday_may_be_today(resolver: Resolver) -> None:
    # published on a Thursday: "will arrive on Thursday" is that same day
    assert value(resolver, "weekday", "Thursday", tense="future") == "2025-08-07"
    assert value(resolver, "time", "noon Thursday", tense="future") == "2025-08-07T12:00"


def test_bare_hour_with_part_of_day(resolver: Resolver) -> None:
    assert value(resolver, "time", "4 in the morning") == "2025-08-07T04:00"
    assert value(resolver, "time", "8 in the evening") == "2025-08-07T20:00"


def test_last_years_quarter_follows_the_reported_quarter(resolver: Resolver) -> None:
    ctx = Context(dct=dt.date(2025, 10, 28), ref_quarter=Point(dt.date(2025, 7, 1), "Q"))
    res = resolver.resolve("year_ago", "last year's quarter", ctx)
    assert res is not None and res.value == "2024-Q3"


def test_one_day_after_a_modal_is_someday(resolver: Resolver) -> None:
    someday = resolver.resolve(
        "duration", "one day", Context(dct=THURSDAY, extra={"prev": "could"})
    )
    length = resolver.resolve("duration", "one day", Context(dct=THURSDAY, extra={"prev": "for"}))
    assert someday is not None and (someday.type, someday.value) == ("DATE", "FUTURE_REF")
    assert length is not None and (length.type, length.value) == ("DURATION", "P1D")


def test_last_month_name_just_gone_is_a_year_back(resolver: Resolver) -> None:
    # published in August: "last July" is a year back (July is "last month")
    assert value(resolver, "month", "last July") == "2024-07"
    assert value(resolver, "month", "last June") == "2025-06"
    assert value(resolver, "month", "last September") == "2024-09"


def test_the_past_24_hours_is_the_past_day(resolver: Resolver) -> None:
    assert value(resolver, "duration", "the past 24 hours") == "P1D"
    assert value(resolver, "duration", "the last twenty-four hours") == "P1D"
    assert value(resolver, "duration", "24 hours") == "PT24H"


def test_in_n_years_in_a_future_clause_is_a_point_ahead(resolver: Resolver) -> None:
    def resolve(text: str, tense: Tense) -> str | None:
        ctx = Context(dct=THURSDAY, tense=tense, extra={"prev": "in"})
        res = resolver.resolve("duration", text, ctx)
        return None if res is None else f"{res.type} {res.value}"

    assert resolve("five years", "future") == "DATE 2030"
    assert resolve("a year or two", "future") == "DATE FUTURE_REF"
    assert resolve("three months", "future") == "DATE 2025-11"
    # a past or present clause, or hours: a stretch of time
    assert resolve("a year", "past") == "DURATION P1Y"
    assert resolve("two hours", "future") == "DURATION PT2H"
