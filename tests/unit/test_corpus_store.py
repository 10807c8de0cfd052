"""The corpus store: tables, keys, idempotent and incremental writes (no spaCy model)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from dateline.corpus.dates import timex_interval
from dateline.corpus.export import export
from dateline.corpus.ingest import ingest_records
from dateline.corpus.keys import article_key, event_uid
from dateline.corpus.store import CorpusStore
from dateline.corpus.synthetic import build_record, bulk_records
from dateline.record import Record

pytestmark = pytest.mark.unit

ACTORS = {
    "Ruritania": {
        "kind": "country",
        "country": "RUR",
        "sector": "GOV",
        "mentions": ["Ruritania", "Ruritanian"],
    },
    "Grand Fenwick": {
        "kind": "country",
        "country": "GFW",
        "sector": "GOV",
        "mentions": ["Grand Fenwick", "Fenwick"],
    },
    "Anna Berg": {
        "kind": "person",
        "country": "RUR",
        "sector": "GOV",
        "kb": "Q1",
        "mentions": ["Anna Berg", "Berg", "she"],
    },
}


def talks_record(n: int = 1, *, source: str = "Wire One") -> dict[str, Any]:
    text = (
        f"Ruritanian and Fenwick envoys held talks in Geneva on Monday, round {n}. "
        'Foreign minister Anna Berg said she expected "a fair deal within weeks". '
        "Grand Fenwick later accused Ruritania of stalling."
    )
    return build_record(
        f"talks-{n}",
        text,
        published="2025-03-04",
        source=source,
        url=f"https://news.invalid/{n}",
        actors=ACTORS,
        timexes=[{"text": "Monday", "value": "2025-03-03"}],
        quotes=[{"text": "a fair deal within weeks", "speaker": "Anna Berg", "cue": "said"}],
        events=[
            {
                "type": "CONSULT",
                "trigger": "held talks",
                "source": ["Ruritania"],
                "target": ["Grand Fenwick"],
                "date": "2025-03-03",
                "timex": "Monday",
                "location": ("Geneva", "CHE"),
                "cameo": "046",
                "goldstein": 7.0,
                "quad_class": 1,
            },
            {
                "type": "ACCUSE",
                "trigger": "accused",
                "source": ["Grand Fenwick"],
                "target": ["Ruritania"],
                "date": None,
                "cameo": "112",
                "goldstein": -2.0,
                "quad_class": 3,
            },
        ],
    )


def test_timex_values_become_intervals() -> None:
    day = timex_interval("2025-08-06")
    assert day is not None and day.start == day.end == dt.date(2025, 8, 6)
    month = timex_interval("2025-02")
    assert month is not None and (month.start, month.end) == (
        dt.date(2025, 2, 1),
        dt.date(2025, 2, 28),
    )
    week = timex_interval("2025-W32")
    assert week is not None and week.start.isoweekday() == 1 and week.granularity == "week"
    winter = timex_interval("2024-WI")
    assert winter is not None and winter.end == dt.date(2025, 2, 28)
    assert timex_interval("2025-08-06T14:00") is not None
    for vague in ("PRESENT_REF", "XXXX-08", "P3D", "", None, "2025-02-30"):
        assert timex_interval(vague) is None


def test_keys_are_stable_and_depend_on_text_date_and_source() -> None:
    key = article_key("Some text.", "2025-03-04T10:00:00+00:00", "Wire")
    assert key == article_key("Some text.", "2025-03-04", "Wire")
    assert key != article_key("Some text.", "2025-03-05", "Wire")
    assert key != article_key("Some text.", "2025-03-04", "Other")
    assert key != article_key("Other text.", "2025-03-04", "Wire")
    assert event_uid(key, "e1") == event_uid(key, "e1") > 0
    assert event_uid(key, "e1") != event_uid(key, "e2")


def test_a_record_fills_every_table(tmp_path: Path) -> None:
    record = talks_record()
    Record.from_dict(record)  # the builder writes valid dateline/1 records
    with CorpusStore(tmp_path / "c.duckdb") as store:
        stats = ingest_records(store, [record])
        counts = store.counts()
        event = store.sql("SELECT * FROM events WHERE type = 'CONSULT'").iloc[0]
        quote = store.sql("SELECT * FROM quotes").iloc[0]
        accuse = store.sql("SELECT * FROM events WHERE type = 'ACCUSE'").iloc[0]
        checked = store.verify()
    assert stats.stored == 1
    assert all(expected == rows for expected, rows in checked.values()), checked
    assert counts["articles"] == 1 and counts["actors"] == 3 and counts["timexes"] == 1
    assert counts["quotes"] == 1 and counts["events"] == 2 and counts["event_clusters"] == 2
    assert counts["mentions"] == sum(len(a["mentions"]) for a in record["actors"])
    assert event["actor1_name"] == "Ruritania" and event["actor2_country"] == "GFW"
    assert event["location_name"] == "Geneva" and event["date_granularity"] == "day"
    assert event["evidence_text"].startswith("Ruritanian and Fenwick envoys held talks")
    # Actor mentions and dates are masked: what is left is the place.
    assert list(event["evidence_names"]) == ["geneva"]
    assert quote["speaker_name"] == "Anna Berg" and quote["cue_text"] == "said"
    # No TIMEX: the event counts on the publication date, marked as such.
    assert accuse["date_granularity"] == "published"
    assert str(accuse["event_date"])[:10] == "2025-03-04"


def test_ingesting_twice_adds_nothing(tmp_path: Path) -> None:
    records = [talks_record(n) for n in range(5)]
    with CorpusStore(tmp_path / "c.duckdb") as store:
        first = ingest_records(store, records)
        before = store.counts()
        second = ingest_records(store, records + records)
        after = store.counts()
    assert first.stored == 5 and second.stored == 0 and second.skipped == 10
    assert before == after


def test_incremental_ingest_stores_only_new_articles(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    with CorpusStore(db) as store:
        ingest_records(store, [talks_record(n) for n in range(3)])
    with CorpusStore(db) as store:
        stats = ingest_records(store, [talks_record(n) for n in range(5)])
        counts = store.counts()
        distinct = store.scalar("SELECT count(DISTINCT event_uid) FROM events")
    assert (stats.stored, stats.skipped) == (2, 3)
    assert counts["articles"] == 5 and counts["events"] == 10 == distinct


def test_the_same_text_from_another_outlet_is_another_article(tmp_path: Path) -> None:
    with CorpusStore(tmp_path / "c.duckdb") as store:
        stats = ingest_records(store, [talks_record(1), talks_record(1, source="Daily Two")])
        merged = store.sql(
            "SELECT num_articles, num_sources, num_mentions FROM event_clusters "
            "WHERE type = 'CONSULT'"
        )
    assert stats.stored == 2
    # Wire copy: one meeting, reported by two articles of two outlets.
    assert merged.to_dict("records") == [{"num_articles": 2, "num_sources": 2, "num_mentions": 2}]


def test_malformed_parts_of_a_record_do_not_stop_the_batch(tmp_path: Path) -> None:
    broken: dict[str, Any] = talks_record(9)
    broken["events"].append("not an event")
    broken["events"][0]["evidence"] = None
    broken["actors"].append({"id": "a9"})
    with CorpusStore(tmp_path / "c.duckdb") as store:
        stats = ingest_records(store, [broken, talks_record(1)])
        events = store.scalar("SELECT count(*) FROM events")
    assert stats.stored == 2 and events == 4


def test_records_export_gives_back_what_was_ingested(tmp_path: Path) -> None:
    records = list(bulk_records(40, events_per_article=4))
    out = tmp_path / "records.jsonl"
    with CorpusStore(tmp_path / "c.duckdb") as store:
        ingest_records(store, records)
        assert export(store, out, fmt="jsonl", what="records") == 10
    back = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(back, key=lambda r: r["id"]) == sorted(records, key=lambda r: r["id"])


def test_records_without_text_are_kept_apart(tmp_path: Path) -> None:
    failed = [
        {"id": f"bad-{n}", "text": "", "published": None, "source": None, "error": "E001: empty"}
        for n in range(3)
    ]
    with CorpusStore(tmp_path / "c.duckdb") as store:
        stats = ingest_records(store, failed)
        errors = store.scalar("SELECT count(*) FROM articles WHERE error IS NOT NULL")
    assert stats.stored == 3 and stats.failed == 3 and errors == 3
