"""What `hauloc validate` found, in words: 'OK: 9 targets, 24 rows, quarters Q1–Q3'."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan
from hauloc_cli.render import Options
from hauloc_cli.vocab.i18n import label


class Checked(NamedTuple):
    """What validate found: the plan; with an actuals file (`rows` not None), its rows and
    periods, and the sheet read when it is a workbook."""

    plan: Plan
    rows: int | None = None
    periods: Sequence[Period] = ()
    sheet: str | None = None


def render(found: Checked, options: Options) -> str:
    lang, rows, periods, sheet = options.lang, found.rows, found.periods, found.sheet
    parts = [label(lang, "ok.targets", n=len(found.plan.targets))]
    if sheet is not None:
        parts.append(label(lang, "ok.sheet", name=sheet))
    if rows is not None:
        parts.append(label(lang, "ok.row" if rows == 1 else "ok.rows", n=rows))
        quarters = [p.quarter for p in periods]
        words = [p.words(lang) for p in periods]  # Q1 / quý I, 6 tháng (issue 9)
        if not quarters:
            parts.append(label(lang, "ok.no_figures"))
        elif quarters == list(range(quarters[0], quarters[-1] + 1)) and len(quarters) > 1:
            parts.append(label(lang, "ok.quarters_range", first=words[0], last=words[-1]))
        else:
            key = "ok.quarter" if len(quarters) == 1 else "ok.quarters"
            parts.append(label(lang, key, list=", ".join(words)))
    return "OK: " + ", ".join(parts)
