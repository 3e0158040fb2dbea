"""The annex table's cells and words, in either language, shared by every writer of the
official report (`report_xlsx`, `report_markdown`, and the document formats).

Which columns apply, their headings (vocab/annex_columns.py), the title, and each line's cells as
values: a `Num` (a number and how it is shown) or text. A workbook writes a `Num` as a number
with a number format; the text formats write `text(num, lang)`. Percentages are numbers in
percent (12,5, under a heading that says `%`, or beside `%` in ĐVT), never shares with a `%`
format: what Excel shows is what the table says, and what is read back.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from hauloc_cli.model.annex import ROMAN
from hauloc_cli.model.figures import FigureStatus, Value
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan, StatusBands, Target
from hauloc_cli.render import compare_words, rounding
from hauloc_cli.render.cells import target_name
from hauloc_cli.render.compare_words import against_ceiling, share_edges
from hauloc_cli.rules import compare
from hauloc_cli.rules.compare import VsLastYear
from hauloc_cli.rules.rollup import UnitsReport
from hauloc_cli.views.annex import NOT_REPORTED, Annex, Line
from hauloc_cli.vocab import figure_status, groups, milestone, periods, plan_words, unit_kinds
from hauloc_cli.vocab.annex_columns import BY_KEY, ESTIMATE_MONTH, ESTIMATE_VALUE, Column, heading
from hauloc_cli.vocab.i18n import format_date, label, unit_label

MAX_DECIMALS = 2  # a figure is shown with at most this many decimals (the cell keeps it all)
SHARE_DECIMALS = 1  # So với kế hoạch (%), So với cùng kỳ (%): 90,8

# The verdicts an annex words its own way where the status word alone would mislead
# (`annex.verdict.*` in the catalogue): at risk is "at risk of missing".
_VERDICTS = frozenset({"at_risk"})
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
MAX_NAMED = 3  # units named in a note; more are counted


@dataclass(frozen=True, slots=True)
class Num:
    """A number in a cell, shown with `decimals` decimals. `kind`: `plain`; `at_most` (a
    ceiling: `≤ 2,5`); `points` (a change in percentage points, signed: `+6,83 điểm %`);
    `change` (a change with no ratio to give, signed: `+4`)."""

    x: float
    decimals: int
    kind: str = "plain"


Cell = Num | str | None


def decimals(x: float) -> int:
    """The fewest decimals (0 to MAX_DECIMALS) that show `x` as it is: 12 → 0, 12.5 → 1."""
    for d in range(MAX_DECIMALS + 1):
        if math.isclose(round(x, d), x, rel_tol=1e-12, abs_tol=1e-12):
            return d
    return MAX_DECIMALS


def number(x: float, kind: str = "plain") -> Num:
    return Num(x, decimals(x), kind)


def text(cell: Cell, lang: str) -> str:
    """A cell as the text formats write it: `10,9`, `≤ 2,5`, `+6,83 điểm %`, `+4`."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell
    signed = cell.kind in ("points", "change")
    shown = fixed(abs(cell.x) if signed else cell.x, cell.decimals, lang)
    if cell.kind == "at_most":
        return f"≤ {shown}"
    if signed:
        sign = "+" if cell.x > 0 else "-" if cell.x < 0 and shown != "0" else ""
        return f"{sign}{shown}" + (f" {points_word(lang)}" if cell.kind == "points" else "")
    return shown


def fixed(x: float, d: int, lang: str) -> str:
    """`x` with exactly `d` decimals, grouped the language's way (`100,0`, `1.695,36`): the
    text formats show a column's figures as the workbook's number format shows them."""
    text = f"{x:,.{d}f}"
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")
    return text.translate(str.maketrans(",.", ".,")) if lang == "vi" else text


def points_word(lang: str) -> str:
    """`điểm %`, `pp`: what a change in percentage points is said in."""
    return label(lang, "unit.points")


