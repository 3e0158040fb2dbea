"""The annex table: the wide table, one row per target, that offices file with a quarterly report
and send each other (`STT | Chỉ tiêu | ĐVT | Kế hoạch năm | Thực hiện cùng kỳ | Thực hiện kỳ
báo cáo | So với kế hoạch (%) | So với cùng kỳ (%) | Đánh giá`).

Pure data: the numbering of its group rows. The columns and their headings, written and read,
are in vocab/annex_columns.py; the period as headings name it in vocab/periods.py.
"""

from __future__ import annotations

# Group rows are numbered with Roman numerals (I. KINH TẾ), targets within a group from 1.
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
