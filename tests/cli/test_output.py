"""output.py: the atomic write and the check that --output can be written."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from hauloc_cli.cli.output import check_new, check_writable, protect_inputs, write_atomic
from hauloc_cli.errors import UsageError


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_gets_the_usual_mode(tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "report.txt"
    write_atomic(out, b"one\n")
    assert out.read_bytes() == b"one\n"
    assert mode(out) == 0o644  # 0o666 less the umask 0o022


def test_new_file_follows_a_strict_umask(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        write_atomic(tmp_path / "r.txt", b"x")
    finally:
        os.umask(old)
    assert mode(tmp_path / "r.txt") == 0o600


def test_the_umask_is_never_changed(tmp_path: Path, umask_022: None,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Changing it, even for a moment, would leak to other threads' new files."""
    calls: list[int] = []
    monkeypatch.setattr(os, "umask", lambda m: calls.append(m) or 0o022)
    write_atomic(tmp_path / "r.txt", b"x")
    assert calls == []


def test_replacing_keeps_the_old_mode(tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "report.txt"
    out.write_bytes(b"old\n")
    out.chmod(0o640)
    write_atomic(out, b"new\n")
    assert out.read_bytes() == b"new\n"
    assert mode(out) == 0o640


def test_no_temporary_file_is_left(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    write_atomic(out, b"1")
    write_atomic(out, b"2")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "report.txt"
    out.write_bytes(b"old report\n")

    def broken_replace(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(out, b"new report\n")
    assert out.read_bytes() == b"old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_a_symlink_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "latest.txt"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_pipe_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    check_writable(fifo)
    write_atomic(fifo, b"through the pipe")
    reader.join(timeout=10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_concurrent_writers_leave_one_whole_report(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    # Large payloads, each made of one repeated byte: a mixed or cut file would show.
    payloads = [bytes([65 + i]) * 300_000 for i in range(6)]

    def writer(data: bytes) -> None:
        for _ in range(15):
            write_atomic(out, data)

    threads = [threading.Thread(target=writer, args=(p,)) for p in payloads]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out.read_bytes() in payloads
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_check_writable_accepts_a_new_file_in_an_existing_folder(tmp_path: Path) -> None:
    check_writable(tmp_path / "new.txt")
    assert not (tmp_path / "new.txt").exists()  # nothing touched


def test_check_writable_accepts_a_relative_name(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A bare file name is in the current folder (its parent is '', not a missing folder);
    a relative name in a folder that is not there is still refused."""
    monkeypatch.chdir(tmp_path)
    assert check_writable(Path("report.txt")) is None
    assert list(tmp_path.iterdir()) == []  # nothing touched
    with pytest.raises(UsageError) as err:
        check_writable(Path("no") / "report.txt")
    assert str(err.value) == "no/report.txt: the folder no does not exist"


def test_check_writable_refuses_a_missing_folder(tmp_path: Path) -> None:
    out = tmp_path / "no" / "report.txt"
    with pytest.raises(UsageError) as err:
        check_writable(out)
    assert str(err.value) == f"{out}: the folder {tmp_path / 'no'} does not exist"
    assert err.value.exit_code == 2


def test_check_writable_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as err:
        check_writable(tmp_path)
    assert str(err.value) == f"{tmp_path}: is a folder; give a file name for --output"


def test_check_writable_refuses_a_file_as_folder(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    out = tmp_path / "file" / "report.txt"
    with pytest.raises(UsageError, match="does not exist"):
        check_writable(out)


def _deny_writes_to(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Make `denied` unwritable as the OS would for a normal user (CI runs as root, to whom
    chmod denies nothing)."""
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)) == denied and mode & os.W_OK:
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)


def test_check_writable_refuses_a_read_only_folder(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    _deny_writes_to(monkeypatch, folder)
    with pytest.raises(UsageError) as err:
        check_writable(folder / "report.txt")
    assert str(err.value) == f"{folder / 'report.txt'}: cannot be written (permission denied)"


def test_check_writable_refuses_a_read_only_file(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "report.txt"
    out.write_text("old")
    _deny_writes_to(monkeypatch, out)
    with pytest.raises(UsageError, match="permission denied"):
        check_writable(out)
    assert out.read_text() == "old"


def test_an_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    """Issue 9: the same file by its path, through a symbolic link or a hard link."""
    source = tmp_path / "a.csv"
    source.write_text("target,period,value\n", encoding="utf-8")
    symlink, hardlink = tmp_path / "s.csv", tmp_path / "h.csv"
    symlink.symlink_to(source)
    os.link(source, hardlink)
    for output in (source, symlink, hardlink, tmp_path / "sub" / ".." / "a.csv"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        with pytest.raises(UsageError, match="is the input"):
            protect_inputs(output, (source,))
    other = tmp_path / "other.csv"
    other.write_text("x", encoding="utf-8")
    protect_inputs(other, (source,))  # another file
    protect_inputs(tmp_path / "new.csv", (source,))  # a file that does not exist yet
    protect_inputs(other, (tmp_path / "missing.yaml",))  # an input that does not exist


def test_check_new_refuses_an_existing_file(tmp_path: Path) -> None:
    check_new(tmp_path / "new.xlsx")
    (tmp_path / "old.xlsx").write_bytes(b"PK")
    with pytest.raises(UsageError, match="--force"):
        check_new(tmp_path / "old.xlsx")


def test_the_format_an_output_name_asks_for() -> None:
    from hauloc_cli.cli.output import format_from_suffix

    formats = ("xlsx", "docx", "html", "markdown")
    assert format_from_suffix(Path("phu-luc.XLSX"), formats, "markdown") == "xlsx"
    assert format_from_suffix(Path("bao-cao.htm"), formats, "markdown") == "html"
    assert format_from_suffix(Path("a.md"), formats, "markdown") == "markdown"
    assert format_from_suffix(Path("a.csv"), formats, "markdown") == "markdown"  # not offered
    assert format_from_suffix(Path("a.txt"), ("csv", "xlsx"), "csv") == "csv"
    assert format_from_suffix(None, formats, "markdown") == "markdown"
