"""User PETRARCH/CAMEO dictionaries become actors with their (dated) codes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from spacy.tokens import Doc

from dateline.actors.component import ActorsStage

pytestmark = pytest.mark.e2e

pytest.importorskip("dateline.dictionaries.petrarch")


def _run(nlp, stage: ActorsStage, text: str, day: dt.date) -> Doc:  # type: ignore[no-untyped-def]
    disable = [n for n in nlp.pipe_names if n.startswith("dateline_")]
    doc = next(iter(nlp.pipe([text], disable=disable)))
    doc._.published = day
    stage(doc)
    return doc


def test_validation_actors_are_coded(nlp, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    """Share of the validation suite's expected source/target countries found as actors."""
    base = shared_data / "events" / "petrarch2"
    stage = ActorsStage(
        nlp,
        "actors_petrarch_validate",
        [str(base / "PETR.Validate.actors.txt"), str(base / "PETR.Validate.agents.txt")],
    )
    found = expected = 0
    for line in (base / "validation.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        codes = {
            (event.get(role) or "")[:3]
            for event in row["expected_events"]
            for role in ("source", "target")
        }
        codes = {c for c in codes if len(c) == 3 and c.isalpha()}
        if not codes:
            continue
        raw = row["date"]
        day = dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
        doc = _run(nlp, stage, row["text"], day)
        got = {(a.cameo or "")[:3] for a in doc._.actors}
        expected += len(codes)
        found += len(codes & got)
    assert expected > 400
    # Measured 548/565 = 0.970; the floor leaves room for model differences.
    assert found / expected >= 0.93


def test_fictional_countries_get_dictionary_codes(nlp, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    base = shared_data / "events" / "petrarch2"
    stage = ActorsStage(nlp, "actors_petrarch_fiction", [str(base / "PETR.Validate.actors.txt")])
    doc = _run(nlp, stage, "Arnor restored ties with Gondor on Monday.", dt.date(1995, 1, 1))
    by_text = {m.text: a for a in doc._.actors for m in a.mentions}
    assert by_text["Arnor"].cameo == "ARN" and by_text["Arnor"].country == "ARN"
    assert by_text["Gondor"].cameo == "GON"


def test_phoenix_country_dictionary_dates(nlp, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    path = shared_data / "events" / "dictionaries" / "Phoenix.Countries.actors.txt"
    stage = ActorsStage(nlp, "actors_phoenix_countries", [str(path)])
    doc = _run(nlp, stage, "Prime Minister Tony Blair met Jacques Chirac.", dt.date(2003, 3, 1))
    codes = {a.name: a.cameo for a in doc._.actors}
    assert codes.get("Tony Blair") == "GBRGOV"
    assert codes.get("Jacques Chirac") == "FRAGOV"
