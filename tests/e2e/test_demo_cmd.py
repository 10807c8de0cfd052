"""``dateline demo`` and ``dateline eval`` dispatch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli.demo_cmd import load_example
from dateline.cli.main import register_subcommands

pytestmark = pytest.mark.e2e

runner = CliRunner()


def test_demo_prints_every_table() -> None:
    result = runner.invoke(register_subcommands(), ["demo"])
    assert result.exit_code == 0, result.output
    for title in ("Actors", "Time expressions", "Quotes", "Events"):
        assert title in result.stdout
    assert "EU leaders plan Warsaw summit" in result.stdout


def test_demo_json_is_the_record() -> None:
    result = runner.invoke(register_subcommands(), ["demo", "--json"])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["schema"] == "dateline/1"
    assert record["published"] == "2026-03-11"
    assert record["text"] == load_example().text


def test_example_article_is_a_wire_story() -> None:
    article = load_example()
    assert article.text is not None
    for phrase in ("on Tuesday", "next month", "sanctions", '"'):
        assert phrase in article.text


def test_eval_unknown_task_is_usage_error(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{}\n")
    result = runner.invoke(register_subcommands(), ["eval", "sports", "--gold", str(gold)])
    assert result.exit_code == 2
    assert "unknown task" in result.stderr


def test_eval_missing_gold_is_usage_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.jsonl")
    result = runner.invoke(register_subcommands(), ["eval", "time", "--gold", missing])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_eval_folder_as_gold_is_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(register_subcommands(), ["eval", "events", "--gold", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a folder" in result.stderr
