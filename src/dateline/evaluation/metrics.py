"""Shared pieces of the evaluation: counts, P/R/F1 and the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.pipeline import PipelineOptions


@dataclass(slots=True)
class PRF:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(slots=True)
class EvalOptions:
    """Options shared by all evaluations."""

    limit: int | None = None  # evaluate only the first N gold documents
    pipeline: PipelineOptions = field(default_factory=PipelineOptions)
    # Task-specific settings (e.g. PETRARCH dictionaries to load), by name.
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Report:
    """What an evaluation measured: named P/R/F1 rows and plain figures."""

    task: str
    gold: str
    documents: int = 0
    scores: dict[str, PRF] = field(default_factory=dict)
    figures: dict[str, float] = field(default_factory=dict)  # accuracies, counts, ...
    notes: list[str] = field(default_factory=list)
    # Optional breakdowns: table name -> rows (list of dicts).
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "gold": self.gold,
            "documents": self.documents,
            "scores": {k: v.as_dict() for k, v in self.scores.items()},
            "figures": {
                k: round(v, 4) if isinstance(v, float) else v for k, v in self.figures.items()
            },
            "notes": self.notes,
            "tables": self.tables,
        }


def gold_path(path: str | Path) -> Path:
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"gold file not found: {p}")
    return p
