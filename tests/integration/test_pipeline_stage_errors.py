"""A stage that fails on one article degrades gracefully and says so in the record."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.ingest.article import Article

pytestmark = pytest.mark.integration


def test_a_failing_stage_is_reported_as_e900_and_the_batch_goes_on(
    pipeline: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dateline.events.component as component

    calls = {"n": 0}

    def flaky(doc: Any, extra: Any = None) -> list[Any]:
        calls["n"] += 1
        if "boom" in doc.text:
            raise ValueError("synthetic failure")
        return []

    monkeypatch.setattr(component, "code_doc", flaky)
    articles = [
        Article(id="1", text="The minister said the boom in prices would end soon."),
        Article(id="2", text="The minister said prices would fall next year."),
    ]
    records = list(pipeline.pipe(articles))
    assert [r.id for r in records] == ["1", "2"]
    assert records[0].error is not None and records[0].error.startswith("E900")
    assert "dateline_events_v1" in records[0].error
    assert records[1].error is None
    assert records[0].quotes  # the other stages' results are kept
    assert calls["n"] == 2
