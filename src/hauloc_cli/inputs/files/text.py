"""Opening input files: existence, size limits and decoding, with errors that say what to do.

Files are only ever opened for reading. Text is decoded strictly (never guessed): UTF-8 unless
a byte-order mark says UTF-8 or UTF-16, or the user names another encoding.

Every read counts its bytes against the limit (`--max-size`), whatever the file's size says:
a device (`/dev/urandom`), a pipe or `/dev/stdin` is refused as `too-large` once it has given
more, not read until memory runs out. What is not a regular file is read once, within the
limit, and kept, so that looking at its first bytes does not lose them.

Every file read is remembered (`inputs_read`), so that the writer can refuse to replace any
input of the run, however it was named.
"""

from __future__ import annotations

import codecs
import io
import re
import stat
import unicodedata
from pathlib import Path
from typing import IO

from hauloc_cli.errors import Code, InputError, Problem, UsageError
from hauloc_cli.vocab.messages import Text, text

MB = 1_000_000
DEFAULT_MAX_SIZE = 100 * MB
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# How a binary file that is not text starts: Excel 97-2003 workbooks, zip archives (xlsx).
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_NEWLINE = re.compile(r"\r\n|\r|\n")
_CHUNK = 1 << 16

# The inputs of this run: (device, inode) → the name it was read by.
_read: dict[tuple[int, int], Path] = {}
# What is not a regular file (a pipe, a device), read once: its name → its bytes.
_streams: dict[str, bytes] = {}
# The byte budget each file was checked with (check_readable), for the readers after it.
_budgets: dict[str, int] = {}


def inputs_read() -> tuple[Path, ...]:
    """Every file this run has read (checked with `check_readable`), once each."""
    return tuple(_read.values())


def forget_inputs() -> None:
    """Start a new run: no file read yet."""
    _read.clear()
    _streams.clear()
    _budgets.clear()


def too_large(path: Path, max_size: int, size: int | None = None) -> InputError:
    """The `too-large` problem, naming the limit (and the size, when known)."""
    limit = f"{max_size / MB:g}"
    return InputError([Problem(
        str(path), "", Code.TOO_LARGE,
        text("file.too_large", size=f"{size / MB:.1f}", limit=limit) if size is not None
        else text("file.too_large_stream", limit=limit), text("file.hint_too_large"))])


