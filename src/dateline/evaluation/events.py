"""Event coding evaluation: ``dateline eval events --gold FILE``.

The gold format is detected from the file:

* **PLOVER GSR** (JSONL with ``event``, ``source``, ``target``; PLOVER 0.5b1 category
  names, mapped to today's with the manual's CAMEO-vs-PLOVER table): per sentence,
  P/R/F1 on the set of PLOVER types and on (type, source country, target country)
  triples (compound actors expand to one triple per pair), compared with the events'
  folded ``plover`` category;
* **PETRARCH2 validation** (JSONL with ``expected_events``): delegated to
  :mod:`dateline.evaluation.petrarch` (dictionaries loaded);
* **ConfliBERT pentaclass** (TSV ``sentence<TAB>label``): a sentence's label is the
  Phoenix pentaclass of its main event (0 when none); accuracy and macro-F1;
* **seed gold** (``.gold.json`` or JSONL of documents with ``events``): whole-document
  matching (the predicted trigger or evidence overlaps the gold evidence, and the type
  and one source country agree); found / extra, status and date accuracy on found ones.

The built-in coder learns from none of these files; the report says so in its notes.
"""

from __future__ import annotations

import csv
import json
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.evaluation.metrics import PRF, EvalOptions, Report, gold_path
from dateline.record import Event, Record

# PLOVER 0.5b1 -> today's categories (PLOVER manual, "CAMEO vs. PLOVER").
PLOVER_RENAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
# CAMEO-style country codes that differ from ISO 3166-1 alpha-3.
CAMEO_COUNTRY_ALIASES = {
    "JAP": "JPN",
    "UK": "GBR",
    "PAL": "PSE",
    "KOS": "XKX",
    "ITL": "ITA",
    "VTN": "VNM",
}

# Codes of actors that belong to no country: sectors, international and transnational
# groups (CAMEO "IMG", international militarized group; "ISM", an Islamist movement as
# the GSR codes it), so that they compare as "no country".
NONCOUNTRY = frozenset(
    {"IGO", "NGO", "MNC", "REB", "GOV", "MIL", "COP", "OPP", "CVL", "BUS", "MED", "UAF"}
    | {"IMG", "ISM"}
)


@dataclass(slots=True)
class Sentence:
    id: str
    text: str
    published: str | None
    gold: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    label: int | None = None  # pentaclass for ConfliBERT
    kinds: set[str] = field(default_factory=set)  # gold types (PLOVER)


def in_split(text: str, split: str | None) -> bool:
    """Stable half of a gold file: "dev" (inspected while writing rules) or "test" (not)."""
    if split not in ("dev", "test"):
        return True
    return (zlib.crc32(text.encode("utf-8")) % 2 == 0) == (split == "dev")


# ---------------------------------------------------------------- format detection
def detect_format(path: Path) -> str:
    with path.open(encoding="utf-8") as fh:
        head = fh.read(20000)
    first = head.lstrip()
    if path.suffix.lower() == ".tsv" or (
        not first.startswith(("{", "[")) and "\t" in head.splitlines()[0]
    ):
        return "conflibert"
    if '"expected_events"' in head:
        return "petrarch"
    if '"textInfo"' in head or ('"event"' in head and '"eventText"' in head):
        return "plover"
    if '"events"' in head:
        return "seed"
    raise ValueError(f"unrecognised event gold format: {path}")


# ---------------------------------------------------------------- running the pipeline
def _run(texts: list[tuple[str, str, str | None]], options: EvalOptions) -> Iterator[Record]:
    from dateline.ingest.article import Article
    from dateline.pipeline import Pipeline

    pipeline = Pipeline(options.pipeline)
    articles = (
        Article(
            id=doc_id,
            text=text,
            published=published,
            published_basis="jsonl" if published else "none",
        )
        for doc_id, text, published in texts
    )
    for record in pipeline.pipe(articles):
        if record.error:
            _ERRORS.append(f"{record.id}: {record.error}")
        yield record


# Stage errors met during the current evaluation (reported, never hidden).
_ERRORS: list[str] = []


def country_of_code(code: str | None) -> str | None:
    """Country of a gold actor code ("USA", "RUS.GOV", "USAGOV", "IGO" -> None)."""
    if not code:
        return None
    head = code.split(".")[0].upper()[:3]
    head = CAMEO_COUNTRY_ALIASES.get(head, head)
    if head in NONCOUNTRY or len(head) < 3:
        return None
    return head


