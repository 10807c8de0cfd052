"""How a batch is spread over workers: one options object for every back-end."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast

Scheduler = Literal["serial", "processes", "dask"]
SCHEDULERS: tuple[Scheduler, ...] = ("serial", "processes", "dask")


@dataclass(frozen=True, slots=True)
class ScaleOptions:
    """Where and how wide the pipeline runs. The default is today's serial pipeline.

    ``chunk_size`` articles travel to a worker together; ``None`` means the
    pipeline's own ``batch_size``, so a worker's spaCy batches are exactly the
    serial run's batches and the records are identical, not merely equivalent.
    """

    scheduler: Scheduler = "serial"
    workers: int = 1
    dask_address: str | None = None  # tcp://host:8786; None = a local Dask cluster
    chunk_size: int | None = None
    # Chunks submitted but not yet written, per worker: bounds the driver's memory
    # while keeping every worker busy when one chunk is slower than the others.
    in_flight_per_worker: int = 2
    # A chunk's result is awaited at most timeout + characters * timeout_per_char
    # seconds (a 1,000,000-character article is allowed about 19 minutes); past
    # that its worker is taken as hung and the chunk is retried, then isolated.
    timeout: float = 120.0
    timeout_per_char: float = 0.001
    # Seconds to connect to a Dask scheduler given by address.
    connect_timeout: float = 30.0


def resolve_scale(*, workers: int, scheduler: str | None, dask_address: str | None) -> ScaleOptions:
    """Validate command-line choices; raises ``ValueError`` with a one-line reason.

    Without ``--scheduler``: Dask when an address is given, processes when more
    than one worker is asked for, else serial (today's behaviour).
    """
    if workers < 1:
        raise ValueError(f"--workers must be at least 1, not {workers}")
    if scheduler is None:
        scheduler = "dask" if dask_address else ("processes" if workers > 1 else "serial")
    if scheduler not in SCHEDULERS:
        raise ValueError(f"--scheduler must be one of {', '.join(SCHEDULERS)}, not {scheduler!r}")
    if dask_address and scheduler != "dask":
        raise ValueError("--dask-address needs --scheduler dask")
    if scheduler == "serial" and workers > 1:
        raise ValueError("--scheduler serial runs one worker; use processes or dask for more")
    if dask_address is not None and not dask_address.strip():
        raise ValueError("--dask-address is empty")
    return ScaleOptions(
        scheduler=cast(Scheduler, scheduler), workers=workers, dask_address=dask_address
    )