def check_readable(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> None:
    """A file named on the command line that cannot be opened is a usage error (exit 2);
    a file larger than `max_size` bytes is refused as an input error (exit 3). What is not a
    regular file (a pipe, a device) is read here, up to the limit."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UsageError(text("file.no_such_file", path=str(path))) from None
    except OSError as exc:
        raise UsageError(text("file.cannot_read", path=str(path),
                              error=exc.strerror or str(exc))) from None
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(f"{path}: is a folder, not a file")
    _read.setdefault((info.st_dev, info.st_ino), path)
    _budgets[str(path)] = max_size
    if not stat.S_ISREG(info.st_mode):
        if str(path) not in _streams:
            _streams[str(path)] = _read_counted(path, max_size)
        return
    if info.st_size > max_size:
        raise too_large(path, max_size, info.st_size)


def _read_counted(path: Path, max_size: int) -> bytes:
    """At most `max_size` bytes of the file, counted as they are read; more is `too-large`."""
    try:
        with path.open("rb") as handle:
            data = handle.read(max_size + 1)
    except OSError as exc:
        raise UsageError(text("file.cannot_read", path=str(path),
                              error=exc.strerror or str(exc))) from None
    if len(data) > max_size:
        raise too_large(path, max_size)
    return data


def read_bytes(path: Path, max_size: int | None = None) -> bytes:
    """The whole file, read within its budget (`max_size`, else the one it was checked with)."""
    if str(path) in _streams:
        return _streams[str(path)]
    return _read_counted(path, _budget(path, max_size))


def _budget(path: Path, max_size: int | None) -> int:
    return max_size if max_size is not None else _budgets.get(str(path), DEFAULT_MAX_SIZE)


class _Counted(io.RawIOBase):
    """A file read through a byte budget: reading past it raises `too-large`."""

    def __init__(self, raw: IO[bytes], path: Path, max_size: int) -> None:
        self._raw, self._path, self._left, self._max = raw, path, max_size, max_size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        data = self._raw.read(min(len(view), self._left + 1))
        if len(data) > self._left:
            raise too_large(self._path, self._max)
        self._left -= len(data)
        view[:len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


def encoding_name(encoding: str) -> str:
    """The canonical name of an encoding (`CP1258` → `cp1258`); UsageError when unknown."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise UsageError(text("option.encoding", encoding=encoding)) from None


def head(path: Path, size: int = 8192) -> bytes:
    """The first bytes of a file, to tell what kind of file it is."""
    if str(path) in _streams:
        return _streams[str(path)][:size]
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise UsageError(text("file.cannot_read", path=str(path),
                              error=exc.strerror or str(exc))) from None


def choose_encoding(path: Path, start: bytes, encoding: str | None) -> str:
    """The codec to read a text file with: its BOM's, else the one given, else UTF-8."""
    bom = next((name for mark, name in _BOMS if start.startswith(mark)), None)
    given = encoding_name(encoding) if encoding else None
    if bom is not None and given is not None and given != bom and not (
        bom == "utf-16" and given.startswith("utf-16")
    ):
        raise InputError([Problem(
            str(path), "", Code.BAD_ENCODING,
            text("file.bom_and_encoding", bom=bom.upper(), encoding=encoding),
            text("file.hint_bom_and_encoding"))])
    chosen = bom or given or "utf-8"
    if bom is None and chosen in ("utf-16", "utf-32"):
        # Python's codec refuses a stream without a mark; read the order from the bytes,
        # else take Windows' (little-endian). A wrong guess fails as bad-encoding, located.
        chosen = (utf16_without_bom(start) if chosen == "utf-16" else None) or chosen + "-le"
    if bom is None and b"\x00" in start and not chosen.startswith("utf-16"):
        utf16 = utf16_without_bom(start)
        if utf16 is not None:
            raise InputError([Problem(
                str(path), "", Code.NOT_TEXT, text("file.utf16_no_bom", codec=utf16.upper()),
                text("file.hint_utf16_no_bom", codec=utf16))])
        kind = file_kind(path, start)
        raise InputError([Problem(
            str(path), "", Code.NOT_TEXT,
            text("file.binary") if kind is None else text("file.is_kind", kind=kind),
            text("file.hint_xls") if start.startswith(XLS_MAGIC) else
            text("file.hint_give_csv"))])
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


def open_text(path: Path, encoding: str, max_size: int | None = None) -> IO[str]:
    """A strict text stream over the file, lines split on any line end, ends kept (for csv);
    reading more than `max_size` bytes (else the budget it was checked with) is `too-large`."""
    raw: IO[bytes]
    if str(path) in _streams:
        raw = io.BytesIO(_streams[str(path)])
    else:
        try:
            raw = path.open("rb")
        except OSError as exc:
            raise UsageError(text("file.cannot_read", path=str(path),
                                  error=exc.strerror or str(exc))) from None
    counted = io.BufferedReader(_Counted(raw, path, _budget(path, max_size)))
    return io.TextIOWrapper(counted, encoding=encoding, errors="strict", newline="")


def decode_problem(path: Path, encoding: str) -> Problem:
    """Where the first byte that is not valid `encoding` is, and what to do about it.

    Only called once decoding has failed, so reading the whole file again (within its budget)
    is fine.
    """
    data = read_bytes(path)
    try:
        data.decode(encoding)
        start, end = len(data), len(data)  # a stream that ends inside a character
    except UnicodeDecodeError as exc:
        start, end = exc.start, exc.end
    lines = _NEWLINE.split(data[:start].decode(encoding, errors="replace"))
    line, col = len(lines), len(lines[-1]) + 1
    shown = data[start:end].hex(" ")
    label = "UTF-8" if encoding in ("utf-8", "utf-8-sig") else encoding
    if label == "UTF-8":
        hint = text("file.hint_cp1258")
    else:
        hint = text("file.hint_encoding")
    return Problem(str(path), f"{line}:{col}", Code.BAD_ENCODING,
                   text("file.bad_encoding", label=label, byte=shown) if shown
                   else text("file.bad_encoding_end", label=label), hint, line)


PDF_MAGIC = b"%PDF-"


def file_kind(path: Path, start: bytes) -> Text | None:
    """What a file that is not text is, said for people ('a PDF document', 'a Word document
    (.docx)'), from its first bytes (and, for a zip archive, the names inside it); None when
    it is none of those hauloc knows."""
    if start.startswith(PDF_MAGIC):
        return text("kind.pdf")
    if start.startswith(XLS_MAGIC):
        return text("kind.xls")
    if not start.startswith(ZIP_MAGIC):
        return None
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(read_bytes(path))) as archive:
            names = archive.namelist()
            mimetype = (archive.read("mimetype") if "mimetype" in names else b"").strip()
    except (zipfile.BadZipFile, OSError, InputError, UsageError, KeyError):
        return text("kind.zip")
    if any(n.startswith("word/") for n in names):
        return text("kind.docx")
    if any(n.startswith("xl/") for n in names):
        return text("kind.xlsx")
    if mimetype.endswith(b"opendocument.text"):
        return text("kind.odt")
    if mimetype.endswith(b"opendocument.spreadsheet"):
        return text("kind.ods")
    return text("kind.zip")


def read_text(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> str:
    """The whole of a (small) UTF-8 file as NFC-normalised text; a UTF-8 BOM is dropped."""
    check_readable(path, max_size)
    encoding = choose_encoding(path, head(path, 4), None)
    data = read_bytes(path, max_size)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError([decode_problem(path, encoding)]) from None
    return unicodedata.normalize("NFC", text)