def _countries(record: Record, ids: list[str]) -> list[str | None]:
    by_id = {a.id: a for a in record.actors}
    out: list[str | None] = []
    for i in ids:
        actor = by_id.get(i)
        country = actor.country if actor else None
        if country not in out:
            out.append(country)
    return out or [None]


def triples(
    kind: str, sources: Iterable[str | None], targets: Iterable[str | None]
) -> set[tuple[str, str | None, str | None]]:
    """One (type, source, target) per pair; a pair within one country keeps no target."""
    src, tgt = list(sources) or [None], list(targets) or [None]
    return {(kind, s, t if s is None or s != t else None) for s in src for t in tgt}


def _prf(gold: set[Any], predicted: set[Any]) -> PRF:
    tp = len(gold & predicted)
    return PRF(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp)


# ---------------------------------------------------------------- PLOVER GSR
def _plover_actors(value: Any) -> list[str | None]:
    if not value or not isinstance(value, list):
        return []
    return [country_of_code(str(a.get("code", ""))) for a in value if isinstance(a, dict)]


def load_plover(path: Path, limit: int | None, split: str | None = None) -> list[Sentence]:
    out: list[Sentence] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            if not in_split(row["text"], split):
                continue
            kind = PLOVER_RENAMES.get(row["event"], row["event"])
            gold = triples(
                kind, _plover_actors(row.get("source")), _plover_actors(row.get("target"))
            )
            sentence = Sentence(row["id"], row["text"], row.get("date"), sorted(gold, key=str))
            sentence.kinds = {kind}
            out.append(sentence)
            if limit and len(out) >= limit:
                break
    return out


def evaluate_plover(path: Path, options: EvalOptions) -> Report:
    sentences = load_plover(path, options.limit, options.extra.get("split"))
    report = Report(task="events-plover", gold=str(path), documents=len(sentences))
    types, full = PRF(), PRF()
    errors: Counter[str] = Counter()
    by_type: dict[str, PRF] = {}
    rows: list[dict[str, Any]] = []
    records = _run([(s.id, s.text, s.published) for s in sentences], options)
    for sent, record in zip(sentences, records, strict=True):
        gold_types = set(sent.kinds)
        gold_triples = set(sent.gold)
        pred_types: set[str] = set()
        pred_triples: set[tuple[str, str | None, str | None]] = set()
        for event in record.events:
            pred_types.add(event.plover)
            pred_triples |= triples(
                event.plover, _countries(record, event.source), _countries(record, event.target)
            )
        types.add(_prf(gold_types, pred_types))
        full.add(_prf(gold_triples, pred_triples))
        for kind in gold_types | pred_types:
            by_type.setdefault(kind, PRF()).add(_prf(gold_types & {kind}, pred_types & {kind}))
        kind_error = _error_kind(gold_types, pred_types, gold_triples, pred_triples)
        errors[kind_error] += 1
        if kind_error != "correct":
            rows.append(
                {
                    "id": sent.id,
                    "error": kind_error,
                    "gold": sorted(map(str, gold_triples)),
                    "predicted": sorted(map(str, pred_triples)),
                }
            )
    report.scores["type"] = types
    report.scores["triple"] = full
    for kind, prf in sorted(by_type.items()):
        report.scores[f"type.{kind}"] = prf
    report.figures.update({f"sentences.{k}": float(v) for k, v in errors.items()})
    report.tables["errors"] = rows
    report.notes.append(
        "PLOVER 0.5b1 names mapped: DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, "
        "FIGHT->ASSAULT; predicted category = the event's folded 'plover' field. "
        "The built-in coder was not trained or tuned on this file."
    )
    return report


def _error_kind(
    gold_types: set[str],
    pred_types: set[str],
    gold_triples: set[Any],
    pred_triples: set[Any],
) -> str:
    if gold_triples and gold_triples <= pred_triples and pred_types == gold_types:
        return "correct"
    if not pred_types:
        return "missed (no event)"
    if not gold_types & pred_types:
        return "wrong type"
    if not gold_triples & pred_triples:
        return "right type, wrong actors"
    if pred_types - gold_types:
        return "extra type"
    return "partial actors"


