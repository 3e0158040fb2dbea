"""The command line: the only package that imports typer. One module per command; the shared
options (`options.py`), the shared steps of a run (`common.py`) and the one place that maps
errors to exit codes (`app.py`)."""

import os as _os
import signal as _signal


def _interrupted_early(signum: int, frame: object) -> None:
    """Ctrl-C while the command line is still being imported: one line and 130, as later."""
    _os.write(2, b"hauloc: interrupted\n")
    _os._exit(130)


_installed = False
try:  # only the main thread may set a handler, and only Python's own is replaced
    if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
        _signal.signal(_signal.SIGINT, _interrupted_early)
        _installed = True
except ValueError:  # pragma: no cover - imported from another thread
    pass
try:
    from hauloc_cli.cli.app import app, main, script
finally:
    if _installed:
        _signal.signal(_signal.SIGINT, _signal.default_int_handler)

__all__ = ["app", "main", "script"]
