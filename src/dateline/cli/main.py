"""``dateline`` console script (Typer).

Exit codes: 0 every article processed; 1 some article failed (its record carries an
``error``); 2 usage error (bad option, missing input).
"""

from __future__ import annotations

import json
import sys

import typer

from dateline.record import json_schema

app = typer.Typer(
    name="dateline",
    help="Political event data from news reports: actors, dates, quotes and events.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the dateline/1 record."""
    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")


# Each command group lives in its own module of this package; importing it registers
# its commands on ``app``. Listed here so the order of ``--help`` is stable.
COMMAND_MODULES = ("extract_cmd", "demo_cmd", "eval_cmd", "corpus_cmd", "serve_cmd")


def _register_subcommands() -> None:
    import importlib
    import importlib.util

    for module in COMMAND_MODULES:
        if importlib.util.find_spec(f"dateline.cli.{module}") is not None:
            importlib.import_module(f"dateline.cli.{module}")


def main() -> None:
    _register_subcommands()
    try:
        app(standalone_mode=False)
    except typer.Exit as exc:  # pragma: no cover - exercised via CLI tests
        raise SystemExit(exc.exit_code) from None
    except (typer.BadParameter, typer.Abort) as exc:
        sys.stderr.write(f"error: {exc}\n")
        raise SystemExit(2) from None
    except Exception as exc:
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            raise SystemExit(2) from None
        raise


if __name__ == "__main__":  # pragma: no cover
    main()
