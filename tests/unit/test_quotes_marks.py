"""Pairing of quotation marks: every style, stray and unbalanced marks."""

from __future__ import annotations

import random

import pytest

from dateline.quotes.marks import find_segments

pytestmark = pytest.mark.unit


def contents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_segments(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will rebuild the bridge," the mayor said.', ["We will rebuild the bridge,"]),
        ("“We will rebuild the bridge,” the mayor said.", ["We will rebuild the bridge,"]),
        ("«Nous reconstruirons le pont», a dit le maire.", ["Nous reconstruirons le pont"]),
        ("The minister called the report ‘misleading’.", ["misleading"]),
        ("''It is a fair deal,'' said Ms. Ortiz.", ["It is a fair deal,"]),
        ("``It is a fair deal,'' said Ms. Ortiz.", ["It is a fair deal,"]),
        ("„Das ist gut“, sagte sie.", ["Das ist gut"]),
    ],
)
def test_every_style_of_mark(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_apostrophes_are_not_quotes() -> None:
    text = "The governor’s aides said the voters’ mood in the ’90s didn’t matter."
    assert contents(text) == []


def test_single_quotes_inside_double_quotes_stay_inside() -> None:
    text = "“He told me ‘never again’ and left,” she said."
    assert contents(text) == ["He told me ‘never again’ and left,"]


def test_interrupted_quote_gives_two_segments() -> None:
    text = '"The deal is done," he said. "Now we vote."'
    assert contents(text) == ["The deal is done,", "Now we vote."]


def test_stray_closing_mark_is_ignored() -> None:
    text = "Prices rose 5”. Later “we expect calm,” the bank said."
    assert contents(text) == ["we expect calm,"]


def test_unclosed_mark_does_not_swallow_next_paragraph() -> None:
    text = 'The senator said "the plan is dead.\n\nIn other news, "rates are high," a banker said.'
    assert contents(text) == ["rates are high,"]


def test_quote_running_over_paragraphs() -> None:
    text = "“The first point is trade.\n\n“The second point is security,” she said."
    assert contents(text) == ["The first point is trade.", "The second point is security,"]


def test_dialogue_dash_opens_a_quote() -> None:
    text = "— We are not leaving, said the commander.\nThe troops stayed."
    assert contents(text) == ["We are not leaving, said the commander."]


def test_quote_typed_with_two_openers() -> None:
    text = "“We will win“ the candidate shouted."
    assert contents(text) == ["We will win"]


@pytest.mark.parametrize("seed", range(20))
def test_random_marks_never_raise(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = [*"ab \"“”‘’«»'`—\n.,", "''", "``", "\n\n"]
    text = "".join(rng.choice(alphabet) for _ in range(300))
    for seg in find_segments(text):
        assert 0 <= seg.open_start <= seg.start <= seg.end <= seg.close_end <= len(text)
