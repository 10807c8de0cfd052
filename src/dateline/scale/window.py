"""Records in input order from chunks run elsewhere, with a bounded number in flight.

The driver reads articles lazily, cuts them into chunks, keeps at most
``backend.slots`` chunks submitted, and yields the records of the oldest chunk as
soon as it is done. Memory on the driver is therefore bounded by the chunk size
times the slots, whatever the length of the input.

A failed chunk (a worker crashed or hung, the pool broke) loses nothing:

1. it is run again, alone (nothing else in flight when the pool had to be rebuilt,
   so a crash cannot be blamed on the wrong chunk);
2. if it fails alone too, its articles are run one by one, alone, and only the
   article that still fails gets an error record (E900, stage ``worker``).

Chunks that were in flight when a pool was rebuilt are rerun alone as well.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from dateline import __version__
from dateline.errors import ErrorCode, message
from dateline.ingest.article import Article
from dateline.record import Record
from dateline.scale.options import ScaleOptions


class Backend(Protocol):
    """Runs chunks of articles somewhere; each back-end gives its own handles."""

    @property
    def slots(self) -> int:
        """How many chunks may be in flight at once."""
        ...

    def submit(self, chunk: list[Article]) -> object:
        """Start the chunk; the handle is given back to :meth:`wait`."""
        ...

    def wait(self, handle: object, timeout: float) -> list[Record]:
        """The chunk's records; raises when it failed or took longer than ``timeout``."""
        ...

    def recover(self, error: BaseException) -> bool:
        """Make the back-end usable after ``error``; True if other in-flight work was lost."""
        ...

    def cancel(self, handle: object) -> None:
        """Forget a chunk whose result is no longer wanted."""
        ...


@dataclass(slots=True)
class _Slot:
    chunk: list[Article]
    handle: object | None = None
    solo: bool = False  # run with nothing else in flight (after a failure)


def chunked(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    stream = iter(articles)
    while chunk := list(itertools.islice(stream, size)):
        yield chunk


def chunk_timeout(chunk: list[Article], options: ScaleOptions) -> float:
    chars = sum(len(a.text or a.html or "") for a in chunk)
    return options.timeout + chars * options.timeout_per_char


def lost_record(article: Article, detail: str) -> Record:
    """The record of an article whose worker failed it twice (crash, hang)."""
    return Record(
        id=str(article.id),
        text="",
        source=article.source,
        url=article.url,
        title=article.title,
        language="und",
        dateline_version=__version__,
        error=message(ErrorCode.STAGE_FAILED, stage="worker", detail=detail),
    )


def describe(error: BaseException) -> str:
    text = str(error).strip()
    kind = type(error).__name__
    if isinstance(error, TimeoutError):
        return f"no result within the time limit ({kind}{': ' + text if text else ''})"
    return f"{kind}: {text}" if text else kind


class OrderedWindow:
    """One run over an article stream; iterate :meth:`records`."""

    def __init__(self, backend: Backend, options: ScaleOptions, chunk_size: int) -> None:
        self.backend = backend
        self.options = options
        self.chunk_size = chunk_size
        self.pending: deque[_Slot] = deque()

    def records(self, articles: Iterable[Article]) -> Iterator[Record]:
        chunks = chunked(articles, self.chunk_size)
        exhausted = False
        try:
            while True:
                # After a failure, suspect chunks run alone before anything new starts.
                if not any(slot.solo for slot in self.pending):
                    while not exhausted and len(self.pending) < self.backend.slots:
                        chunk = next(chunks, None)
                        if chunk is None:
                            exhausted = True
                            break
                        self.pending.append(_Slot(chunk, self.backend.submit(chunk)))
                if not self.pending:
                    return
                yield from self._settle(self.pending.popleft())
        finally:
            for slot in self.pending:
                if slot.handle is not None:
                    self.backend.cancel(slot.handle)
            self.pending.clear()

    # -- one chunk ---------------------------------------------------------------
    def _settle(self, slot: _Slot) -> list[Record]:
        while True:
            if slot.handle is None:
                slot.handle = self.backend.submit(slot.chunk)
            try:
                return self._wait(slot.handle, slot.chunk)
            except Exception as exc:
                self._recover(exc)
                if slot.solo:
                    return self._isolate(slot.chunk)
                slot.solo, slot.handle = True, None  # once more, alone

    def _wait(self, handle: object, chunk: list[Article]) -> list[Record]:
        records = self.backend.wait(handle, chunk_timeout(chunk, self.options))
        if len(records) != len(chunk):  # never expected; a mismatch would shift every id
            raise RuntimeError(f"{len(records)} records for {len(chunk)} articles")
        return records

    def _recover(self, error: BaseException) -> bool:
        lost = self.backend.recover(error)
        if lost:
            for other in self.pending:
                other.handle, other.solo = None, True
        return lost

    def _isolate(self, chunk: list[Article]) -> list[Record]:
        """Each article of a twice-failed chunk alone; only those that fail lose out."""
        records: list[Record] = []
        for article in chunk:
            for attempt in (1, 2):
                try:
                    records.extend(self._wait(self.backend.submit([article]), [article]))
                    break
                except Exception as exc:
                    # A pool broken by another chunk still in flight is not this
                    # article's fault: run it once more, now truly alone.
                    if self._recover(exc) and attempt == 1:
                        continue
                    records.append(lost_record(article, describe(exc)))
                    break
        return records
