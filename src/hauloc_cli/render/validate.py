"""What `hauloc validate` found, in words: 'OK: 9 targets, 24 rows, quarters Q1–Q3'."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan
from hauloc_cli.render import Options
from hauloc_cli.vocab.i18n import label
from hauloc_cli.vocab.periods import words


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
        months = [p.month for p in periods]
        said = [words(p, lang) for p in periods]  # Q1 / quý I, 6 tháng (issue 9), 10 tháng
        quarterly = all(p.quarter is not None for p in periods)
        step = 3 if quarterly else 1
        kind = "quarters" if quarterly else "periods"
        if not months:
            parts.append(label(lang, "ok.no_figures"))
        elif months == list(range(months[0], months[-1] + 1, step)) and len(months) > 1:
            parts.append(label(lang, f"ok.{kind}_range", first=said[0], last=said[-1]))
        else:
            key = "ok.quarter" if len(months) == 1 and quarterly else f"ok.{kind}"
            parts.append(label(lang, key, list=", ".join(said)))
    return "OK: " + ", ".join(parts)