# ---------------------------------------------------------------- ConfliBERT pentaclass
def load_conflibert(path: Path, limit: int | None, split: str | None = None) -> list[Sentence]:
    out: list[Sentence] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.reader(fh, delimiter="\t")):
            if len(row) < 2 or not row[-1].strip().isdigit():
                continue
            text = "\t".join(row[:-1]).strip().strip('"').replace('""', '"')
            if not in_split(text, split):
                continue
            out.append(Sentence(f"cb-{i}", text, None, label=int(row[-1])))
            if limit and len(out) >= limit:
                break
    return out


def main_event(events: list[Event], record: Record) -> Event | None:
    """The sentence's main event: the most confident, earliest on ties."""
    if not events:
        return None
    return max(events, key=lambda e: (e.confidence, -e.trigger.start))


def pentaclass_of(event: Event | None) -> int:
    from dateline.events.tables import code_info

    if event is None or not event.cameo:
        return 0
    info = code_info(event.cameo)
    return info.pentaclass if info else 0


def macro_f1(
    gold: list[int], predicted: list[int], classes: Iterable[int]
) -> tuple[float, dict[int, PRF]]:
    per: dict[int, PRF] = {}
    for c in classes:
        per[c] = PRF(
            tp=sum(1 for g, p in zip(gold, predicted, strict=True) if g == c and p == c),
            fp=sum(1 for g, p in zip(gold, predicted, strict=True) if g != c and p == c),
            fn=sum(1 for g, p in zip(gold, predicted, strict=True) if g == c and p != c),
        )
    return sum(p.f1 for p in per.values()) / max(len(per), 1), per


def evaluate_conflibert(path: Path, options: EvalOptions) -> Report:
    sentences = load_conflibert(path, options.limit, options.extra.get("split"))
    report = Report(task="events-pentaclass", gold=str(path), documents=len(sentences))
    gold = [s.label or 0 for s in sentences]
    predicted: list[int] = []
    rows: list[dict[str, Any]] = []
    for sent, record in zip(
        sentences, _run([(s.id, s.text, None) for s in sentences], options), strict=True
    ):
        event = main_event(record.events, record)
        predicted.append(pentaclass_of(event))
        if predicted[-1] != sent.label:
            rows.append(
                {
                    "id": sent.id,
                    "gold": sent.label,
                    "predicted": predicted[-1],
                    "event": f"{event.cameo} {event.trigger.text}" if event else None,
                }
            )
    macro, per = macro_f1(gold, predicted, range(5))
    for c, prf in per.items():
        report.scores[f"class.{c}"] = prf
    report.figures["macro_f1"] = macro
    report.figures["accuracy"] = sum(g == p for g, p in zip(gold, predicted, strict=True)) / max(
        len(gold), 1
    )
    report.tables["errors"] = rows
    confusion = Counter(zip(gold, predicted, strict=True))
    report.tables["confusion"] = [
        {"gold": g, **{f"pred_{p}": confusion[(g, p)] for p in range(5)}} for g in range(5)
    ]
    report.notes.append(
        "Label = Phoenix pentaclass of the most confident event's CAMEO code (0 = none or "
        "statement). Rule coder only: nothing was learned from these sentences, so the score "
        "is on all of them."
    )
    return report


