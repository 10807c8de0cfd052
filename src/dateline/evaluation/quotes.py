"""Quote evaluation: ``dateline eval quotes --gold FILE`` (DESIGN.md section 5).

Gold format: PolNeAR JSONL (``doc_id``, ``text``, ``date``, ``quotes`` with
``quote_start``/``quote_end`` envelopes, ``speaker_spans``, ``kind``).

Metrics, as published by the anchors so that numbers are comparable:

- Gender Gap Tracker: a predicted quote matches a gold one when
  ``|overlap| / |gold| > threshold`` (0.3 and 0.8), greedy one-to-one (best ratio
  first); quote P/R/F1 at each threshold; speaker accuracy on the quotes matched at
  0.3 (the predicted speaker mention overlaps a gold speaker span). Gold quotes
  without a source ("Attribution-no-source") are left out of speaker accuracy.
- CofeNet: exact-span F1 for content and for source, after trimming quote marks,
  spaces and punctuation at both ends of both spans.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.evaluation.metrics import PRF, EvalOptions, Report, gold_path
from dateline.record import Quote

THRESHOLDS = (0.3, 0.8)


@dataclass(slots=True)
class GoldQuote:
    start: int
    end: int
    kind: str
    speaker_spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class GoldDoc:
    id: str
    text: str
    published: str | None
    quotes: list[GoldQuote]


def load_gold(path: Path, limit: int | None = None) -> list[GoldDoc]:
    docs: list[GoldDoc] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            quotes = [
                GoldQuote(
                    start=int(q["quote_start"]),
                    end=int(q["quote_end"]),
                    kind=str(q.get("kind") or "indirect"),
                    speaker_spans=[(int(s), int(e)) for s, e in q.get("speaker_spans") or []],
                )
                for q in row.get("quotes", [])
            ]
            docs.append(
                GoldDoc(
                    id=str(row.get("doc_id") or row.get("id") or len(docs)),
                    text=row["text"],
                    published=row.get("date") or row.get("published"),
                    quotes=quotes,
                )
            )
            if limit is not None and len(docs) >= limit:
                break
    return docs


def _is_trimmable(char: str) -> bool:
    category = unicodedata.category(char)
    return char.isspace() or category.startswith("P") or char in "`´'\"" or category == "Sk"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip quote marks, spaces and punctuation at both ends (CofeNet exact match)."""
    while start < end and _is_trimmable(text[start]):
        start += 1
    while end > start and _is_trimmable(text[end - 1]):
        end -= 1
    return start, end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def greedy_match(
    gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]], threshold: float
) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), one-to-one, best overlap ratio first."""
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        length = max(1, g[1] - g[0])
        for pi, p in enumerate(predicted):
            ratio = _overlap(g, p) / length
            if ratio > threshold:
                candidates.append((ratio, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return pairs


@dataclass(slots=True)
class QuoteScores:
    """Counts accumulated over documents."""

    quotes: dict[float, PRF] = field(default_factory=lambda: {t: PRF() for t in THRESHOLDS})
    content_exact: PRF = field(default_factory=PRF)
    source_exact: PRF = field(default_factory=PRF)
    speaker_correct: int = 0
    speaker_total: int = 0
    recall_by_kind: Counter[str] = field(default_factory=Counter)
    gold_by_kind: Counter[str] = field(default_factory=Counter)
    predicted_by_kind: Counter[str] = field(default_factory=Counter)
    matched_by_kind: Counter[str] = field(default_factory=Counter)
    speaker_errors: Counter[str] = field(default_factory=Counter)

    def add_document(self, doc: GoldDoc, predicted: Sequence[Quote]) -> None:
        text = doc.text
        gold_spans = [(q.start, q.end) for q in doc.quotes]
        pred_spans = [(q.start, q.end) for q in predicted]
        for kind in (q.kind for q in doc.quotes):
            self.gold_by_kind[kind] += 1
        for kind in (q.kind for q in predicted):
            self.predicted_by_kind[kind] += 1
        for threshold in THRESHOLDS:
            pairs = greedy_match(gold_spans, pred_spans, threshold)
            tp = len(pairs)
            self.quotes[threshold].add(PRF(tp=tp, fp=len(pred_spans) - tp, fn=len(gold_spans) - tp))
            if threshold == THRESHOLDS[0]:
                self._score_speakers(doc, predicted, pairs)
        self.content_exact.add(_exact(text, gold_spans, pred_spans))
        gold_sources = [s for q in doc.quotes for s in _speaker_envelope(q)]
        pred_sources = [
            (q.speaker_mention.start, q.speaker_mention.end)
            for q in predicted
            if q.speaker_mention is not None
        ]
        self.source_exact.add(_exact(text, gold_sources, pred_sources))

    def _score_speakers(
        self, doc: GoldDoc, predicted: Sequence[Quote], pairs: Iterable[tuple[int, int]]
    ) -> None:
        for gi, pi in pairs:
            gold = doc.quotes[gi]
            pred = predicted[pi]
            self.recall_by_kind[gold.kind] += 1
            self.matched_by_kind[f"{gold.kind}->{pred.kind}"] += 1
            if not gold.speaker_spans:
                continue
            self.speaker_total += 1
            mention = pred.speaker_mention
            if mention is None:
                self.speaker_errors["no speaker predicted"] += 1
                continue
            if any(_overlap((mention.start, mention.end), s) > 0 for s in gold.speaker_spans):
                self.speaker_correct += 1
            else:
                self.speaker_errors["other span"] += 1

    def report(self, gold: str, documents: int) -> Report:
        report = Report(task="quotes", gold=gold, documents=documents)
        for threshold, prf in self.quotes.items():
            report.scores[f"quote@{threshold}"] = prf
        report.scores["content_exact"] = self.content_exact
        report.scores["source_exact"] = self.source_exact
        report.figures["speaker_accuracy"] = (
            self.speaker_correct / self.speaker_total if self.speaker_total else 0.0
        )
        report.figures["speaker_scored"] = float(self.speaker_total)
        report.tables["recall_by_gold_kind"] = [
            {
                "kind": kind,
                "gold": total,
                "matched@0.3": self.recall_by_kind[kind],
                "recall": round(self.recall_by_kind[kind] / total, 4) if total else 0.0,
            }
            for kind, total in sorted(self.gold_by_kind.items())
        ]
        report.tables["predicted_by_kind"] = [
            {"kind": kind, "predicted": n} for kind, n in sorted(self.predicted_by_kind.items())
        ]
        report.tables["speaker_errors"] = [
            {"error": name, "count": n} for name, n in self.speaker_errors.most_common()
        ]
        report.notes.append(
            "quote@t: greedy one-to-one match when |overlap|/|gold| > t; speaker accuracy on "
            "quotes matched at 0.3 whose gold has a source; exact spans trimmed of quote "
            "marks, spaces and punctuation."
        )
        return report


def _speaker_envelope(quote: GoldQuote) -> list[tuple[int, int]]:
    if not quote.speaker_spans:
        return []
    return [(min(s for s, _ in quote.speaker_spans), max(e for _, e in quote.speaker_spans))]


def _exact(text: str, gold: Iterable[tuple[int, int]], predicted: Iterable[tuple[int, int]]) -> PRF:
    gold_set = {trim(text, s, e) for s, e in gold}
    pred_set = {trim(text, s, e) for s, e in predicted}
    gold_set.discard((0, 0))
    tp = len(gold_set & pred_set)
    return PRF(tp=tp, fp=len(pred_set) - tp, fn=len(gold_set) - tp)


def evaluate(gold: Path, options: EvalOptions) -> Report:
    """Run the pipeline (up to the quotes stage) on every gold article and score it."""
    from dataclasses import replace

    from dateline.ingest.article import Article
    from dateline.pipeline import Pipeline

    path = gold_path(gold)
    docs = load_gold(path, options.limit)
    stages = tuple(s for s in options.pipeline.stages if s != "dateline_events_v1")
    pipeline = Pipeline(replace(options.pipeline, stages=stages))
    articles = (
        Article(id=d.id, text=d.text, published=d.published, published_basis="jsonl") for d in docs
    )
    scores = QuoteScores()
    failures = 0
    for doc, record in zip(docs, pipeline.pipe(articles), strict=True):
        if record.error:
            failures += 1
        scores.add_document(doc, record.quotes)
    report = scores.report(str(path), len(docs))
    report.figures["articles_with_errors"] = float(failures)
    return report


def summary(report: Report) -> dict[str, Any]:
    """The headline numbers, for benches and tests."""
    return {
        "quote_f1@0.3": report.scores["quote@0.3"].f1,
        "quote_f1@0.8": report.scores["quote@0.8"].f1,
        "speaker_accuracy": report.figures["speaker_accuracy"],
        "content_exact_f1": report.scores["content_exact"].f1,
        "source_exact_f1": report.scores["source_exact"].f1,
    }
