"""Serial, local processes and Dask give byte-identical records, in input order.

One multi-process run per back-end (each worker loads spaCy: seconds). The
processes run also loses a worker mid-batch (SIGKILL) and must still return
every record, identical to the serial run.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from dateline.ingest.readers import read_inputs
from dateline.pipeline import PipelineOptions
from dateline.record import Record
from dateline.scale import ChunkedExecutor, ScaleOptions, open_executor

pytestmark = pytest.mark.integration

# A batch of 2 makes the 10 articles 5 chunks: several in flight, in order.
PIPELINE = PipelineOptions(batch_size=2)
TIMING_FIELDS = frozenset({"seconds", "elapsed", "timing"})

ARTICLES = {
    "01_summit.txt": (
        "Polish Prime Minister Donald Tusk said on Tuesday that he would meet German "
        "Chancellor Friedrich Merz in Warsaw next month to discuss border security."
    ),
    "02_sanctions.txt": (
        "The European Commission threatened on Monday to impose new sanctions on Belarus "
        "if the pressure on the border continued, a spokesman told reporters in Brussels."
    ),
    "03_binary.bin": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "04_protest.txt": (
        "Thousands of farmers protested in Paris on Wednesday against cheaper imports, "
        'and the agriculture minister said, "We hear their anger."'
    ),
    "05_empty.txt": b"",
    "06_talks.txt": (
        "Indian and Chinese diplomats held talks in New Delhi last week, the foreign "
        "ministry said on Sunday, and agreed to meet again in June."
    ),
    "07_attack.txt": (
        "Rebels attacked an army base near the northern border on Saturday, killing three "
        "soldiers, the defence ministry said."
    ),
    "08_aid.txt": (
        "Japan pledged $50 million in humanitarian aid to Sudan on Thursday, the foreign "
        "minister announced in Tokyo."
    ),
}
JSONL = [
    {
        "id": "j1",
        "text": "The two armies will hold joint exercises next month.",
        "published": "2025-08-07",
    },
    {"id": "j2", "text": "Russia denied on Friday that its troops had crossed the border."},
]


def _corpus(root: Path) -> Path:
    root.mkdir(exist_ok=True)
    for name, content in ARTICLES.items():
        path = root / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    lines = "".join(json.dumps(item) + "\n" for item in JSONL)
    (root / "09_dump.jsonl").write_text(lines, encoding="utf-8")
    return root


def _canonical(record: Record) -> str:
    data = {k: v for k, v in record.to_dict().items() if k not in TIMING_FIELDS}
    return json.dumps(data, ensure_ascii=False)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("scale") / "news")


@pytest.fixture(scope="module")
def serial(corpus: Path) -> list[str]:
    with open_executor(PIPELINE, ScaleOptions()) as executor:
        return [_canonical(r) for r in executor.map(read_inputs([corpus]))]


def test_serial_records_order_and_errors(serial: list[str], corpus: Path) -> None:
    records = [json.loads(line) for line in serial]
    ids = [r["id"] for r in records]
    files = sorted(ARTICLES)
    assert ids == [str(corpus / name) for name in files] + ["j1", "j2"]
    errors = {r["id"]: (r["error"] or "")[:4] for r in records if r["error"]}
    assert errors == {str(corpus / "03_binary.bin"): "E002", str(corpus / "05_empty.txt"): "E001"}
    assert any(r["events"] for r in records)


def test_processes_match_serial_even_when_a_worker_is_killed(
    serial: list[str], corpus: Path
) -> None:
    options = ScaleOptions(scheduler="processes", workers=2)
    got: list[str] = []
    failures: list[BaseException] = []
    with open_executor(PIPELINE, options) as executor:
        assert isinstance(executor, ChunkedExecutor)
        backend = executor.backend
        recover = backend.recover

        def counting_recover(error: BaseException) -> bool:
            failures.append(error)
            return recover(error)

        backend.recover = counting_recover  # type: ignore[method-assign]
        for record in executor.map(read_inputs([corpus])):
            if not got:  # later chunks are yet to run: crash a worker under them
                pool = backend._pool  # type: ignore[attr-defined]
                os.kill(next(iter(pool._processes)), signal.SIGKILL)
            got.append(_canonical(record))
    assert got == serial
    # The broken pool was noticed and rebuilt, and no article paid for it.
    assert failures


def test_dask_local_cluster_matches_serial(serial: list[str], corpus: Path) -> None:
    options = ScaleOptions(scheduler="dask", workers=2)
    with open_executor(PIPELINE, options) as executor:
        got = [_canonical(r) for r in executor.map(read_inputs([corpus]))]
    assert got == serial
