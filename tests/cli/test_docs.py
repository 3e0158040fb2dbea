"""Every command has help and is documented in the README (a habit from sqlite-utils)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from hauloc_cli.cli import app
from tests.conftest import ROOT

HELP = {(c.name or c.callback.__name__): (c.callback.__doc__ or "").strip().splitlines()[0]
        for c in app.registered_commands if c.callback is not None}
COMMANDS = sorted(HELP)


def test_the_commands_are_the_ones_documented() -> None:
    assert COMMANDS == ["check", "init", "report", "schema", "summary", "targets", "template",
                        "term", "validate"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_a_place_in_the_readme(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert HELP[command]  # a docstring, which typer shows as the command's help
    assert HELP[command] in " ".join(result.stdout.split())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # init's page is docs/project.md (issue 25); the README links to it
    pages = (ROOT / "docs" / "project.md").read_text(encoding="utf-8")
    assert f"`hauloc {command}" in readme or f"$ hauloc {command}" in pages


def _readme_report_runs() -> list[tuple[str, str]]:
    """The README's `$ hauloc report …` blocks: the command, then the output pasted under it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```\n\$ (hauloc report [^\n]*)\n(.*?)```\n", readme, flags=re.S)


def test_the_readme_shows_the_report_runs() -> None:
    """Issue 24: the letter, the annex and the table by unit are shown as they are."""
    assert len(_readme_report_runs()) == 3


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("bash") is None,
                    reason="the README's pipelines are POSIX shell")
@pytest.mark.parametrize(("command", "shown"), _readme_report_runs(),
                         ids=lambda x: x[:60] if x.startswith("hauloc") else "")
def test_a_report_run_in_the_readme_prints_what_it_shows(command: str, shown: str) -> None:
    """Every `$ hauloc report …` block of the README is what the command prints today (the
    head/tail/cut of the block included), so the README cannot drift from the report."""
    program = f'"{sys.executable}" -m hauloc_cli'
    done = subprocess.run(["bash", "-c", command.replace("hauloc", program, 1)],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120,
                          env={**os.environ, "COLUMNS": "80", "NO_COLOR": "1"})
    assert done.stdout == shown, done.stderr