def title(annex: Annex, lang: str) -> str:
    """`BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 9 THÁNG NĂM 2024`: names the period."""
    return label(lang, "annex.title", period=periods.annex_words(annex.period, lang)).upper()


def has_last_year(annex: Annex, workbook: bool = True) -> bool:
    """The same-period columns: in a workbook whenever the plan compares any target with last
    year (`compare_last_year`), even when no figure came yet: the form keeps its columns from
    one quarter to the next, and an empty cell says that last year's figure was not given. A
    printed document has them when a line has last year's figure."""
    if any(line.last_year is not None for line in annex.lines):
        return True
    return workbook and any(t.compare_last_year for t in annex.plan.targets)


def columns(annex: Annex, *, by_unit: bool = False, workbook: bool = True
            ) -> tuple[Column, ...]:
    """The columns that apply, in the order written: the sheet by unit has the unit's name
    and code and no same-period columns; `status` only when the figures' status differ, and
    `code` (what the reader matches on), in workbooks only (a document marks each figure
    beside it, and nothing reads it back)."""
    keys = ["number", *(["unit"] if by_unit else []), "name", "measure", "plan"]
    # printed when a line has last year's figure; a workbook keeps empty ones after the
    # print area (the form keeps its columns from one quarter to the next)
    last_year = not by_unit and has_last_year(annex, workbook=False)
    kept = workbook and not by_unit and not last_year and has_last_year(annex, workbook)
    if annex.monthly:  # the monthly form: plan | the month | to date | last year | % | %
        keys += ["month", "value", *(["last_year", "of_last_year"] if last_year else []),
                 "of_plan"]
    else:
        if last_year:
            keys.append("last_year")
        keys.append("value")
        keys.append("of_plan")
        if last_year:
            keys.append("of_last_year")
    if not by_unit:  # the term's target, next year's plan: the plan's lines only
        keys += [*(["term_goal"] if annex.term_goal else []),
                 *(["next_plan", "next_vs"] if annex.next_plan else [])]
    keys += ["assessment", "note"]
    if workbook:  # after the print area: what the reader matches on, not what an official reads
        keys += [*(["last_year", "of_last_year"] if kept else []),
                 *(["status"] if annex.estimates == "mixed" else []), "code",
                 *(["unit_code"] if by_unit else [])]
    return tuple(BY_KEY[k] for k in keys)


PRINTED = frozenset({"number", "unit", "name", "measure", "plan", "last_year", "month", "value",
                     "of_plan", "of_last_year", "term_goal", "next_plan", "next_vs",
                     "assessment", "note"})


def heading_of(column: Column, annex: Annex, lang: str) -> str:
    """The heading written; the value column says `Ước thực hiện…` when every figure is an
    estimate."""
    if column.key == "value" and annex.estimates == "all":
        column = ESTIMATE_VALUE
    if column.key == "month" and annex.estimates == "all":
        column = ESTIMATE_MONTH
    return heading(column, lang, annex.period)


def numeral(n: int) -> str:
    """A group's number as STT writes it: I, II, … (past X, the digits)."""
    return ROMAN[n - 1] if 1 <= n <= len(ROMAN) else str(n)


def group_name(group: str, lang: str, plan: Plan) -> str:
    """`KINH TẾ`, `VĂN HÓA - XÃ HỘI`: a group row's name (vocab.groups: as the plan declares
    it, else the catalogue's)."""
    return groups.name(group, lang, plan).upper()


def measure(target: Target, lang: str) -> str:
    """ĐVT: the unit of measure in the language asked (`%` stays `%`); none for milestones."""
    return "" if target.kind == "milestone" else unit_label(lang, target.measure)


def figure(value: Value, lang: str) -> Num | str:
    """A figure as a cell holds it: a number, or the milestone words the reader takes back
    (`đã đạt` / `chưa đạt`, `done` / `not done`)."""
    if isinstance(value, bool):
        return milestone.written(value, lang)
    return number(float(value))


