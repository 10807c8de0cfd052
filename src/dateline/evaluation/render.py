"""Show an evaluation :class:`Report` as rich tables, or as JSON for scripts."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table

from dateline.evaluation.metrics import Report


def report_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def render_report(report: Report, console: Console | None = None) -> None:
    """Print the report: scores (P/R/F1 with counts), figures, breakdown tables, notes."""
    console = console or Console()
    console.print(
        f"[bold]dateline eval {report.task}[/bold]  gold: {report.gold}  "
        f"documents: {report.documents:,}"
    )
    if report.scores:
        console.print(scores_table(report))
    if report.figures:
        figures = Table(title="figures", title_justify="left")
        figures.add_column("measure")
        figures.add_column("value", justify="right")
        for name, value in report.figures.items():
            figures.add_row(name, _number(value))
        console.print(figures)
    for name, rows in report.tables.items():
        console.print(rows_table(name, rows))
    for note in report.notes:
        console.print(f"[dim]note:[/dim] {note}")


def scores_table(report: Report) -> Table:
    table = Table(title="scores", title_justify="left")
    for column in ("metric", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for name, prf in report.scores.items():
        table.add_row(
            name,
            f"{prf.precision:.3f}",
            f"{prf.recall:.3f}",
            f"[bold]{prf.f1:.3f}[/bold]",
            _number(prf.tp),
            _number(prf.fp),
            _number(prf.fn),
        )
    return table


MAX_ROWS = 25  # a terminal table longer than this is unreadable; --json has them all


def rows_table(title: str, rows: list[dict[str, Any]], max_rows: int = MAX_ROWS) -> Table:
    """A breakdown (per type, per kind, errors, ...) as a table; columns from the rows' keys."""
    shown = rows[:max_rows]
    caption = (
        f"{len(rows) - len(shown):,} more rows: use --json" if len(rows) > len(shown) else None
    )
    table = Table(title=title, title_justify="left", caption=caption, caption_justify="left")
    columns: list[str] = []
    for row in shown:
        columns.extend(k for k in row if k not in columns)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in shown:
        table.add_row(*(_cell(row.get(c, "")) for c in columns))
    if not rows:
        table.add_column("(empty)")
    return table


def _cell(value: object) -> str:
    """A compact cell: spans as 'text' [start:end] plus their other attributes."""
    if isinstance(value, dict):
        rest = {k: v for k, v in value.items() if k not in ("start", "end", "text")}
        parts = []
        if "text" in value:
            parts.append(repr(value["text"]))
        if "start" in value and "end" in value:
            parts.append(f"[{value['start']}:{value['end']}]")
        parts.extend(f"{k}={v}" for k, v in rest.items())
        return " ".join(parts)
    if value is None:
        return ""
    return _number(value)


def _number(value: object) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) >= 1 else f"{value:.4g}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
