"""The time stage on parsed sentences (our own, news-style): extents, types, values."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from dateline.record import Timex
from dateline.time.anchor import anchor_for
from dateline.time.component import TimeStage

pytestmark = pytest.mark.integration

PUBLISHED = dt.date(2025, 8, 7)  # a Thursday


@pytest.fixture(scope="module")
def stage(nlp: Language) -> TimeStage:
    return TimeStage(nlp, "dateline_time_v1")


def timexes(
    nlp: Language, stage: TimeStage, text: str, published: dt.date | None = PUBLISHED
) -> list[Timex]:
    doc = nlp(text)
    doc._.published = published
    return list(stage(doc)._.timexes)


def triples(found: list[Timex]) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in found]


def test_ids_offsets_and_text_order(nlp: Language, stage: TimeStage) -> None:
    text = "The envoy arrived on Monday and will leave next week."
    found = timexes(nlp, stage, text)
    assert [t.id for t in found] == ["t1", "t2"]
    for t in found:
        assert text[t.start : t.end] == t.text
    assert triples(found) == [
        ("Monday", "DATE", "2025-08-04"),
        ("next week", "DATE", "2025-W33"),
    ]


def test_weekday_direction_by_tense(nlp: Language, stage: TimeStage) -> None:
    past = timexes(nlp, stage, "The foreign minister met the envoy on Wednesday.")
    future = timexes(nlp, stage, "The foreign minister will meet the envoy on Wednesday.")
    planned = timexes(nlp, stage, "The two leaders plan to hold talks on Friday.")
    assert triples(past) == [("Wednesday", "DATE", "2025-08-06")]
    assert triples(future) == [("Wednesday", "DATE", "2025-08-13")]
    assert triples(planned) == [("Friday", "DATE", "2025-08-08")]


def test_range_of_weekdays(nlp: Language, stage: TimeStage) -> None:
    found = timexes(nlp, stage, "The negotiators will sit from Monday to Wednesday.")
    assert triples(found) == [
        ("Monday", "DATE", "2025-08-11"),
        ("Wednesday", "DATE", "2025-08-13"),
    ]


def test_extents_follow_timeml(nlp: Language, stage: TimeStage) -> None:
    found = timexes(
        nlp,
        stage,
        "Exports fell over the past year, and profit rose in the third quarter of 2024, "
        "while third-quarter sales were flat.",
    )
    assert triples(found) == [
        ("the past year", "DATE", "2024"),
        ("the third quarter of 2024", "DATE", "2024-Q3"),
        ("third-quarter", "DATE", "2025-Q3"),
    ]


def test_durations_sets_and_vague(nlp: Language, stage: TimeStage) -> None:
    found = timexes(
        nlp,
        stage,
        "The siege has lasted some eight months. Inspectors visit every Friday and "
        "report twice a year. A deal could come in the coming days, but fighting goes on now.",
    )
    assert triples(found) == [
        ("some eight months", "DURATION", "P8M"),
        ("every Friday", "SET", "XXXX-WXX-5"),
        ("twice a year", "SET", "P1Y"),
        ("the coming days", "DATE", "FUTURE_REF"),
        ("now", "DATE", "PRESENT_REF"),
    ]


def test_times_of_day(nlp: Language, stage: TimeStage) -> None:
    found = timexes(
        nlp,
        stage,
        "The vote closed at 3 p.m. local time on Tuesday, and protests began Tuesday night.",
    )
    assert triples(found) == [
        ("3 p.m. local time", "TIME", "2025-08-05T15:00"),
        ("Tuesday", "DATE", "2025-08-05"),
        ("Tuesday night", "TIME", "2025-08-05TNI"),
    ]


def test_decades_and_calendar_dates(nlp: Language, stage: TimeStage) -> None:
    found = timexes(
        nlp,
        stage,
        "The treaty of December 2019 echoed the 1990s. The leaders last met in June 2021 "
        "and again on Aug. 1, 2024.",
    )
    assert triples(found) == [
        ("December 2019", "DATE", "2019-12"),
        ("the 1990s", "DATE", "199"),
        ("June 2021", "DATE", "2021-06"),
        ("Aug. 1, 2024", "DATE", "2024-08-01"),
    ]


def test_reference_point_moved_by_the_text(nlp: Language, stage: TimeStage) -> None:
    found = timexes(
        nlp, stage, "The rebels took the town on March 3, 2022. Two days later, they withdrew."
    )
    assert triples(found) == [
        ("March 3, 2022", "DATE", "2022-03-03"),
        ("Two days later", "DATE", "2022-03-05"),
    ]


def test_ages_counts_money_are_not_dates(nlp: Language, stage: TimeStage) -> None:
    found = timexes(
        nlp,
        stage,
        "A 45-year-old farmer, aged 45, said 2000 soldiers and 1500 tanks had crossed, "
        "costing $1990 each. The man, 52 years old, was in his forties.",
    )
    assert found == []


def test_modal_may_is_not_a_month(nlp: Language, stage: TimeStage) -> None:
    found = timexes(nlp, stage, "May said the talks may resume. Sanctions took effect in May.")
    assert triples(found) == [("May", "DATE", "2025-05")]


def test_missing_publication_date_is_not_guessed(nlp: Language, stage: TimeStage) -> None:
    found = timexes(
        nlp,
        stage,
        "The ministers met on Wednesday and will meet again next month, after talks in June 2021.",
        published=None,
    )
    assert triples(found) == [
        ("Wednesday", "DATE", "XXXX-WXX-3"),
        ("next month", "DATE", "XXXX-XX"),
        ("June 2021", "DATE", "2021-06"),
    ]


def test_anchor_for_finds_the_sentence_timex(nlp: Language, stage: TimeStage) -> None:
    doc = nlp("Trump and Putin will meet next week. The sanctions took effect on Wednesday.")
    doc._.published = PUBLISHED
    stage(doc)
    meet = doc.text.index("meet")
    took = doc.text.index("took")
    first, second = anchor_for(doc, meet), anchor_for(doc, took)
    assert first is not None and first.value == "2025-W33"
    assert second is not None and second.value == "2025-08-06"


def test_dates_inside_numbers_and_modifiers(nlp: Language, stage: TimeStage) -> None:
    found = timexes(
        nlp,
        stage,
        "Police reviewed posts from the 2021 July unrest and the 20 November encounter "
        "during the week of March 6.",
    )
    assert triples(found) == [
        ("2021", "DATE", "2021"),
        ("July", "DATE", "2025-07"),
        ("20 November", "DATE", "2024-11-20"),
        ("the week of March 6", "DATE", "2025-W10"),
    ]


def test_rates_and_fractions_are_not_durations(nlp: Language, stage: TimeStage) -> None:
    found = timexes(
        nlp,
        stage,
        "The plant makes 700 cars a week, saves $2 million a year and holds more than "
        "a quarter of the market. A second group of buyers came forward.",
    )
    assert found == []


def test_titles_are_not_time_expressions(nlp: Language, stage: TimeStage) -> None:
    found = timexes(
        nlp,
        stage,
        'The minister told NBC\'s "Meet the Press This Week" show that he would resign. '
        "He spoke on Radio Today. The annual March for Peace drew crowds on Saturday.",
    )
    assert triples(found) == [("Saturday", "DATE", "2025-08-02")]


def test_overtaken_plans_and_report_periods(nlp: Language, stage: TimeStage) -> None:
    # published on a Thursday: a plan in the past perfect is a past day
    text = "The offer had been scheduled to expire on Monday."
    assert ("Monday", "DATE", "2025-08-04") in triples(timexes(nlp, stage, text))
    text = (
        "Acme said third-quarter profit rose to $5 million from $4 million a year earlier. "
        "For the nine months, profit was $12 million, up from $10 million a year earlier."
    )
    values = [t.value for t in timexes(nlp, stage, text, dt.date(2025, 10, 28))]
    # the quarter's comparison is a quarter; the nine months' is last year
    assert values == ["2025-Q3", "2024-Q3", "P9M", "2024"]


def test_over_is_left_out_of_durations(nlp: Language, stage: TimeStage) -> None:
    found = triples(timexes(nlp, stage, "Prices rose over three years, officials said."))
    assert ("three years", "DURATION", "P3Y") in found


def test_counted_day_of_an_event_is_today(nlp: Language, stage: TimeStage) -> None:
    found = triples(timexes(nlp, stage, "It is the tenth day of the strike at the port."))
    assert found == [("the tenth day", "DATE", "2025-08-07")]
    found = triples(timexes(nlp, stage, "Talks resume on the first day of the month."))
    assert all(t[0] != "the first day" for t in found)


def test_quarters_of_time_and_fractions(nlp: Language, stage: TimeStage) -> None:
    found = triples(
        timexes(nlp, stage, "The firm turned a profit after several quarters of losses.")
    )
    assert ("several quarters", "DURATION", "PXQ") in found
    found = triples(timexes(nlp, stage, "Rebels hold a quarter of the country."))
    assert found == []


def test_bare_clock_time_belongs_to_the_day_just_named(nlp: Language, stage: TimeStage) -> None:
    found = timexes(
        nlp,
        stage,
        "The convoy crossed the border on March 3, 2022. At 6 a.m., shelling began. "
        "Officials will brief reporters at 4 p.m. Friday.",
    )
    assert triples(found) == [
        ("March 3, 2022", "DATE", "2022-03-03"),
        ("6 a.m.", "TIME", "2022-03-03T06:00"),
        ("4 p.m. Friday", "TIME", "2025-08-08T16:00"),
    ]


def test_base_form_with_singular_subject_is_past(nlp: Language, stage: TimeStage) -> None:
    past = timexes(nlp, stage, "Weakness in bank shares hurt the index on Friday, traders said.")
    ahead = timexes(nlp, stage, "Iran and Iraq meet in Geneva on Monday.")
    assert triples(past) == [("Friday", "DATE", "2025-08-01")]
    assert triples(ahead) == [("Monday", "DATE", "2025-08-11")]


def test_todays_world_is_the_era_not_the_day(nlp: Language, stage: TimeStage) -> None:
    era = timexes(nlp, stage, "Such rules make little sense in today's world, the judge wrote.")
    day = timexes(nlp, stage, "The minister will answer questions in today's session.")
    assert triples(era) == []
    assert triples(day) == [("today", "DATE", "2025-08-07")]


def test_reported_quarter_outlives_a_quarter_named_in_passing(
    nlp: Language, stage: TimeStage
) -> None:
    text = (
        "Acme posted a 20% gain in third-quarter profit. Net rose to $5 million from "
        "$4 million a year ago. After a flat second quarter, the firm cut costs. "
        "In the year-earlier period, it had lost money."
    )
    found = triples(timexes(nlp, stage, text, dt.date(2025, 10, 28)))
    assert [v for _, _, v in found] == ["2025-Q3", "2024-Q3", "2025-Q2", "2024-Q3"]


def test_participle_clause_takes_the_tense_of_its_clause(nlp: Language, stage: TimeStage) -> None:
    # published in late October: a bare "March" in a past clause is this year's March
    text = "The stock has fluctuated sharply, rising to $42 in June from $29 in March."
    found = triples(timexes(nlp, stage, text, dt.date(2025, 10, 30)))
    assert ("March", "DATE", "2025-03") in found
    assert ("June", "DATE", "2025-06") in found


def test_as_soon_as_possible_is_the_near_future(nlp: Language, stage: TimeStage) -> None:
    # "soon" is a trigger word now, so the lexicon's phrase is found; "soon" alone and
    # "as soon as" with a clause are not time expressions
    found = triples(timexes(nlp, stage, 'He wants a vote "as soon as possible."'))
    assert found == [("as soon as possible", "DATE", "FUTURE_REF")]
    found = triples(timexes(nlp, stage, "They left as soon as the talks ended."))
    assert found == []


def test_annual_growth_rates_are_not_sets(nlp: Language, stage: TimeStage) -> None:
    found = triples(
        timexes(nlp, stage, "Exports grew 8% annually while the plant made 900 units annually.")
    )
    assert found == []
    found = triples(timexes(nlp, stage, "The festival is held annually in the capital."))
    assert found == [("annually", "SET", "P1Y")]


def test_later_without_a_named_date_is_a_duration(nlp: Language, stage: TimeStage) -> None:
    found = triples(timexes(nlp, stage, "The envoy resigned. A few days later, his deputy left."))
    assert found == [("A few days", "DURATION", "PXD")]
    found = triples(timexes(nlp, stage, "The rebels fled. Three days later, the army returned."))
    assert found == [("Three days", "DURATION", "P3D")]


def test_mid_afternoon_years_of_events_and_over_the_years(nlp: Language, stage: TimeStage) -> None:
    found = triples(timexes(nlp, stage, "By mid afternoon, the shelling had stopped."))
    assert found == [("mid afternoon", "TIME", "2025-08-07TAF")]
    found = triples(timexes(nlp, stage, "Sydney hopes to host the 2000 Olympics in style."))
    assert found == [("2000", "DATE", "2000")]
    found = triples(timexes(nlp, stage, "He drove a 1987 Chevrolet to the rally."))
    assert found == []
    found = triples(timexes(nlp, stage, "Over the years, the town has grown."))
    assert found == [("the years", "DURATION", "PXY")]


def test_throughout_the_year_is_a_span_and_currently_comma_a_marker(
    nlp: Language, stage: TimeStage
) -> None:
    found = triples(
        timexes(nlp, stage, "Margins should improve throughout the fiscal year, he said.")
    )
    assert found == [("the fiscal year", "DURATION", "P1Y")]
    found = triples(timexes(nlp, stage, "For the year, volume was flat."))
    assert found == [("the year", "DATE", "2025")]
    found = triples(timexes(nlp, stage, "Currently, most donors are never told."))
    assert found == []
    found = triples(timexes(nlp, stage, "The firm currently employs 300 people."))
    assert found == [("currently", "DATE", "PRESENT_REF")]


def test_determiners_of_possessors_and_periods(nlp: Language, stage: TimeStage) -> None:
    text = "The latest quarter's results were weak. Profit fell over a three-year period."
    found = triples(timexes(nlp, stage, text, dt.date(2025, 10, 28)))
    assert ("The latest quarter", "DATE", "2025-Q3") in found
    assert ("a three-year period", "DURATION", "P3Y") in found
    # a determiner of the following noun stays out
    found = triples(timexes(nlp, stage, "The third-quarter results were weak."))
    assert found[0][0] == "third-quarter"


def test_in_n_years_points_ahead_only_in_future_clauses(nlp: Language, stage: TimeStage) -> None:
    found = triples(timexes(nlp, stage, "The bonds will be redeemed in five years."))
    assert found == [("five years", "DATE", "2030")]
    found = triples(timexes(nlp, stage, "Spending rose 2%, the smallest gain in a year."))
    assert found == [("a year", "DURATION", "P1Y")]


def test_then_current_is_the_past(nlp: Language, stage: TimeStage) -> None:
    found = triples(timexes(nlp, stage, "Holders could buy stock at the then-current price."))
    assert found == [("then-current", "DATE", "PAST_REF")]
    found = triples(timexes(nlp, stage, "Holders could buy stock at the then current price."))
    assert found == [("then current", "DATE", "PAST_REF")]


def test_earlier_in_the_year_is_one_expression(nlp: Language, stage: TimeStage) -> None:
    found = triples(timexes(nlp, stage, "Planting was delayed earlier in the year by rain."))
    assert found == [("earlier in the year", "DATE", "2025")]


def test_weeks_or_months_is_one_vague_duration(nlp: Language, stage: TimeStage) -> None:
    found = triples(timexes(nlp, stage, "He probably died within weeks or months of his capture."))
    assert found == [("weeks or months", "DURATION", "PXW")]
