"""Context countries, nested targets and restatements, on invented news sentences."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.ingest.article import Article
from dateline.record import Record

pytestmark = pytest.mark.integration


def run(pipeline: Any, text: str) -> Record:
    article = Article(id="t", text=text, published="2024-03-14", published_basis="jsonl")
    record: Record = pipeline.process(article)
    return record


def country(record: Record, name_part: str) -> str | None:
    actor = next(a for a in record.actors if name_part in a.name)
    return actor.country


def codes(record: Record, ids: list[str]) -> set[str | None]:
    by_id = {a.id: a for a in record.actors}
    return {by_id[i].country for i in ids}


def test_titled_unknown_person_takes_the_country_of_the_sentence(pipeline: Any) -> None:
    record = run(
        pipeline,
        "Ousted President Marat Osmonov has agreed to step down without returning to "
        "Tajikistan, a parliament spokesman said.",
    )
    assert country(record, "Osmonov") == "TJK"


def test_unknown_person_keeps_no_country_when_the_sentence_names_several(
    pipeline: Any,
) -> None:
    record = run(
        pipeline,
        "President Marat Osmonov met envoys from Chile and Peru to discuss copper exports.",
    )
    assert country(record, "Osmonov") is None


def test_target_is_the_author_of_a_rejected_offer(pipeline: Any) -> None:
    record = run(
        pipeline,
        "Kenyan President Daniel Otieno on Monday rejected a Tanzanian offer to host talks.",
    )
    reject = next(e for e in record.events if e.plover == "REJECT")
    assert codes(record, reject.source) == {"KEN"}
    assert codes(record, reject.target) == {"TZA"}


def test_restated_future_meeting_is_one_event(pipeline: Any) -> None:
    record = run(
        pipeline,
        "Chile and Peru will hold talks in Lima next month, officials said. "
        "Chile and Peru could hold talks as soon as next week, an aide added.",
    )
    future = [e for e in record.events if e.status in ("planned", "hypothetical")]
    assert len(future) == 1, [(e.plover, e.trigger.text) for e in record.events]


def test_measure_named_again_is_not_a_second_sanction(pipeline: Any) -> None:
    record = run(
        pipeline,
        "Chile imposed a 30% tariff on imports from Peru on Monday. "
        "The new measure raises tariffs on Peruvian copper.",
    )
    assert [e.plover for e in record.events].count("SANCTION") == 1


def test_demand_of_a_protest_is_part_of_the_protest(pipeline: Any) -> None:
    record = run(
        pipeline,
        "Thousands of Chilean students staged rallies in Santiago, saying the education "
        "minister must resign.",
    )
    kinds = [e.plover for e in record.events]
    assert "PROTEST" in kinds and "REQUEST" not in kinds


def test_west_in_a_place_name_is_not_the_west(pipeline: Any) -> None:
    record = run(pipeline, "Israeli troops raided a village in the West Bank on Tuesday.")
    assert all(a.country != "WST" for a in record.actors)
    record = run(pipeline, "Moscow accused the West of prolonging the war.")
    assert any(a.country == "WST" for a in record.actors)


def test_coordinated_nationalities_are_one_participant_each(pipeline: Any) -> None:
    record = run(pipeline, "Chilean and Peruvian warships on Monday began joint naval exercises.")
    event = next(e for e in record.events if e.plover == "COOPERATE")
    assert codes(record, event.source) == {"CHL", "PER"}


def test_own_country_is_no_target_of_a_compound_source(pipeline: Any) -> None:
    record = run(
        pipeline,
        "Chile and Peru failed to reach agreement on the future of Peruvian fishing boats.",
    )
    event = next(e for e in record.events if e.plover == "REJECT")
    assert codes(record, event.source) == {"CHL", "PER"}
    assert not event.target
