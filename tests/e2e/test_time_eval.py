"""TempEval-3 evaluation of the time stage on the shared data (skips when absent).

Floors are pinned a little below the scores measured when the rules were written,
on the first documents of each training set so that the test stays quick; a drop
below them means a regression. The full-set scores are in the time issue's notes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluation.metrics import EvalOptions
from dateline.evaluation.time import TimexSpan, evaluate, load_gold, score_document

pytestmark = pytest.mark.e2e

SEED = "seed/000_970c53ec8045b3b4.gold.json"


def test_seed_timexes_all_right(shared_data: Path) -> None:
    report = evaluate(shared_data / SEED, EvalOptions())
    gold = len(json.loads((shared_data / SEED).read_text(encoding="utf-8"))["timexes"])
    assert gold == 14
    # every gold timex found with its exact extent, type and value
    assert report.scores["strict"].tp == gold
    assert report.scores["value"].tp == gold
    assert report.scores["type"].tp == gold


@pytest.mark.parametrize(
    ("name", "limit", "strict_floor", "value_floor"),
    [
        # measured 2026-11-26 (later): TimeBank[:50] strict 0.929, value 0.874;
        # AQUAINT[:25] strict 0.872, value 0.740
        ("time/tbaq_timebank_train.jsonl", 50, 0.92, 0.865),
        ("time/tbaq_aquaint_train.jsonl", 25, 0.85, 0.72),
    ],
)
def test_tempeval_floors(
    shared_data: Path, name: str, limit: int, strict_floor: float, value_floor: float
) -> None:
    report = evaluate(shared_data / name, EvalOptions(limit=limit))
    assert report.documents == limit
    assert report.scores["strict"].f1 >= strict_floor
    assert report.scores["value"].f1 >= value_floor
    assert report.scores["relaxed"].f1 >= report.scores["strict"].f1


def test_gold_loader_reads_both_formats(shared_data: Path) -> None:
    seed = load_gold(shared_data / SEED)
    assert len(seed) == 1 and seed[0].published == "2025-08-07"
    tempeval = load_gold(shared_data / "time/tbaq_aquaint_train.jsonl")
    assert tempeval[0].published is not None and tempeval[0].timexes


def test_scoring_counts_relaxed_matches_once() -> None:
    gold = [TimexSpan(0, 9, "DATE", "2025-W33", "next week")]
    system = [
        TimexSpan(0, 4, "DATE", "2025-W33", "next"),
        TimexSpan(5, 9, "DURATION", "P1W", "week"),
    ]
    scores = score_document(gold, system)
    assert scores.strict.tp == 0
    assert (scores.relaxed.tp, scores.relaxed.fp, scores.relaxed.fn) == (1, 1, 0)
    assert scores.value.tp == 1
