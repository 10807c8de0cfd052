"""``dateline ingest`` with the real pipeline on a few real articles of ../shared/data."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli.main import register_subcommands
from dateline.corpus.store import CorpusStore

pytestmark = pytest.mark.e2e

N_ARTICLES = 4


def test_real_articles_give_tables_that_match_their_records(
    shared_data: Path, tmp_path: Path
) -> None:
    sample = tmp_path / "sample.jsonl"
    with (shared_data / "news" / "corpus.jsonl").open(encoding="utf-8") as stream:
        sample.write_text("".join(itertools.islice(stream, N_ARTICLES)), encoding="utf-8")
    db = tmp_path / "events.duckdb"
    app = register_subcommands()
    result = CliRunner().invoke(app, ["ingest", str(sample), "--db", str(db), "--verify"])
    assert "every table matches the records" in result.stderr, result.stderr
    with CorpusStore(db, read_only=True) as store:
        counts = store.counts()
    assert counts["articles"] == N_ARTICLES
    assert counts["event_reports"] == counts["events"]
    assert counts["event_clusters"] <= counts["events"]
    gdelt = tmp_path / "events.tsv"
    exported = CliRunner().invoke(app, ["export", "--db", str(db), "--out", str(gdelt)])
    assert exported.exit_code == 0, exported.stderr
    lines = gdelt.read_text(encoding="utf-8").splitlines()
    assert len(lines) == counts["event_clusters"]
    assert all(len(line.split("\t")) == 61 for line in lines)
