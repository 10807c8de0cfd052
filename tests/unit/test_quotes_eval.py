"""The quote metrics: greedy overlap matching, speaker accuracy, exact spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluation.quotes import (
    GoldDoc,
    GoldQuote,
    QuoteScores,
    greedy_match,
    load_gold,
    trim,
)
from dateline.record import Quote, TextSpan

pytestmark = pytest.mark.unit

TEXT = "“We will not resign,” the minister said. Critics said the budget was a failure."


def _quote(start: int, end: int, speaker: tuple[int, int] | None) -> Quote:
    mention = TextSpan(speaker[0], speaker[1], TEXT[speaker[0] : speaker[1]]) if speaker else None
    return Quote(
        id="q", start=start, end=end, text=TEXT[start:end], kind="direct", speaker_mention=mention
    )


def _gold() -> GoldDoc:
    return GoldDoc(
        id="d1",
        text=TEXT,
        published=None,
        quotes=[
            GoldQuote(0, 21, "direct", [(22, 34)]),  # with its marks, as PolNeAR does
            GoldQuote(54, 78, "indirect", [(41, 48)]),
        ],
    )


def test_trim_ignores_marks_spaces_and_punctuation() -> None:
    assert trim(TEXT, 0, 21) == (1, 19)
    assert trim(TEXT, 1, 20) == (1, 19)


def test_greedy_match_is_one_to_one_and_thresholded() -> None:
    gold = [(0, 100), (200, 300)]
    predicted = [(0, 50), (10, 90), (290, 300)]
    assert greedy_match(gold, predicted, 0.3) == [(0, 1)]
    assert greedy_match(gold, predicted, 0.05) == [(0, 1), (1, 2)]


def test_perfect_prediction_scores_one() -> None:
    scores = QuoteScores()
    scores.add_document(_gold(), [_quote(1, 19, (22, 34)), _quote(54, 79, (41, 48))])
    report = scores.report("mem", 1)
    assert report.scores["quote@0.3"].f1 == 1.0
    assert report.scores["quote@0.8"].f1 == 1.0
    assert report.scores["content_exact"].f1 == 1.0
    assert report.scores["source_exact"].f1 == 1.0
    assert report.figures["speaker_accuracy"] == 1.0


def test_partial_overlap_and_wrong_speaker() -> None:
    scores = QuoteScores()
    # first quote: half the content, wrong speaker; second quote missed; one spurious.
    scores.add_document(_gold(), [_quote(1, 12, (41, 48)), _quote(41, 48, None)])
    report = scores.report("mem", 1)
    at_03 = report.scores["quote@0.3"]
    assert (at_03.tp, at_03.fp, at_03.fn) == (1, 1, 1)
    assert report.scores["quote@0.8"].tp == 0
    assert report.figures["speaker_accuracy"] == 0.0
    assert report.scores["content_exact"].tp == 0


def test_load_gold_reads_polnear_lines(tmp_path: Path) -> None:
    row = {
        "doc_id": "x",
        "text": TEXT,
        "date": "2016-01-01",
        "quotes": [
            {"quote_start": 0, "quote_end": 21, "speaker_spans": [[22, 34]], "kind": "direct"},
            {"quote_start": 54, "quote_end": 78, "speaker_spans": [], "kind": "indirect"},
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(row) + "\n\n", encoding="utf-8")
    docs = load_gold(path)
    assert len(docs) == 1 and docs[0].published == "2016-01-01"
    assert docs[0].quotes[1].speaker_spans == []
