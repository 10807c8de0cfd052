"""How much the events stage adds to spaCy's parse time, on real news articles.

    .venv/bin/python bench/events_stage.py [--limit N] [--corpus PATH] [--alone]

Parses N articles with the base spaCy model (the baseline), runs the earlier dateline
stages (time, actors, quotes) on the Docs untimed, so that the events stage sees what it
sees in the pipeline, then times ``dateline_events_v1`` on the same Docs, in the same
run, and prints the ratio (events stage / parse). The target is at most 0.20.
With ``--alone`` the earlier stages are skipped (participants then come from the
events stage's own fallback, its slowest path).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import dateline.pipeline  # noqa: F401  (registers the stage factories)
from dateline.events.component import EventsStage
from dateline.nlp.loader import load_base_model
from dateline.pipeline import parse_date

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "news" / "corpus.jsonl"
EARLIER_STAGES = ("dateline_time_v1", "dateline_actors_v1", "dateline_quotes_v1")


def read_articles(path: Path, limit: int) -> list[dict[str, Any]]:
    articles: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            obj = json.loads(line)
            if obj.get("text"):
                articles.append(obj)
            if len(articles) >= limit:
                break
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--alone", action="store_true", help="skip the earlier stages")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    articles = read_articles(args.corpus, args.limit)
    nlp = load_base_model()
    stage = EventsStage(nlp, "dateline_events_v1", [])  # lexicons loaded outside the timing
    earlier = [] if args.alone else [nlp.create_pipe(name) for name in EARLIER_STAGES]

    t0 = time.perf_counter()
    docs = list(nlp.pipe((str(a["text"]) for a in articles), batch_size=16))
    parse_seconds = time.perf_counter() - t0

    for doc, article in zip(docs, articles, strict=True):
        doc._.published = parse_date(article.get("published"))
        for component in earlier:
            try:
                component(doc)
            except Exception as exc:  # a bug elsewhere must not stop the benchmark
                print(f"earlier stage failed: {exc}", file=sys.stderr)
    stage(docs[0])  # warm-up: lazy tables
    t0 = time.perf_counter()
    n_events = 0
    for doc in docs:
        n_events += len(stage(doc)._.events)
    events_seconds = time.perf_counter() - t0

    words = sum(len(d) for d in docs)
    ratio = events_seconds / parse_seconds if parse_seconds else float("inf")
    print(f"articles: {len(docs)}  tokens: {words}  events: {n_events}")
    print(f"spaCy parse: {parse_seconds:.2f} s   events stage: {events_seconds:.3f} s")
    print(f"ratio (events stage / parse): {ratio:.3f}  (target <= 0.20)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
