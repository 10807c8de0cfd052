"""``dateline extract``: records for files, pages, feeds, JSONL dumps and directories."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import typer

from dateline.cli.main import EXIT_ARTICLE_FAILED, EXIT_OK, app, usage_error
from dateline.cli.progress import stderr_is_interactive, track
from dateline.ingest.readers import STDIN, count_articles, read_inputs
from dateline.pipeline import PipelineOptions
from dateline.record import Record
from dateline.scale import open_executor, resolve_scale
from dateline.scale.cli import DASK_ADDRESS, SCHEDULER, WORKERS

FORMATS = ("jsonl", "json")


@app.command()
def extract(
    inputs: list[Path] = typer.Argument(
        ...,
        help="Files or directories: .txt, .html, RSS/Atom feeds, .jsonl dumps; - for stdin.",
        show_default=False,
    ),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one per line) or json."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),
    published: str | None = typer.Option(
        None, "--published", help="Publication date (YYYY-MM-DD) for every input; overrides all."
    ),
    dictionary: list[Path] = typer.Option(
        [], "--dictionary", help="PETRARCH/CAMEO dictionary file (repeatable)."
    ),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per spaCy batch."),
    max_chars: int = typer.Option(
        1_000_000, "--max-chars", min=1, help="Longer articles get error E003 (never truncated)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    workers: int = WORKERS,
    scheduler: str | None = SCHEDULER,
    dask_address: str | None = DASK_ADDRESS,
) -> None:
    """Extract one dateline/1 record per article, in input order, ids echoed.

    Exit code 0 when every article was processed, 1 when some article's record
    carries an error, 2 on a usage error.
    """
    if format not in FORMATS:
        usage_error(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    missing = [str(p) for p in [*inputs, *dictionary] if str(p) != STDIN and not p.exists()]
    if missing:
        usage_error(f"no such file or directory: {', '.join(missing)}")
    date = None
    if published is not None:
        date = caller_date(published)
        if date is None:
            usage_error(f"--published is not a date: {published!r} (expected YYYY-MM-DD)")
    if out is not None and out.is_dir():
        usage_error(f"--out is a directory: {out}")
    try:
        scale = resolve_scale(workers=workers, scheduler=scheduler, dask_address=dask_address)
    except ValueError as exc:
        usage_error(str(exc))

    options = PipelineOptions(
        batch_size=batch_size,
        max_chars=max_chars,
        dictionaries=tuple(str(p) for p in dictionary),
    )
    articles = read_inputs(inputs, published=date, max_chars=max_chars)
    # Records printed on the same terminal would tear the bar apart: show it only
    # when records go to a file or a pipe.
    show_progress = not quiet and stderr_is_interactive() and (out is not None or not _stdout_tty())
    total = count_articles(inputs) if show_progress else None
    errors: Counter[str] = Counter()
    # Serial runs Pipeline.pipe in this process; other schedulers stream the same
    # records, in input order, from worker processes (see dateline.scale).
    with open_executor(options, scale) as executor:
        records = track(executor.map(articles), total=total, enabled=show_progress)
        with _open_output(out) as stream:
            count = write_records(_tally(records, errors), stream, format)
    if not quiet:
        _summary(count, errors, out)
    raise typer.Exit(EXIT_ARTICLE_FAILED if errors else EXIT_OK)


def caller_date(value: str) -> str | None:
    """``YYYY-MM-DD`` (an ISO date-time is accepted and cut to its date), else None.

    Stricter than dates read from files: a typo on the command line would otherwise
    anchor every relative date of a batch to a wrong day.
    """
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def write_records(records: Iterable[Record], stream: TextIO, format: str) -> int:
    """Write records as JSONL or as one JSON array (streamed either way); return the count."""
    count = 0
    if format == "json":
        stream.write("[")
    for record in records:
        if format == "json":
            stream.write(",\n" if count else "\n")
            stream.write(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))
        else:
            stream.write(record.to_json() + "\n")
        count += 1
    if format == "json":
        stream.write("\n]\n" if count else "]\n")
    return count


def _stdout_tty() -> bool:
    return sys.stdout.isatty()


def _tally(records: Iterable[Record], errors: Counter[str]) -> Iterator[Record]:
    for record in records:
        if record.error:
            errors[record.error.split(":", 1)[0]] += 1
        yield record


@contextmanager
def _open_output(out: Path | None) -> Iterator[TextIO]:
    if out is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as stream:
        yield stream


def _summary(count: int, errors: Counter[str], out: Path | None) -> None:
    where = f" to {out}" if out else ""
    failed = sum(errors.values())
    detail = ", ".join(f"{code} x{n}" for code, n in sorted(errors.items()))
    line = f"dateline: {count:,} records{where}; {failed:,} with errors"
    sys.stderr.write(line + (f" ({detail})" if detail else "") + "\n")
