"""Colour and width: --color > NO_COLOR > FORCE_COLOR > TERM=dumb > a terminal; files never."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hauloc_cli.cli import app
from hauloc_cli.cli.term import PIPE_WIDTH, output_width, use_color
from tests.conftest import EXAMPLE


@pytest.mark.parametrize(("option", "environ", "isatty", "expected"), [
    # --color always / never beat everything.
    ("always", {"NO_COLOR": "1"}, False, True),
    ("always", {"TERM": "dumb"}, False, True),
    ("never", {"FORCE_COLOR": "1"}, True, False),
    ("never", {}, True, False),
    # auto: NO_COLOR beats FORCE_COLOR …
    ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
    ("auto", {"NO_COLOR": "anything"}, True, False),
    # … an empty NO_COLOR is not set (no-color.org) …
    ("auto", {"NO_COLOR": ""}, True, True),
    ("auto", {"NO_COLOR": "", "FORCE_COLOR": "1"}, False, True),
    # … FORCE_COLOR beats TERM=dumb and a pipe …
    ("auto", {"FORCE_COLOR": "1", "TERM": "dumb"}, False, True),
    ("auto", {"FORCE_COLOR": ""}, False, False),
    # … TERM=dumb beats a terminal …
    ("auto", {"TERM": "dumb"}, True, False),
    ("auto", {"TERM": "xterm-256color"}, True, True),
    # … and last, whether stdout is a terminal.
    ("auto", {}, True, True),
    ("auto", {}, False, False),
])
def test_use_color(option: str, environ: dict[str, str], isatty: bool, expected: bool) -> None:
    assert use_color(option, environ, isatty) is expected


@pytest.mark.parametrize(("environ", "isatty", "columns", "expected"), [
    ({"COLUMNS": "72"}, False, 80, 72),
    ({"COLUMNS": "72"}, True, 120, 72),
    ({}, True, 120, 120),
    ({}, False, 80, PIPE_WIDTH),
    ({"COLUMNS": ""}, False, 80, PIPE_WIDTH),
    ({"COLUMNS": "0"}, False, 80, PIPE_WIDTH),
    ({"COLUMNS": "wide"}, False, 80, PIPE_WIDTH),
    ({"COLUMNS": "-5"}, True, 90, 90),
])
def test_output_width(environ: dict[str, str], isatty: bool, columns: int, expected: int) -> None:
    assert output_width(environ, isatty, columns) == expected


def check(*args: str) -> str:
    result = CliRunner().invoke(app, ["check", str(EXAMPLE), *args])
    assert result.exit_code == 1, result.output
    return result.stdout


@pytest.mark.parametrize(("env", "args", "colored"), [
    ({}, [], False),                                       # conftest: NO_COLOR=1, not a tty
    ({}, ["--color", "always"], True),                    # the option beats NO_COLOR
    ({"NO_COLOR": None, "FORCE_COLOR": "1"}, [], True),    # FORCE_COLOR beats the pipe
    ({"FORCE_COLOR": "1"}, [], False),                     # NO_COLOR beats FORCE_COLOR
    ({"NO_COLOR": None, "FORCE_COLOR": "1", "TERM": "dumb"}, [], True),
    ({"NO_COLOR": None, "FORCE_COLOR": "1"}, ["--color", "never"], False),
    ({"NO_COLOR": None}, [], False),                       # a pipe is not a terminal
])
def test_check_table_colour(monkeypatch: pytest.MonkeyPatch, env: dict[str, str | None],
                            args: list[str], colored: bool) -> None:
    for key, value in env.items():
        if value is None:
            monkeypatch.delenv(key, raising=False)
        else:
            monkeypatch.setenv(key, value)
    out = check(*args)
    assert ("\x1b[" in out) is colored
    # Colour only repeats the status: the words are there either way.
    assert out.count("Off track") == 2


def test_targets_follows_the_same_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = CliRunner().invoke(app, ["targets"])
    forced = CliRunner().invoke(app, ["targets", "--color", "always"])
    assert plain.exit_code == forced.exit_code == 0
    assert "\x1b" not in plain.stdout
    assert "\x1b[" in forced.stdout


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_machine_and_markdown_formats_are_never_coloured(fmt: str) -> None:
    assert "\x1b" not in check("-f", fmt, "--color", "always")


def test_files_are_never_coloured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = tmp_path / "report.txt"
    assert check("--color", "always", "-o", str(out)) == ""
    assert "\x1b" not in out.read_text(encoding="utf-8")


def test_columns_sets_the_table_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    wide = check()
    monkeypatch.setenv("COLUMNS", "90")
    narrow = check()
    assert 90 < max(len(line) for line in wide.splitlines()) <= 120
    assert max(len(line) for line in narrow.splitlines()) <= 90
    for out in (wide, narrow):
        for number in ("10.9%", "67.5", "99.3%", "91%", "67%", "89%", "133%"):
            assert number in out


def test_without_columns_a_pipe_gets_the_wide_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS")
    out = check()
    assert 100 < max(len(line) for line in out.splitlines()) <= PIPE_WIDTH
    # The longest name is not folded at this width.
    assert "Communes and towns meeting the security-and-order standard" in out
