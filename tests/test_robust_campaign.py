"""Issue 21: the fuzz and fault suite, a bounded number of cases of `bench/robust.py` (the long
campaign runs 10,000 and writes docs/reliability.md). Each case runs the console script's
entry point in a forked child with a time limit (20 s) and an address-space limit (2 GiB)."""

from __future__ import annotations

import importlib.util
import os
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not hasattr(os, "fork"), reason="the cases run in forks")]


@pytest.fixture(scope="module")
def robust() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_robust", ROOT / "bench" / "robust.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_robust"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    module.preload()
    return module


def held(campaign: object) -> None:
    failures = campaign.failures()  # type: ignore[attr-defined]
    assert not failures, "\n".join(f"{o.kind}: {o.what}: {o.detail}" for o in failures)


def test_every_hostile_file_of_the_issue_is_a_coded_problem(robust: ModuleType,
                                                            tmp_path: Path) -> None:
    campaign = robust.Campaign()
    robust.hostile_cases(campaign, tmp_path)
    assert len(campaign.outcomes) >= 36
    held(campaign)


def test_closed_full_and_broken_stdout(robust: ModuleType, tmp_path: Path) -> None:
    campaign = robust.Campaign()
    robust.stdout_cases(campaign, tmp_path)
    assert len(campaign.outcomes) == 31
    held(campaign)


def test_twenty_runs_racing_on_one_new_output(robust: ModuleType, tmp_path: Path) -> None:
    campaign = robust.Campaign()
    robust.race_cases(campaign, 1, tmp_path)
    assert [o.kind for o in campaign.outcomes] == ["race"]  # one round of 20 writers, judged
    held(campaign)


def test_interruptions_never_leave_a_part_of_a_report(robust: ModuleType,
                                                      tmp_path: Path) -> None:
    campaign = robust.Campaign()
    robust.interruption_cases(campaign, 12, random.Random(21), tmp_path)
    assert len(campaign.outcomes) == 12
    assert {o.kind for o in campaign.outcomes} == {"interrupt SIGINT", "interrupt SIGKILL"}
    held(campaign)


def test_a_full_disk_leaves_nothing(robust: ModuleType, tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("not root: a 64 KiB tmpfs can only be mounted by root")
    campaign = robust.Campaign()
    how = robust.disk_full_cases(campaign, tmp_path)
    if how.startswith("skipped"):
        pytest.skip(how)
    assert len(campaign.outcomes) == 2
    held(campaign)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_mutated_inputs_of_every_kind(robust: ModuleType, tmp_path: Path, seed: int) -> None:
    campaign = robust.Campaign()
    robust.mutation_cases(campaign, 40, random.Random(seed), tmp_path)
    assert len(campaign.outcomes) == 40
    held(campaign)
