"""A rich progress bar on stderr for batches, silent when nobody is watching."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

T = TypeVar("T")


class RateColumn(ProgressColumn):
    """Articles per second since the start (rich's own speed is a short moving window,
    which jumps wildly when a batch of 16 records arrives at once)."""

    def render(self, task: Task) -> Text:
        elapsed = task.finished_time if task.finished else task.elapsed
        if not elapsed or not task.completed:
            return Text("- art/s", style="cyan")
        return Text(f"{task.completed / elapsed:,.1f} art/s", style="cyan")


def stderr_is_interactive() -> bool:
    return sys.stderr.isatty()


def track(
    items: Iterable[T],
    *,
    total: int | None,
    description: str = "extracting",
    enabled: bool = True,
) -> Iterator[T]:
    """Yield ``items`` while showing progress on stderr (when enabled and stderr is a TTY).

    The bar never writes to stdout, so ``dateline extract ... > out.jsonl`` stays clean.
    With an unknown ``total`` (feeds) it shows count and rate without an ETA.
    """
    if not enabled or not stderr_is_interactive():
        yield from items
        return
    columns: list[ProgressColumn | str] = [SpinnerColumn(), TextColumn("{task.description}")]
    if total is not None:
        columns += [BarColumn(), MofNCompleteColumn()]
    else:
        columns += [TextColumn("{task.completed:,} articles")]
    columns += [RateColumn(), TimeElapsedColumn()]
    if total is not None:
        columns += [TextColumn("ETA"), TimeRemainingColumn()]
    console = Console(stderr=True)
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task(description, total=total)
        for item in items:
            yield item
            progress.advance(task)
