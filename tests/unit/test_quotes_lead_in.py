"""Wire datelines are skipped at the start of quote content (invented examples)."""

from __future__ import annotations

import pytest

from dateline.quotes.lead_in import after_lead_in

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("OSLO, June 3 (Nordic Wire) - The minister resigned", "The minister resigned"),
        ("NEW DELHI (Agency) — Talks resumed on Monday", "Talks resumed on Monday"),
        ("LIMA — Protesters gathered outside Congress", "Protesters gathered outside Congress"),
        ("Quito, Jan. 9 (Andes Press) -- Voters went to the polls", "Voters went to the polls"),
    ],
)
def test_dateline_is_skipped(text: str, content: str) -> None:
    assert text[after_lead_in(text, 0, len(text)) :] == content


@pytest.mark.parametrize(
    "text",
    [
        "US - China talks resumed",  # two capitals and a dash: a name, not a city
        "The mayor — a former judge — said no",
        "Lima said the talks failed",
        "OSLO — ",  # nothing after the dash
    ],
)
def test_ordinary_starts_are_kept(text: str) -> None:
    assert after_lead_in(text, 0, len(text)) == 0


def test_only_at_paragraph_start() -> None:
    text = "He left. LIMA — the city was calm"
    start = text.index("LIMA")
    assert after_lead_in(text, start, len(text)) == start
    text = "Headline here\nLIMA — The city was calm"
    start = text.index("LIMA")
    assert text[after_lead_in(text, start, len(text)) :] == "The city was calm"
