"""The events stage's code tables, folding rule and number parsing (no spaCy model)."""

from __future__ import annotations

import pytest

from dateline.events.details import parse_number
from dateline.events.folding import fold
from dateline.events.tables import code_info, lexicon, plover_of

pytestmark = pytest.mark.unit


def test_cameo_table_has_scores_and_plover_categories() -> None:
    row = code_info("036")
    assert row is not None
    assert row.plover == "AGREE"
    assert row.goldstein == pytest.approx(4.0)
    assert row.quad_class == 1
    assert plover_of("1312") == "THREATEN"
    assert plover_of("163") == "SANCTION"  # imposed sanctions, as in the PLOVER gold records
    assert plover_of("0841") == "RETREAT"  # CAMEO 08 splits into CONCEDE and RETREAT
    assert plover_of("081") == "CONCEDE"
    assert plover_of("010") == ""  # statements are not PLOVER events


def test_unknown_four_digit_code_falls_back_to_parent() -> None:
    row = code_info("0369")
    assert row is not None and row.code == "036"


def test_folding_rule() -> None:
    assert fold("CONSULT", "040", "planned") == ("AGREE", "036")
    assert fold("CONSULT", "040", "hypothetical") == ("AGREE", "036")
    assert fold("SANCTION", "163", "threatened") == ("THREATEN", "1312")
    assert fold("ASSAULT", "190", "planned") == ("THREATEN", "1384")
    assert fold("CONSULT", "040", "negated") == ("CONSULT", "040")
    assert fold("ASSAULT", "190", "occurred") == ("ASSAULT", "190")


def test_lexicon_loads_verbs_nouns_and_support_verbs() -> None:
    lex = lexicon()
    assert lex.verbs["meet"] == "040"
    assert lex.nouns["sanction"] == "163"
    assert "impose" in lex.support_object


@pytest.mark.parametrize(
    ("text", "value"),
    [("25%", 25.0), ("$2bn", 2e9), ("1.5 million", 1.5e6), ("50", 50.0), ("dozens", 24.0)],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)
