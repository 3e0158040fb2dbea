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
# `{period}` the period judged in words ("9 tháng năm 2024", "nine months of 2024").
COLUMNS: tuple[Column, ...] = (
    Column("number", "STT", "No."),
    Column("unit", "Đơn vị", "Reporting unit"),  # the sheet by unit only
    Column("name", "Chỉ tiêu", "Target"),
    Column("measure", "ĐVT", "Unit"),
    Column("plan", "Kế hoạch năm {year}", "Plan {year}"),
    Column("last_year", "Thực hiện cùng kỳ năm {last}", "Same period {last}"),
    Column("month", "Thực hiện tháng {month}", "Actual, month {month} alone"),  # monthly
    Column("value", "Thực hiện {period}", "Actual, {period}"),
    Column("status", "Loại số liệu", "Figure status"),  # only when the figures' status differ
    Column("of_plan", "So với kế hoạch (%)", "% of plan"),
    Column("of_last_year", "So với cùng kỳ (%)", "% of same period"),
    Column("assessment", "Đánh giá", "Assessment"),
    Column("note", "Ghi chú", "Notes"),  # the figure's marks, an earlier period, coverage
    Column("code", "Mã chỉ tiêu", "Target code"),  # workbooks only: what the reader matches on
    Column("unit_code", "Mã đơn vị", "Unit code"),  # the sheet by unit only
)
BY_KEY = {c.key: c for c in COLUMNS}

# The value column when every figure of the period judged is an estimate (ước tính).
ESTIMATE_VALUE = Column("value", "Ước thực hiện {period}", "Estimate, {period}")
ESTIMATE_MONTH = Column("month", "Ước thực hiện tháng {month}", "Estimate, month {month} alone")

# Group rows are numbered with Roman numerals (I. KINH TẾ), targets within a group from 1.
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def heading(column: Column, lang: str, period: Period, said: str) -> str:
    """The heading of `column` in `lang` for a report of `period`, `said` as the annex names
    it (`vocab.periods.annex_words`: '9 tháng năm 2024')."""
    text = column.vi if lang == "vi" else column.en
    return text.format(year=period.year, last=period.year - 1, period=said, month=period.month)
