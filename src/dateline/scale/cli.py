"""The scale-out options shared by ``dateline extract`` and ``dateline ingest``."""

from __future__ import annotations

import typer

from dateline.scale.options import SCHEDULERS

WORKERS = typer.Option(
    1, "--workers", "-w", min=1, help="Worker processes (more than 1: --scheduler processes)."
)
SCHEDULER = typer.Option(
    None,
    "--scheduler",
    help=f"{' | '.join(SCHEDULERS)} (default: serial for 1 worker, processes for more, "
    "dask with --dask-address). Records are identical whichever runs them.",
    show_default=False,
)
DASK_ADDRESS = typer.Option(
    None,
    "--dask-address",
    help="Dask scheduler to run on (tcp://host:8786); without it --scheduler dask "
    "starts a local cluster of --workers processes.",
    show_default=False,
)
