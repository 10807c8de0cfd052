"""Quote extraction measured on shared evaluation data (skipped when absent).

Floors sit a little below the scores measured when they were pinned, so a change
that makes extraction worse fails here. They are measured on the first articles of
the PolNeAR dev split (never used for training the cue model or writing rules).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluation.metrics import EvalOptions
from dateline.evaluation.quotes import evaluate, summary

pytestmark = pytest.mark.e2e

DEV_SUBSET = 20
# Measured on the first 20 dev articles: F1@0.3 0.809, F1@0.8 0.717, speaker 0.844,
# content exact 0.583, source exact 0.745.
FLOORS = {
    "quote_f1@0.3": 0.795,
    "quote_f1@0.8": 0.70,
    "speaker_accuracy": 0.83,
    "content_exact_f1": 0.57,
    "source_exact_f1": 0.73,
}


def test_polnear_dev_subset_floors(shared_data: Path) -> None:
    gold = shared_data / "quotes" / "polnear_dev.jsonl"
    if not gold.exists():
        pytest.skip("PolNeAR dev split not available")
    report = evaluate(gold, EvalOptions(limit=DEV_SUBSET))
    scores = summary(report)
    assert report.documents == DEV_SUBSET
    assert report.figures["articles_with_errors"] == 0
    for name, floor in FLOORS.items():
        assert scores[name] >= floor, (name, scores[name], floor)


def test_seed_quotes_found_with_speakers(shared_data: Path, pipeline: object) -> None:
    from dateline.ingest.article import Article

    gold = json.loads(
        (shared_data / "seed" / "000_970c53ec8045b3b4.gold.json").read_text(encoding="utf-8")
    )
    record = pipeline.process(  # type: ignore[attr-defined]
        Article(id="seed", text=gold["text"], published=gold["published"])
    )
    assert record.error is None
    actors = {a.id: a.name for a in record.actors}
    missing = []
    wrong_speaker = []
    for item in gold["quotes"]:
        covering = [
            q
            for q in record.quotes
            if min(q.end, item["end"]) - max(q.start, item["start"])
            > 0.3 * (item["end"] - item["start"])
        ]
        if not covering:
            missing.append(item["text"])
            continue
        if item["via"] in ("Interfax", "The New York Times"):
            assert any(q.via is not None for q in covering), item["text"]
        speakers = {actors.get(q.speaker or "", "") for q in covering}
        surname = item["speaker"].split()[-1]
        if not any(surname in name for name in speakers):
            wrong_speaker.append((item["text"], item["speaker"], speakers))
    assert missing == []
    # Person speakers must resolve ("he", "Sir Ben", "a Kremlin aide", "the US president").
    people = [w for w in wrong_speaker if w[1] not in ("White House",) and "Ministry" not in w[1]]
    assert people == []
