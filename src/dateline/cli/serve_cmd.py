"""``dateline serve``: the HTTP API and the dashboard (see docs/api.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from dateline.cli.main import app, usage_error


@app.command()
def serve(
    db: Path | None = typer.Option(
        None,
        "--db",
        help="DuckDB corpus (opened read-only). Without it only extraction is served.",
    ),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="TCP port."),
    max_chars: int = typer.Option(
        100_000, "--max-chars", min=1, help="Longest article text /v1/extract parses."
    ),
    max_batch: int = typer.Option(32, "--max-batch", min=1, help="Articles per batch request."),
    preload: bool = typer.Option(
        True, "--preload/--lazy", help="Load the spaCy pipeline at start-up (or on first use)."
    ),
) -> None:
    """Serve the API under /v1 and the dashboard at / (offline: no CDN)."""
    import duckdb
    import uvicorn

    from dateline.api import ServeOptions, create_app
    from dateline.api.corpus import NotACorpusError
    from dateline.pipeline import PipelineOptions

    if db is not None and not db.is_file():
        usage_error(f"no such database: {db} (create it with 'dateline ingest ... --db {db}')")
    # The body cap follows the text cap: a batch of full-length articles, JSON-escaped.
    body_cap = max(4 * 1024 * 1024, 2 * max_chars * max_batch)
    options = ServeOptions(
        db=db,
        pipeline=PipelineOptions(max_chars=max_chars),
        max_batch=max_batch,
        max_body_bytes=body_cap,
        preload=preload,
    )
    try:
        application = create_app(options)
    except duckdb.Error as exc:
        usage_error(f"cannot open {db} read-only: {exc}")
    except NotACorpusError as exc:
        usage_error(str(exc))
    where = f"http://{host}:{port}/"
    sys.stderr.write(
        f"dateline: serving {'the corpus ' + str(db) if db else 'extraction only'} at {where} "
        f"(API under {where}v1, OpenAPI at {where}openapi.json)\n"
    )
    uvicorn.run(application, host=host, port=port, log_level="warning")
