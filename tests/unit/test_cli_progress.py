"""The progress bar never changes what is yielded, and stays off without a terminal."""

from __future__ import annotations

import io

import pytest

from dateline.cli import progress

pytestmark = pytest.mark.unit


def test_disabled_or_not_a_tty_passes_items_through(monkeypatch: pytest.MonkeyPatch) -> None:
    assert list(progress.track(iter(range(5)), total=5, enabled=False)) == [0, 1, 2, 3, 4]
    monkeypatch.setattr(progress, "stderr_is_interactive", lambda: False)
    assert list(progress.track(iter("abc"), total=None)) == ["a", "b", "c"]


def test_bar_on_a_terminal_goes_to_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(progress, "stderr_is_interactive", lambda: True)
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert list(progress.track(iter(range(3)), total=3)) == [0, 1, 2]
    assert list(progress.track(iter(range(2)), total=None)) == [0, 1]
    assert capsys.readouterr().out == ""  # stdout stays clean for records
