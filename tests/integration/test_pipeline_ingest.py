"""The pipeline on each input kind: metadata, provenance fields and order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dateline
from dateline.ingest.article import Article
from dateline.ingest.readers import read_inputs
from dateline.pipeline import Pipeline

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
PAGE = (FIXTURES / "page.html").read_text(encoding="utf-8")


def test_html_page_gives_main_text_and_metadata(pipeline: Pipeline) -> None:
    [record] = pipeline.pipe(read_inputs([FIXTURES / "page.html"]))
    assert record.error is None
    assert record.text_basis == "html"
    assert record.title == "Coastal states sign fishing pact"
    assert record.source == "Tidewater Times"
    assert (record.published, record.published_basis) == ("2023-06-14", "metadata")
    assert "limits trawling in their shared waters" in record.text
    for boilerplate in ("Most read", "Subscribe", "All rights reserved", "Home"):
        assert boilerplate not in record.text


def test_caller_date_beats_page_metadata(pipeline: Pipeline) -> None:
    [record] = pipeline.pipe(read_inputs([FIXTURES / "page.html"], published="2023-07-01"))
    assert (record.published, record.published_basis) == ("2023-07-01", "caller")


def test_feed_records_say_where_text_came_from(pipeline: Pipeline) -> None:
    records = list(pipeline.pipe(read_inputs([FIXTURES / "feed_rss.xml"])))
    assert [r.text_basis for r in records] == ["feed-content", "feed-summary"]
    assert [r.published_basis for r in records] == ["feed", "feed"]
    assert all(r.error is None for r in records)


def test_order_and_ids_survive_batching(tmp_path: Path) -> None:
    small = Pipeline(dateline.PipelineOptions(batch_size=3))
    dump = tmp_path / "many.jsonl"
    rows = []
    for i in range(10):
        text = f"Officials in district {i} said on Monday that the bridge would reopen."
        rows.append({"id": f"n{i}", "text": text} if i % 4 else {"id": f"n{i}", "text": ""})
    dump.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    records = list(small.pipe(read_inputs([dump])))
    assert [r.id for r in records] == [f"n{i}" for i in range(10)]
    assert [r.error is not None for r in records] == [i % 4 == 0 for i in range(10)]
    assert all(r.text == rows[i]["text"] for i, r in enumerate(records) if r.error is None)


def test_extract_accepts_html(pipeline: Pipeline) -> None:
    record = dateline.extract(PAGE, published="2023-06-15")
    assert record.text_basis == "html"
    assert record.published == "2023-06-15"
    assert record.text.startswith("Coastal states sign fishing pact")


def test_extract_short_html_snippet_uses_fallback(pipeline: Pipeline) -> None:
    record = dateline.extract("<p>Rebels seized the airport on Sunday, the army said.</p>")
    assert record.error is None
    assert record.text == "Rebels seized the airport on Sunday, the army said."


def test_process_one_article_with_error_flag(pipeline: Pipeline) -> None:
    record = pipeline.process(Article(id="x", error="E010: The input could not be read (x)."))
    assert record.error is not None and record.error.startswith("E010")
    assert record.language == "und"
    assert record.model is not None  # error records still say what would have run


def test_unexpected_failures_stay_with_their_article(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dateline.pipeline as module

    real_check = module.check_text

    def check(text: str, *, max_chars: int) -> tuple[str | None, str]:
        if "explode" in text:
            raise RuntimeError("checker bug")
        return real_check(text, max_chars=max_chars)

    monkeypatch.setattr(module, "check_text", check)
    ok = "The council said on Monday that the bridge would reopen next week."
    articles = [
        Article(id="a", text=ok),
        Article(id="b", text="This one will explode the checker."),
        Article(id="c", text=ok),
    ]
    records = list(pipeline.pipe(articles))
    assert [r.id for r in records] == ["a", "b", "c"]
    assert records[0].error is None and records[2].error is None
    assert records[1].error is not None and "prepare" in records[1].error
