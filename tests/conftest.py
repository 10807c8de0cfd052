"""Shared fixtures. Tests needing ../shared/data skip when it is absent (fresh clone)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _shared_data_dir() -> Path:
    env = os.environ.get("DATELINE_SHARED_DATA")
    if env:
        return Path(env)
    return REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = _shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"shared evaluation data not found at {path}")
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The base spaCy model (no dateline stages), loaded once."""
    from dateline.nlp.loader import load_base_model

    return load_base_model()


@pytest.fixture(scope="session")
def pipeline() -> Iterator[object]:
    from dateline.pipeline import Pipeline

    yield Pipeline()


@pytest.fixture
def tmp_out(tmp_path: Path) -> Path:
    return tmp_path / "out.jsonl"
