"""PETRARCH dictionaries and validation suite from ../shared/data (skipped when absent)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from dateline.dictionaries.actor_matcher import ActorMatcher
from dateline.dictionaries.petrarch import detect_kind, load_dictionaries, load_dictionary
from dateline.evaluation.metrics import EvalOptions
from dateline.evaluation.petrarch import evaluate

pytestmark = pytest.mark.e2e

# Measured 2026-11-26 on all 284 sentences (direct mode): root F1 0.90, triple F1 0.81.
ROOT_F1_FLOOR = 0.85
TRIPLE_F1_FLOOR = 0.75
PETRARCH2_ROOT_F1 = 0.57


@pytest.fixture(scope="module")
def petrarch_dir(shared_data: Path) -> Path:
    path = shared_data / "events" / "petrarch2"
    if not (path / "validation.jsonl").exists():
        pytest.skip("PETRARCH2 validation suite not found")
    return path


def test_every_shared_dictionary_loads_without_raising(shared_data: Path) -> None:
    folders = [shared_data / "events" / "dictionaries", shared_data / "events" / "petrarch2"]
    files = [f for folder in folders if folder.is_dir() for f in sorted(folder.iterdir())]
    if not files:
        pytest.skip("no shared dictionaries")
    kinds = {}
    for path in files:
        loaded = load_dictionary(path)
        kinds[path.name] = loaded.reports[0].kind
        report = loaded.reports[0]
        if report.kind in ("actors", "agents", "verbs", "discards"):
            assert report.entries > 0, path.name
            assert report.skipped <= max(10, report.lines // 100), report.warnings[:5]
    assert kinds.get("PETR.Validate.verbs.txt") == "verbs"
    assert kinds.get("CAMEO.2.0.txt", "verbs") == "verbs"
    assert kinds.get("validation.jsonl", "unknown") == "unknown"


def test_phoenix_country_actors_with_tenures(shared_data: Path) -> None:
    path = shared_data / "events" / "dictionaries" / "Phoenix.Countries.actors.txt"
    if not path.exists():
        pytest.skip("Phoenix.Countries.actors.txt not found")
    assert detect_kind(path) == "actors"
    actors = load_dictionary(path).actors
    assert len(actors) > 15_000
    dated = sum(1 for a in actors if any(c.dated for c in a.codes))
    assert dated > 5_000
    matcher = ActorMatcher(actors)
    found = matcher(matcher.nlp("Talks opened in Kabul and in Afghanistan."), dt.date(2010, 1, 1))
    assert [f.code for f in found] == ["AFG", "AFG"]


def test_validation_actors_code_the_suites_sentences(petrarch_dir: Path, nlp: Any) -> None:
    dicts = load_dictionaries(
        [petrarch_dir / "PETR.Validate.actors.txt", petrarch_dir / "PETR.Validate.agents.txt"]
    )
    matcher = ActorMatcher(dicts.actors, dicts.agents)
    rows = [json.loads(line) for line in (petrarch_dir / "validation.jsonl").open()][:120]
    expected = found = 0
    for row in rows:
        day = dt.date(int(row["date"][:4]), int(row["date"][4:6]), int(row["date"][6:8]))
        codes = {c for coded in matcher(nlp(row["text"]), day) for c in coded.codes}
        for event in row["expected_events"]:
            for role in ("source", "target"):
                expected += 1
                found += event[role] in codes
    assert expected > 100
    assert found / expected > 0.85


def test_validation_suite_beats_petrarch2(petrarch_dir: Path) -> None:
    options = EvalOptions(extra={"mode": "direct"})
    report = evaluate(petrarch_dir / "validation.jsonl", options)
    root = report.scores["direct.root"]
    triple = report.scores["direct.triple"]
    assert root.f1 > PETRARCH2_ROOT_F1
    assert root.f1 >= ROOT_F1_FLOOR
    assert triple.f1 >= TRIPLE_F1_FLOOR
    assert report.documents == 284


def test_without_the_verb_dictionary_test_only_codes_are_missed(petrarch_dir: Path) -> None:
    paths = [str(petrarch_dir / f"PETR.Validate.{k}.txt") for k in ("actors", "agents")]
    options = EvalOptions(limit=60, extra={"mode": "direct", "dictionaries": paths})
    report = evaluate(petrarch_dir / "validation.jsonl", options)
    assert report.scores["direct.root"].tp == 0
    assert any("no verb dictionary" in note for note in report.notes)
