"""What ``dateline serve`` (and :func:`dateline.api.create_app`) can be told."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dateline.pipeline import PipelineOptions


def _api_pipeline_options() -> PipelineOptions:
    # A web request must answer in seconds: 200,000 characters (a long report is
    # 10-20k) parse in a few seconds; longer texts get E003, never a hang.
    return PipelineOptions(max_chars=200_000)


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
