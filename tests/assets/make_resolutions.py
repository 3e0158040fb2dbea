"""Builds the resolution fixtures of `hauloc plan import` (tests/inputs/resolution/): one
commune's 2026 annex table of targets as .xlsx, .csv and a Word table, and a bulleted resolution
text as .txt and as a Word document's paragraphs. The phrasings are those of real 2026
resolutions (NOTES, "How targets are written"); the commune and its figures are made up.

`resolution.libreoffice-table-2026.ods` is the .xlsx converted by LibreOffice
(`soffice --headless --convert-to ods`), kept as it came.

Run it from the repository's root to write them again: `python tests/assets/make_resolutions.py`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

ASSETS = Path(__file__).resolve().parent

TITLE = ["CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026",
         "(Kèm theo Nghị quyết số 25/NQ-HĐND ngày 18/12/2025 của HĐND xã)"]
HEADER = ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Kế hoạch năm 2026"]
ROWS: list[list[str | float]] = [
    ["I", "KINH TẾ", "", "", ""],
    [1, "Tổng giá trị sản phẩm (giá so sánh 2010) tăng", "%", "9,2", "10 - 10,5"],
    [2, "Thu nhập bình quân đầu người", "Triệu đồng", 62, "≥ 70"],
    [3, "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "12,5", 14.2],
    [4, "Sản phẩm OCOP đạt 3 sao trở lên (thêm mới)", "Sản phẩm", 2, 2],
    [5, "Tổng sản lượng lương thực", "Tấn", "7.850", "khoảng 8.000"],
    ["II", "VĂN HÓA - XÃ HỘI", "", "", ""],
    [6, "Tỷ lệ hộ nghèo (chuẩn đa chiều) giảm", "điểm %", "1,2", "1 - 1,5"],
    [7, "Tỷ lệ lao động qua đào tạo", "%", 78, "> 80"],
    [8, "Tỷ lệ người dân tham gia bảo hiểm y tế", "%", "93,5", 95],
    [9, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", 12, "giảm 0,5"],
    [10, "Tỷ lệ thôn đạt danh hiệu thôn văn hóa", "%", 85, ""],
    ["III", "QUỐC PHÒNG - AN NINH", "", "", ""],
    [11, "Xã đạt chuẩn an toàn về an ninh, trật tự", "", "Đạt", "Hoàn thành"],
    [12, "Hoàn thành sáp nhập thôn, tổ dân phố", "", "", "Trước 30/6/2026"],
]

TEXT = """\
HỘI ĐỒNG NHÂN DÂN
XÃ ĐÔNG THÀNH

NGHỊ QUYẾT
Về nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh năm 2026

Điều 1. Thông qua mục tiêu, chỉ tiêu, nhiệm vụ, giải pháp phát triển kinh tế - xã hội năm 2026.
1. Mục tiêu tổng quát
Năm 2026 là năm đầu thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030.
2. Các chỉ tiêu chủ yếu (18 chỉ tiêu):
I. CÁC CHỈ TIÊU VỀ KINH TẾ
- Tốc độ tăng trưởng tổng giá trị sản phẩm đạt 10–10,5%.
- Thu nhập bình quân đầu người đạt 75 triệu đồng/người/năm trở lên.
- Thu ngân sách trên địa bàn tăng từ 7% trở lên so với năm 2025.
- Tổng vốn đầu tư toàn xã hội khoảng 1.234,5 tỷ đồng.
- Có thêm 2 sản phẩm OCOP đạt 3 sao trở lên.
- Bội chi ngân sách không quá 3% GRDP.
II. CÁC CHỈ TIÊU VỀ VĂN HÓA - XÃ HỘI
- Tỷ lệ hộ nghèo giảm 1–1,5 điểm %.
- Tỷ lệ hộ cận nghèo giảm còn dưới 3%.
- Tỷ lệ lao động qua đào tạo trên 80%; tỷ lệ thất nghiệp dưới 4%.
- Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi dưới 10%.
- 100% trường học đạt chuẩn về cơ sở vật chất, có thêm 1 trường đạt chuẩn quốc gia.
- Tỷ lệ hộ nghèo đa chiều giảm 1,5%.
III. CÁC CHỈ TIÊU VỀ MÔI TRƯỜNG
- Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý đạt 95% trở lên.
- Giữ vững tiêu chí môi trường của xã nông thôn mới nâng cao.
IV. QUỐC PHÒNG - AN NINH
- Xã đạt chuẩn "An toàn về an ninh, trật tự" trước tháng 10/2026.
- Hoàn thành xây dựng trụ sở Công an xã trong quý III.
3. Nhiệm vụ, giải pháp chủ yếu
- Tập trung phát triển 3 vùng sản xuất hàng hóa tập trung.
"""


def table_rows() -> list[list[str | float]]:
    """The table's rows as a sheet holds them: the title, a blank row, the header, the rows."""
    width = len(HEADER)
    return [*([t, *[""] * (width - 1)] for t in TITLE), [""] * width, HEADER, *ROWS]


def write_xlsx(path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Chỉ tiêu 2026"
    for row in table_rows():
        sheet.append([None if c == "" else c for c in row])
    book.save(path)


def write_csv(path: Path) -> None:
    """As Excel saves 'CSV UTF-8' where ',' is the decimal separator: ';' between fields."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in table_rows():
        writer.writerow([str(c).replace(".", ",") if isinstance(c, float) else c
                         for c in row])
    path.write_text("\ufeff" + out.getvalue(), encoding="utf-8", newline="")


def write_docx_table(path: Path) -> None:
    """A Word resolution with its annex as a table; the group rows' name cell is merged over
    the columns to its right, as Word users do."""
    import docx

    document = docx.Document()
    for text in ("HỘI ĐỒNG NHÂN DÂN XÃ ĐÔNG THÀNH", *TITLE):
        document.add_paragraph(text)
    table = document.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    for col, text in enumerate(HEADER):
        table.cell(0, col).text = text
    for r, row in enumerate(ROWS, start=1):
        for col, value in enumerate(row):
            text = str(value).replace(".", ",") if isinstance(value, float) else str(value)
            table.cell(r, col).text = text
        if row[2:] == ["", "", ""]:
            table.cell(r, 1).merge(table.cell(r, len(HEADER) - 1))
    document.save(str(path))


def write_docx_text(path: Path) -> None:
    import docx

    document = docx.Document()
    for line in TEXT.splitlines():
        document.add_paragraph(line)
    document.save(str(path))


def main() -> None:
    write_xlsx(ASSETS / "resolution.table-2026.xlsx")
    write_csv(ASSETS / "resolution.table-2026.csv")
    write_docx_table(ASSETS / "resolution.table-2026.docx")
    (ASSETS / "resolution.bulleted-2026.txt").write_text(TEXT, encoding="utf-8")
    write_docx_text(ASSETS / "resolution.bulleted-2026.docx")


if __name__ == "__main__":
    main()
