"""dateline: political event data from news reports.

The one obvious entry point::

    import dateline
    record = dateline.extract(text, published="2025-08-07")
    record.to_dict()  # a dateline/1 record

For batches, build a :class:`Pipeline` once and stream articles through
``pipeline.pipe(articles)``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from dateline.ingest.article import Article
from dateline.pipeline import Pipeline, PipelineOptions, extract
from dateline.record import Record

__all__ = ["Article", "Pipeline", "PipelineOptions", "Record", "__version__", "extract"]
