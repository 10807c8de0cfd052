"""``dateline eval {time,quotes,events} --gold FILE``: score the pipeline on a gold file.

The scorers live in ``dateline.evaluation.<task>`` (each exposes
``evaluate(gold, options) -> Report``) and are imported only when asked for, so a
missing or broken scorer affects only its own task.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import typer

from dateline.cli.main import app, usage_error
from dateline.evaluation.metrics import EvalOptions, Report
from dateline.pipeline import PipelineOptions

TASKS = ("time", "quotes", "events")
Evaluate = Callable[[Path, EvalOptions], Report]


@app.command("eval")
def eval_command(
    task: str = typer.Argument(..., help="What to evaluate: time, quotes or events."),
    gold: Path = typer.Option(..., "--gold", help="Gold file (JSONL) in the task's format."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the first N documents."),
    dictionary: list[Path] = typer.Option(
        [], "--dictionary", help="PETRARCH/CAMEO dictionary file (repeatable)."
    ),
) -> None:
    """Run the pipeline on a gold file and print the metrics of DESIGN.md section 5."""
    if task not in TASKS:
        usage_error(f"unknown task {task!r}: choose one of {', '.join(TASKS)}")
    missing = [str(p) for p in [gold, *dictionary] if not p.exists()]
    if missing:
        usage_error(f"no such file: {', '.join(missing)}")
    folders = [str(p) for p in [gold, *dictionary] if p.is_dir()]
    if folders:
        usage_error(f"a gold or dictionary file is needed, not a folder: {', '.join(folders)}")
    evaluate = load_evaluator(task)
    dictionaries = tuple(str(p) for p in dictionary)
    options = EvalOptions(
        limit=limit,
        pipeline=PipelineOptions(dictionaries=dictionaries),
        extra={"dictionaries": list(dictionaries)} if dictionaries else {},
    )
    try:
        report = evaluate(gold, options)
    except (OSError, ValueError, KeyError) as exc:
        usage_error(f"cannot evaluate {task} on {gold}: {type(exc).__name__}: {exc}")
    from dateline.evaluation.render import render_report, report_json

    if as_json:
        sys.stdout.write(report_json(report) + "\n")
    else:
        render_report(report)


def load_evaluator(task: str) -> Evaluate:
    """``dateline.evaluation.<task>.evaluate``, or a usage error saying what is missing."""
    module_name = f"dateline.evaluation.{task}"
    try:
        module: Any = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise  # a real missing dependency inside the scorer: show it
        usage_error(f"the {task} evaluation is not available yet ({module_name} is missing)")
    evaluate = getattr(module, "evaluate", None)
    if not callable(evaluate):
        usage_error(f"{module_name} has no evaluate(gold, options) function")
    return cast(Evaluate, evaluate)