def plan_cell(line: Line, lang: str) -> Cell:
    """Kế hoạch: the year's target (`≤` for a ceiling), a range, `about:`, a strict or a
    change target in the resolution's words; a milestone's deadline in words."""
    target = line.target
    if target.kind == "milestone":
        deadline = line.result.deadline if line.result is not None else target.deadline
        return label(lang, "annex.complete") if deadline is None else complete_by(deadline, lang)
    if line.plan is None:
        return None
    if plan_words.is_form(target):  # `10–10,5`, `khoảng 8,5`, `trên 80`: as the resolution
        return plan_words.written(target, lang, resolution=True, measure=False)
    return number(line.plan, "at_most" if target.direction == "at_most" else "plain")


def complete_by(deadline: date, lang: str) -> str:
    """A milestone's plan as a resolution words it: `Hoàn thành trước tháng 6/2024` for a
    deadline on a month's last day (31/05/2024), else `Hoàn thành chậm nhất ngày 15/05/2024`."""
    after = deadline + timedelta(days=1)
    if after.day == 1:
        month = _MONTHS_EN[after.month - 1] if lang == "en" else str(after.month)
        return label(lang, "annex.complete_before", month=month, year=after.year)
    return label(lang, "annex.complete_by", date=format_date(deadline, lang))


def stands_in(line: Line, period: Period) -> bool:
    """The line's figure is of an earlier period and stands in for the period judged (a count
    already reached, a state): it is the figure shown, its period said in the notes. A figure
    for reference only (no data) is not."""
    return (line.value is not None and line.as_of is not None and line.as_of != period
            and line.verdict not in (None, "no_data", NOT_REPORTED))


def value_cell(line: Line, period: Period, lang: str) -> Cell:
    """The figure of the period judged, or the earlier one that stands in for it (a year-to-date
    count of 1 at quý I is still 1 at 9 tháng); empty when there is none, or the latest is
    shown for reference only (the notes say it)."""
    if line.value is None or (line.as_of != period and not stands_in(line, period)):
        return None
    return figure(line.value, lang)


def figure_status_word(line: Line, period: Period, lang: str) -> str:
    """Loại số liệu: `ước tính`, `sơ bộ`, `chính thức` beside a figure shown; else empty."""
    if line.figure_status is None or value_cell(line, period, lang) is None:
        return ""
    return figure_status.written(line.figure_status, lang)


def last_year_cell(line: Line) -> Cell:
    return None if line.last_year is None or isinstance(line.last_year, bool) \
        else number(float(line.last_year))


def of_plan(line: Line, lang: str, bands: StatusBands) -> Cell:
    """So với kế hoạch (%): 100 · a / T, with as many decimals as keep it on its side of 100
    (and of the status bands, where a / T is the status ratio): 99,96, never 100,0 for a
    target not met. A ceiling (at_most) says in words how the figure stands against it, `bằng
    80% mức tối đa`, `vượt mức tối đa 0,35 điểm %`: 123,3 would read as a plan over-fulfilled."""
    if line.target.direction == "at_most":
        return against_ceiling(line.target, line.value, line.of_plan, lang) or None
    if line.of_plan is None:
        return None
    shown, d = rounding.shown_percent(
        line.of_plan, rounding.sides_of(share_edges(line.target, bands)),
        decimals=SHARE_DECIMALS)
    x = _percent(line.of_plan)
    return Num(x if round(x, d) == shown else shown, d)  # cut toward its side: the cut value


def of_last_year(line: Line) -> Cell:
    """So với cùng kỳ (%): 100 · a / L; for a target in % the change in points (+6,83 điểm %),
    as reports say it (a ratio of two rates means nothing); with L ≤ 0 the change (+4)."""
    return compared_cell(line.vs_last_year)


