"""Opening input files: existence, size limits and decoding, with errors that say what to do.

Files are only ever opened for reading. Text is decoded strictly (never guessed): UTF-8 unless
a byte-order mark says UTF-8 or UTF-16, or the user names another encoding.
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
from pathlib import Path
from typing import IO

from hauloc_cli.errors import Code, InputError, Problem, UsageError

MB = 1_000_000
DEFAULT_MAX_SIZE = 100 * MB
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# How a binary file that is not text starts: Excel 97-2003 workbooks, zip archives (xlsx).
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_NEWLINE = re.compile(r"\r\n|\r|\n")


def check_readable(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> None:
    """A file named on the command line that cannot be opened is a usage error (exit 2);
    a file larger than `max_size` bytes is refused as an input error (exit 3)."""
    if not path.exists():
        raise UsageError(f"{path}: no such file")
    if path.is_dir():
        raise UsageError(f"{path}: is a folder, not a file")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror})") from None
    if size > max_size:
        raise InputError([Problem(
            str(path), "", Code.TOO_LARGE,
            f"the file is {size / MB:.1f} MB, more than the limit of {max_size / MB:g} MB",
            "check that it is the right file, or raise the limit with --max-size",
        )])


def encoding_name(encoding: str) -> str:
    """The canonical name of an encoding (`CP1258` → `cp1258`); UsageError when unknown."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise UsageError(f"--encoding: '{encoding}' is not an encoding; Vietnamese Windows "
                         "files are usually cp1258") from None


def head(path: Path, size: int = 8192) -> bytes:
    """The first bytes of a file, to tell what kind of file it is."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror})") from None


def choose_encoding(path: Path, start: bytes, encoding: str | None) -> str:
    """The codec to read a text file with: its BOM's, else the one given, else UTF-8."""
    bom = next((name for mark, name in _BOMS if start.startswith(mark)), None)
    given = encoding_name(encoding) if encoding else None
    if bom is not None and given is not None and given != bom and not (
        bom == "utf-16" and given.startswith("utf-16")
    ):
        raise InputError([Problem(
            str(path), "", Code.BAD_ENCODING,
            f"the file starts with a {bom.upper()} byte-order mark but --encoding {encoding} "
            "was given", "leave out --encoding: the mark says how the file is encoded")])
    chosen = bom or given or "utf-8"
    if bom is None and b"\x00" in start and not chosen.startswith("utf-16"):
        utf16 = utf16_without_bom(start)
        if utf16 is not None:
            raise InputError([Problem(
                str(path), "", Code.NOT_TEXT,
                f"the file looks like {utf16.upper()} text without a byte-order mark",
                "save it from Excel as 'CSV UTF-8', or pass --encoding " + utf16)])
        raise InputError([Problem(
            str(path), "", Code.NOT_TEXT, "the file holds binary data (NUL bytes), not text",
            "give a CSV or .xlsx file; a workbook saved as .xls must be saved again as .xlsx "
            "or 'CSV UTF-8'" if start.startswith(XLS_MAGIC) else
            "give a CSV file (saved as 'CSV UTF-8') or an Excel .xlsx workbook")])
    return "utf-8-sig" if chosen == "utf-8" else chosen


def utf16_without_bom(start: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes read as UTF-16 text of mostly Latin letters
    (at least half of the high bytes NUL, almost none of the low ones, and decoding gives
    printable text: Vietnamese letters such as 'ộ' have a high byte that is not NUL), else
    None."""
    even, odd = start[0:len(start) - len(start) % 2:2], start[1::2]
    for codec, nuls, chars in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if (len(nuls) >= 4 and nuls.count(0) >= 0.5 * len(nuls)
                and chars.count(0) <= 0.05 * len(chars)):
            text = start[:len(start) - len(start) % 2].decode(codec, errors="replace")
            if all(c.isprintable() or c in "\t\r\n" for c in text):
                return codec
    return None


def open_text(path: Path, encoding: str) -> IO[str]:
    """A strict text stream over the file, lines split on any line end, ends kept (for csv)."""
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror})") from None
    return io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")


def decode_problem(path: Path, encoding: str) -> Problem:
    """Where the first byte that is not valid `encoding` is, and what to do about it.

    Only called once decoding has failed, so reading the whole file again is fine.
    """
    data = path.read_bytes()
    try:
        data.decode(encoding)
        start, end = len(data), len(data)  # a stream that ends inside a character
    except UnicodeDecodeError as exc:
        start, end = exc.start, exc.end
    lines = _NEWLINE.split(data[:start].decode(encoding, errors="replace"))
    line, col = len(lines), len(lines[-1]) + 1
    shown = data[start:end].hex(" ") or "end of file"
    label = "UTF-8" if encoding in ("utf-8", "utf-8-sig") else encoding
    if label == "UTF-8":
        hint = ("it is probably Windows-1258 (cp1258), the usual Vietnamese Windows encoding: "
                "save it from Excel as 'CSV UTF-8', or pass --encoding cp1258")
    else:
        hint = "check the encoding the file was saved in, and give it with --encoding"
    return Problem(str(path), f"{line}:{col}", Code.BAD_ENCODING,
                   f"the file is not valid {label} (byte {shown})", hint, line)


def read_text(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> str:
    """The whole of a (small) UTF-8 file as NFC-normalised text; a UTF-8 BOM is dropped."""
    check_readable(path, max_size)
    encoding = choose_encoding(path, head(path, 4), None)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError([decode_problem(path, encoding)]) from None
    return unicodedata.normalize("NFC", text)
