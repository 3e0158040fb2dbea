"""The `$ hauloc …` examples of README.md and docs/*.md, run as they are shown.

The rule, for whoever writes the docs:

- A fenced block (```, ```console or ```text) that starts with a `$ ` line and runs hauloc
  in one of them (`$ hauloc …`; settings first are allowed: `$ COLUMNS=120 hauloc …`) is
  run. In it, each line starting with `$ ` is a command, and the lines under it, up to the
  next `$ ` line, are what it prints: stdout and stderr as a terminal shows them.
  `$ echo $?` shows the exit code of the command above it.
- A block that is not to be run is fenced ```sh and has no `$ ` prompt (commands to type,
  no output shown); a `$ ` line in a block that is not run fails the test. Never shorten an
  output by hand: pipe it (`| head -20`, `| sed -n '/NOT REPORTED/,$p'`), and the pipe is
  run too.
- Each block runs in a fresh temporary folder holding copies of `examples/` and `data/`, so a
  command that writes a file writes it there and never into the repository; the commands of
  one block share that folder. The environment is NO_COLOR=1, COLUMNS=80 and no language
  setting (HAULOC_LANG, LANG, LC_*), unless the command sets them. An HTML comment on the
  line before the fence copies more files in: `<!-- docs-example: copy SOURCE NAME -->`
  (SOURCE relative to the repository's root, NAME to the folder; several `copy` clauses may
  be separated by `;`). `<!-- docs-example: continue -->` runs a block where the page's run
  block before it ended (its folder and working directory): a walk-through across blocks.
- `hauloc …` runs in-process (typer's CliRunner: the output is the console script's, and a
  block costs milliseconds rather than a Python start-up); what follows `|` runs in bash with
  hauloc's stdout as its input, `2>/dev/null` leaves stderr out and `>/dev/null` stdout. A
  command that is not hauloc (`$ head -20 draft.yaml`) runs in bash in the block's folder;
  `$ cd DIR` changes that folder for the block's later commands.
- A ```yaml or ```csv block right after `<!-- docs-example: file PATH -->` must be the text of
  that file of the repository, so a file shown is the file shipped.

To write every block's output again from real runs (after a change of messages), run

    .venv/bin/python -m tests.docs_examples --update

and read the diff before committing it: the outputs must be what a reader wants to see.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from hauloc_cli.cli import app

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
RUN_FENCES = {"", "console", "text"}
STARTS_A_RUN = re.compile(r"\$ (?:[A-Z_]+=\S+ )*hauloc\b")
DIRECTIVE = re.compile(r"<!-- docs-example: (.*?) -->")
ENVIRONMENT: dict[str, str | None] = {
    "NO_COLOR": "1", "COLUMNS": "80", "HAULOC_LANG": None, "HAULOC_DECIMAL": None,
    "HAULOC_COLUMNS": None, "HAULOC_PLAN": None, "HAULOC_UNITS": None, "LC_ALL": None,
    "LC_MESSAGES": None, "LANG": None,
    "FORCE_COLOR": None, "TERM": None,
}


@dataclass
class Block:
    """One fenced block of a page: its lines (without the fences) and where they are."""

    page: Path
    fence: str
    first: int  # index in the page's lines of the block's first line
    lines: list[str]
    directive: str

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.first + 1}"

    @property
    def runs(self) -> bool:
        return (self.fence in RUN_FENCES and bool(self.lines) and self.lines[0].startswith("$ ")
                and any(STARTS_A_RUN.match(line) for line in self.lines))

    @property
    def shows_file(self) -> str | None:
        found = re.fullmatch(r"file (\S+)", self.directive)
        return found.group(1) if found else None


def blocks(page: Path) -> list[Block]:
    lines = page.read_text(encoding="utf-8").split("\n")
    found: list[Block] = []
    i = 0
    while i < len(lines):
        opened = re.fullmatch(r"```(\w*)", lines[i])
        if opened is None:
            i += 1
            continue
        end = lines.index("```", i + 1)
        directive = DIRECTIVE.fullmatch(lines[i - 1].strip()) if i else None
        found.append(Block(page, opened.group(1), i + 1, lines[i + 1:end],
                           directive.group(1) if directive else ""))
        i = end + 1
    return found


def runnable() -> list[Block]:
    return [b for p in PAGES for b in blocks(p) if b.runs]


def shown_files() -> list[Block]:
    return [b for p in PAGES for b in blocks(p) if b.shows_file]


@dataclass
class Command:
    line: str  # as shown, without "$ "
    shown: list[str]
    shows_code: str | None  # the line under a following `$ echo $?`


def commands(block: Block) -> list[Command]:
    found: list[Command] = []
    for line in block.lines:
        if line == "$ echo $?":
            found[-1].shows_code = ""
        elif line.startswith("$ "):
            found.append(Command(line[2:], [], None))
        elif found[-1].shows_code == "":
            found[-1].shows_code = line
        else:
            found[-1].shown.append(line)
    return found


def _split(line: str) -> tuple[str, str]:
    """`hauloc … 2>/dev/null | sed …` → (`hauloc …`, `2>/dev/null | sed …`): the first `|`,
    `>` or `2>` outside quotes ends hauloc's part."""
    quote = ""
    for i, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "|>" or line.startswith(" 2>", i):
            return line[:i].rstrip(), line[i:].strip()
    return line, ""


