"""PETRARCH2 validation suite: ``{id, text, date, expected_events:[{source,target,code}]}``.

The suite is a unit test of dictionary features: its actors (Arnor, Gondor, ...) and
many of its codes exist only in the ``PETR.Validate.*`` dictionaries, which are loaded
from ``options.extra["dictionaries"]``, else ``options.pipeline.dictionaries``, else the
gold file's folder.

Two coders are scored on the same sentences:

* ``pipeline``: the full dateline pipeline with the dictionaries configured (events
  from ``doc._.events``; actors' ``cameo`` codes as source and target);
* ``direct``: :class:`~dateline.dictionaries.coder.DictionaryCoder`, the dictionary
  coder inside dateline (actor matcher + verb matcher on spaCy parses).

Scores, per sentence, on sets (DESIGN.md section 5): ``root`` compares CAMEO root
codes (first two digits); codes that are not CAMEO codes (the suite's test-only codes
such as ``903`` or ``174K``) compare as written. ``triple`` compares
(root, source code, target code) with the full actor codes.

Run: ``python -m dateline.evaluation.petrarch --gold validation.jsonl [--mode direct]``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.dictionaries.petrarch import detect_kind, expand_paths, load_dictionaries
from dateline.evaluation.metrics import PRF, EvalOptions, Report, gold_path

MODES = ("direct", "pipeline")
_CAMEO_TABLE = Path(__file__).resolve().parent.parent / "data" / "events" / "cameo_codes.tsv"


@dataclass(slots=True)
class GoldSentence:
    id: str
    text: str
    day: dt.date | None
    events: list[tuple[str, str, str]]  # (code, source, target)


def read_gold(path: Path, limit: int | None = None) -> list[GoldSentence]:
    rows: list[GoldSentence] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            data = json.loads(line)
            events = [
                (str(e.get("code", "")), str(e.get("source", "")), str(e.get("target", "")))
                for e in data.get("expected_events") or []
            ]
            rows.append(
                GoldSentence(
                    id=str(data.get("id", len(rows))),
                    text=str(data.get("text", "")),
                    day=_parse_day(str(data.get("date", ""))),
                    events=events,
                )
            )
            if limit is not None and len(rows) >= limit:
                break
    return rows


def _parse_day(value: str) -> dt.date | None:
    digits = value.replace("-", "")
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def cameo_codes() -> frozenset[str]:
    """The CAMEO event codes dateline ships (empty if the table is missing)."""
    try:
        text = _CAMEO_TABLE.read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return frozenset(row["code"] for row in csv.DictReader(lines, delimiter="\t") if "code" in row)


def root_of(code: str, known: frozenset[str]) -> str:
    """CAMEO root of a code; a code that is not CAMEO (a test-only code) as written."""
    code = code.strip()
    if known:
        return code[:2] if code in known else code
    is_cameo = code.isdigit() and len(code) in (3, 4) and 1 <= int(code[:2]) <= 20
    return code[:2] if is_cameo else code


def dictionary_paths(gold: Path, options: EvalOptions) -> list[str]:
    explicit = options.extra.get("dictionaries") or list(options.pipeline.dictionaries)
    if explicit:
        return [str(p) for p in explicit]
    # The gold file's folder: its dictionaries, not its licence or other files.
    return [
        str(p)
        for p in expand_paths([gold.parent])
        if detect_kind(p) in ("actors", "agents", "verbs", "discards")
    ]


def score(
    gold: list[GoldSentence], predicted: list[list[tuple[str, str, str]]], known: frozenset[str]
) -> tuple[PRF, PRF, list[dict[str, Any]]]:
    root, triple = PRF(), PRF()
    errors: list[dict[str, Any]] = []
    for sent, pred in zip(gold, predicted, strict=True):
        g_roots = {root_of(c, known) for c, _, _ in sent.events}
        p_roots = {root_of(c, known) for c, _, _ in pred}
        g_triples = {(root_of(c, known), s, t) for c, s, t in sent.events}
        p_triples = {(root_of(c, known), s, t) for c, s, t in pred}
        root.add(_prf(g_roots, p_roots))
        triple.add(_prf(g_triples, p_triples))
        if g_roots != p_roots:
            errors.append(
                {
                    "id": sent.id,
                    "gold": sorted(f"{s}>{t}:{c}" for c, s, t in sent.events),
                    "predicted": sorted(f"{s}>{t}:{c}" for c, s, t in pred),
                }
            )
    return root, triple, errors


def _prf(gold: set[Any], predicted: set[Any]) -> PRF:
    tp = len(gold & predicted)
    return PRF(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp)


# -- the two coders ---------------------------------------------------------------------


def predict_direct(gold: list[GoldSentence], paths: list[str]) -> list[list[tuple[str, str, str]]]:
    from dateline.dictionaries.coder import DictionaryCoder
    from dateline.nlp.loader import load_base_model

    coder = DictionaryCoder.from_paths(paths)
    nlp = load_base_model()
    out: list[list[tuple[str, str, str]]] = []
    for sent, doc in zip(gold, nlp.pipe(s.text for s in gold), strict=True):
        out.append([(e.code, e.source, e.target) for e in coder.code(doc, sent.day)])
    return out


def predict_pipeline(
    gold: list[GoldSentence], paths: list[str], options: EvalOptions
) -> list[list[tuple[str, str, str]]]:
    from dataclasses import replace

    from dateline.ingest.article import Article
    from dateline.pipeline import Pipeline

    pipeline = Pipeline(replace(options.pipeline, dictionaries=tuple(paths)))
    articles = (
        Article(
            id=s.id,
            text=s.text,
            published=s.day.isoformat() if s.day else None,
            published_basis="jsonl" if s.day else "none",
        )
        for s in gold
    )
    out: list[list[tuple[str, str, str]]] = []
    for record in pipeline.pipe(articles):
        codes = {a.id: a.cameo or "---" for a in record.actors}
        events: list[tuple[str, str, str]] = []
        for event in record.events:
            if not event.cameo:
                continue
            for s in event.source or []:
                for t in event.target or []:
                    events.append((event.cameo, codes.get(s, "---"), codes.get(t, "---")))
        out.append(events)
    return out


def evaluate(gold: Path, options: EvalOptions) -> Report:
    """Score the dictionary coder(s) on a PETRARCH validation file (see module doc)."""
    gold = gold_path(gold)
    sentences = read_gold(gold, options.limit)
    paths = dictionary_paths(gold, options)
    dictionaries = load_dictionaries(paths)
    known = cameo_codes()
    modes = _modes(options.extra.get("mode", "both"))
    report = Report(task="events-petrarch", gold=str(gold), documents=len(sentences))
    report.figures["gold_events"] = float(sum(len(s.events) for s in sentences))
    report.figures["dictionary_entries"] = float(
        len(dictionaries.actors)
        + len(dictionaries.agents)
        + len(dictionaries.verbs)
        + len(dictionaries.discards)
    )
    report.figures["dictionary_lines_skipped"] = float(dictionaries.skipped)
    report.notes.append(f"dictionaries: {', '.join(Path(p).name for p in paths)}")
    if not dictionaries.verbs:
        report.notes.append("no verb dictionary loaded: test-only codes cannot be matched")
    for mode in modes:
        started = time.perf_counter()
        try:
            predicted = (
                predict_direct(sentences, paths)
                if mode == "direct"
                else predict_pipeline(sentences, paths, options)
            )
        except Exception as exc:  # one coder failing must not hide the other's scores
            report.notes.append(f"{mode}: failed ({type(exc).__name__}: {exc})")
            continue
        root, triple, errors = score(sentences, predicted, known)
        report.scores[f"{mode}.root"] = root
        report.scores[f"{mode}.triple"] = triple
        report.figures[f"{mode}.predicted_events"] = float(sum(len(p) for p in predicted))
        report.figures[f"{mode}.seconds"] = round(time.perf_counter() - started, 2)
        report.tables[f"{mode}.errors"] = errors
    report.notes.append(
        "PETRARCH2 on the same suite (its own parses): root F1 0.57 (P 0.75, R 0.46)"
    )
    return report


def _modes(value: object) -> tuple[str, ...]:
    if value in (None, "", "both", "all"):
        return MODES
    if isinstance(value, str):
        return tuple(m for m in MODES if m == value) or MODES
    if isinstance(value, Iterable):
        return tuple(m for m in MODES if m in set(value)) or MODES
    return MODES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--mode", choices=("both", *MODES), default="both")
    parser.add_argument("--dictionary", action="append", default=[])
    parser.add_argument("--errors", action="store_true", help="list the sentences coded wrong")
    args = parser.parse_args(argv)
    options = EvalOptions(limit=args.limit, extra={"mode": args.mode})
    if args.dictionary:
        options.extra["dictionaries"] = args.dictionary
    report = evaluate(args.gold, options)
    data = report.to_dict()
    if not args.errors:
        data["tables"] = {k: len(v) for k, v in data["tables"].items()}
    sys.stdout.write(json.dumps(data, indent=2) + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
