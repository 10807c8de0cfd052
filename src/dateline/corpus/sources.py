"""Inputs of ``dateline ingest``: articles to run through the pipeline, or records.

Articles are read by the same ingestion as ``dateline extract``
(:func:`dateline.ingest.readers.read_inputs`), so every format it accepts can be
ingested; records are JSONL lines written by ``dateline extract``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dateline.ingest.article import Article


def read_articles(
    paths: Iterable[Path], *, published: str | None = None, max_chars: int = 1_000_000
) -> Iterator[Article]:
    """Articles from files, directories, feeds and JSONL dumps, in input order."""
    from dateline.ingest.readers import read_inputs

    return read_inputs(paths, published=published, max_chars=max_chars)


def read_records(paths: Iterable[Path]) -> Iterator[dict[str, Any]]:
    """Records from JSONL files written by ``dateline extract`` (bad lines are skipped)."""
    for path in paths:
        with path.open(encoding="utf-8", errors="replace") as stream:
            for line in stream:
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(data, dict) and isinstance(data.get("text"), str):
                    yield data


def article_content(article: Article) -> str:
    """What the article key hashes: the text, else the raw HTML, else (an input that
    could not be read) its id, so that two unreadable inputs stay two articles."""
    content = article.text if article.text is not None else (article.html or "")
    return content or f"\x00{article.id}"
