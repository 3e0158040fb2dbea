"""Issue 21, items 1 and 2: no input of a run and no file that may be filled in is ever replaced
by an output; outputs are made exclusively (no check-then-write race) and --split writes all
its files or none; stale temporary files are cleaned."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from hauloc_cli.cli import output
from hauloc_cli.cli.common import check_output, emit
from hauloc_cli.errors import UsageError
from hauloc_cli.inputs.files import text as textio
from tests.cli.support import run
from tests.conftest import ASSETS

PLAN = """plan: {id: p, year: 2024}
units: units.yaml
targets:
  - {id: schools, name: Schools, kind: cumulative, target: 12, rollup: sum,
     assign: {d1: 6, d2: 6}}
"""
UNITS_CSV = "id,name,parent,kind\np,Tỉnh P,,province\nd1,D1,p,district\nd2,D2,p,district\n"


@pytest.fixture(autouse=True)
def _fresh_run() -> None:
    output.forget()
    textio.forget_inputs()


def commune(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A plan naming its units file, the units file, and a folder of actuals."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    units = tmp_path / "units.yaml"
    units.write_text((ASSETS / "units.tree.yaml").read_text("utf-8"), encoding="utf-8")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "d1.csv").write_text("target,period,value,unit\nschools,Q1,1,a\n", "utf-8")
    return plan, units, reports


@pytest.mark.parametrize("command", ["check", "summary"])
def test_units_given_is_never_the_output(tmp_path: Path, command: str) -> None:
    plan, units, reports = commune(tmp_path)
    before = units.read_bytes()
    other = tmp_path / "other-units.yaml"
    other.write_bytes(before)
    result = run(command, reports, "--targets", plan, "--units", other, "-o", other)
    assert result.code == 2
    assert f"{other}: is the input {other}" in result.err
    assert other.read_bytes() == before


@pytest.mark.parametrize("link", ["symbolic", "hard", "same"])
def test_units_named_by_the_plan_is_never_the_output(tmp_path: Path, link: str) -> None:
    plan, units, reports = commune(tmp_path)
    before = units.read_bytes()
    target = tmp_path / "alias.yaml"
    if link == "symbolic":
        target.symlink_to(units)
    elif link == "hard":
        os.link(units, target)
    else:
        target = units
    result = run("check", reports, "--targets", plan, "-o", target)
    assert result.code == 2, result.err
    assert "is the input" in result.err
    assert units.read_bytes() == before


def test_every_file_of_a_folder_is_protected(tmp_path: Path) -> None:
    plan, _, reports = commune(tmp_path)
    one = reports / "d1.csv"
    before = one.read_bytes()
    result = run("check", reports, "--targets", plan, "-o", one)
    assert result.code == 2 and one.read_bytes() == before


def test_split_never_writes_over_the_units_file(tmp_path: Path) -> None:
    """`template --units d/x.csv --split d --force` replaced the units CSV."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.replace("units: units.yaml\n", ""), encoding="utf-8")
    folder = tmp_path / "d"
    folder.mkdir()
    units = folder / "d1.csv"  # unit d1's template would be d/d1.csv
    units.write_text(UNITS_CSV, encoding="utf-8")
    result = run("template", "--targets", plan, "--units", units, "--split", folder, "--force")
    assert result.code == 2, result.err
    assert "is the input" in result.err
    assert units.read_text(encoding="utf-8") == UNITS_CSV
    assert sorted(p.name for p in folder.iterdir()) == ["d1.csv"]  # and nothing else written


def test_a_file_that_appears_during_the_run_is_not_replaced(tmp_path: Path) -> None:
    out = tmp_path / "template.csv"
    check_output(out, force=False)  # before the work: it does not exist
    out.write_text("figures typed in\n")  # meanwhile, someone saves a file there
    with pytest.raises(UsageError, match="already exists"):
        emit("the template\n", out)
    assert out.read_text() == "figures typed in\n"
    assert [p.name for p in tmp_path.iterdir()] == ["template.csv"]  # no temporary left


def test_with_force_it_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "template.csv"
    check_output(out, force=True)
    out.write_text("old\n")
    emit("new\n", out)
    assert out.read_text() == "new\n"


