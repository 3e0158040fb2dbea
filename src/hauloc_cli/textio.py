"""Opening input files: existence, size limits and decoding, with errors that say what to do."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hauloc_cli.errors import InputError, Problem, UsageError


def check_readable(path: Path) -> None:
    """A file named on the command line that cannot be opened is a usage error (exit 2)."""
    if not path.exists():
        raise UsageError(f"{path}: no such file")
    if path.is_dir():
        raise UsageError(f"{path}: is a folder, not a file")


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """The whole file as NFC-normalised text; a UTF-8 BOM is dropped."""
    check_readable(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError([Problem(
            str(path), str(line), "bad-encoding",
            f"byte {exc.start + 1} is not valid {encoding}",
            "save the file as UTF-8" + (" (the usual Vietnamese Windows encoding is cp1258)"
                                       if encoding == "utf-8" else ""),
            line,
        )]) from None
    return unicodedata.normalize("NFC", text)
