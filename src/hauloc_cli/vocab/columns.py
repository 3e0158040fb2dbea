"""The columns of the long layout (one row per figure) by name: what hauloc writes in the
data-entry template and what it reads in a header, the other names offices give them
(docs/actuals.md).

The annex table's columns, with their headings in both languages, are in
vocab/annex_columns.py.
"""

from __future__ import annotations

REQUIRED = ("target", "period", "value")
OPTIONAL = ("note", "source")
# Columns of the data-entry template that are there for the person filling it in.
REFERENCE = ("name", "unit", "plan_target", "unit_name", "measure")
# Figures as reports give them (issue 12): how final a figure is, the date it was reported,
# and the figure of the same period last year beside it; what the office says of a figure,
# for the letter (issue 24): why it stands where it does, and what is done about it. Column
# name → what it holds.
FIGURE = {
    "status": "status", "tình trạng": "status", "loại số liệu": "status",
    "reported": "reported", "ngày báo cáo": "reported",
    "last_year": "last_year", "thực hiện cùng kỳ": "last_year",
    "cause": "cause", "nguyên nhân": "cause",
    "solution": "solution", "giải pháp": "solution",
}
KNOWN: tuple[str, ...] = REQUIRED + OPTIONAL + REFERENCE + tuple(FIGURE)
# Other names of the columns, as offices write them: toneless (vocab/toneless.py). Add a
# column's other names here (one place for every reader of a header).
ALIASES = {
    "chi tieu": "target", "ma chi tieu": "target",
    "ky": "period", "ky bao cao": "period",
    "gia tri": "value", "so lieu": "value", "thuc hien": "value",
    "ghi chu": "note",
    "nguon": "source",
    "nguyen nhan": "cause", "giai phap": "solution",
    # the data-entry template's columns for the person filling it in, as `WRITTEN` names them
    "ten chi tieu": "name", "don vi tinh": "measure", "dvt": "measure",
    "ke hoach": "plan_target", "ten don vi": "unit_name",
}
# With a units tree in effect, the column naming each row's reporting unit.
UNIT = ("unit", "đơn vị", "xã", "đơn vị báo cáo")
# The data-entry template's columns, in the order written (a template per unit adds the
# unit's columns: views/template.py).
TEMPLATE = (*REQUIRED, *OPTIONAL, "name", "unit", "plan_target")
# The template's columns as a Vietnamese template heads them (`hauloc template --lang vi`):
# every name reads back as its column (ALIASES, UNIT). The plain template's `unit` is the
# unit of measure (Đơn vị tính); a template for units has the reporting unit there (Đơn vị)
# and the unit of measure in `measure`.
WRITTEN = {
    "vi": {"target": "Mã chỉ tiêu", "period": "Kỳ báo cáo", "value": "Số liệu",
           "note": "Ghi chú", "source": "Nguồn", "name": "Tên chỉ tiêu",
           "unit": "Đơn vị tính", "plan_target": "Kế hoạch", "unit_name": "Tên đơn vị",
           "measure": "Đơn vị tính"},
    "en": {},
}
WRITTEN_UNIT = {"vi": "Đơn vị", "en": "unit"}  # the reporting unit's column
