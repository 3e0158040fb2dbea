"""Writing a report to a file so that readers only ever see a whole one, and no input of the run
nor a file that may have been filled in is ever replaced by it.

- Every write goes to a temporary file `.NAME.XXXXXXXX.tmp` in the same folder, synced, then
  put in place in one step: renamed over the old file when replacing is allowed (`--force`, or
  `check` and `summary`, whose reports are made again and again), else *linked* to the name,
  which fails when the name exists, so that a file that appears while the run works is never
  replaced (no check-then-write race; of several runs racing on one new name, one writes and
  the others exit 2).
- No input of the run is ever the output: the inputs named on the command line are checked
  before any work (`protect_inputs`), and every file the run read (`inputs.files.text.inputs_read`:
  actuals, each file of a folder, the plan, the units file given or named by the plan, last
  year's file) again when writing, through symbolic and hard links alike (the same device and
  inode).
- `write_all` (`template --split`) writes every file or none.
- Temporary files of this naming older than a day (a run killed with SIGKILL) are removed on
  the next write to their folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from hauloc_cli.errors import UsageError
from hauloc_cli.vocab.messages import text

STALE_AFTER = 24 * 3600  # seconds: a temporary file this old is no run's any more
_TEMPORARY = re.compile(r"\A\..+\.[0-9a-f]{8}\.tmp\Z", re.DOTALL)
_SUFFIX_BYTES = len(".12345678.tmp") + 1  # the leading dot too
# Outputs a run may not replace (an existing file is refused): set by `expect`.
_new_only: set[str] = set()


# The format a file's name says, for every command that chooses one from --output.
_SUFFIXES = {".xlsx": "xlsx", ".docx": "docx", ".html": "html", ".htm": "html",
             ".md": "markdown", ".csv": "csv"}


def format_from_suffix(output: Path | None, formats: Iterable[str], default: str) -> str:
    """The format --output's name asks for (`phu-luc.xlsx` → xlsx) when it is one of
    `formats`, else `default`."""
    found = None if output is None else _SUFFIXES.get(output.suffix.lower())
    return found if found in set(formats) else default


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def check_writable(path: Path) -> None:
    """Fail before any work is done when the report could not be written (exit 2)."""
    try:
        _check_writable(path)
    except OSError as exc:  # a name too long, a loop of links, …
        raise UsageError(text("output.cannot_write", path=str(path),
                              error=exc.strerror or str(exc))) from None


def _check_writable(path: Path) -> None:
    name_max = _name_max(_folder(path))
    if len(os.fsencode(path.name)) > name_max:
        raise UsageError(text("output.name_too_long", path=str(path), n=name_max))
    if path.is_dir():
        raise UsageError(text("output.is_folder", path=str(path)))
    if path.exists() and not path.is_file():  # /dev/null, a pipe: written in place
        if not os.access(path, os.W_OK):
            raise UsageError(text("output.permission", path=str(path)))
        return
    real = Path(os.path.realpath(path))
    folder = _folder(real)
    if not folder.is_dir():
        raise UsageError(text("output.no_folder", path=str(path), folder=str(_folder(path))))
    if not os.access(folder, os.W_OK | os.X_OK) or (real.exists() and not os.access(real, os.W_OK)):
        raise UsageError(text("output.permission", path=str(path)))


def protect_inputs(path: Path, inputs: Iterable[Path | None]) -> None:
    """Refuse an output that is one of the run's `inputs` — every actuals file (each file of a
    folder given), the plan, the units file given or named by the plan, last year's file —
    also through a symbolic or a hard link (the same device and inode): the report would
    replace the figures, the plan or the units."""
    try:
        out = path.stat()
    except OSError:
        return  # a file that does not exist yet is no input
    for given in inputs:
        if given is None:
            continue
        files = _files(given)
        for one in files:
            try:
                source = one.stat()
            except OSError:
                continue
            if (out.st_dev, out.st_ino) == (source.st_dev, source.st_ino):
                raise UsageError(text("output.is_input", path=str(path), input=str(one)))


def _files(path: Path) -> list[Path]:
    """A path, or every file in it when it is a folder (the actuals of a folder)."""
    try:
        if path.is_dir():
            return [p for p in path.iterdir() if p.is_file()]
    except OSError:
        return []
    return [path]


def check_new(path: Path) -> None:
    """Refuse to replace an existing file (a template offices may have filled in)."""
    if os.path.lexists(path):
        raise UsageError(text("output.exists", path=str(path)))


def expect(path: Path, *, force: bool) -> None:
    """Say, before the work, whether the coming write of `path` may replace a file: without
    `force` it is made exclusively when written (`write_file`), whatever appeared meanwhile."""
    if not force:
        _new_only.add(os.path.abspath(path))
    else:
        _new_only.discard(os.path.abspath(path))


def forget() -> None:
    """Start a new run (the console script runs one; the tests run many in one process)."""
    _new_only.clear()


def _run_inputs() -> tuple[Path, ...]:
    from hauloc_cli.inputs.files.text import inputs_read

    return inputs_read()


def write_atomic(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Write to a temporary file in the same folder, then put it in place as `path`.

    Readers see the old file or the new one, never a part; of two writers at once, one wins
    whole. With `replace`, the temporary file is renamed over `path`; without, it is linked to
    the name, which fails (FileExistsError) when the name exists, even if the file appeared
    a moment ago. The file keeps the mode of the one it replaces, else gets the usual mode for
    new files (0o666 less the umask, applied by the system when the temporary file is
    created, so the umask is never changed, not even for a moment). A symbolic link is
    followed and its target written. Something that is not a regular file (`/dev/null`, a
    pipe) is written in place, since it cannot be renamed over.
    """
    if path.exists() and not path.is_file():
        with path.open("wb") as handle:
            handle.write(data)
        return
    real = Path(os.path.realpath(path))
    folder = _folder(real)
    remove_stale(folder)
    if not replace and os.path.lexists(real):
        raise FileExistsError(errno.EEXIST, "File exists", str(path))
    tmp = _written(folder, real, data)
    try:
        if replace:
            os.replace(tmp, real)
        else:
            _link_new(tmp, real, data)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    _sync_folder(folder)


