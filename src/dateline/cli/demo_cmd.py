"""``dateline demo``: run the bundled example story and show what each stage found."""

from __future__ import annotations

import json
import sys
from importlib import resources
from typing import Any

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from dateline.cli.main import EXIT_ARTICLE_FAILED, EXIT_OK, app
from dateline.ingest.article import Article
from dateline.pipeline import Pipeline, PipelineOptions
from dateline.record import Record, TextSpan

EXAMPLE = "wire_story.json"
NONE_YET = "none yet"


def load_example() -> Article:
    """The bundled example article (an invented wire story)."""
    raw = resources.files("dateline").joinpath("data", "examples", EXAMPLE).read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return Article(
        id=data["id"],
        text=data["text"],
        published=data.get("published"),
        source=data.get("source"),
        url=data.get("url"),
        title=data.get("title"),
        published_basis="caller" if data.get("published") else "none",
    )


@app.command()
def demo(
    as_json: bool = typer.Option(False, "--json", help="Print the full record as JSON instead."),
) -> None:
    """Extract the record of a bundled example story and print a readable summary."""
    record = Pipeline(PipelineOptions()).process(load_example())
    if as_json:
        sys.stdout.write(record.to_json(indent=2) + "\n")
    else:
        show_record(record, Console())
    raise typer.Exit(EXIT_ARTICLE_FAILED if record.error else EXIT_OK)


def show_record(record: Record, console: Console) -> None:
    """Summary of one record: the article, then a table per kind of result."""
    model = f"{record.model.name} {record.model.version}" if record.model else "?"
    header = (
        f"[bold]{record.title or record.id}[/bold]\n"
        f"{record.source or 'unknown source'} · published {record.published or 'unknown'} "
        f"({record.published_basis}) · {len(record.text.split()):,} words · model {model}"
    )
    console.print(Panel(header, title="dateline demo", expand=False))
    console.print(Panel(record.text.strip(), title="text", title_align="left", border_style="dim"))
    if record.error:
        console.print(f"[bold red]error:[/bold red] {record.error}")
    names = {actor.id: actor.name for actor in record.actors}
    for table in (
        actors_table(record),
        timexes_table(record),
        quotes_table(record, names),
        events_table(record, names),
    ):
        console.print(table)


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _empty(table: Table) -> Table:
    table.add_row(f"[dim]{NONE_YET}[/dim]", *([""] * (len(table.columns) - 1)))
    return table


def _span(span: TextSpan | None) -> str:
    return span.text if span is not None else ""


def actors_table(record: Record) -> Table:
    table = _table("Actors", "id", "name", "kind", "country", "sector", "cameo", "mentions")
    for actor in record.actors:
        mentions = sorted({m.text for m in actor.mentions})
        table.add_row(
            actor.id,
            actor.name,
            actor.kind,
            actor.country or "",
            actor.sector or "",
            actor.cameo or "",
            f"{len(actor.mentions)}: " + ", ".join(mentions[:6]),
        )
    return table if record.actors else _empty(table)


def timexes_table(record: Record) -> Table:
    table = _table("Time expressions (TIMEX3)", "id", "text", "type", "value")
    for timex in record.timexes:
        table.add_row(timex.id, timex.text, timex.type, timex.value)
    return table if record.timexes else _empty(table)


def quotes_table(record: Record, names: dict[str, str]) -> Table:
    relayed = any(quote.via for quote in record.quotes)
    columns = ["id", "kind", "speaker", "cue", *(["via"] if relayed else []), "text"]
    table = _table("Quotes", *columns)
    table.columns[-1].ratio = 3  # the quote itself gets most of the width
    for column in table.columns[2:-1]:
        column.ratio = 1
    for quote in record.quotes:
        speaker = names.get(quote.speaker or "", "") or _span(quote.speaker_mention)
        via = [names.get(quote.via or "", "")] if relayed else []
        table.add_row(
            quote.id, quote.kind, speaker, _span(quote.cue), *via, _shorten(quote.text, 90)
        )
    return table if record.quotes else _empty(table)


def events_table(record: Record, names: dict[str, str]) -> Table:
    table = _table("Events", "id", "type", "status", "date", "who → whom", "trigger")
    for event in record.events:
        source = ", ".join(names.get(a, a) for a in event.source) or "?"
        target = ", ".join(names.get(a, a) for a in event.target)
        table.add_row(
            event.id,
            event.type if event.type == event.plover else f"{event.type} ({event.plover})",
            event.status,
            f"{event.date.value or '?'} [dim]{event.date.basis}[/dim]",
            f"{source} → {target}" if target else source,
            event.trigger.text,
        )
    return table if record.events else _empty(table)


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
