"""Ingestion on the real news in ../shared/data/news (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.ingest.readers import count_articles, read_inputs
from dateline.pipeline import Pipeline

pytestmark = pytest.mark.e2e


def test_corpus_streams_every_line_in_order(shared_data: Path) -> None:
    corpus = shared_data / "news" / "corpus.jsonl"
    with corpus.open(encoding="utf-8") as stream:
        rows = [json.loads(line) for line in stream if line.strip()]
    expected = [row["id"] for row in rows]
    ids = []
    for article, row in zip(read_inputs([corpus]), rows, strict=True):
        assert article.error is None
        assert article.published_basis == ("jsonl" if row["published"] else "none")
        assert article.text == row["text"]
        ids.append(article.id)
    assert ids == expected
    assert count_articles([corpus]) == len(expected)


def test_html_pages_give_main_text_title_and_date(shared_data: Path, pipeline: Pipeline) -> None:
    html_dir = shared_data / "news" / "html"
    index = {e["file"]: e for e in json.loads((html_dir / "index.json").read_text())}
    pages = sorted(html_dir.glob("*.html"))
    records = list(pipeline.pipe(read_inputs(pages)))
    assert len(records) == len(index)
    for page, record in zip(pages, records, strict=True):
        entry = index[page.name]
        assert record.error is None, record.error
        assert record.text_basis == "html"
        assert record.title == entry["title"]
        assert record.published == entry["published"][:10]
        assert record.published_basis == "metadata"
        assert len(record.text.split()) > 400  # a whole article, not a teaser
        assert "<" not in record.text[:2000]
