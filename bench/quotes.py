"""Quote extraction: dateline against textacy on the same articles, in one run.

    .venv/bin/python bench/quotes.py [--gold PATH] [--limit N]

Parses the gold articles once with the base spaCy model (the baseline time), then
runs dateline's quotes stage and textacy's ``direct_quotations`` on the same Docs
and scores both with dateline's quote metrics (DESIGN.md section 5). Prints, for
each: quote P/R/F1 at 0.3 and 0.8 overlap, speaker accuracy, exact-span F1 for
content and source, articles on which the extractor raised, and seconds (with the
ratio to parse time). textacy is a development dependency (the ``dev`` extra);
without it the textacy rows are skipped with a message.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from spacy.tokens import Doc

from dateline.evaluation.quotes import GoldDoc, QuoteScores, load_gold
from dateline.nlp.loader import load_base_model
from dateline.quotes.component import QuotesStage
from dateline.record import Quote, TextSpan

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "data" / "quotes" / "polnear_dev.jsonl"

Extractor = Callable[[Doc], list[Quote]]


def textacy_extractor() -> Extractor | None:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None

    def extract(doc: Doc) -> list[Quote]:
        quotes: list[Quote] = []
        for number, triple in enumerate(direct_quotations(doc), start=1):
            content = triple.content
            speaker = triple.speaker
            mention = (
                TextSpan(
                    speaker[0].idx,
                    speaker[-1].idx + len(speaker[-1]),
                    doc.text[speaker[0].idx : speaker[-1].idx + len(speaker[-1])],
                )
                if speaker
                else None
            )
            quotes.append(
                Quote(
                    id=f"q{number}",
                    start=content.start_char,
                    end=content.end_char,
                    text=content.text,
                    kind="direct",
                    speaker_mention=mention,
                )
            )
        return quotes

    return extract


def dateline_extractor() -> Extractor:
    stage = QuotesStage(load_base_model(), "dateline_quotes_v1")

    def extract(doc: Doc) -> list[Quote]:
        return list(stage(doc)._.quotes)

    return extract


def run(name: str, extract: Extractor, gold: Sequence[GoldDoc], docs: Sequence[Doc]) -> None:
    scores = QuoteScores()
    failures = 0
    start = time.perf_counter()
    for doc, gold_doc in zip(docs, gold, strict=True):
        try:
            predicted = extract(doc)
        except Exception:  # the baseline raises on unbalanced quote marks
            failures += 1
            predicted = []
        scores.add_document(gold_doc, predicted)
    seconds = time.perf_counter() - start
    report = scores.report(name, len(gold))
    row = {
        "F1@0.3": report.scores["quote@0.3"].f1,
        "P@0.3": report.scores["quote@0.3"].precision,
        "R@0.3": report.scores["quote@0.3"].recall,
        "F1@0.8": report.scores["quote@0.8"].f1,
        "speaker_acc": report.figures["speaker_accuracy"],
        "content_exact_F1": report.scores["content_exact"].f1,
        "source_exact_F1": report.scores["source_exact"].f1,
    }
    cells = "  ".join(f"{k} {v:.3f}" for k, v in row.items())
    print(f"{name:9s} {cells}  raised_on {failures}/{len(gold)}  seconds {seconds:.2f}", end="")
    print(f"  ({seconds / PARSE_SECONDS[0]:.2f} x parse)" if PARSE_SECONDS else "")


PARSE_SECONDS: list[float] = []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    gold = load_gold(args.gold, args.limit)
    nlp = load_base_model()
    start = time.perf_counter()
    docs = list(nlp.pipe((g.text for g in gold), batch_size=16))
    PARSE_SECONDS.append(time.perf_counter() - start)
    print(f"{len(gold)} articles from {args.gold.name}; spaCy parse {PARSE_SECONDS[0]:.2f} s")
    run("dateline", dateline_extractor(), gold, docs)
    baseline = textacy_extractor()
    if baseline is None:
        print("textacy  skipped: not installed (pip install -e '.[dev]')")
    else:
        run("textacy", baseline, gold, docs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
