"""Dask back-end: chunks as ``distributed`` futures, on a local or a remote cluster.

With an address (``tcp://host:8786``) the driver connects to a running scheduler
(``dask scheduler`` + ``dask worker``); without one it starts a ``LocalCluster``
of ``workers`` single-threaded processes. Either way each worker process builds
the pipeline once (:mod:`dateline.scale.worker` keeps it) and every chunk is one
future, so the driver streams: a bounded number of chunks in flight, results
taken in input order. (A ``dask.bag`` would compute in whole waves, each waiting
for its slowest partition, and keep no per-chunk failure.)

The scheduler already reruns a task whose worker died (``allowed-failures``),
so nothing else is lost when one chunk's worker crashes: :meth:`recover` has
nothing to rebuild, and a chunk that still fails goes through the retry and
isolation of :mod:`dateline.scale.window`.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any

from dateline.ingest.article import Article
from dateline.pipeline import PipelineOptions
from dateline.record import Record
from dateline.scale.options import ScaleOptions
from dateline.scale.processes import WorkerStartError
from dateline.scale.worker import run_chunk, warm_up

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

CLOSE_TIMEOUT = 20  # seconds


class DaskBackend:
    def __init__(self, pipeline: PipelineOptions, options: ScaleOptions) -> None:
        from distributed import Client, LocalCluster

        self.pipeline = pipeline
        self.options = options
        self.cluster: LocalCluster | None = None
        self.client: Client
        try:
            if options.dask_address:
                self.client = Client(
                    options.dask_address,
                    timeout=options.connect_timeout,
                    set_as_default=False,
                )
            else:
                self.cluster = LocalCluster(
                    n_workers=options.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    worker_dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self.client = Client(self.cluster, set_as_default=False)
            # A scheduler without workers would leave every chunk waiting until it
            # times out: better to say so now.
            self.client.wait_for_workers(1, timeout=options.connect_timeout)
        except Exception as exc:
            self.close()
            where = options.dask_address or "a local cluster"
            raise WorkerStartError(f"could not start Dask on {where}: {exc}") from None
        threads = sum(self.client.nthreads().values())
        self._slots = max(1, max(threads, options.workers) * options.in_flight_per_worker)

    @property
    def slots(self) -> int:
        return self._slots

    def warm_up(self) -> None:
        """Build the pipeline on every worker now (one task pinned to each)."""
        futures = [
            self.client.submit(warm_up, self.pipeline, workers=[address], pure=False)
            for address in self.client.nthreads()
        ]
        for future in futures:
            try:
                error = future.result(timeout=self.options.timeout * 2)
            except Exception as exc:
                raise WorkerStartError(f"a Dask worker could not start: {exc!r}") from None
            if error:
                raise WorkerStartError(f"a Dask worker could not build the pipeline: {error}")

    def submit(self, chunk: list[Article]) -> object:
        return self.client.submit(run_chunk, self.pipeline, chunk, pure=False)

    def wait(self, handle: object, timeout: float) -> list[Record]:
        future: Any = handle
        try:
            records: list[Record] = future.result(timeout=timeout)
        finally:
            future.release()  # the cluster may forget the result now
        return records

    def recover(self, error: BaseException) -> bool:
        return False  # the scheduler reschedules a lost worker's tasks itself

    def cancel(self, handle: object) -> None:
        future: Any = handle
        with contextlib.suppress(Exception):
            future.cancel()

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            with contextlib.suppress(Exception):
                client.close(timeout=CLOSE_TIMEOUT)
        self._close_cluster()

    def _close_cluster(self) -> None:
        if self.cluster is not None:
            with contextlib.suppress(Exception):
                self.cluster.close(timeout=CLOSE_TIMEOUT)
            self.cluster = None