def term_goal_cell(line: Line) -> Cell:
    """So với mục tiêu Nghị quyết Đại hội (%): 100 · a / the term's target."""
    return None if line.term_goal is None else Num(_percent(line.term_goal), SHARE_DECIMALS)


def next_plan_cell(line: Line) -> Cell:
    """Kế hoạch năm Y+1: next year's target (`≤ 2,5` for a ceiling)."""
    if line.next_plan is None:
        return None
    return number(line.next_plan, "at_most" if line.target.direction == "at_most" else "plain")


def compared_cell(v: VsLastYear | None) -> Cell:
    """A figure against another (`VsLastYear`): 100 · ratio, else the change (in points for
    a target in %)."""
    if v is None:
        return None
    if v.ratio is not None:
        return Num(_percent(v.ratio), SHARE_DECIMALS)
    return number(float(f"{v.change:.6g}"), "points" if v.points else "change")


def _percent(share: float) -> float:
    """100 · share, to 6 significant digits: no float noise (75.00000000000001) in a cell."""
    return float(f"{share * 100:.6g}")


def assessment(line: Line, lang: str) -> str:
    """Đánh giá: the status word as an annex says it (`Đạt`, `Có nguy cơ không đạt`, at the
    year's end `Vượt kế hoạch`…); what qualifies it is in the notes."""
    if line.verdict is None:
        return ""
    return verdict_word(line.verdict, lang)


def verdict_word(verdict: str, lang: str) -> str:
    """A verdict as the annex and the letter say it."""
    return label(lang, f"annex.verdict.{verdict}" if verdict in _VERDICTS else verdict)


def notes(line: Line, annex: Annex, lang: str) -> str:
    """Ghi chú: what qualifies the figure shown: how final it is (`ước tính`, unless the value
    heading says it of them all), the period of a figure that stands in (`số liệu quý I`) or
    of one shown for reference (`số liệu 6 tháng: 5`), how many units the compiled figure is
    over (`21/22 xã`) and who has not reported; the figure against the target's other plan
    values (`317,1% KH tỉnh giao`)."""
    period = annex.period
    parts: list[str] = []
    shown = value_cell(line, period, lang) is not None
    status = line.figure_status
    if shown and status is not None and annex.estimates != "all" and (
            annex.estimates == "mixed" or status is FigureStatus.ESTIMATE):
        parts.append(figure_status.written(status, lang))
    if line.value is not None and line.as_of is not None and line.as_of != period:
        said = label(lang, "brief.as_of", period=periods.words(line.as_of, lang))
        if not shown:
            value = text(figure(line.value, lang), lang)
            if status is FigureStatus.ESTIMATE:
                value = f"{figure_status.mark(FigureStatus.ESTIMATE, lang)} {value}"
            said = f"{said}: {value}"
        parts.append(said)
    if line.unit is None:
        parts += other_plans(line, lang) if shown else []
        parts += coverage_notes(line.target.id, annex, lang)
    text_ = "; ".join(parts)
    return text_[:1].upper() + text_[1:]


def other_plans(line: Line, lang: str) -> list[str]:
    """`317,1% KH tỉnh giao`: the figure against each of the target's other plan values
    (`other_plans:`), beside the share of the plan judged by."""
    if line.value is None or not line.target.other_plans:
        return []
    return compare_words.other_shares(line.target, compare.other_shares(line.target, line.value),
                                      lang)


def coverage_notes(target: str, annex: Annex, lang: str) -> list[str]:
    """`Tổng hợp 21/22 xã` and `chưa báo cáo: Xã Đa Lộc` for a figure compiled from units
    (or one judged no data for want of them); nothing when every unit reported."""
    units = annex.units
    found = None if units is None else units.targets.get(target)
    if found is None or units is None:
        return []
    cover = found.coverage
    if not cover.missing or (found.source != "rollup" and not found.short):
        return []
    word = unit_word(units, (*cover.reported, *cover.missing, *cover.carried), lang)
    counted = f"{len(cover.counted)}/{cover.expected} {word}"
    names = [units.units.by_id[u].name for u in cover.missing]
    missing = ", ".join(names) if len(names) <= MAX_NAMED else \
        f"{len(names)} {word}"
    return [label(lang, "annex.compiled", counted=counted),
            label(lang, "annex.not_reported", names=missing)]


