"""The pipeline behind ``POST /v1/extract``: built once, used under a lock.

spaCy pipelines are not documented as thread-safe, and FastAPI runs synchronous
handlers in a thread pool, so extractions run one at a time; the per-article text
limit (``PipelineOptions.max_chars``) bounds how long any one of them takes.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from dateline import __version__
from dateline.api.models import ArticleIn
from dateline.errors import ErrorCode, message
from dateline.ingest.article import Article
from dateline.pipeline import Pipeline, PipelineOptions
from dateline.record import Record


@dataclass(slots=True, frozen=True)
class ItemError:
    """A batch item that is not an article: its id (if it had one) and why."""

    id: str
    error: str


class Extractor:
    """Lazily built pipeline plus the conversion of request bodies to articles."""

    def __init__(self, options: PipelineOptions) -> None:
        self.options = options
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None

    def pipeline(self) -> Pipeline:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(self.options)
            return self._pipeline

    def extract(self, articles: list[ArticleIn | ItemError]) -> list[dict[str, Any]]:
        """Records in order; an :class:`ItemError` item becomes an error record."""
        pipeline = self.pipeline()
        valid = [to_article(a) for a in articles if isinstance(a, ArticleIn)]
        with self._lock:
            records = iter(list(pipeline.pipe(valid)))
        out: list[dict[str, Any]] = []
        for item in articles:
            if isinstance(item, ArticleIn):
                out.append(next(records).to_dict())
            else:
                out.append(error_record(item.id, item.error))
        return out


def to_article(item: ArticleIn) -> Article:
    return Article(
        id=item.id,
        text=item.text,
        html=item.html,
        published=item.published or None,
        source=item.source,
        url=item.url,
        title=item.title,
        published_basis="caller" if item.published else "none",
        text_basis="html" if item.html is not None else "text",
    )


def parse_item(value: object, position: int) -> ArticleIn | ItemError:
    """A batch item as an article, or a coded message saying why it is not one."""
    if not isinstance(value, dict):
        return ItemError(
            f"item-{position}",
            message(ErrorCode.BAD_JSONL, detail=f"item {position} is a {type(value).__name__}"),
        )
    given_id = value.get("id")
    item_id = given_id if isinstance(given_id, str) and given_id else f"item-{position}"
    try:
        return ArticleIn.model_validate(value)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'item'}: {e['msg']}" for e in exc.errors()
        )
        if value.get("text") is None and value.get("html") is None:
            return ItemError(item_id, message(ErrorCode.NO_TEXT_FIELD, detail=problems))
        return ItemError(item_id, message(ErrorCode.BAD_JSONL, detail=problems))


def error_record(item_id: str, error: str) -> dict[str, Any]:
    """The record of an item that could not even be read as an article."""
    record = Record(id=item_id, text="", language="und", dateline_version=__version__)
    record.error = error
    return record.to_dict()
