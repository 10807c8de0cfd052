"""``dateline`` console script (Typer).

Exit codes: 0 every article processed; 1 some article failed (its record carries an
``error``); 2 usage error (bad option, missing input, unknown evaluation task).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import sys
from typing import NoReturn

import typer

from dateline.errors import DatelineError
from dateline.record import json_schema

EXIT_OK = 0
EXIT_ARTICLE_FAILED = 1
EXIT_USAGE = 2

app = typer.Typer(
    name="dateline",
    help="Political event data from news reports: actors, dates, quotes and events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the dateline/1 record."""
    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")


def usage_error(text: str) -> NoReturn:
    """Stop with exit code 2 and a one-line explanation on stderr (never a traceback)."""
    typer.echo(f"dateline: error: {text}", err=True)
    raise typer.Exit(EXIT_USAGE)


# Each command group lives in its own module of this package; importing it registers
# its commands on ``app``. Listed here so the order of ``--help`` is stable.
COMMAND_MODULES = ("extract_cmd", "demo_cmd", "eval_cmd", "corpus_cmd", "serve_cmd")


def register_subcommands() -> typer.Typer:
    """Import every command module present; returns the complete ``app``."""
    for module in COMMAND_MODULES:
        if importlib.util.find_spec(f"dateline.cli.{module}") is not None:
            importlib.import_module(f"dateline.cli.{module}")
    return app


_register_subcommands = register_subcommands  # the skeleton's name


def main(argv: list[str] | None = None) -> None:
    register_subcommands()
    try:
        # Standalone mode: Typer turns option errors into exit code 2 with a message
        # and ``typer.Exit(code)`` into the process exit code.
        app(args=argv, prog_name="dateline")
    except DatelineError as exc:  # setup problems (no spaCy model, bad dictionary)
        sys.stderr.write(f"dateline: error: {exc}\n")
        raise SystemExit(EXIT_USAGE) from None
    except BrokenPipeError:
        # ``dateline extract ... | head``: the reader left; stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(EXIT_ARTICLE_FAILED) from None


if __name__ == "__main__":  # pragma: no cover
    # ``python -m dateline.cli.main``: the command modules register on the ``app`` of
    # the importable module, not on this ``__main__`` copy, so run that one.
    from dateline.cli.main import main as _main

    _main()
