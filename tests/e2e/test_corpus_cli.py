"""``dateline ingest`` end to end: idempotent, incremental, safe when killed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dateline.cli.main import register_subcommands
from dateline.corpus.synthetic import bulk_records

pytestmark = pytest.mark.e2e

DATELINE = [sys.executable, "-c", "from dateline.cli.main import main; main()"]
# The spaCy-free path: a blank English pipeline and no stages, so these tests
# exercise the store (keys, batches, transactions), not the NLP.
FAST = ["--model", "blank:en", "--stages", "none"]


def write_articles(path: Path, start: int, stop: int) -> Path:
    with path.open("w", encoding="utf-8") as stream:
        for n in range(start, stop):
            article = {
                "id": f"art-{n}",
                "text": f"Ruritanian officials met envoys from Grand Fenwick for talks, round {n}.",
                "published": f"2025-0{1 + n % 9}-1{n % 10}",
                "source": ["Wire One", "Daily Two", "Herald Three"][n % 3],
            }
            stream.write(json.dumps(article) + "\n")
    return path


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run(*args: str | Path) -> Result:
    """The CLI in this process (no interpreter start-up per call)."""
    # A wide "terminal" so rich does not wrap the table headers checked below.
    result = CliRunner().invoke(
        register_subcommands(), [str(a) for a in args], env={"COLUMNS": "200"}
    )
    return Result(result.exit_code, result.stdout, result.stderr)


def counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        result = {}
        for table in ("articles", "events", "actors", "event_clusters", "event_reports"):
            result[table] = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
        result["distinct_articles"] = con.execute(
            "SELECT count(DISTINCT article_key) FROM articles"
        ).fetchall()[0][0]
        result["distinct_events"] = con.execute(
            "SELECT count(DISTINCT event_uid) FROM events"
        ).fetchall()[0][0]
    return result


def test_ingest_is_idempotent_and_incremental(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    first = write_articles(tmp_path / "a.jsonl", 0, 30)
    done = run("ingest", first, "--db", db, *FAST)
    assert done.returncode == 0, done.stderr
    assert counts(db)["articles"] == 30
    again = run("ingest", first, "--db", db, *FAST)
    assert again.returncode == 0 and "0 stored, 30 already stored" in again.stderr
    assert counts(db)["articles"] == 30
    # A later dump repeating ten old articles: only the twenty new ones are processed.
    later = write_articles(tmp_path / "b.jsonl", 20, 50)
    more = run("ingest", later, first, "--db", db, *FAST)
    assert "20 stored, 40 already stored" in more.stderr, more.stderr
    assert counts(db)["articles"] == counts(db)["distinct_articles"] == 50


def test_records_ingest_query_and_export(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    records = tmp_path / "records.jsonl"
    with records.open("w", encoding="utf-8") as stream:
        for record in bulk_records(200, events_per_article=4):
            stream.write(json.dumps(record) + "\n")
    assert run("ingest", records, "--records", "--db", db).returncode == 0
    assert counts(db)["events"] == 200
    shown = run("query", "--db", db, "--type", "ASSAULT", "--limit", "3")
    assert shown.returncode == 0 and "ASSAULT" in shown.stdout
    out = tmp_path / "assaults.csv"
    assert run("query", "--db", db, "--type", "ASSAULT", "--out", out).returncode == 0
    assert out.read_text().count("ASSAULT") >= 1
    gdelt = tmp_path / "events.tsv"
    assert run("export", "--db", db, "--out", gdelt).returncode == 0
    lines = gdelt.read_text(encoding="utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)
    table = run("aggregate", "--db", db, "--period", "month", "--dyad", "none")
    assert table.returncode == 0 and "goldstein_sum" in table.stdout
    missing = run("query", "--db", tmp_path / "nope.duckdb")
    assert missing.returncode == 2 and "no such database" in missing.stderr


def _kill_midway(command: list[str], after_batches: int) -> None:
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    seen = 0
    deadline = time.monotonic() + 60
    for line in process.stderr:
        seen += line.startswith("batch ")
        if seen >= after_batches or time.monotonic() > deadline:
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it was killed"


@pytest.mark.parametrize("mode", ["articles", "records"])
def test_sigkill_midway_loses_and_duplicates_nothing(tmp_path: Path, mode: str) -> None:
    db = tmp_path / "events.duckdb"
    if mode == "articles":
        total, expected_events = 1000, 0
        inputs = [write_articles(tmp_path / "a.jsonl", 0, total)]
        options = [*FAST, "--batch-size", "5"]
    else:
        total, expected_events = 800, 2400
        inputs = [tmp_path / "records.jsonl"]
        with inputs[0].open("w", encoding="utf-8") as stream:
            for record in bulk_records(expected_events, events_per_article=3):
                stream.write(json.dumps(record) + "\n")
        options = ["--records", "--batch-size", "5"]
    command = [*DATELINE, "ingest", *map(str, inputs), "--db", str(db), "-v", *options]
    _kill_midway(command, after_batches=10)
    partial = counts(db)
    assert 0 < partial["articles"] < total
    assert partial["articles"] == partial["distinct_articles"]
    finished = run("ingest", *inputs, "--db", db, "--verify", *options)
    assert finished.returncode == 0, finished.stderr
    assert "every table matches the records" in finished.stderr
    final = counts(db)
    assert final["articles"] == final["distinct_articles"] == total
    assert final["events"] == final["distinct_events"] == expected_events
    assert final["event_reports"] == expected_events  # every event in exactly one cluster
