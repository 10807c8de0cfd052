"""Queries, aggregates and exports of the corpus store (no spaCy model)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dateline.corpus.aggregate import aggregate, top_actors, type_counts
from dateline.corpus.export import export
from dateline.corpus.gdelt import GDELT_COLUMNS
from dateline.corpus.ingest import ingest_records
from dateline.corpus.query import Filters, query
from dateline.corpus.store import CorpusStore
from dateline.corpus.synthetic import build_record

pytestmark = pytest.mark.unit

ACTORS = {
    "Ruritania": {
        "kind": "country",
        "country": "RUR",
        "sector": "GOV",
        "cameo": "RURGOV",
        "mentions": ["Ruritania", "Ruritanian"],
    },
    "Grand Fenwick": {
        "kind": "country",
        "country": "GFW",
        "sector": "GOV",
        "cameo": "GFWGOV",
        "mentions": ["Grand Fenwick", "Fenwick"],
    },
}


def _report(n: int, day: str, published: str, outlet: str, text: str, **event: object) -> dict:
    return build_record(
        f"r{n}",
        text,
        published=published,
        source=outlet,
        url=f"https://news.invalid/{n}",
        actors=ACTORS,
        timexes=[{"text": "Monday", "value": day}] if "Monday" in text else [],
        events=[{"date": day, "timex": "Monday" if "Monday" in text else None, **event}],
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CorpusStore]:
    shell = {
        "type": "ASSAULT",
        "trigger": "shelled",
        "source": ["Ruritania"],
        "target": ["Grand Fenwick"],
        "cameo": "195",
        "goldstein": -10.0,
        "quad_class": 4,
    }
    talk = {
        "type": "CONSULT",
        "trigger": "met",
        "source": ["Grand Fenwick"],
        "target": ["Ruritania"],
        "cameo": "036",
        "goldstein": 4.0,
        "quad_class": 1,
        "status": "planned",
    }
    shelling = "Ruritanian artillery shelled Fenwick border posts on Monday, officials said."
    records = [
        _report(1, "2025-03-03", "2025-03-04", "Wire One", shelling, **shell),
        _report(2, "2025-03-03", "2025-03-04", "Daily Two", shelling, **shell),
        _report(
            3,
            "2025-03-10",
            "2025-03-11",
            "Wire One",
            "Ruritanian artillery shelled Fenwick farms again on Monday, farmers said.",
            **shell,
        ),
        _report(
            4,
            "2025-04-20",
            "2025-03-30",
            "Daily Two",
            "Fenwick envoys met Ruritanian officials to prepare talks, a spokesman said.",
            **talk,
        ),
    ]
    with CorpusStore(tmp_path / "c.duckdb") as opened:
        ingest_records(opened, records)
        yield opened


def test_query_filters(store: CorpusStore) -> None:
    assert len(query(store)) == 4
    assert len(query(store, Filters(type="ASSAULT"))) == 3
    assert len(query(store, Filters(type="assault", country="gfw", since="2025-03-05"))) == 1
    assert len(query(store, Filters(status="planned,negated"))) == 1
    assert len(query(store, Filters(actor="fenwick"))) == 4
    assert len(query(store, Filters(actor="RURGOV", until="2025-03-03"))) == 2
    assert len(query(store, Filters(text="farms"))) == 1
    # The planned meeting is dated in April but was reported in March.
    assert len(query(store, Filters(since="2025-04-01"))) == 1
    assert len(query(store, Filters(since="2025-04-01", date_field="published"))) == 0
    merged = query(store, Filters(type="ASSAULT"), table="clusters")
    assert sorted(merged["num_articles"]) == [1, 2]


def test_aggregates_by_period_and_dyad(store: CorpusStore) -> None:
    weekly = aggregate(store, period="week", dyad="country")
    first = weekly.iloc[0]
    assert (first["actor1"], first["actor2"], first["events"]) == ("RUR", "GFW", 2)
    assert first["goldstein_sum"] == -20.0 and first["quad4"] == 2
    monthly = aggregate(store, period="month", dyad="none", by_type=True)
    assert set(monthly["type"]) == {"ASSAULT", "CONSULT"}
    assert int(monthly["events"].sum()) == 4
    merged = aggregate(store, period="month", dyad="none", table="clusters")
    assert int(merged["events"].sum()) == 3  # the wire copy counts once
    by_published = aggregate(store, period="month", dyad="none", date_field="published")
    assert [str(p)[:7] for p in by_published["period"]] == ["2025-03"]
    assert type_counts(store).iloc[0]["type"] == "ASSAULT"
    top = top_actors(store, since="2025-03-01", until="2025-03-31")
    assert set(top["actor"]) == {"Ruritania", "Grand Fenwick"}


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "csv"])
def test_tabular_exports(store: CorpusStore, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    assert export(store, out, fmt=fmt, what="events", filters=Filters(type="ASSAULT")) == 3  # type: ignore[arg-type]
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        assert {r["type"] for r in rows} == {"ASSAULT"}
    elif fmt == "parquet":
        assert pq.read_table(out).num_rows == 3
    else:
        with out.open(newline="") as stream:
            rows = list(csv.DictReader(stream))
        assert len(rows) == 3 and rows[0]["source_actors"] == "Ruritania"


def test_gdelt_export_has_61_columns(store: CorpusStore, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export(store, out, fmt="gdelt") == 3
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(GDELT_COLUMNS) == 61
    assert all(len(row) == 61 for row in rows)
    field = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    wire = next(r for r in rows if r[field["NumArticles"]] == "2")
    assert wire[field["Day"]] == "20250303" and wire[field["MonthYear"]] == "202503"
    assert wire[field["Actor1Code"]] == "RURGOV" and wire[field["Actor1Name"]] == "RURITANIA"
    assert wire[field["Actor2CountryCode"]] == "GFW"
    assert (
        wire[field["EventCode"]],
        wire[field["EventBaseCode"]],
        wire[field["EventRootCode"]],
    ) == ("195", "195", "19")
    assert wire[field["QuadClass"]] == "4" and wire[field["GoldsteinScale"]] == "-10"
    assert wire[field["NumSources"]] == "2" and wire[field["AvgTone"]] == ""
    assert wire[field["SOURCEURL"]].startswith("https://news.invalid/")
    assert len(wire[field["DATEADDED"]]) == 14
    reports = tmp_path / "reports.tsv"
    assert export(store, reports, fmt="gdelt", what="events") == 4
    planned = tmp_path / "planned.tsv"
    assert export(store, planned, fmt="gdelt", filters=Filters(status="planned")) == 1
    assert planned.read_text(encoding="utf-8").split("\t")[field["EventCode"]] == "036"
