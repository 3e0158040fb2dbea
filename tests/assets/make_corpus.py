"""Writes the nasty real-world input files of this folder (run once; the files are kept).

python tests/assets/make_corpus.py  — needs openpyxl for the workbooks.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Encode as Windows does: a letter cp1258 lacks is its base plus a combining tone mark."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out.append((base + "".join(c for c in parts if c in TONES)).encode("cp1258"))
    return b"".join(out)


def write(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


def main() -> None:
    # Excel "CSV UTF-8": a BOM, CRLF, a quoted note with a comma and a line break, blank tail.
    write("actuals.bom-crlf.csv", "\ufeff".encode() + (
        b"target,period,value,note\r\n"
        b"ocop_products,2024-Q1,1,\"one product, first of the year\"\r\n"
        b"ocop_products,2024-Q2,3,\"two more:\r\nrice and fish sauce\"\r\n"
        b"national_standard_schools,2024-Q2,5,\r\n"
        b"\r\n\r\n"))
    # Excel "Unicode Text": UTF-16 LE with a BOM, tab-separated.
    write("actuals.utf16-tab.txt", "\ufeff".encode("utf-16-le") + (
        "target\tperiod\tvalue\r\n"
        "ocop_products\tQuý I\t1\r\n"
        "ocop_products\t6 tháng\t3\r\n").encode("utf-16-le"))
    # Vietnamese Excel: ';' between fields, ',' decimals, '.' thousands.
    write("actuals.semicolon-decimal-comma.csv", (
        "target;period;value\n"
        "production_growth;6 tháng 2024;10,4\n"
        "income_per_capita;6 tháng đầu năm 2024;66,8\n"
        "rural_hygienic_water;6 tháng;99,1 %\n").encode())
    # "CSV (Comma delimited)" on Vietnamese Windows: Windows-1258.
    write("actuals.cp1258.csv", cp1258(
        "target,period,value,note\n"
        "ocop_products,9 tháng,4,ước đạt\n"
        "ntm_district_recognition,9 tháng,chưa đạt,\n"))
    # Tone marks typed as separate combining characters (NFD), as macOS writes them.
    write("actuals.nfd.csv", unicodedata.normalize("NFD", (
        "target,period,value\n"
        "ocop_products,Quý I,1\n"
        "ocop_products,Cả năm,6\n"
        "ntm_district_recognition,Cả năm,đạt\n")).encode())
    write("actuals.mixed-line-ends.csv", (
        b"target,period,value\r\nocop_products,2024-Q1,1\nocop_products,2024-Q2,2\r"
        b"ocop_products,2024-Q3,4\r\n"))
    write("actuals.empty.csv", b"")
    write("actuals.header-only.csv", b"target,period,value\r\n")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    write("actuals.binary.csv", png + bytes(range(256)))
    write("actuals.xls-renamed.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    write("actuals.huge-line.csv", b"target,period,value\n" + b"ocop_products,2024-Q1,\"" +
          b"9" * 200_000 + b"\"\n")
    write("actuals.unclosed-quote.csv", (
        b"target,period,value,note\nocop_products,2024-Q1,1,\"no closing quote\n"
        b"ocop_products,2024-Q2,3,\n"))
    write("actuals.decreasing.csv", (
        b"target,period,value,remarks\nocop_products,2024-Q1,3,\nocop_products,2024-Q2,2,\n"))

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["target", "name", "period", "value", "unit"])
    sheet.append(["ocop_products", "Sản phẩm OCOP mới", "Quý I", 1, "products"])
    sheet.append([])
    sheet.append(["ocop_products", "Sản phẩm OCOP mới", "6 tháng", "3", "products"])
    sheet.append(["rural_hygienic_water", "Nước hợp vệ sinh", "6 tháng", 0.991, "%"])
    sheet["D5"].number_format = "0.0%"
    sheet.append(["production_growth", "Tăng trưởng", "6 tháng", 10.4, "%"])
    sheet.append(["ntm_district_recognition", "Huyện NTM", "6 tháng", None, ""])
    other = book.create_sheet("Bad")
    other.append(["target", "period", "value"])
    other.append(["ocop_prodcts", "Quý II", "12.500"])
    book.save(HERE / "actuals.excel-export.xlsx")


if __name__ == "__main__":
    main()
