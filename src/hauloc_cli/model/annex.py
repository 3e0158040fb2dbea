"""The annex table: the wide table, one row per target, that offices file with a quarterly report
and send each other (`STT | Chỉ tiêu | ĐVT | Kế hoạch năm | Thực hiện cùng kỳ | Thực hiện kỳ
báo cáo | So với kế hoạch (%) | So với cùng kỳ (%) | Đánh giá`).

Pure data: the numbering of its group rows and the period as its headings name it. The
columns and their headings, written and read, are in vocab/annex_columns.py.
"""

from __future__ import annotations

from hauloc_cli.model.periods import Period

# Group rows are numbered with Roman numerals (I. KINH TẾ), targets within a group from 1.
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

_PERIOD_WORDS = {
    "vi": ("quý I năm {y}", "6 tháng năm {y}", "9 tháng năm {y}", "năm {y}"),
    "en": ("Q1 {y}", "first half of {y}", "nine months of {y}", "the year {y}"),
}


def period_words(period: Period, lang: str) -> str:
    """The period as an annex heading names it: '9 tháng năm 2024', 'nine months of 2024'."""
    return _PERIOD_WORDS[lang][period.quarter - 1].format(y=period.year)

