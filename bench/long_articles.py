"""How the dateline stages scale with article length: per-stage seconds on long texts.

    .venv/bin/python bench/long_articles.py [--corpus PATH] [--sizes 25000,50000,...]
                                            [--profile STAGE]

Each long "article" is built in memory by concatenating consecutive corpus articles
(distinct ones, so names, quotes and dates vary as in a real long text) until it reaches
the size. It is parsed once with the base spaCy model (timed, the linear baseline), then
the four dateline stages run on the Doc in pipeline order, each timed. Last, the time per
character of each stage at the largest size is divided by that at the smallest: near 1
means linear cost; a quadratic stage shows a ratio near largest/smallest (8 for
200k/25k). With ``--profile STAGE`` that stage runs under cProfile at the largest size
and the top functions by cumulative time are printed.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

import dateline.pipeline
from dateline.nlp.loader import load_base_model
from dateline.pipeline import STAGES

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "news" / "corpus.jsonl"
DEFAULT_SIZES = (25_000, 50_000, 100_000, 200_000)
PUBLISHED = "2024-06-01"


def long_text(path: Path, size: int) -> str:
    """Consecutive corpus articles joined by blank lines, at least ``size`` characters."""
    parts: list[str] = []
    total = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            text = json.loads(line).get("text")
            if not text:
                continue
            parts.append(text.strip())
            total += len(text) + 2
            if total >= size:
                break
    return "\n\n".join(parts)[:size]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES))
    parser.add_argument("--profile", choices=[s.split("_")[1] for s in STAGES], default=None)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",")]
    nlp = load_base_model()
    stages = [(name.split("_")[1], nlp.create_pipe(name)) for name in STAGES]
    published = dateline.pipeline.parse_date(PUBLISHED)
    warm = nlp(long_text(args.corpus, 5_000))  # lexicons and tables load untimed
    warm._.published = published
    for _, stage in stages:
        warm = stage(warm)

    names = ["parse", *(short for short, _ in stages)]
    print(f"{'chars':>8} " + " ".join(f"{n:>8}" for n in names) + "   (seconds)")
    per_char: dict[int, dict[str, float]] = {}
    for size in sizes:
        text = long_text(args.corpus, size)
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        t0 = time.perf_counter()
        doc = nlp(text)
        seconds = {"parse": time.perf_counter() - t0}
        doc._.published = published
        for short, stage in stages:
            profiler = cProfile.Profile() if args.profile == short and size == sizes[-1] else None
            t0 = time.perf_counter()
            if profiler is not None:
                profiler.enable()
            doc = stage(doc)
            if profiler is not None:
                profiler.disable()
            seconds[short] = time.perf_counter() - t0
            if profiler is not None:
                pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
        print(f"{len(text):>8} " + " ".join(f"{seconds[n]:>8.2f}" for n in names), flush=True)
        per_char[size] = {n: seconds[n] / len(text) for n in names}
        errors = list(doc._.stage_errors)
        if errors:
            print(f"  stage errors: {errors}", file=sys.stderr)

    small, large = sizes[0], sizes[-1]
    print(f"\ntime per character at {large} / at {small} (1 = linear):")
    for n in [*names, "stages"]:
        if n == "stages":
            a = sum(per_char[large][s] for s in names[1:])
            b = sum(per_char[small][s] for s in names[1:])
        else:
            a, b = per_char[large][n], per_char[small][n]
        print(f"  {n:>8}: {a / b if b else float('nan'):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
