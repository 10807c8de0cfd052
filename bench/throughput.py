"""Throughput of the full dateline pipeline against spaCy alone, in the same run.

    python bench/throughput.py [CORPUS.jsonl] [--n 200] [--batch-size 16] [--json]

Both measurements use the same first N articles of the corpus (default
``../shared/data/news/corpus.jsonl``) and the same loaded model, after a warm-up
that triggers lazy loading (knowledge bases, dictionaries). Reported: articles/s
and tokens/s of each, their ratio, and each dateline stage's share of the stage
time (measured by running the stages one by one on the spaCy docs).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import sys
import time
from pathlib import Path

from dateline.ingest.readers import read_inputs
from dateline.pipeline import Pipeline, PipelineOptions

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "corpus.jsonl"
WARM_UP = 8


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=200, help="articles to time (default 200)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    started = time.perf_counter()
    pipeline = Pipeline(PipelineOptions(batch_size=args.batch_size))
    load_seconds = time.perf_counter() - started
    articles = list(itertools.islice(read_inputs([args.corpus]), WARM_UP + args.n))
    warm_up, timed = articles[:WARM_UP], articles[WARM_UP:]
    started = time.perf_counter()
    list(pipeline.pipe(warm_up))
    warm_seconds = time.perf_counter() - started

    # spaCy alone: the model's own components on the same texts, same batching.
    nlp = pipeline.nlp
    own = [name for name in nlp.pipe_names if name.startswith("dateline_")]
    texts = [a.text or "" for a in timed]
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=args.batch_size, disable=own))
    spacy_seconds = time.perf_counter() - started
    tokens = sum(len(doc) for doc in docs)

    # The whole pipeline: checks, parse, stages, records.
    started = time.perf_counter()
    records = list(pipeline.pipe(timed))
    full_seconds = time.perf_counter() - started
    failed = sum(1 for r in records if r.error)

    # Per-stage time, on the docs parsed above (stage time only, no re-parse).
    stage_seconds = dict.fromkeys(pipeline.stage_names, 0.0)
    for doc, article in zip(docs, timed, strict=True):
        prepared = pipeline._prepare(article)  # the published date as the pipeline sees it
        doc._.published = prepared.published
        doc._.article = article
        for name in pipeline.stage_names:
            component = nlp.get_pipe(name)
            t0 = time.perf_counter()
            # A stage failing on an article is that article's error, as in the pipeline.
            with contextlib.suppress(Exception):
                doc = component(doc)
            stage_seconds[name] += time.perf_counter() - t0
    stages_total = sum(stage_seconds.values()) or 1.0

    n = len(timed)
    result = {
        "corpus": str(args.corpus),
        "articles": n,
        "tokens": tokens,
        "model": f"{pipeline.model.name} {pipeline.model.version}",
        "load_seconds": round(load_seconds, 2),
        "warm_up_seconds": round(warm_seconds, 2),
        "spacy": {
            "seconds": round(spacy_seconds, 2),
            "articles_per_s": round(n / spacy_seconds, 2),
            "tokens_per_s": round(tokens / spacy_seconds, 1),
        },
        "dateline": {
            "seconds": round(full_seconds, 2),
            "articles_per_s": round(n / full_seconds, 2),
            "tokens_per_s": round(tokens / full_seconds, 1),
            "records_with_error": failed,
        },
        "ratio_dateline_to_spacy_time": round(full_seconds / spacy_seconds, 2),
        "stage_seconds": {k: round(v, 2) for k, v in stage_seconds.items()},
        "stage_share": {k: round(v / stages_total, 3) for k, v in stage_seconds.items()},
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{n} articles, {tokens:,} tokens, model {result['model']}")
    print(f"  model load {load_seconds:.1f}s, warm-up ({WARM_UP} articles) {warm_seconds:.1f}s")
    print(
        f"  spaCy alone : {spacy_seconds:7.2f}s  {n / spacy_seconds:7.2f} art/s  "
        f"{tokens / spacy_seconds:9,.0f} tok/s"
    )
    print(
        f"  dateline    : {full_seconds:7.2f}s  {n / full_seconds:7.2f} art/s  "
        f"{tokens / full_seconds:9,.0f} tok/s  ({failed} error records)"
    )
    print(f"  dateline / spaCy time: {full_seconds / spacy_seconds:.2f}x")
    for name, seconds in stage_seconds.items():
        print(f"    {name:28s} {seconds:7.2f}s  {seconds / stages_total:6.1%} of stage time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
