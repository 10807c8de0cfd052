"""What ``dateline serve`` (and :func:`dateline.api.create_app`) can be told."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dateline.pipeline import PipelineOptions

DEFAULT_MAX_CHARS = 100_000


def _api_pipeline_options() -> PipelineOptions:
    # A web request must answer in seconds, and the pipeline's cost grows faster than
    # the text (measured on news: 50k characters ~5 s, 100k ~35 s, 177k ~90 s on a busy
    # 2-core machine). 100,000 characters is several times the longest news report;
    # longer texts get E003 (raise it with ``dateline serve --max-chars``).
    return PipelineOptions(max_chars=DEFAULT_MAX_CHARS)


@dataclass(slots=True)
class ServeOptions:
    """Settings of the app; the defaults suit a single analyst on a laptop."""

    db: str | Path | None = None  # DuckDB corpus, opened read-only; None = extraction only
    pipeline: PipelineOptions = field(default_factory=_api_pipeline_options)
    # Whole request bodies above this are refused with 413 before any parsing.
    max_body_bytes: int = 4 * 1024 * 1024
    max_batch: int = 32  # articles per POST /v1/extract/batch
    max_page: int = 1000  # rows per page of GET /v1/events
    # Build the spaCy pipeline when the app starts rather than on the first extraction.
    preload: bool = False
