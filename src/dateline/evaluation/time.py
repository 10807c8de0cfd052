"""TempEval-3 evaluation of the time stage: ``dateline eval time --gold FILE``.

Gold files are JSONL (``{doc_id, dct, text, timexes: [{start, end, text, type, value}]}``,
as in ``shared/data/time``), or the seed format (``published`` instead of ``dct``;
a single ``.gold.json`` object or JSONL of them).

Metrics follow TempEval-3 (UzZaman et al. 2013):

- ``strict``: a system timex is correct when its extent equals a gold extent;
- ``relaxed``: when it overlaps a gold extent (matched one-to-one, greedily by overlap);
- ``value`` / ``type``: a relaxed match counts only when the attribute is right, so
  their F1 equals attribute accuracy on relaxed matches times relaxed F1.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.evaluation.metrics import PRF, EvalOptions, Report, gold_path


@dataclass(slots=True, frozen=True)
class TimexSpan:
    start: int
    end: int
    type: str
    value: str
    text: str = ""


@dataclass(slots=True)
class GoldDoc:
    doc_id: str
    text: str
    published: str | None
    timexes: list[TimexSpan] = field(default_factory=list)


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Read a TempEval-style JSONL file, or a seed ``.gold.json`` / ``.gold.jsonl``."""
    p = gold_path(path)
    raw = p.read_text(encoding="utf-8")
    objects: list[dict[str, Any]]
    stripped = raw.lstrip()
    if p.suffix == ".json" or (stripped.startswith("{") and "\n{" not in stripped.rstrip()):
        loaded = json.loads(raw)
        objects = loaded if isinstance(loaded, list) else [loaded]
    else:
        objects = [json.loads(line) for line in raw.splitlines() if line.strip()]
    return [_gold_doc(obj, i) for i, obj in enumerate(objects)]


def _gold_doc(obj: dict[str, Any], index: int) -> GoldDoc:
    dct = obj.get("dct") or obj.get("published")
    published = str(dct)[:10] if dct else None
    timexes = [
        TimexSpan(
            start=int(t["start"]),
            end=int(t["end"]),
            type=str(t.get("type", "")),
            value=str(t.get("value", "")),
            text=str(t.get("text", "")),
        )
        for t in obj.get("timexes", [])
    ]
    return GoldDoc(
        doc_id=str(obj.get("doc_id") or obj.get("id") or f"doc{index}"),
        text=str(obj["text"]),
        published=published,
        timexes=timexes,
    )


@dataclass(slots=True)
class DocScores:
    strict: PRF = field(default_factory=PRF)
    relaxed: PRF = field(default_factory=PRF)
    value: PRF = field(default_factory=PRF)
    type: PRF = field(default_factory=PRF)
    errors: list[dict[str, Any]] = field(default_factory=list)


def _overlap(a: TimexSpan, b: TimexSpan) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def score_document(gold: Iterable[TimexSpan], system: Iterable[TimexSpan]) -> DocScores:
    """Compare one document's timexes (TempEval-3 strict/relaxed/value/type)."""
    gold_list, sys_list = list(gold), list(system)
    scores = DocScores()
    gold_extents = {(g.start, g.end) for g in gold_list}
    strict_tp = sum(1 for s in sys_list if (s.start, s.end) in gold_extents)
    scores.strict = PRF(strict_tp, len(sys_list) - strict_tp, len(gold_list) - strict_tp)
    # Greedy one-to-one relaxed matching, best overlaps first.
    pairs = sorted(
        (-_overlap(g, s), gi, si)
        for gi, g in enumerate(gold_list)
        for si, s in enumerate(sys_list)
        if _overlap(g, s) > 0
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    matches: list[tuple[TimexSpan, TimexSpan]] = []
    for _, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        matches.append((gold_list[gi], sys_list[si]))
    n_match = len(matches)
    scores.relaxed = PRF(n_match, len(sys_list) - n_match, len(gold_list) - n_match)
    value_ok = sum(1 for g, s in matches if g.value == s.value)
    type_ok = sum(1 for g, s in matches if g.type == s.type)
    scores.value = PRF(value_ok, len(sys_list) - value_ok, len(gold_list) - value_ok)
    scores.type = PRF(type_ok, len(sys_list) - type_ok, len(gold_list) - type_ok)
    for g, s in matches:
        if (g.start, g.end) != (s.start, s.end) or g.value != s.value or g.type != s.type:
            scores.errors.append({"kind": "mismatch", "gold": _row(g), "system": _row(s)})
    for gi, g in enumerate(gold_list):
        if gi not in used_g:
            scores.errors.append({"kind": "missed", "gold": _row(g), "system": None})
    for si, s in enumerate(sys_list):
        if si not in used_s:
            scores.errors.append({"kind": "spurious", "gold": None, "system": _row(s)})
    return scores


def _row(t: TimexSpan) -> dict[str, Any]:
    return {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}


def score_corpus(
    pairs: Iterable[tuple[GoldDoc, list[TimexSpan]]], *, gold_name: str = ""
) -> Report:
    """Sum the per-document counts into a :class:`Report` (micro-averaged)."""
    report = Report(task="time", gold=gold_name)
    totals = {name: PRF() for name in ("strict", "relaxed", "value", "type")}
    errors: list[dict[str, Any]] = []
    n_gold = n_sys = 0
    for gold, system in pairs:
        report.documents += 1
        n_gold += len(gold.timexes)
        n_sys += len(system)
        doc = score_document(gold.timexes, system)
        totals["strict"].add(doc.strict)
        totals["relaxed"].add(doc.relaxed)
        totals["value"].add(doc.value)
        totals["type"].add(doc.type)
        errors.extend({"doc_id": gold.doc_id, **e} for e in doc.errors)
    report.scores = totals
    matched = totals["relaxed"].tp
    report.figures = {
        "gold_timexes": float(n_gold),
        "system_timexes": float(n_sys),
        "value_accuracy": totals["value"].tp / matched if matched else 0.0,
        "type_accuracy": totals["type"].tp / matched if matched else 0.0,
    }
    report.tables["errors"] = errors
    return report


def _system_timexes(docs: list[GoldDoc], options: EvalOptions) -> Iterator[list[TimexSpan]]:
    # Imported here so that scoring (above) stays usable without loading spaCy.
    from dateline.ingest.article import Article
    from dateline.pipeline import Pipeline, PipelineOptions

    base = options.pipeline
    pipe = Pipeline(
        PipelineOptions(
            model=base.model,
            stages=("dateline_time_v1",),
            batch_size=base.batch_size,
            max_chars=base.max_chars,
        )
    )
    articles = (
        Article(id=d.doc_id, text=d.text, published=d.published, published_basis="jsonl")
        for d in docs
    )
    for record in pipe.pipe(articles):
        yield [TimexSpan(t.start, t.end, t.type, t.value, t.text) for t in record.timexes]


def evaluate(gold: Path, options: EvalOptions) -> Report:
    """Run the time stage on every gold document and score it with TempEval-3 metrics."""
    docs = load_gold(gold)
    if options.limit is not None:
        docs = docs[: options.limit]
    report = score_corpus(
        zip(docs, _system_timexes(docs, options), strict=True), gold_name=str(gold)
    )
    report.notes.append(
        "TempEval-3 metrics: strict = exact extent, relaxed = overlap (one-to-one), "
        "value/type = relaxed match with the attribute right."
    )
    return report
