"""One entry point for every back-end: ``with open_executor(...) as ex: ex.map(articles)``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Protocol, Self

from dateline.ingest.article import Article
from dateline.pipeline import PipelineOptions
from dateline.record import Record
from dateline.scale.options import ScaleOptions
from dateline.scale.window import Backend, OrderedWindow
from dateline.scale.worker import get_pipeline


class Executor(Protocol):
    def map(self, articles: Iterable[Article]) -> Iterator[Record]:
        """One record per article, in input order, streamed."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Executor: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


class _Closing:
    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        pass


class SerialExecutor(_Closing):
    """Today's pipeline, in this process: ``Pipeline.pipe`` unchanged."""

    def __init__(self, pipeline: PipelineOptions) -> None:
        self.pipeline = get_pipeline(pipeline)  # built now: a missing model fails here

    def map(self, articles: Iterable[Article]) -> Iterator[Record]:
        return self.pipeline.pipe(articles)


class _ChunkBackend(Backend, Protocol):
    def warm_up(self) -> None: ...

    def close(self) -> None: ...


class ChunkedExecutor(_Closing):
    """Chunks of articles on worker processes (local pool or Dask), records in order."""

    def __init__(
        self, backend: _ChunkBackend, pipeline: PipelineOptions, options: ScaleOptions
    ) -> None:
        self.backend = backend
        self.options = options
        self.chunk_size = options.chunk_size or pipeline.batch_size

    def map(self, articles: Iterable[Article]) -> Iterator[Record]:
        return OrderedWindow(self.backend, self.options, self.chunk_size).records(articles)

    def close(self) -> None:
        self.backend.close()


def open_executor(
    pipeline: PipelineOptions | None = None,
    options: ScaleOptions | None = None,
    *,
    warm_up: bool = True,
) -> SerialExecutor | ChunkedExecutor:
    """Start the back-end ``options`` names; use as a context manager (it must be closed).

    With ``warm_up`` every worker builds its pipeline before this returns, so a
    missing model fails here (as ``Pipeline()`` does) instead of on every article.
    """
    pipeline = pipeline or PipelineOptions()
    options = options or ScaleOptions()
    if options.scheduler == "serial":
        return SerialExecutor(pipeline)
    backend: _ChunkBackend
    if options.scheduler == "processes":
        from dateline.scale.processes import ProcessBackend

        backend = ProcessBackend(pipeline, options)
    else:
        from dateline.scale.dask_backend import DaskBackend

        backend = DaskBackend(pipeline, options)
    try:
        if warm_up:
            backend.warm_up()
    except BaseException:
        backend.close()
        raise
    return ChunkedExecutor(backend, pipeline, options)


def scaled_records(
    articles: Iterable[Article],
    pipeline: PipelineOptions | None = None,
    options: ScaleOptions | None = None,
) -> Iterator[Record]:
    """Records of ``articles`` on the chosen back-end; the back-end closes when done."""
    with open_executor(pipeline, options) as executor:
        yield from executor.map(articles)
