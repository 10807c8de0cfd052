"""``dateline ingest | query | export | aggregate``: the corpus store on the command line."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any, cast

import typer

from dateline.cli.main import EXIT_ARTICLE_FAILED, EXIT_OK, app, usage_error
from dateline.corpus.query import SUMMARY_COLUMNS, Filters, Table
from dateline.scale.cli import DASK_ADDRESS, SCHEDULER, WORKERS
from dateline.scale.options import resolve_scale

STAGE_ALIASES = {
    "time": "dateline_time_v1",
    "actors": "dateline_actors_v1",
    "quotes": "dateline_quotes_v1",
    "events": "dateline_events_v1",
}
SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".csv": "csv",
    ".tsv": "gdelt",
    ".gdelt": "gdelt",
}

DB_OPTION = typer.Option(..., "--db", help="DuckDB file of the corpus.")
ACTOR = typer.Option(None, "--actor", help="Actor name (substring), CAMEO code or KB id.")
COUNTRY = typer.Option(None, "--country", help="ISO alpha-3 of an actor or the place.")
SOURCE_COUNTRY = typer.Option(None, "--source-country", help="ISO alpha-3 of the source actor.")
TARGET_COUNTRY = typer.Option(None, "--target-country", help="ISO alpha-3 of the target actor.")
TYPE = typer.Option(None, "--type", help="PLOVER type(s), comma-separated.")
STATUS = typer.Option(None, "--status", help="occurred, planned, ... (comma-separated).")
SINCE = typer.Option(None, "--since", help="From this date (YYYY-MM-DD), inclusive.")
UNTIL = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD), inclusive.")
TEXT = typer.Option(None, "--text", help="Substring of the evidence sentence.")
DATE = typer.Option("event", "--date", help="Count by 'event' date or 'published' date.")
MERGED = typer.Option(
    False, "--merged", help="One row per merged event (many reports), not per report."
)


def _stages(value: str) -> tuple[str, ...]:
    from dateline.pipeline import STAGES

    if value == "all":
        return STAGES
    if value == "none":
        return ()
    names = [v.strip() for v in value.split(",") if v.strip()]
    stages = tuple(STAGE_ALIASES.get(n, n) for n in names)
    unknown = [s for s in stages if s not in STAGES]
    if unknown:
        usage_error(
            f"--stages: unknown stage(s) {', '.join(unknown)}; use all, none or "
            f"{', '.join(STAGE_ALIASES)}"
        )
    return stages


def _filters(**values: Any) -> Filters:
    date = values.pop("date", "event")
    if date not in ("event", "published"):
        usage_error(f"--date must be 'event' or 'published', not {date!r}")
    for name in ("since", "until"):
        if values.get(name):
            from dateline.corpus.keys import normalize_published

            parsed = normalize_published(values[name])
            if not parsed:
                usage_error(f"--{name} is not a date: {values[name]!r}")
            values[name] = parsed
    return Filters(date_field=cast(Any, date), **values)


def _existing_db(db: Path) -> Path:
    if not db.exists():
        usage_error(f"no such database: {db} (create it with 'dateline ingest ... --db {db}')")
    return db


def _format_for(out: Path, given: str | None) -> Any:
    from dateline.corpus.export import FORMATS

    fmt = given or SUFFIX_FORMATS.get(out.suffix.lower())
    if fmt not in FORMATS:
        usage_error(f"--format must be one of {', '.join(FORMATS)} (or use a known suffix)")
    return cast(Any, fmt)


@app.command()
def ingest(
    inputs: list[Path] = typer.Argument(
        ..., help="Files or directories to ingest.", show_default=False
    ),
    db: Path = DB_OPTION,
    records: bool = typer.Option(
        False, "--records", help="Inputs are JSONL records from 'dateline extract' (no NLP)."
    ),
    published: str | None = typer.Option(None, "--published", help="Date for every input."),
    stages: str = typer.Option(
        "all", "--stages", help="all, none (parse only), or e.g. time,actors."
    ),
    model: str | None = typer.Option(None, "--model", help="spaCy model name (e.g. blank:en)."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per transaction."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", min=1),
    dictionary: list[Path] = typer.Option([], "--dictionary", help="PETRARCH dictionary file."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="A line per committed batch."),
    verify: bool = typer.Option(
        False, "--verify", help="Check the tables' row counts against the stored records."
    ),
    workers: int = WORKERS,
    scheduler: str | None = SCHEDULER,
    dask_address: str | None = DASK_ADDRESS,
) -> None:
    """Store articles and their records in a DuckDB corpus (idempotent, incremental).

    Articles already stored (same text, date and source) are skipped before any NLP;
    each batch is committed as one transaction, so an interrupted run can simply be
    run again.
    """
    from dateline.corpus.ingest import IngestStats, ingest_articles, ingest_records
    from dateline.corpus.sources import read_articles, read_records
    from dateline.corpus.store import CorpusStore

    missing = [str(p) for p in [*inputs, *dictionary] if not p.exists()]
    if missing:
        usage_error(f"no such file or directory: {', '.join(missing)}")
    stage_names = _stages(stages)
    try:
        scale = resolve_scale(workers=workers, scheduler=scheduler, dask_address=dask_address)
    except ValueError as exc:
        usage_error(str(exc))
    date = None
    if published is not None:
        from dateline.corpus.keys import normalize_published

        date = normalize_published(published) or usage_error(
            f"--published is not a date: {published!r}"
        )

    # Workers only produce records; this process alone writes to DuckDB (a single
    # writer), one transaction per batch, exactly as in a serial run.
    executors = ExitStack()

    def make_records() -> Any:
        from dateline.pipeline import PipelineOptions
        from dateline.scale import open_executor

        options = PipelineOptions(
            model=model,
            stages=stage_names,
            batch_size=min(batch_size, 16),
            max_chars=max_chars,
            dictionaries=tuple(str(p) for p in dictionary),
        )
        executor = open_executor(options, scale)
        executors.callback(executor.close)
        return lambda articles: (r.to_dict() for r in executor.map(articles))

    def report(stats: IngestStats) -> None:
        if verbose:
            sys.stderr.write(f"batch {stats.batches} committed: {stats.stored} stored\n")
            sys.stderr.flush()

    with executors, CorpusStore(db) as store:
        if records:
            stats = ingest_records(
                store, read_records(inputs), batch_size=batch_size, progress=report
            )
        else:
            articles = read_articles(inputs, published=date, max_chars=max_chars)
            stats = ingest_articles(
                store, articles, make_records, batch_size=batch_size, progress=report
            )
        counts = store.counts()
        mismatches = {}
        if verify:
            checked = store.verify()
            mismatches = {t: pair for t, pair in checked.items() if pair[0] != pair[1]}
    if verify:
        if mismatches:
            sys.stderr.write(f"verify: MISMATCH (records, rows): {mismatches}\n")
        else:
            sys.stderr.write(f"verify: every table matches the records ({checked})\n")
    if not quiet:
        sys.stderr.write(
            f"{stats.seen} read, {stats.stored} stored, {stats.skipped} already stored, "
            f"{stats.failed} with errors; database: {counts['articles']} articles, "
            f"{counts['events']} events, {counts['event_clusters']} merged events\n"
        )
        for line in stats.errors[:5]:
            sys.stderr.write(f"  {line}\n")
    raise typer.Exit(EXIT_ARTICLE_FAILED if stats.failed or mismatches else EXIT_OK)


def _print_table(frame: Any, title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in frame.columns:
        table.add_column(str(column), overflow="fold")
    for row in frame.itertuples(index=False):
        table.add_row(*(_cell(v) for v in row))
    Console().print(table)


def _cell(value: Any) -> str:
    if _is_missing(value):
        return ""
    if (
        hasattr(value, "isoformat")
        and hasattr(value, "hour")
        and not (value.hour or value.minute or value.second)
    ):
        return str(value.date().isoformat())  # pandas gives DATE columns a midnight
    if isinstance(value, float):
        return f"{value:.2f}"
    text = str(value)
    # Long sentences are cut so the other columns keep their width on a terminal.
    return text if len(text) <= 60 else text[:59] + "…"


def _is_missing(value: Any) -> bool:
    try:
        return value is None or bool(value != value)
    except (TypeError, ValueError):
        return False


@app.command()
def query(
    db: Path = DB_OPTION,
    actor: str | None = ACTOR,
    country: str | None = COUNTRY,
    source_country: str | None = SOURCE_COUNTRY,
    target_country: str | None = TARGET_COUNTRY,
    type: str | None = TYPE,
    status: str | None = STATUS,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    text: str | None = TEXT,
    date: str = DATE,
    merged: bool = MERGED,
    limit: int = typer.Option(50, "--limit", min=1, help="Rows printed (files get all)."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write all matches to a file."),
    format: str | None = typer.Option(None, "--format", help="jsonl, parquet, csv or gdelt."),
) -> None:
    """Events matching the filters: a table on the terminal, or a file with --out."""
    from dateline.corpus.export import export
    from dateline.corpus.query import query as run_query
    from dateline.corpus.store import CorpusStore

    filters = _filters(
        actor=actor,
        country=country,
        source_country=source_country,
        target_country=target_country,
        type=type,
        status=status,
        since=since,
        until=until,
        text=text,
        date=date,
    )
    table: Table = "clusters" if merged else "events"
    with CorpusStore(_existing_db(db), read_only=True) as store:
        if out is not None:
            count = export(
                store,
                out,
                fmt=_format_for(out, format),
                what=table,
                filters=filters,
            )
            sys.stderr.write(f"{count} rows written to {out}\n")
            return
        frame = run_query(store, filters, table=table, limit=limit, columns=SUMMARY_COLUMNS[table])
    _print_table(frame, f"{len(frame)} {'merged events' if merged else 'events'} (limit {limit})")


@app.command("export")
def export_cmd(
    db: Path = DB_OPTION,
    out: Path = typer.Option(..., "--out", "-o", help="Output file."),
    format: str | None = typer.Option(
        None, "--format", help="jsonl, parquet, csv or gdelt (default: from the suffix)."
    ),
    what: str | None = typer.Option(
        None,
        "--what",
        help="events, clusters (merged events), records, articles, actors, quotes, timexes. "
        "Default: events; clusters for gdelt.",
    ),
    actor: str | None = ACTOR,
    country: str | None = COUNTRY,
    source_country: str | None = SOURCE_COUNTRY,
    target_country: str | None = TARGET_COUNTRY,
    type: str | None = TYPE,
    status: str | None = STATUS,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    text: str | None = TEXT,
    date: str = DATE,
) -> None:
    """Write the corpus (or a filtered part) as JSONL, Parquet, CSV or the GDELT 2.0 table."""
    from dateline.corpus.export import WHATS, export
    from dateline.corpus.store import CorpusStore

    fmt = _format_for(out, format)
    chosen = what or ("clusters" if fmt == "gdelt" else "events")
    if chosen not in WHATS:
        usage_error(f"--what must be one of {', '.join(WHATS)}")
    if chosen == "records" and fmt != "jsonl":
        usage_error("--what records is written as jsonl only")
    filters = _filters(
        actor=actor,
        country=country,
        source_country=source_country,
        target_country=target_country,
        type=type,
        status=status,
        since=since,
        until=until,
        text=text,
        date=date,
    )
    with CorpusStore(_existing_db(db), read_only=True) as store:
        count = export(store, out, fmt=fmt, what=cast(Any, chosen), filters=filters)
    sys.stderr.write(f"{count} rows written to {out}\n")


@app.command("aggregate")
def aggregate_cmd(
    db: Path = DB_OPTION,
    period: str = typer.Option("day", "--period", help="day, week, month or year."),
    dyad: str = typer.Option("country", "--dyad", help="country, actor, code or none."),
    by_type: bool = typer.Option(False, "--by-type", help="One row per PLOVER type too."),
    actor: str | None = ACTOR,
    country: str | None = COUNTRY,
    source_country: str | None = SOURCE_COUNTRY,
    target_country: str | None = TARGET_COUNTRY,
    type: str | None = TYPE,
    status: str | None = STATUS,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    date: str = DATE,
    merged: bool = MERGED,
    out: Path | None = typer.Option(None, "--out", "-o", help="Write CSV/Parquet/JSONL here."),
    limit: int = typer.Option(50, "--limit", min=1, help="Rows printed."),
) -> None:
    """Counts by dyad and period, Goldstein sums and means, QuadClass counts."""
    from dateline.corpus.aggregate import aggregate
    from dateline.corpus.store import CorpusStore

    if period not in ("day", "week", "month", "year"):
        usage_error("--period must be day, week, month or year")
    if dyad not in ("country", "actor", "code", "none"):
        usage_error("--dyad must be country, actor, code or none")
    filters = _filters(
        actor=actor,
        country=country,
        source_country=source_country,
        target_country=target_country,
        type=type,
        status=status,
        since=since,
        until=until,
        text=None,
        date=date,
    )
    with CorpusStore(_existing_db(db), read_only=True) as store:
        frame = aggregate(
            store,
            period=cast(Any, period),
            dyad=cast(Any, dyad),
            by_type=by_type,
            table="clusters" if merged else "events",
            date_field=filters.date_field,
            filters=filters,
        )
    if out is None:
        _print_table(frame.head(limit), f"{len(frame)} rows (showing up to {limit})")
        return
    suffix = out.suffix.lower()
    if suffix == ".parquet":
        frame.to_parquet(out, index=False)
    elif suffix in (".jsonl", ".json"):
        frame.to_json(out, orient="records", lines=True, date_format="iso")
    else:
        frame.to_csv(out, index=False)
    sys.stderr.write(f"{len(frame)} rows written to {out}\n")
