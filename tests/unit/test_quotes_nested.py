"""Attributions nested in another quote's content (spans built by hand, no model)."""

from __future__ import annotations

import pytest
import spacy

from dateline.quotes.extract import Found, _merge_overlaps

pytestmark = pytest.mark.unit

TEXT = "Aides said the governor had insisted that the tax plan would pass before the recess."


def _outer() -> Found:
    return Found(start=11, end=84, cue=(6, 10), speaker=(0, 5), score=0.98)


def _inner(score: float) -> Found:
    return Found(start=37, end=84, cue=(28, 36), speaker=(15, 23), score=score)


def test_confident_nested_cue_keeps_its_own_attribution() -> None:
    doc = spacy.blank("en")(TEXT)
    kept = _merge_overlaps(doc, [_outer(), _inner(0.95)])
    assert [(q.start, q.end) for q in kept] == [(11, 84), (37, 84)]


def test_doubtful_nested_cue_is_absorbed_by_the_outer_quote() -> None:
    doc = spacy.blank("en")(TEXT)
    kept = _merge_overlaps(doc, [_outer(), _inner(0.5)])
    assert [(q.start, q.end) for q in kept] == [(11, 84)]
