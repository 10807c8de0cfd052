"""Publication dates: lenient for dates read from files, strict on the command line."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.cli.extract_cmd import caller_date
from dateline.pipeline import parse_date

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-07T01:20:00+00:00", dt.date(2024, 1, 7)),
        ("Tue, 04 Feb 2025 09:30:00 GMT", dt.date(2025, 2, 4)),
        ("1987-03-26", dt.date(1987, 3, 26)),
        ("March 2024", dt.date(2024, 3, 1)),
        (dt.datetime(2020, 5, 6, 7, 8), dt.date(2020, 5, 6)),
        ("March 3", None),  # no year: never guess one
        ("soon-ish", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-09-12", "2024-09-12"),
        ("2024-09-12T10:00:00Z", "2024-09-12"),
        ("12/09/2024", None),  # ambiguous day/month order: refused
        ("2024-13-01", None),
        ("yesterday", None),
    ],
)
def test_caller_date_is_strict(value: str, expected: str | None) -> None:
    assert caller_date(value) == expected
