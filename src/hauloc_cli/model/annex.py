"""The annex table: the wide table, one row per target, that offices file with a quarterly report
and send each other (`STT | Chỉ tiêu | ĐVT | Kế hoạch năm | Thực hiện cùng kỳ | Thực hiện kỳ
báo cáo | So với kế hoạch (%) | So với cùng kỳ (%) | Đánh giá`).

Pure data: the columns and the headings hauloc writes for them, in Vietnamese and English. The
writers (`render/report_*.py`) write these headings; the reader of wide tables
(`inputs/actuals/annex.py`) recognises them, and the other names offices give the same columns.
"""

from __future__ import annotations

from typing import NamedTuple

from hauloc_cli.model.periods import Period


class Column(NamedTuple):
    key: str
    vi: str
    en: str


# In the order they are written. `{year}` is the plan's year, `{last}` the year before,
# `{next}` the year after, `{period}` the period judged in words ("9 tháng năm 2024", "nine
# months of 2024").
COLUMNS: tuple[Column, ...] = (
    Column("number", "STT", "No."),
    Column("unit", "Đơn vị", "Reporting unit"),  # the sheet by unit only
    Column("name", "Chỉ tiêu", "Target"),
    Column("measure", "ĐVT", "Unit"),
    Column("plan", "Kế hoạch năm {year}", "Plan {year}"),
    Column("last_year", "Thực hiện cùng kỳ năm {last}", "Same period {last}"),
    Column("value", "Thực hiện {period}", "Actual, {period}"),
    Column("status", "Loại số liệu", "Figure status"),  # only when the figures' status differ
    Column("of_plan", "So với kế hoạch (%)", "% of plan"),
    Column("of_last_year", "So với cùng kỳ (%)", "% of same period"),
    Column("assessment", "Đánh giá", "Assessment"),
    Column("note", "Ghi chú", "Notes"),  # the figure's marks, an earlier period, coverage
    Column("code", "Mã chỉ tiêu", "Target code"),  # workbooks only: what the reader matches on
    Column("unit_code", "Mã đơn vị", "Unit code"),  # the sheet by unit only
    # The year's end, a plan naming its term plan: the year's figure against the term's target.
    Column("term_goal", "So với mục tiêu Nghị quyết Đại hội (%)",
           "% of the congress resolution's target"),
    # report --next-plan: next year's plan, and its growth over the year's figure.
    Column("next_plan", "Kế hoạch năm {next}", "Plan {next}"),
    Column("next_vs", "Kế hoạch năm {next} so với năm {year} (%)",
           "Plan {next} against {year} (%)"),
)
BY_KEY = {c.key: c for c in COLUMNS}

# The value column when every figure of the period judged is an estimate (ước tính).
ESTIMATE_VALUE = Column("value", "Ước thực hiện {period}", "Estimate, {period}")

# Group rows are numbered with Roman numerals (I. KINH TẾ), targets within a group from 1.
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

_PERIOD_WORDS = {
    "vi": ("quý I năm {y}", "6 tháng năm {y}", "9 tháng năm {y}", "năm {y}"),
    "en": ("Q1 {y}", "first half of {y}", "nine months of {y}", "the year {y}"),
}


def period_words(period: Period, lang: str) -> str:
    """The period as an annex heading names it: '9 tháng năm 2024', 'nine months of 2024'."""
    return _PERIOD_WORDS[lang][period.quarter - 1].format(y=period.year)


def heading(column: Column, lang: str, period: Period) -> str:
    """The heading of `column` in `lang` for a report of `period`."""
    text = column.vi if lang == "vi" else column.en
    return text.format(year=period.year, last=period.year - 1, next=period.year + 1,
                       period=period_words(period, lang))
