"""What runs inside a worker process: one pipeline per process, reused for every chunk.

Loading spaCy and the knowledge bases takes seconds, so a worker builds its
:class:`~dateline.pipeline.Pipeline` on the first chunk (or at start-up) and keeps
it in a module-level cache for the life of the process. Functions here are
imported by name on the workers (``dateline`` must be installed there), and only
plain, picklable exceptions leave them.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import threading
import time
from collections.abc import Hashable

from dateline.ingest.article import Article
from dateline.pipeline import Pipeline, PipelineOptions
from dateline.record import Record

_PIPELINES: dict[Hashable, Pipeline] = {}
# A Dask worker may run several threads: they share the process's pipeline, one
# chunk at a time (spaCy components are not meant to be run concurrently).
_LOCK = threading.Lock()


class WorkerError(RuntimeError):
    """A chunk failed in a worker; the message names the original exception."""


def get_pipeline(options: PipelineOptions) -> Pipeline:
    """The process's pipeline for ``options``, built on first use."""
    key = dataclasses.astuple(options)
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        pipeline = _PIPELINES[key] = Pipeline(options)
    return pipeline


def run_chunk(options: PipelineOptions, articles: list[Article]) -> list[Record]:
    """The records of ``articles``, in order (one per article, errors included).

    ``Pipeline.pipe`` already turns every article-level failure into that
    article's error record; what escapes it is a failure of the worker itself,
    re-raised as a :class:`WorkerError` so that it always pickles back.
    """
    try:
        with _LOCK:
            return list(get_pipeline(options).pipe(articles))
    except Exception as exc:
        raise WorkerError(f"{type(exc).__name__}: {exc}") from None


# Stages load knowledge bases and dictionaries on their first article; a warm-up
# article pays for that before the clock of the first real chunk starts.
WARM_UP_ARTICLE = Article(
    id="dateline-warm-up",
    text="The foreign minister said on Tuesday that the two leaders would meet next month.",
    published="2025-01-07",
    published_basis="caller",
)


def warm_up(options: PipelineOptions) -> str | None:
    """Build the pipeline now; the error text if it cannot be built, else None."""
    try:
        with _LOCK:
            get_pipeline(options).process(WARM_UP_ARTICLE)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def init_process(driver_pid: int) -> None:
    """Initializer of a local worker process.

    Ctrl-C goes to the whole process group: the driver handles it and shuts the
    pool down, so workers ignore it (no tracebacks from every worker). A worker
    whose driver was killed (SIGKILL leaves no chance to clean up) exits by itself
    instead of waiting forever for work.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(
        target=_exit_when_orphaned, args=(driver_pid,), name="dateline-orphan-watch", daemon=True
    ).start()


def _exit_when_orphaned(driver_pid: int, interval: float = 1.0) -> None:
    while True:
        time.sleep(interval)
        if os.getppid() != driver_pid:
            os._exit(0)
