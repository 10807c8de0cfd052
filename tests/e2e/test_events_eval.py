"""Event coding scores on the shared evaluation data, pinned slightly below measured.

Subsets keep the suite fast; the full runs and their numbers are in the events report
(``python -m dateline.evaluation.events --gold FILE``). Floors are set a few points
below the measured scores so that a regression fails and noise does not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.evaluation.events import detect_format, evaluate
from dateline.evaluation.metrics import EvalOptions

pytestmark = pytest.mark.e2e


def test_detects_every_gold_format(shared_data: Path) -> None:
    events = shared_data / "events"
    assert detect_format(events / "plover" / "PLOVER_GSR_CAMEO.jsonl") == "plover"
    assert detect_format(events / "petrarch2" / "validation.jsonl") == "petrarch"
    assert detect_format(events / "conflibert" / "data_cameo_class_train.tsv") == "conflibert"
    assert detect_format(shared_data / "seed" / "000_970c53ec8045b3b4.gold.json") == "seed"


def test_seed_gold(shared_data: Path) -> None:
    report = evaluate(shared_data / "seed" / "000_970c53ec8045b3b4.gold.json", EvalOptions())
    assert report.figures["gold_events"] == 26
    assert report.figures["found"] >= 25
    assert report.figures["status_accuracy"] >= 0.95
    assert report.figures["resolved_date_accuracy"] >= 0.8
    assert report.figures["extra"] <= 3


def test_plover_gsr_subset(shared_data: Path) -> None:
    # the "test" half: never inspected while writing rules
    gold = shared_data / "events" / "plover" / "PLOVER_GSR_CAMEO.jsonl"
    report = evaluate(gold, EvalOptions(extra={"split": "test"}, limit=80))
    assert report.documents == 80
    assert report.scores["type"].f1 >= 0.69
    assert report.scores["triple"].f1 >= 0.36


def test_conflibert_pentaclass_subset(shared_data: Path) -> None:
    gold = shared_data / "events" / "conflibert" / "data_cameo_class_train.tsv"
    report = evaluate(gold, EvalOptions(extra={"split": "test"}, limit=250))
    assert report.documents == 250
    assert report.figures["macro_f1"] >= 0.82
