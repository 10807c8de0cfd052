"""``dateline extract``: records for files, pages, feeds, JSONL dumps and directories."""

from __future__ import annotations

from pathlib import Path

import typer

from dateline.cli.main import app
from dateline.ingest.article import Article
from dateline.pipeline import Pipeline, PipelineOptions


@app.command()
def extract(
    inputs: list[Path] = typer.Argument(..., help="Files or directories to read."),
    format: str = typer.Option("jsonl", "--format", help="json or jsonl"),
    out: Path | None = typer.Option(None, "--out", help="Write here instead of stdout."),
    published: str | None = typer.Option(None, "--published", help="YYYY-MM-DD for all inputs."),
) -> None:
    """Extract one dateline/1 record per article, in input order."""
    # Minimal version until ingestion of all formats lands: plain text files only.
    pipeline = Pipeline(PipelineOptions())
    articles = [
        Article(
            id=p.name,
            text=p.read_text(encoding="utf-8"),
            published=published,
            published_basis="caller" if published else "none",
        )
        for p in inputs
    ]
    failed = 0
    with open(out or "/dev/stdout", "w", encoding="utf-8") as stream:
        for record in pipeline.pipe(articles):
            failed += record.error is not None
            stream.write(record.to_json() + "\n")
    raise typer.Exit(1 if failed else 0)
