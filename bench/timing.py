"""Running and timing: each command in a fresh child, its own wall time and peak memory; the
commands of one comparison in rounds, their order rotating from round to round."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Command = list[str]


@dataclass
class Run:
    seconds: float
    max_rss_kib: int
    code: int


# Checks the output of one run: None when it is right, else what is wrong.
Verify = Callable[[str], "str | None"]


@dataclass
class Cmd:
    key: str  # how the report refers to it
    label: str  # what the report shows
    argv: Command
    codes: frozenset[int] = frozenset({0})
    env: dict[str, str] = field(default_factory=dict)
    verify: Verify | None = None
    rows: int = 0  # the data rows of the file it reads, for the report


# A child's ru_maxrss on Linux is at least the resident size of the process that forked it
# (exec keeps the high-water mark of the forked copy), so the bench, which holds the generated
# data, cannot fork the measured command itself. A fresh `python -I -S` (about 8 MiB, less than
# any measured Python program) spawns it instead, its stdout and stderr into files, and reports
# the child's own time and peak memory from os.wait4; its own start-up is outside the timed span.
# The timer's program is timer.py, run with `python -I -S -c` (its text, not its path).
_TIMER = (Path(__file__).resolve().parent / "timer.py").read_text(encoding="utf-8")


def run_once(cmd: Cmd, cwd: Path, env: dict[str, str]) -> Run:
    """Run one child; its own wall time and peak memory. Its output is left in out/KEY."""
    out = cwd / "out" / cmd.key
    out.parent.mkdir(exist_ok=True)
    done = subprocess.run([sys.executable, "-I", "-S", "-c", _TIMER, str(out), *cmd.argv],
                          cwd=cwd, env={**env, **cmd.env}, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench: the timer could not run {' '.join(cmd.argv)}:\n"
                         f"{done.stderr}")
    seconds, rss, code = done.stdout.split()
    run = Run(float(seconds), int(rss), int(code))
    if run.code not in cmd.codes:
        tail = Path(f"{out}.err").read_text(encoding="utf-8", errors="replace")[-2000:]
        raise SystemExit(f"bench: {' '.join(cmd.argv)} exited {run.code} (expected "
                         f"{sorted(cmd.codes)}):\n{tail}")
    return run


@dataclass
class Group:
    """The runs of the commands compared with each other, round by round."""
    name: str
    cmds: dict[str, Cmd]
    runs: dict[str, list[Run]] = field(default_factory=dict)

    def ratio(self, a: str, b: str, of: Callable[[Run], float] = lambda r: r.seconds) -> float:
        """The median over the rounds of a / b."""
        return statistics.median(of(x) / of(y)
                                 for x, y in zip(self.runs[a], self.runs[b], strict=True))

    def mem_ratio(self, a: str, b: str) -> float:
        return self.ratio(a, b, lambda r: r.max_rss_kib)

    def median(self, key: str) -> float:
        return statistics.median(r.seconds for r in self.runs[key])

    def peak(self, key: str) -> int:
        """The highest peak memory of all its rounds, in KiB."""
        return max(r.max_rss_kib for r in self.runs[key])


def measure(name: str, cmds: Sequence[Cmd], cwd: Path, env: dict[str, str],
            rounds: int, warmups: int) -> Group:
    """Run the commands in rounds, rotating their order; the first round's outputs are checked."""
    group = Group(name, {c.key: c for c in cmds}, {c.key: [] for c in cmds})
    for i in range(warmups + rounds):
        order = list(cmds[i % len(cmds):]) + list(cmds[:i % len(cmds)])
        for cmd in order:
            run = run_once(cmd, cwd, env)
            if i == 0 and cmd.verify is not None:
                problem = cmd.verify((cwd / "out" / cmd.key).read_text(encoding="utf-8"))
                if problem:
                    raise SystemExit(f"bench: {' '.join(cmd.argv)}: {problem}")
            if i >= warmups:
                group.runs[cmd.key].append(run)
    first = cmds[0].key
    print(f"  {name}: " + "; ".join(f"{c.key} {ms(group.median(c.key))}" for c in cmds)
          + "".join(f"; {first}/{c.key} {group.ratio(first, c.key):.2f}x" for c in cmds[1:]),
          flush=True)
    return group


def hauloc_command() -> Command:
    """The `hauloc` console script of this environment, else `python -m hauloc_cli`."""
    script = Path(sys.executable).with_name("hauloc")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "hauloc_cli"]


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("HAULOC_", "PYTHON", "LC_", "FORCE_COLOR"))}
    env.update({"NO_COLOR": "1", "COLUMNS": "100", "LANG": "C.UTF-8"})
    return env


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"