def unit_word(units: UnitsReport, ids: tuple[str, ...], lang: str) -> str:
    """`xã` when every unit is a commune, a town or a ward, else `đơn vị`."""
    return unit_kinds.count_word((units.units.by_id[u].kind for u in ids), lang)


def name_cell(line: Line, lang: str) -> str:
    return target_name(line.target, lang)


def texts(line: Line, annex: Annex, lang: str, cols: tuple[Column, ...]) -> list[str]:
    """A target line's cells as the text formats write them (a figure's mark is in the notes:
    `ước tính`)."""
    return [text(cell, lang) for cell in cells(line, annex, lang, cols)]


def table_texts(lines: tuple[Line, ...], annex: Annex, lang: str, cols: tuple[Column, ...]
                ) -> list[list[str]]:
    """The lines' cells as text, with one precision per column (`table_cells`)."""
    return [[text(cell, lang) for cell in row] for row in table_cells(lines, annex, lang, cols)]


def table_cells(lines: tuple[Line, ...], annex: Annex, lang: str, cols: tuple[Column, ...]
                ) -> list[list[Cell]]:
    """The lines' cells, every writer's: the shares (`So với kế hoạch`, `So với cùng kỳ`)
    with one precision per column (the most any of them needs: 100,0 beside 99,96 is 100,00),
    and a line's plan, last year's figure and figure with one precision between them (12,0
    beside 10,9), except counts, which stay whole."""
    rows = [cells(line, annex, lang, cols) for line in lines]
    keys = [c.key for c in cols]
    for key in ("of_plan", "of_last_year"):
        if key in keys:
            i = keys.index(key)
            most = max((c.decimals for row in rows if isinstance(c := row[i], Num)), default=0)
            for row in rows:
                if isinstance(c := row[i], Num) and c.kind == "plain":
                    row[i] = Num(c.x, most, c.kind)
    figures = [keys.index(k) for k in ("plan", "last_year", "month", "value") if k in keys]
    for line, row in zip(lines, rows, strict=True):
        if line.target.kind == "milestone" or line.target.counts_whole:
            continue
        most = max((c.decimals for i in figures if isinstance(c := row[i], Num)), default=0)
        for i in figures:
            if isinstance(c := row[i], Num):
                row[i] = Num(c.x, most, c.kind)
    return rows


def cells(line: Line, annex: Annex, lang: str, cols: tuple[Column, ...]) -> list[Cell]:
    """The cells of a target line, one per column of `cols`."""
    period = annex.period
    unit = line.unit
    found: dict[str, Cell] = {
        "number": number(float(line.number)),
        "unit": None if unit is None else (unit.name_en if lang == "en" and unit.name_en
                                           else unit.name),
        "name": name_cell(line, lang),
        "measure": measure(line.target, lang),
        "plan": plan_cell(line, lang),
        "last_year": last_year_cell(line),
        "month": None if line.month is None else figure(line.month, lang),
        "value": value_cell(line, period, lang),
        "status": figure_status_word(line, period, lang),
        "of_plan": of_plan(line, lang, annex.plan.status_bands),
        "of_last_year": of_last_year(line),
        "term_goal": term_goal_cell(line),
        "next_plan": next_plan_cell(line),
        "next_vs": compared_cell(line.next_vs),
        "assessment": assessment(line, lang),
        "note": notes(line, annex, lang),
        "code": line.target.id,
        "unit_code": None if unit is None else unit.id,
    }
    return [found[c.key] for c in cols]
