"""The ordered, bounded window of dateline.scale on a fake back-end (no spaCy, no processes)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dateline.ingest.article import Article
from dateline.record import Record
from dateline.scale.options import ScaleOptions, resolve_scale
from dateline.scale.window import OrderedWindow

pytestmark = pytest.mark.unit


class BrokenPool(Exception):
    """Stands for BrokenProcessPool: a crash that loses everything in flight."""


class FakeBackend:
    """Runs a chunk when its result is asked for; some ids crash, hang or fail once."""

    def __init__(
        self,
        slots: int = 3,
        crash: frozenset[str] = frozenset(),
        hang: frozenset[str] = frozenset(),
        flaky: frozenset[str] = frozenset(),
    ) -> None:
        self._slots = slots
        self.crash, self.hang, self.flaky = crash, hang, set(flaky)
        self.submitted: list[list[str]] = []
        self.outstanding: set[int] = set()
        self.max_outstanding = 0
        self.recoveries = 0
        self.cancelled = 0

    @property
    def slots(self) -> int:
        return self._slots

    def submit(self, chunk: list[Article]) -> object:
        ids = [a.id for a in chunk]
        self.submitted.append(ids)
        handle = len(self.submitted) - 1
        self.outstanding.add(handle)
        self.max_outstanding = max(self.max_outstanding, len(self.outstanding))
        return handle

    def wait(self, handle: object, timeout: float) -> list[Record]:
        assert isinstance(handle, int)
        self.outstanding.discard(handle)
        ids = self.submitted[handle]
        if self.crash & set(ids):
            raise BrokenPool("a worker died")
        if self.hang & set(ids):
            raise TimeoutError(f"more than {timeout:.0f}s")
        for i in ids:
            if i in self.flaky:
                self.flaky.discard(i)
                raise RuntimeError("transient")
        return [Record(id=i, text=f"text of {i}") for i in ids]

    def recover(self, error: BaseException) -> bool:
        self.recoveries += 1
        if isinstance(error, (BrokenPool, TimeoutError)):
            self.outstanding.clear()  # the pool is rebuilt: everything in flight is gone
            return True
        return False

    def cancel(self, handle: object) -> None:
        assert isinstance(handle, int)
        self.outstanding.discard(handle)
        self.cancelled += 1


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text=f"text of a{i}") for i in range(n)]


def _run(backend: FakeBackend, n: int = 9, chunk_size: int = 2) -> list[Record]:
    return list(OrderedWindow(backend, ScaleOptions(), chunk_size).records(_articles(n)))


def test_records_come_back_in_input_order_with_bounded_in_flight() -> None:
    backend = FakeBackend(slots=3)
    records = _run(backend)
    assert [r.id for r in records] == [f"a{i}" for i in range(9)]
    assert all(r.error is None for r in records)
    assert backend.max_outstanding <= 3
    assert [len(c) for c in backend.submitted] == [2, 2, 2, 2, 1]


def test_input_is_read_lazily() -> None:
    pulled: list[int] = []

    def stream() -> Iterator[Article]:
        for i in range(1000):
            pulled.append(i)
            yield Article(id=f"a{i}", text="x")

    records = OrderedWindow(FakeBackend(slots=2), ScaleOptions(), 4).records(stream())
    first = next(records)
    assert first.id == "a0"
    assert len(pulled) <= 2 * 4 + 1  # the slots' chunks, not the whole input
    records.close()


def test_a_crashing_article_gets_an_error_record_and_loses_nothing_else() -> None:
    backend = FakeBackend(slots=3, crash=frozenset({"a3"}))
    records = _run(backend)
    assert [r.id for r in records] == [f"a{i}" for i in range(9)]
    failed = [r for r in records if r.error]
    assert [r.id for r in failed] == ["a3"]
    assert failed[0].error is not None
    assert failed[0].error.startswith("E900: The stage worker failed on this article: BrokenPool")
    assert all(r.text == f"text of {r.id}" for r in records if not r.error)
    # The chunk was retried alone, then its two articles one by one.
    assert ["a2", "a3"] in backend.submitted[3:]
    assert ["a2"] in backend.submitted and ["a3"] in backend.submitted


def test_a_transient_failure_is_retried_without_error_records() -> None:
    backend = FakeBackend(slots=3, flaky=frozenset({"a4"}))
    records = _run(backend)
    assert [r.id for r in records] == [f"a{i}" for i in range(9)]
    assert not any(r.error for r in records)
    assert backend.submitted.count(["a4", "a5"]) == 2


def test_a_hanging_article_times_out_into_an_error_record() -> None:
    backend = FakeBackend(slots=2, hang=frozenset({"a0"}))
    records = _run(backend, n=4)
    assert [r.id for r in records] == ["a0", "a1", "a2", "a3"]
    assert records[0].error is not None and "time limit" in records[0].error
    assert not any(r.error for r in records[1:])


def test_closing_early_cancels_what_is_in_flight() -> None:
    backend = FakeBackend(slots=3)
    records = OrderedWindow(backend, ScaleOptions(), 2).records(_articles(20))
    next(records)
    records.close()
    assert backend.cancelled == 2
    assert not backend.outstanding


@pytest.mark.parametrize(
    ("workers", "scheduler", "address", "expected"),
    [
        (1, None, None, "serial"),
        (3, None, None, "processes"),
        (1, "processes", None, "processes"),
        (2, "dask", None, "dask"),
        (1, None, "tcp://127.0.0.1:8786", "dask"),
    ],
)
def test_resolve_scale_defaults(
    workers: int, scheduler: str | None, address: str | None, expected: str
) -> None:
    options = resolve_scale(workers=workers, scheduler=scheduler, dask_address=address)
    assert options.scheduler == expected
    assert options.workers == workers


@pytest.mark.parametrize(
    ("workers", "scheduler", "address"),
    [
        (2, "serial", None),
        (1, "threads", None),
        (2, "processes", "tcp://127.0.0.1:8786"),
        (0, None, None),
    ],
)
def test_resolve_scale_rejects_contradictions(
    workers: int, scheduler: str | None, address: str | None
) -> None:
    with pytest.raises(ValueError):
        resolve_scale(workers=workers, scheduler=scheduler, dask_address=address)
