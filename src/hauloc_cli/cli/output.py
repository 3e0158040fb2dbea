"""Writing a report to a file so that readers only ever see a whole one."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from hauloc_cli.errors import UsageError


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def check_writable(path: Path) -> None:
    """Fail before any work is done when the report could not be written (exit 2)."""
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; give a file name for --output")
    if path.exists() and not path.is_file():  # /dev/null, a pipe: written in place
        if not os.access(path, os.W_OK):
            raise UsageError(f"{path}: cannot be written (permission denied)")
        return
    real = Path(os.path.realpath(path))
    folder = _folder(real)
    if not folder.is_dir():
        raise UsageError(f"{path}: the folder {_folder(path)} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK) or (real.exists() and not os.access(real, os.W_OK)):
        raise UsageError(f"{path}: cannot be written (permission denied)")


def check_not_input(path: Path, inputs: tuple[Path, ...]) -> None:
    """Refuse an --output that is one of the run's inputs, also through a symbolic or a hard
    link (the same device and inode): the report would replace the figures or the plan."""
    try:
        out = path.stat()
    except OSError:
        return  # a file that does not exist yet is no input
    for given in inputs:
        try:
            source = given.stat()
        except OSError:
            continue
        if (out.st_dev, out.st_ino) == (source.st_dev, source.st_ino):
            raise UsageError(f"{path}: is the input {given}; --output would replace it, "
                             "give another file name")


def check_new(path: Path) -> None:
    """Refuse to replace an existing file (a template offices may have filled in)."""
    if path.exists():
        raise UsageError(f"{path}: already exists and may hold figures typed in; "
                         "give another file name, or --force to replace it")


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it over `path`.

    Readers see the old file or the new one, never a part; of two writers at once, one wins
    whole. The file keeps the mode of the one it replaces, else gets the usual mode for new
    files (0o666 less the umask, applied by the system when the temporary file is created, so
    the umask is never changed, not even for a moment). A symbolic link is followed and its
    target replaced. Something that is not a regular file (`/dev/null`, a pipe) is written in
    place, since it cannot be renamed over.
    """
    if path.exists() and not path.is_file():
        with path.open("wb") as handle:
            handle.write(data)
        return
    real = Path(os.path.realpath(path))
    folder = _folder(real)
    try:
        mode: int | None = stat.S_IMODE(real.stat().st_mode)
    except FileNotFoundError:
        mode = None
    fd, tmp = _create_temporary(folder, real.name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(folder)


def _create_temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new file `.NAME.XXXXXXXX.tmp` in `folder`, created with mode 0o666 less the umask."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = str(folder / f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:  # pragma: no cover - 32 random bits collided
            continue


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_file(path: Path, data: bytes) -> None:
    """`write_atomic`, with a failure said as a usage error (exit 2) naming the file."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise UsageError(f"{path}: cannot be written ({exc.strerror or exc})") from None
