"""``--workers/--scheduler/--dask-address`` on ``dateline extract`` and ``dateline ingest``.

The back-ends themselves are tested in tests/integration/test_scale_backends.py;
here the options reach them (a spy stands in for the back-end, in this process)
and contradictions are usage errors.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import dateline.scale
from dateline.cli import extract_cmd
from dateline.cli.main import EXIT_USAGE, register_subcommands
from dateline.scale import ScaleOptions, SerialExecutor

pytestmark = pytest.mark.e2e
runner = CliRunner()
GOOD = (
    "The defence minister said on Thursday that the two armies would hold joint "
    "exercises next month near the northern border."
)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[ScaleOptions]:
    """Record the scale options the commands ask for; run serially in this process."""
    seen: list[ScaleOptions] = []

    def fake_open(pipeline: Any, options: ScaleOptions, **_: Any) -> SerialExecutor:
        seen.append(options)
        return SerialExecutor(pipeline)

    monkeypatch.setattr(extract_cmd, "open_executor", fake_open)
    monkeypatch.setattr(dateline.scale, "open_executor", fake_open)
    return seen


def _inputs(tmp_path: Path) -> Path:
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01\x02")
    return tmp_path


def test_extract_passes_the_scale_options(tmp_path: Path, spy: list[ScaleOptions]) -> None:
    root = _inputs(tmp_path / "in")
    args = ["extract", str(root), "--workers", "3", "-q"]
    result = runner.invoke(register_subcommands(), args)
    assert result.exit_code == 1, result.stderr  # b.bin is binary
    assert [o.scheduler for o in spy] == ["processes"]
    assert spy[0].workers == 3
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == [str(root / "a.txt"), str(root / "b.bin")]


def test_ingest_passes_the_scale_options(tmp_path: Path, spy: list[ScaleOptions]) -> None:
    root = _inputs(tmp_path / "in")
    db = tmp_path / "c.duckdb"
    address = "tcp://127.0.0.1:8786"
    args = ["ingest", str(root), "--db", str(db), "--dask-address", address, "-q"]
    result = runner.invoke(register_subcommands(), args)
    assert result.exit_code == 1, result.stderr
    assert [(o.scheduler, o.dask_address) for o in spy] == [("dask", address)]
    # Idempotent as before: nothing new, so no back-end is even started.
    again = runner.invoke(register_subcommands(), args)
    assert again.exit_code == 0, again.stderr
    assert len(spy) == 1


@pytest.mark.parametrize(
    "options",
    [
        ["--scheduler", "serial", "--workers", "2"],
        ["--scheduler", "threads"],
        ["--scheduler", "processes", "--dask-address", "tcp://127.0.0.1:8786"],
        ["--workers", "0"],
    ],
)
@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_contradictory_scale_options_are_usage_errors(
    tmp_path: Path, command: str, options: list[str]
) -> None:
    root = _inputs(tmp_path / "in")
    extra = ["--db", str(tmp_path / "c.duckdb")] if command == "ingest" else []
    result = runner.invoke(register_subcommands(), [command, str(root), *extra, *options])
    assert result.exit_code == EXIT_USAGE
    assert "Traceback" not in result.stderr
