"""Measure "one event, many reports" on a hand-labelled set: pairwise precision/recall.

The set (YAML, see tests/fixtures/corpus/merge_*.yaml) lists stories; each report is
a short text with its actors, time expressions and events, and each event a ``gold``
label naming the real event it reports. Records are built with
:func:`dateline.corpus.synthetic.build_record`, stored in an in-memory corpus, merged,
and every pair of events is scored: a pair merged by us and sharing a gold label is a
true positive, a merged pair with different labels a false positive (two distinct
events counted as one), an unmerged pair sharing a label a false negative.

    python -m dateline.corpus.merge_eval tests/fixtures/corpus/merge_test.yaml
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from dateline.corpus import cluster
from dateline.corpus.ingest import ingest_records
from dateline.corpus.keys import event_uid, record_key
from dateline.corpus.store import CorpusStore
from dateline.corpus.synthetic import build_record


def _plain(value: Any) -> Any:
    """YAML reads 2025-03-04 as a date; records carry strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def load_merge_set(path: str | Path) -> tuple[list[dict[str, Any]], dict[int, str]]:
    """Records of the set, and the gold label of each event (by its ``event_uid``)."""
    data = _plain(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
    records: list[dict[str, Any]] = []
    gold: dict[int, str] = {}
    for story in data["stories"]:
        for report in story["reports"]:
            record = build_record(
                report["id"],
                report["text"],
                published=report.get("published"),
                source=report.get("source"),
                actors=story["actors"],
                events=report.get("events", []),
                timexes=report.get("timexes", []),
            )
            key = record_key(record)
            for spec, event in zip(report.get("events", []), record["events"], strict=True):
                gold[event_uid(key, event["id"])] = spec["gold"]
            records.append(record)
    return records, gold


@dataclass(frozen=True, slots=True)
class MergeScores:
    events: int
    gold_events: int
    predicted_events: int
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_pairs(predicted: dict[int, int], gold: dict[int, str]) -> MergeScores:
    uids = sorted(gold)
    true_pairs = predicted_pairs = correct = 0
    for a, b in itertools.combinations(uids, 2):
        same_gold = gold[a] == gold[b]
        same_pred = predicted[a] == predicted[b]
        true_pairs += same_gold
        predicted_pairs += same_pred
        correct += same_gold and same_pred
    return MergeScores(
        events=len(uids),
        gold_events=len(set(gold.values())),
        predicted_events=len({predicted[u] for u in uids}),
        true_pairs=true_pairs,
        predicted_pairs=predicted_pairs,
        correct_pairs=correct,
    )


def evaluate(path: str | Path, *, min_similarity: float | None = None) -> MergeScores:
    records, gold = load_merge_set(path)
    saved = cluster.MIN_SIMILARITY
    if min_similarity is not None:
        cluster.MIN_SIMILARITY = min_similarity
    try:
        with CorpusStore(":memory:") as store:
            ingest_records(store, records)
            rows = store.con.execute("SELECT event_uid, cluster_id FROM event_reports").fetchall()
    finally:
        cluster.MIN_SIMILARITY = saved
    predicted = {int(uid): int(cid) for uid, cid in rows}
    return score_pairs(predicted, gold)


def main(argv: Sequence[str] | None = None) -> int:
    paths = list(argv if argv is not None else sys.argv[1:])
    for path in paths:
        s = evaluate(path)
        print(
            f"{path}: {s.events} event mentions, {s.gold_events} gold events, "
            f"{s.predicted_events} predicted; pairwise P={s.precision:.3f} "
            f"R={s.recall:.3f} F1={s.f1:.3f} ({s.correct_pairs}/{s.predicted_pairs} merged "
            f"pairs correct, {s.true_pairs} true pairs)"
        )
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