def _written(folder: Path, real: Path, data: bytes) -> str:
    """A synced temporary file in `folder` holding `data`, with the mode `real` has (if it
    exists); removed again when anything fails, an interruption included."""
    try:
        mode: int | None = stat.S_IMODE(real.stat().st_mode)
    except OSError:
        mode = None
    fd, tmp = _create_temporary(folder, real.name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _link_new(tmp: str, real: Path, data: bytes) -> None:
    """Give the written temporary file the name `real`, failing when the name exists. Where
    the file system has no hard links, the file is created exclusively and written (still
    never replacing one; a failed write removes what it began)."""
    try:
        os.link(tmp, real)
        return
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV,
                             errno.EMLINK, errno.ENOSYS):
            raise
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(real, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(real)
        raise


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def _temporary_name(folder: Path, name: str) -> str:
    """`.NAME.XXXXXXXX.tmp`, NAME shortened (whole characters) so that the name fits the
    file system's limit: a legal 255-byte output name still gets a temporary file."""
    room = _name_max(folder) - _SUFFIX_BYTES
    raw = os.fsencode(name)
    if len(raw) > room:
        name = raw[:max(room, 1)].decode("utf-8", "ignore") or "x"
    return f".{name}.{secrets.token_hex(4)}.tmp"


def _create_temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new file `.NAME.XXXXXXXX.tmp` in `folder`, created with mode 0o666 less the umask."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = str(folder / _temporary_name(folder, name))
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:  # pragma: no cover - 32 random bits collided
            continue


def remove_stale(folder: Path, now: float | None = None) -> list[str]:
    """Remove the temporary files of hauloc's own naming (`.NAME.XXXXXXXX.tmp`) older than a
    day from `folder`: a run killed with SIGKILL cannot remove its own. Returns their names."""
    limit = (time.time() if now is None else now) - STALE_AFTER
    removed = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not _TEMPORARY.match(entry.name):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                    os.unlink(entry.path)
                    removed.append(entry.name)
    return removed


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _exists(path: Path) -> UsageError:
    return UsageError(text("output.exists", path=str(path)))


def write_file(path: Path, data: bytes, *, replace: bool | None = None) -> None:
    """`write_atomic`, never over an input of the run, with a failure said as a usage error
    (exit 2) naming the file. `replace` None: as `expect` said for this path (by default,
    replacing is allowed)."""
    if replace is None:
        replace = os.path.abspath(path) not in _new_only
    protect_inputs(path, _run_inputs())
    try:
        write_atomic(path, data, replace=replace)
    except FileExistsError:
        raise _exists(path) from None
    except OSError as exc:
        raise UsageError(text("output.cannot_write", path=str(path),
                              error=exc.strerror or str(exc))) from None


def write_all(files: Mapping[Path, bytes], *, replace: bool) -> None:
    """Write several files (`template --split`): all of them, or none.

    Every file is first written to its temporary file and synced; a failure there (a full
    disk) removes them all and changes nothing. They are then put in place: without `replace`
    each is linked to its name, and if one name is taken meanwhile, the ones already placed
    are removed again; with `replace`, the files replaced are kept aside (linked) until all
    are in place, and put back if one fails.
    """
    for path in files:
        protect_inputs(path, _run_inputs())
    if not replace:
        there = [str(p) for p in files if os.path.lexists(p)]
        if there:
            raise UsageError(text("output.all_exist", paths=", ".join(there)))
    targets = [(Path(os.path.realpath(p)), p, data) for p, data in files.items()]
    for folder in {_folder(real) for real, _, _ in targets}:
        remove_stale(folder)
    temporaries: list[str] = []
    kept: dict[Path, str] = {}  # the file replaced → where it is kept until the end
    placed: list[Path] = []
    try:
        for real, _, data in targets:
            temporaries.append(_written(_folder(real), real, data))
        for (real, shown, data), tmp in zip(targets, temporaries, strict=True):
            if replace:
                if os.path.lexists(real) and (aside := _keep_aside(real)) is not None:
                    kept[real] = aside
                os.replace(tmp, real)
            else:
                try:
                    _link_new(tmp, real, data)
                except FileExistsError:
                    raise _exists(shown) from None
            placed.append(real)
    except BaseException as exc:
        for real in placed:  # back as it was
            with contextlib.suppress(OSError):
                if real in kept:
                    os.replace(kept.pop(real), real)
                else:
                    os.unlink(real)
        if isinstance(exc, OSError):
            raise UsageError(text("output.none_written", path=str(exc.filename or "—"),
                                  error=exc.strerror or str(exc))) from None
        raise
    finally:
        for leftover in (*temporaries, *kept.values()):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
    for folder in {_folder(real) for real, _, _ in targets}:
        _sync_folder(folder)


def _keep_aside(real: Path) -> str | None:
    """A second name (a hard link) for the file about to be replaced, to put it back; None
    where the file system has no hard links (it cannot then be put back)."""
    while True:
        aside = str(_folder(real) / _temporary_name(_folder(real), real.name))
        try:
            os.link(real, aside)
            return aside
        except FileExistsError:  # pragma: no cover - 32 random bits collided
            continue
        except OSError:
            return None
