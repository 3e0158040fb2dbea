"""The command line: the only package that imports typer. One module per command; the shared
options (`options.py`), the shared steps of a run (`common.py`) and the one place that maps
errors to exit codes (`app.py`)."""

from hauloc_cli.cli.app import app, main

__all__ = ["app", "main"]
