"""What the terminal allows: colour and width, decided from options and the environment."""

from __future__ import annotations

from collections.abc import Mapping

# Wide enough that no number, status or reason is cut when nobody will read it on a screen.
PIPE_WIDTH = 200


def use_color(option: str, environ: Mapping[str, str], isatty: bool) -> bool:
    """--color always|never > NO_COLOR > FORCE_COLOR > TERM=dumb > whether stdout is a tty."""
    if option == "always":
        return True
    if option == "never":
        return False
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    if environ.get("TERM") == "dumb":
        return False
    return isatty


def output_width(environ: Mapping[str, str], isatty: bool, terminal_columns: int) -> int:
    """COLUMNS when set; the terminal's width on a terminal; else wide enough not to cut."""
    columns = environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return terminal_columns if isatty else PIPE_WIDTH
