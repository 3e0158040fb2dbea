"""docs/project.md shows what the commands print: every `$ command` of its console blocks is
run, in order, in one shell (a `cd` holds for the commands after it), and prints what the
page shows under it (stderr with stdout)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PAGE = ROOT / "docs" / "project.md"
PLACE = "/tmp/hauloc-doc"  # where the page's examples run; a test's own folder here


def runs() -> list[tuple[str, str]]:
    """Each `$ command` of the page's console blocks, and the lines shown under it."""
    found: list[tuple[str, str]] = []
    text = PAGE.read_text(encoding="utf-8")
    for block in re.findall(r"```console\n(.*?)```\n", text, flags=re.S):
        for command, shown in re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", block, flags=re.M):
            found.append((command, shown))
    return found


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("bash") is None,
                    reason="the page's examples are POSIX shell")
def test_the_page_shows_what_the_commands_print(tmp_path: Path) -> None:
    commands = runs()
    assert len(commands) >= 10
    script = "".join(f"echo @@@@\n{{ {c.replace(PLACE, str(tmp_path))} ; }} 2>&1\n"
                     for c, _ in commands)
    env = {k: v for k, v in os.environ.items() if not k.startswith("HAULOC_")}
    env.update(COLUMNS="100", NO_COLOR="1", LANG="C.UTF-8",
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}")
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=tmp_path,
                          env=env, timeout=300, encoding="utf-8")
    printed = done.stdout.replace(str(tmp_path), PLACE).split("@@@@\n")[1:]
    assert len(printed) == len(commands), done.stderr
    for (command, shown), got in zip(commands, printed, strict=True):
        assert got == shown, command