def test_twenty_writers_racing_on_one_new_name_one_wins(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    won: list[int] = []
    refused: list[int] = []
    start = threading.Barrier(20)

    def writer(i: int) -> None:
        start.wait()
        try:
            output.write_atomic(out, f"writer {i}\n".encode() * 1000, replace=False)
            won.append(i)
        except FileExistsError:
            refused.append(i)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(won) == 1 and len(refused) == 19
    assert out.read_bytes() == f"writer {won[0]}\n".encode() * 1000
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]


@pytest.mark.slow  # writers racing in processes, like the campaign
def test_racing_template_runs_one_writes_the_others_exit_2(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "t.csv"
    script = ("import sys; from hauloc_cli.cli import main; "
              "sys.argv = ['hauloc', 'template', '-o', sys.argv[1]]; main()")
    procs = [subprocess.Popen([sys.executable, "-c", script, str(out)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for _ in range(8)]
    codes = [p.wait(timeout=120) for p in procs]
    for p in procs:
        assert p.stderr is not None
        p.stderr.close()
    assert sorted(codes) == [0] + [2] * 7


def test_split_writes_all_or_none_when_the_disk_fills(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    real = output._written
    calls = []

    def written(folder: Path, path: Path, data: bytes) -> str:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device", str(path))
        return real(folder, path, data)

    monkeypatch.setattr(output, "_written", written)
    files = {tmp_path / f"u{i}.csv": b"x" * 100 for i in range(5)}
    with pytest.raises(UsageError, match="none of the files was written"):
        output.write_all(files, replace=False)
    assert list(tmp_path.iterdir()) == []


def test_split_takes_back_what_it_placed_when_a_name_is_taken_meanwhile(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_link = output._link_new
    placed = []

    def link(tmp: str, path: Path, data: bytes) -> None:
        if len(placed) == 2:
            path.write_text("typed in\n")  # another run, or an office, got there first
        real_link(tmp, path, data)
        placed.append(path)

    monkeypatch.setattr(output, "_link_new", link)
    files = {tmp_path / f"u{i}.csv": b"template\n" for i in range(4)}
    with pytest.raises(UsageError, match="already exists"):
        output.write_all(files, replace=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["u2.csv"]
    assert (tmp_path / "u2.csv").read_text() == "typed in\n"


def test_split_with_force_puts_the_old_files_back_when_one_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(3):
        (tmp_path / f"u{i}.csv").write_text(f"old {i}\n")
    real_replace = os.replace
    done = []

    def replace(src: str, dst: object) -> None:
        if str(src).endswith(".tmp") and str(dst).endswith("u2.csv") and not done:
            done.append(1)
            raise OSError(5, "Input/output error", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(output.os, "replace", replace)
    with pytest.raises(UsageError, match="none of the files was written"):
        output.write_all({tmp_path / f"u{i}.csv": b"new\n" for i in range(3)}, replace=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["u0.csv", "u1.csv", "u2.csv"]
    assert [(tmp_path / f"u{i}.csv").read_text() for i in range(3)] == [
        "old 0\n", "old 1\n", "old 2\n"]


def test_stale_temporary_files_are_removed_on_the_next_write(tmp_path: Path) -> None:
    old = tmp_path / ".report.csv.0badc0de.tmp"
    fresh = tmp_path / ".report.csv.12345678.tmp"
    theirs = tmp_path / ".notes.tmp"
    for p in (old, fresh, theirs):
        p.write_text("x")
    day_and_more = time.time() - output.STALE_AFTER - 60
    os.utime(old, (day_and_more, day_and_more))
    os.utime(theirs, (day_and_more, day_and_more))
    output.write_file(tmp_path / "report.csv", b"new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".notes.tmp", ".report.csv.12345678.tmp", "report.csv"]


def test_a_255_byte_name_is_written_and_a_longer_one_is_a_usage_error(tmp_path: Path) -> None:
    legal = tmp_path / ("y" * 251 + ".csv")
    result = run("template", "-o", legal)
    assert result.code == 0, result.err
    assert legal.read_text(encoding="utf-8-sig").startswith("target,period")
    assert sorted(p.name for p in tmp_path.iterdir()) == [legal.name]
    too_long = tmp_path / ("x" * 300)
    result = run("template", "-o", too_long)
    assert result.code == 2
    assert "longer than 255 bytes" in result.err
    vietnamese = tmp_path / ("Hậu_Lộc_" * 30 + ".csv")  # 3-byte letters cut whole in .tmp
    if len(os.fsencode(vietnamese.name)) <= 255:
        assert run("template", "-o", vietnamese).code == 0
