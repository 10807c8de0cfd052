"""The knowledge base: data files load, tenures decide codes, user files and PETRARCH codes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.actors.kb import (
    Tenure,
    build_kb,
    code_from_petrarch,
    get_kb,
    load_user_file,
)
from dateline.actors.linker import quote_regions

pytestmark = pytest.mark.unit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "actors"
D = dt.date


def test_every_iso_country_is_known() -> None:
    kb = get_kb()
    assert len([c for c in kb.countries.values() if not c.is_region]) >= 249
    assert kb.countries["GBR"].names[:3] == ["United Kingdom", "UK", "U.K."]
    assert "Britain" in kb.countries["GBR"].names
    assert "Russian" in kb.countries["RUS"].adjectives
    assert "Russians" in kb.countries["RUS"].peoples
    assert kb.countries["EUR"].is_region


def test_every_country_has_a_government() -> None:
    kb = get_kb()
    gov = kb.organizations["gov:RUS"]
    assert gov.cameo == "RUSGOV" and "Kremlin" in gov.aliases
    assert kb.organizations["gov:FRA"].name == "French government"
    assert kb.organizations["gov:NZL"].cameo == "NZLGOV"


def test_tenures_are_well_formed() -> None:
    kb = get_kb()
    offices = set(kb.titles.office_sector)
    for person in kb.people.values():
        for t in person.tenures:
            assert t.office in offices, (person.id, t.office)
            assert kb.is_country(t.where) or t.where in kb.organizations, (person.id, t.where)
            if t.start and t.end:
                assert t.start < t.end, person.id


def test_one_holder_at_a_time_for_heads_of_government() -> None:
    kb = get_kb()
    for country in ("GBR", "DEU", "JPN", "ITA", "CAN", "AUS", "IND", "ISR", "PAK", "UKR"):
        for year in range(2015, 2026):
            holders = kb.holders("head_of_government", country, D(year, 3, 15))
            assert len(holders) == 1, (country, year, [p.name for p in holders])


def test_tenure_end_is_exclusive() -> None:
    t = Tenure("head_of_state", "USA", D(2021, 1, 20), D(2025, 1, 20))
    assert t.covers(D(2021, 1, 20)) and not t.covers(D(2025, 1, 20))


def test_person_code_current_former_and_never() -> None:
    kb = get_kb()
    wallace = kb.people["person:ben-wallace"]
    assert kb.person_code(wallace, D(2021, 1, 1)).cameo == "GBRGOV"
    assert kb.person_code(wallace, D(2025, 8, 7)).cameo == "GBRELI"
    assert kb.person_code(wallace, D(2018, 1, 1)).cameo == "GBR"
    assert kb.person_code(kb.people["person:antonio-guterres"], D(2024, 1, 1)).cameo == "IGOUNO"
    assert kb.person_code(kb.people["person:elon-musk"], D(2024, 1, 1)).cameo == "USABUS"


def test_namesakes_are_picked_by_date() -> None:
    kb = get_kb()
    ids = ["person:george-hw-bush", "person:george-w-bush"]
    assert kb.pick(ids, D(1990, 1, 1)).id == "person:george-hw-bush"
    assert kb.pick(ids, D(2005, 1, 1)).id == "person:george-w-bush"


def test_titles_depend_on_country() -> None:
    titles = get_kb().titles
    assert titles.office_for("chancellor", "DEU") == "head_of_government"
    assert titles.office_for("chancellor", "GBR") == "finance_minister"
    assert titles.office_for("leader", "GBR") == "head_of_government"
    assert titles.office_for("leader", "RUS") == "head_of_state"
    assert titles.office_for("secretary of state", "USA") == "foreign_minister"
    assert titles.office_for("president", "GBR") is None


def test_user_people_file_adds_entries() -> None:
    kb = build_kb()
    assert load_user_file(FIXTURES / "user_people.yaml", kb)
    quill = kb.people["person:ada-quill"]
    assert kb.person_code(quill, D(2032, 1, 1)).cameo == "NZLGOV"
    assert kb.holders("foreign_minister", "NZL", D(2032, 1, 1))[0] is quill


def test_petrarch_codes_split_into_country_and_sector() -> None:
    code = code_from_petrarch("USAGOV")
    assert (code.country, code.sector, code.cameo) == ("USA", "GOV", "USAGOV")
    assert code_from_petrarch("ARN").sector is None
    assert code_from_petrarch("---").cameo is None
    assert code_from_petrarch(None).country is None


def test_quote_regions() -> None:
    text = 'He said "yes" and \u201cno\u201d.'
    regions = quote_regions(text)
    assert [text[a:b] for a, b in regions] == ['"yes"', "\u201cno\u201d"]
