"""Local worker processes (``concurrent.futures``), each with its own pipeline.

Workers are started with ``spawn``: a fork of a driver that already runs threads
(the progress bar, DuckDB) can inherit a held lock and hang. Each worker loads
the pipeline once, at start-up; the driver never loads spaCy.

A crashed worker breaks a ``ProcessPoolExecutor`` for good, and a hung one can
only be stopped by killing it, so :meth:`ProcessBackend.recover` replaces the
whole pool in both cases (and says the chunks in flight were lost).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import cast

from dateline.errors import DatelineError, ErrorCode
from dateline.ingest.article import Article
from dateline.pipeline import PipelineOptions
from dateline.record import Record
from dateline.scale.options import ScaleOptions
from dateline.scale.worker import init_process, run_chunk, warm_up

# Seconds a worker gets to finish after the pool is shut down before it is killed.
SHUTDOWN_GRACE = 5.0


class WorkerStartError(DatelineError):
    """The workers could not build the pipeline (no spaCy model, bad dictionary)."""

    def __init__(self, text: str) -> None:
        Exception.__init__(self, text)
        self.code = ErrorCode.MODEL_MISSING


class ProcessBackend:
    """``workers`` local processes; chunks go to whichever worker is free."""

    def __init__(self, pipeline: PipelineOptions, options: ScaleOptions) -> None:
        self.pipeline = pipeline
        self.options = options
        self.workers = options.workers
        self._pool = self._start()

    @property
    def slots(self) -> int:
        return max(1, self.workers * self.options.in_flight_per_worker)

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_process,
            initargs=(os.getpid(),),
        )

    def warm_up(self) -> None:
        """Start every worker and build its pipeline now, failing fast if it cannot be."""
        futures = [self._pool.submit(warm_up, self.pipeline) for _ in range(self.workers)]
        for future in futures:
            try:
                error = future.result(timeout=self.options.timeout * 2)
            except Exception as exc:  # a worker died while loading
                raise WorkerStartError(f"a worker could not start: {exc!r}") from None
            if error:
                raise WorkerStartError(f"a worker could not build the pipeline: {error}")

    def submit(self, chunk: list[Article]) -> object:
        try:
            return self._pool.submit(run_chunk, self.pipeline, chunk)
        except (BrokenProcessPool, RuntimeError) as exc:
            # The pool broke under an earlier chunk: the failure surfaces in wait()
            # and goes through recover(), like any other.
            failed: Future[list[Record]] = Future()
            failed.set_exception(BrokenProcessPool(str(exc) or "the process pool is broken"))
            return failed

    def wait(self, handle: object, timeout: float) -> list[Record]:
        future = cast("Future[list[Record]]", handle)
        try:
            return future.result(timeout=timeout)
        except FutureTimeout:
            raise TimeoutError(f"more than {timeout:.0f}s") from None

    def recover(self, error: BaseException) -> bool:
        broken = bool(getattr(self._pool, "_broken", False))
        if not (broken or isinstance(error, (BrokenProcessPool, TimeoutError))):
            return False  # the chunk's own failure; the pool is fine
        self._stop(kill=True)
        self._pool = self._start()
        return True

    def cancel(self, handle: object) -> None:
        cast("Future[list[Record]]", handle).cancel()

    def close(self) -> None:
        self._stop(kill=False)

    def _stop(self, *, kill: bool) -> None:
        pool = self._pool
        processes = list((getattr(pool, "_processes", None) or {}).values())
        if kill:
            for process in processes:
                process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.join(timeout=0 if kill else SHUTDOWN_GRACE)
            if process.is_alive():
                process.kill()
                process.join(timeout=SHUTDOWN_GRACE)
