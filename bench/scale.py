"""Throughput of the scale-out back-ends against the serial pipeline, in the same run.

    python bench/scale.py [CORPUS.jsonl] [--n 80] [--workers 2] [--json]
        [--schedulers serial,processes,dask]

Each back-end runs in a fresh child process of this script (so the driver's peak
RSS is its own), on the same first N articles of the corpus (default
``../shared/data/news/corpus.jsonl``). Start-up (pool or cluster, every worker's
pipeline built and warmed up on one article) is timed apart from the batch, and
reported: articles/s of the batch and its ratio to serial, CPU seconds per
article (driver and workers together) and its ratio to serial, wall time
including start-up, the driver's peak RSS, and whether the records are
byte-identical to the serial ones (SHA-256 of the JSONL).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "corpus.jsonl"
SCHEDULERS = ("serial", "processes", "dask")


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and its live descendants (the workers)."""
    import psutil

    total = 0.0
    me = psutil.Process()
    for process in [me, *me.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.Error:  # a process that ended meanwhile
            continue
        total += times.user + times.system
    return total


def run_one(corpus: Path, n: int, scheduler: str, workers: int, batch_size: int) -> dict[str, Any]:
    """One back-end, in this process (the child)."""
    from dateline.ingest.readers import read_inputs
    from dateline.pipeline import PipelineOptions
    from dateline.scale import open_executor, resolve_scale
    from dateline.scale.worker import get_pipeline

    pipeline = PipelineOptions(batch_size=batch_size)
    width = 1 if scheduler == "serial" else workers
    scale = resolve_scale(workers=width, scheduler=scheduler, dask_address=None)
    started = time.perf_counter()
    with open_executor(pipeline, scale) as executor:
        if scheduler == "serial":  # the same warm-up the workers get
            from dateline.scale.worker import WARM_UP_ARTICLE

            get_pipeline(pipeline).process(WARM_UP_ARTICLE)
        startup = time.perf_counter() - started
        articles = itertools.islice(read_inputs([corpus]), n)
        digest = hashlib.sha256()
        count = failed = 0
        cpu0 = cpu_seconds()
        t0 = time.perf_counter()
        for record in executor.map(articles):
            digest.update(record.to_json().encode() + b"\n")
            count += 1
            failed += bool(record.error)
        seconds = time.perf_counter() - t0
        cpu = cpu_seconds() - cpu0
    total = time.perf_counter() - started
    return {
        "scheduler": scheduler,
        "workers": scale.workers,
        "articles": count,
        "error_records": failed,
        "startup_seconds": round(startup, 2),
        "seconds": round(seconds, 2),
        "articles_per_s": round(count / seconds, 3) if seconds else None,
        "wall_seconds_with_startup": round(total, 2),
        "cpu_seconds": round(cpu, 2),
        "cpu_seconds_per_article": round(cpu / count, 3) if count else None,
        "driver_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "sha256": digest.hexdigest(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=80, help="articles to time (default 80)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--schedulers", default=",".join(SCHEDULERS))
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--child", choices=SCHEDULERS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    if args.child:
        result = run_one(args.corpus, args.n, args.child, args.workers, args.batch_size)
        print(json.dumps(result))
        return 0

    schedulers = [s.strip() for s in args.schedulers.split(",") if s.strip()]
    unknown = [s for s in schedulers if s not in SCHEDULERS]
    if unknown:
        print(f"unknown scheduler(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    results = []
    for scheduler in schedulers:
        command = [
            sys.executable,
            __file__,
            str(args.corpus),
            "--n",
            str(args.n),
            "--workers",
            str(args.workers),
            "--batch-size",
            str(args.batch_size),
            "--child",
            scheduler,
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=3600, check=False)
        if done.returncode != 0:
            print(f"{scheduler} failed:\n{done.stderr}", file=sys.stderr)
            return 1
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))

    base = next((r for r in results if r["scheduler"] == "serial"), results[0])
    for result in results:
        result["ratio_to_serial"] = round(result["articles_per_s"] / base["articles_per_s"], 2)
        result["identical_to_serial"] = result["sha256"] == base["sha256"]
        # CPU per article against serial: what the back-end costs beyond the work
        # itself, little disturbed by other jobs competing for the cores.
        result["cpu_ratio_to_serial"] = round(
            result["cpu_seconds_per_article"] / base["cpu_seconds_per_article"], 2
        )
    if args.json:
        print(json.dumps({"corpus": str(args.corpus), "results": results}, indent=2))
        return 0
    print(f"{base['articles']} articles of {args.corpus}, {args.workers} workers")
    print(
        f"  {'scheduler':10s} {'start-up':>9s} {'batch':>8s} {'art/s':>7s} {'ratio':>6s} "
        f"{'CPU s/art':>9s} {'ratio':>6s} {'driver RSS':>11s}  identical"
    )
    for r in results:
        print(
            f"  {r['scheduler']:10s} {r['startup_seconds']:8.1f}s {r['seconds']:7.1f}s "
            f"{r['articles_per_s']:7.2f} {r['ratio_to_serial']:5.2f}x "
            f"{r['cpu_seconds_per_article']:9.3f} {r['cpu_ratio_to_serial']:5.2f}x "
            f"{r['driver_peak_rss_mb']:8.0f} MB  {r['identical_to_serial']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
