"""How much the time stage adds to spaCy's parse time, on real news articles.

    .venv/bin/python bench/time_stage.py [--limit N] [--corpus PATH]

Parses N articles with the base spaCy model (the baseline), then runs
``dateline_time_v1`` on the same Docs, in the same run, and prints the ratio
(time stage / parse). The target is at most 0.10.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from dateline.nlp.loader import load_base_model
from dateline.pipeline import parse_date
from dateline.time.component import TimeStage

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "news" / "corpus.jsonl"


def read_articles(path: Path, limit: int) -> list[dict[str, object]]:
    articles: list[dict[str, object]] = []
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
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    articles = read_articles(args.corpus, args.limit)
    nlp = load_base_model()
    stage = TimeStage(nlp, "dateline_time_v1")  # built (patterns compiled) outside the timing

    t0 = time.perf_counter()
    docs = list(nlp.pipe((str(a["text"]) for a in articles), batch_size=16))
    parse_seconds = time.perf_counter() - t0

    for doc, article in zip(docs, articles, strict=True):
        doc._.published = parse_date(article.get("published"))
    t0 = time.perf_counter()
    n_timexes = 0
    for doc in docs:
        n_timexes += len(stage(doc)._.timexes)
    time_seconds = time.perf_counter() - t0

    words = sum(len(d) for d in docs)
    ratio = time_seconds / parse_seconds if parse_seconds else float("inf")
    print(f"articles: {len(docs)}  tokens: {words}  timexes: {n_timexes}")
    print(f"spaCy parse: {parse_seconds:.2f} s   time stage: {time_seconds:.3f} s")
    print(f"ratio (time stage / parse): {ratio:.3f}  (target <= 0.10)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
