"""Rendering of evaluation reports, and the eval command's lazy scorer loading."""

from __future__ import annotations

import io
import json

import pytest
import typer
from rich.console import Console

from dateline.cli.eval_cmd import load_evaluator
from dateline.evaluation.metrics import PRF, Report
from dateline.evaluation.render import render_report, report_json, rows_table

pytestmark = pytest.mark.unit


def _report() -> Report:
    return Report(
        task="time",
        gold="gold.jsonl",
        documents=3,
        scores={"strict": PRF(tp=8, fp=2, fn=2), "relaxed": PRF(tp=9, fp=1, fn=1)},
        figures={"value_accuracy": 0.8125, "gold_timexes": 10},
        notes=["strict = exact extent"],
        tables={
            "errors": [
                {
                    "doc": "d1",
                    "gold": {"start": 3, "end": 9, "text": "Monday", "value": "2024-01-01"},
                    "system": None,
                }
            ]
        },
    )


def _rendered(report: Report) -> str:
    buffer = io.StringIO()
    render_report(report, Console(file=buffer, width=120, color_system=None))
    return buffer.getvalue()


def test_table_shows_scores_figures_tables_and_notes() -> None:
    text = _rendered(_report())
    assert "strict" in text and "0.800" in text  # P = R = F1 = 0.8
    assert "relaxed" in text and "0.900" in text
    assert "value_accuracy" in text and "0.8125" in text
    assert "'Monday' [3:9] value=2024-01-01" in text  # spans rendered compactly
    assert "strict = exact extent" in text


def test_json_has_every_score() -> None:
    data = json.loads(report_json(_report()))
    assert data["scores"]["strict"]["f1"] == 0.8
    assert data["figures"]["gold_timexes"] == 10
    assert data["tables"]["errors"][0]["doc"] == "d1"


def test_long_breakdowns_are_cut_with_a_pointer_to_json() -> None:
    table = rows_table("errors", [{"i": i} for i in range(40)], max_rows=5)
    assert table.row_count == 5
    assert table.caption == "35 more rows: use --json"


def test_missing_scorer_module_is_a_usage_error() -> None:
    with pytest.raises(typer.Exit) as info:
        load_evaluator("no_such_task_module")
    assert info.value.exit_code == 2
