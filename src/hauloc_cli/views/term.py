"""What a reader of the term's status needs, computed from the one term result: per target
its base, latest figure, the years still to come, and the mid-term count ("x/y chỉ tiêu đạt,
z có khả năng đạt, w khó đạt"). No words here: the renderers say it (`render/term/`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hauloc_cli.model.term import TermPlan
from hauloc_cli.rules.status import Status
from hauloc_cli.rules.term import TermReport, TermResult

# The classes a mid-term review counts, in the order it says them.
COUNT_CLASSES = ("achieved", "likely", "unlikely", "missed", "no_data")
_CLASS = {Status.ACHIEVED: "achieved", Status.ON_TRACK: "likely", Status.AT_RISK: "unlikely",
          Status.OFF_TRACK: "unlikely", Status.MISSED: "missed", Status.NO_DATA: "no_data"}


@dataclass(frozen=True, slots=True)
class TermLine:
    """One target's line: its result, and the years the rest of the term runs over (`rest`:
    first and last; None when none are left)."""

    result: TermResult
    rest: tuple[int, int] | None
    reach_year: int  # the year the target is for: a level's `by`, else the term's last


@dataclass(frozen=True)
class TermView:
    report: TermReport
    lines: tuple[TermLine, ...]
    counts: dict[str, int]  # by COUNT_CLASSES
    issued: date | None = None  # the official report's date (None: blank for the clerk)

    @property
    def plan(self) -> TermPlan:
        return self.report.plan


def count_class(status: Status) -> str:
    """The class a mid-term review counts a status in."""
    return _CLASS[status]


def build_term_view(report: TermReport, issued: date | None = None) -> TermView:
    plan = report.plan
    lines = []
    for r in report.results:
        reach = r.target.reach_year(plan.plan) if r.target.kind == "level" else plan.plan.last
        latest = r.latest
        first = plan.plan.base + 1 if latest is None else (
            latest.period.year + 1 if latest.period.final else latest.period.year)
        lines.append(TermLine(r, (first, reach) if first <= reach else None, reach))
    counts = dict.fromkeys(COUNT_CLASSES, 0)
    for r in report.results:
        counts[count_class(r.status)] += 1
    return TermView(report, tuple(lines), counts, issued)