# ---------------------------------------------------------------- seed gold (documents)
def load_seed(path: Path, limit: int | None) -> list[dict[str, Any]]:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        data = json.loads(raw)
        docs = data if isinstance(data, list) else [data]
    else:
        docs = [json.loads(line) for line in raw.splitlines() if line.strip()]
    return docs[:limit] if limit else docs


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def evaluate_seed(path: Path, options: EvalOptions) -> Report:
    docs = load_seed(path, options.limit)
    report = Report(task="events-seed", gold=str(path), documents=len(docs))
    found = extra = gold_total = 0
    status_right = status_total = date_right = date_total = 0
    resolved_right = resolved_total = 0
    rows: list[dict[str, Any]] = []
    records = _run(
        [(str(d.get("doc_id", i)), d["text"], d.get("published")) for i, d in enumerate(docs)],
        options,
    )
    for doc, record in zip(docs, records, strict=True):
        gold_events = doc.get("events", [])
        gold_total += len(gold_events)
        used: set[str] = set()
        for g in gold_events:
            ev = g["evidence"]
            kinds = {g["type"], *g.get("alt_types", [])}
            countries = {c for s in g.get("source", []) if (c := country_of_code(s))}
            match = _seed_match(record, ev["start"], ev["end"], kinds, countries, used)
            row: dict[str, Any] = {"gold": g.get("note") or ev["text"], "type": g["type"]}
            if match is None:
                row["result"] = "missed"
                rows.append(row)
                continue
            used.add(match.id)
            found += 1
            status_total += 1
            status_right += match.status == g["status"]
            row.update(result="found", status=match.status, gold_status=g["status"])
            if g.get("date"):
                date_total += 1
                date_right += match.date.value == g["date"]
                if match.date.basis == "timex":  # dates the coder resolved from the text
                    resolved_total += 1
                    resolved_right += match.date.value == g["date"]
                row.update(date=match.date.value, gold_date=g["date"])
            rows.append(row)
        gold_spans = [(g["evidence"]["start"], g["evidence"]["end"]) for g in gold_events]
        for event in record.events:
            if event.id in used:
                continue
            near_gold = any(
                _overlap(event.trigger.start, event.trigger.end, s, e) for s, e in gold_spans
            )
            if not near_gold:
                extra += 1
                rows.append(
                    {
                        "result": "extra",
                        "type": event.type,
                        "status": event.status,
                        "evidence": record.text[event.evidence.start : event.evidence.end],
                    }
                )
    report.figures.update(
        {
            "gold_events": float(gold_total),
            "found": float(found),
            "extra": float(extra),
            "status_accuracy": status_right / status_total if status_total else 0.0,
            "date_accuracy": date_right / date_total if date_total else 0.0,
            "dates_scored": float(date_total),
            "resolved_date_accuracy": resolved_right / resolved_total if resolved_total else 0.0,
            "resolved_dates_scored": float(resolved_total),
        }
    )
    report.scores["events"] = PRF(tp=found, fp=extra, fn=gold_total - found)
    report.tables["events"] = rows
    report.notes.append(
        "Found = a predicted event whose trigger or evidence overlaps the gold evidence, with "
        "type (or folded PLOVER category) among the gold's accepted types and a source "
        "country in common; extra = predicted events away from every gold evidence span."
    )
    return report


def _seed_match(
    record: Record, start: int, end: int, kinds: set[str], countries: set[str], used: set[str]
) -> Event | None:
    by_id = {a.id: a for a in record.actors}
    best: tuple[int, Event] | None = None
    for event in record.events:
        if event.id in used or not ({event.type, event.plover} & kinds):
            continue
        on_trigger = _overlap(event.trigger.start, event.trigger.end, start, end)
        on_evidence = _overlap(event.evidence.start, event.evidence.end, start, end)
        if not (on_trigger or on_evidence):
            continue
        ours = {by_id[i].country for i in event.source if i in by_id} - {None}
        if countries and not ours & countries:
            continue
        rank = 0 if on_trigger else 1
        if best is None or rank < best[0]:
            best = (rank, event)
    return best[1] if best else None


# ---------------------------------------------------------------- entry point
def evaluate(gold: Path, options: EvalOptions) -> Report:
    path = gold_path(gold)
    fmt = detect_format(path)
    _ERRORS.clear()
    from dateline.events import component

    component.STRICT = True
    try:
        return _evaluate(path, fmt, options)
    finally:
        component.STRICT = False


def _evaluate(path: Path, fmt: str, options: EvalOptions) -> Report:
    if fmt == "petrarch":
        from dateline.evaluation import petrarch

        return petrarch.evaluate(path, options)
    if fmt == "plover":
        report = evaluate_plover(path, options)
    elif fmt == "conflibert":
        report = evaluate_conflibert(path, options)
    else:
        report = evaluate_seed(path, options)
    report.figures["articles_with_errors"] = float(len(_ERRORS))
    if _ERRORS:
        report.tables["article_errors"] = [{"error": e} for e in _ERRORS[:50]]
    return report


def main(argv: list[str] | None = None) -> None:
    """``python -m dateline.evaluation.events --gold FILE [--split dev|test] [--limit N]``."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, type=Path)
    parser.add_argument("--split", choices=("dev", "test"), default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", action="store_true", help="print the error table")
    args = parser.parse_args(argv)
    options = EvalOptions(limit=args.limit, extra={"split": args.split} if args.split else {})
    report = evaluate(args.gold, options)
    data = report.to_dict()
    if not args.errors:
        data["tables"] = {k: v for k, v in data["tables"].items() if k == "confusion"}
    sys.stdout.write(json.dumps(data, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
