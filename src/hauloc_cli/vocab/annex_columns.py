"""The annex table's columns (`STT | Chỉ tiêu | ĐVT | Kế hoạch năm | Thực hiện cùng kỳ |
Thực hiện kỳ báo cáo | So với kế hoạch (%) | So với cùng kỳ (%) | Đánh giá`): the headings
hauloc writes, in Vietnamese and English, and the names offices give the same columns, which
the reader of annex tables recognises (`inputs/actuals/annex/header.py`). Every heading
written reads back as its column (tests/vocab/).
"""

from __future__ import annotations

from typing import NamedTuple

from hauloc_cli.model.periods import Period
from hauloc_cli.vocab import periods


class Column(NamedTuple):
    key: str
    vi: str
    en: str


# In the order they are written. `{year}` is the plan's year, `{last}` the year before, `{next}`
# the year after, `{month}` the month judged,
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
ESTIMATE_MONTH = Column("month", "Ước thực hiện tháng {month}", "Estimate, month {month} alone")

# The names of the columns a heading may give, toneless (vocab/toneless.py), as patterns
# matching the whole heading. The value and last-year columns, whose headings carry a period,
# are read by the patterns in inputs/actuals/annex/header.py.
READ: tuple[tuple[str, str], ...] = (
    ("number", r"stt|tt|so tt|so thu tu|no\.?|#"),
    ("code", r"ma chi tieu|ma|ma so|code|target code|target id"),
    ("unit_code", r"ma don vi|unit code|unit id"),
    ("unit", r"don vi|don vi bao cao|xa|reporting unit"),
    ("name", r"chi tieu|chi tieu chu yeu|cac chi tieu|ten chi tieu|noi dung|target|targets"
             r"|indicator|indicators"),
    ("measure", r"dvt|dv tinh|don vi tinh|unit|unit of measure"),
    ("status", r"loai so lieu|tinh trang|tinh trang so lieu|figure status|status"),
    ("assessment", r"danh gia|ket qua danh gia|assessment"),
    ("note", r"ghi chu|note|notes|remarks"),
    ("source", r"nguon|nguon so lieu|source"),
    ("plan", r"(?:ke hoach|kh|chi tieu ke hoach)(?: nam)?(?: giao)?(?: \d{4})?"
             r"|(?:annual )?plan(?: for)?(?: \d{4})?"),
    ("previous", r"thuc hien ky truoc.*|previous period.*"),
)


def heading(column: Column, lang: str, period: Period) -> str:
    """The heading of `column` in `lang` for a report of `period`."""
    text = column.vi if lang == "vi" else column.en
    return text.format(year=period.year, last=period.year - 1, next=period.year + 1,
                       month=period.month,
                       period=periods.annex_words(period, lang))