@contextlib.contextmanager
def _inside(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _hauloc(part: str) -> tuple[str, str, str, int]:
    """Run `[NAME=value …] hauloc ARGS` in-process: (stdout, stderr, both as a terminal shows
    them, exit code)."""
    words = shlex.split(part, comments=True)
    env = dict(ENVIRONMENT)
    while "=" in words[0] and words[0] != "hauloc":
        name, value = words.pop(0).split("=", 1)
        env[name] = value
    assert words[0] == "hauloc", part
    result = CliRunner().invoke(app, words[1:], env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.stdout, result.stderr, result.output, result.exit_code


def _bash(command: str, stdin: str | None = None) -> str:
    done = subprocess.run(["bash", "-c", command], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    return done.stdout + done.stderr


def run(command: Command) -> tuple[str, int | None]:
    """What the command prints, in the current folder, and its exit code (hauloc's own, when
    nothing follows it). `cd DIR` changes the folder for the block's later commands."""
    if command.line.startswith("cd "):
        os.chdir(Path(command.line[3:].strip()).expanduser())
        return "", None
    if not STARTS_A_RUN.match("$ " + command.line):
        return _bash(command.line), None
    part, rest = _split(command.line)
    out, err, both, code = _hauloc(part)
    if not rest:
        return both, code
    if rest.startswith("2>/dev/null"):
        err, rest = "", rest[len("2>/dev/null"):].strip()
    elif rest == ">/dev/null":  # what hauloc says on stderr alone
        return err, code
    if rest.startswith("|"):
        return err + _bash(rest[1:], stdin=out), None
    assert not rest, f"cannot run {command.line!r}: only `| …` and `2>/dev/null` follow hauloc"
    return out, code


def folder_for(block: Block, into: Path) -> Path:
    for name in ("examples", "data"):
        shutil.copytree(ROOT / name, into / name)
    for clause in filter(None, (c.strip() for c in block.directive.split(";"))):
        verb, source, name = clause.split()
        assert verb == "copy", f"{block.where}: unknown docs-example clause {clause!r}"
        shutil.copy(ROOT / source, into / name)
    return into


def chain(block: Block) -> list[Block]:
    """The block, after the blocks it continues (`<!-- docs-example: continue -->`: in the
    folder and the working directory where the page's run block before it ended)."""
    if block.directive != "continue":
        return [block]
    before = [b for b in blocks(block.page) if b.runs and b.first < block.first]
    assert before, f"{block.where}: continues, but no block before it is run"
    return [*chain(before[-1]), block]


def truth(block: Block) -> list[str]:
    """The block's lines as they should be: each command with what it prints today."""
    lines: list[str] = []
    played = chain(block)
    with tempfile.TemporaryDirectory(prefix="hauloc-docs-") as tmp:
        folder = folder_for(played[0], Path(tmp))
        with _inside(folder):
            for each in played:
                lines = []
                for command in commands(each):
                    printed, code = run(command)
                    lines.append("$ " + command.line)
                    lines += printed.split("\n")[:-1] if printed.endswith("\n") else (
                        printed.split("\n") if printed else [])
                    if command.shows_code is not None:
                        assert code is not None, f"{each.where}: `echo $?` after a pipe"
                        lines += ["$ echo $?", str(code)]
    return lines


def update() -> int:
    """Write every runnable block's output again from a real run; return how many changed."""
    changed = 0
    for page in PAGES:
        lines = page.read_text(encoding="utf-8").split("\n")
        for block in reversed([b for b in blocks(page) if b.runs]):
            new = truth(block)
            if new != block.lines:
                changed += 1
                lines[block.first:block.first + len(block.lines)] = new
                print(f"updated {block.where}", file=sys.stderr)
        page.write_text("\n".join(lines), encoding="utf-8")
    return changed


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python -m tests.docs_examples --update")
    print(f"{update()} block(s) written again", file=sys.stderr)
