"""The installed `hauloc` console script, run the way cron runs it: no terminal, bare env."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hauloc_cli import __version__
from hauloc_cli.cli import app
from tests.conftest import EXAMPLE

HAULOC = Path(sys.executable).parent / "hauloc"
# No plan named anywhere (issue 25): the shipped one, said once, first, on stderr only.
NOTICE = ("hauloc: no plan given: using the example plan shipped with hauloc (Hậu Lộc district, "
          "2024). Choose yours with --targets PLAN, HAULOC_PLAN=PLAN, or a hauloc.toml (hauloc "
          "init).\n")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    # No terminal (pipes, stdin from /dev/null) and an environment with nothing in it.
    return subprocess.run([str(HAULOC), *args], capture_output=True, stdin=subprocess.DEVNULL,
                          env=env if env is not None else {}, timeout=120)


def test_table_in_an_empty_environment() -> None:
    result = run("check", str(EXAMPLE))
    assert result.returncode == 1
    # No plan named anywhere (issue 25): the shipped one, said once on stderr only.
    assert result.stderr.decode("utf-8") == NOTICE
    out = result.stdout.decode("utf-8")
    assert b"\x1b" not in result.stdout
    lines = out.splitlines()
    assert lines[0].split() == ["Target", "Plan", "Actual", "Expected", "Pace", "Status",
                                "Reason"]
    assert lines[-1] == ("2024-Q3: 1 achieved, 3 on track, 2 at risk, 2 off track, 1 no data — "
                         "9 of 27 declared targets defined")
    # Not a terminal and no COLUMNS: wide enough that no name or status is cut.
    assert "Communes and towns meeting the security-and-order standard" in out
    assert [out.count(s) for s in ("✖ Off track", "▲ At risk", "● On track", "✔ Achieved",
                                   "? No data")] == [2, 2, 3, 1, 1]


def test_json_in_an_empty_environment() -> None:
    result = run("check", str(EXAMPLE), "--format", "json")
    assert (result.returncode, result.stderr.decode("utf-8")) == (1, NOTICE)
    doc = json.loads(result.stdout.decode("utf-8"))
    assert doc["targets"][0]["name"] == "Tốc độ tăng trưởng giá trị sản xuất"


def test_errors_go_to_stderr_with_their_code(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("target,period,value\nocop_products,2024-Q5,1\n", encoding="utf-8")
    result = run("check", str(bad))
    assert result.returncode == 3
    assert result.stdout == b""
    assert result.stderr.decode("utf-8") == NOTICE + (
        f"{bad}:2:2: [bad-period] '2024-Q5' is not a period — write "
        "2024-Q1 … 2024-Q4, or Quý I, 6 tháng, 9 tháng, Cả năm\n"
        "Error: 1 problem(s) found; nothing was evaluated.\n")


def test_force_color_is_honoured_without_a_terminal() -> None:
    result = run("check", str(EXAMPLE), env={"FORCE_COLOR": "1"})
    assert b"\x1b[" in result.stdout


def test_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout, result.stderr) == (
        0, f"hauloc {__version__}\n".encode(), b"")
    runner = CliRunner().invoke(app, ["--version"])
    assert (runner.exit_code, runner.stdout) == (0, f"hauloc {__version__}\n")


def test_module_runs_too() -> None:
    result = subprocess.run([sys.executable, "-m", "hauloc_cli", "--version"],
                            capture_output=True, env={}, timeout=120)
    assert (result.returncode, result.stdout) == (0, f"hauloc {__version__}\n".encode())


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize("asked", ["bash", "zsh"])
def test_show_completion_from_bash(asked: str) -> None:
    """typer finds the shell from the process that started hauloc, not from its argument
    (docs/outputs.md, "Shell completion": `--show-completion zsh` run from bash prints the bash
    script).
    Started by bash here, whatever runs the tests; `; exit` keeps bash from exec'ing hauloc."""
    done = subprocess.run(["bash", "-c", '"$0" --show-completion "$1"; exit $?', str(HAULOC),
                           asked], capture_output=True, stdin=subprocess.DEVNULL, env={},
                          timeout=120)
    assert (done.returncode, done.stderr) == (0, b"")
    script = done.stdout.decode("utf-8")
    assert "_hauloc_completion()" in script
    assert "complete -o default -F _hauloc_completion hauloc" in script


def test_completion_options_are_in_the_help() -> None:
    result = run("--help", env={"COLUMNS": "100"})
    assert result.returncode == 0
    assert b"--install-completion" in result.stdout
    assert b"--show-completion" in result.stdout


def test_a_reader_that_goes_away_is_not_an_internal_error() -> None:
    # `hauloc check … | head -1`: stdout closes before the report is written.
    reader, writer = os.pipe()
    os.close(reader)
    done = subprocess.run([str(HAULOC), "check", str(EXAMPLE), "-f", "json"], stdout=writer,
                          stderr=subprocess.PIPE, text=True, check=False, timeout=60)
    os.close(writer)
    # A quiet exit with its own code (README, "Exit codes"): 141, as a shell says of a
    # reader that went away; not 1, which means targets failing (issue 21).
    assert done.returncode == 141
    assert done.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(("asked", "said"), [
    ([], "Error: cannot write to stdout (No space left on device)"),
    (["--lang", "vi"], "Lỗi: không ghi được ra đầu ra chuẩn (stdout) (No space left on device)"),
])
def test_a_full_disk_is_said_in_the_runs_language(asked: list[str], said: str) -> None:
    """The program's own last words (issue 25): a stdout that cannot be written is exit 2
    and one line, in the language asked on the command line."""
    with open("/dev/full", "wb") as full:
        result = subprocess.run([str(HAULOC), "check", str(EXAMPLE), "--targets",
                                 str(EXAMPLE.parent.parent / "data" / "targets_2024.yaml"),
                                 *asked], stdout=full, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL, env={}, timeout=120)
    assert result.returncode == 2
    assert result.stderr.decode("utf-8") == said + "\n"
