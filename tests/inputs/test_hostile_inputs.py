"""Issue 21, items 4 and 5: each input that gave a traceback (exit 4) or unbounded time and
memory is a located, coded problem with the documented exit code."""

from __future__ import annotations

import importlib.util
import io
import sys
import time
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from openpyxl import Workbook

from tests.cli.support import EXAMPLE, run

ROOT = Path(__file__).resolve().parents[2]
UNITS_DIR = ROOT / "examples" / "communes_2024"


def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_robust", ROOT / "bench" / "robust.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_robust"] = module
    spec.loader.exec_module(module)
    return module


def book() -> bytes:
    wb = Workbook()
    wb.active.append(["target", "period", "value"])
    wb.active.append(["production_growth", "2024-Q1", 9.5])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def sheet_offset(data: bytes) -> tuple[int, int]:
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet1.xml")
    return info.header_offset, info.header_offset + 30 + len(info.filename) + len(info.extra)


def test_an_xlsx_without_a_sheet(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(bench()._without_sheets(book()))
    result = run("check", path)
    assert result.code == 3
    assert f"{path}: [bad-workbook] the workbook has no sheet" in result.err


@pytest.mark.parametrize("where", ["data", "local header"])
def test_a_corrupt_xlsx(tmp_path: Path, where: str) -> None:
    data = bytearray(book())
    header, start = sheet_offset(bytes(data))
    if where == "data":
        data[start + 5] ^= 0xFF
    else:
        data[header + 26] ^= 1
    path = tmp_path / "a.xlsx"
    path.write_bytes(bytes(data))
    result = run("check", path)
    assert result.code == 3, result.err
    assert f"{path}: [bad-workbook] the file is not a readable .xlsx workbook" in result.err


def test_a_units_csv_that_is_not_utf8(tmp_path: Path) -> None:
    units = tmp_path / "u.csv"
    units.write_bytes("id,name,parent,kind\nhau_loc,Café,,district\n".encode("latin-1"))
    result = run("check", UNITS_DIR, "--units", units)
    assert result.code == 3
    assert f"{units}:2:12: [bad-encoding] the file is not valid UTF-8 (byte e9)" in result.err


def test_a_units_csv_with_a_field_over_the_limit(tmp_path: Path) -> None:
    units = tmp_path / "u.csv"
    units.write_text("id,name,parent,kind\nx," + "a" * 140_000 + ",,district\n")
    result = run("check", UNITS_DIR, "--units", units)
    assert result.code == 3
    assert f"{units}:2: [too-long] a field is longer than 131,072 characters" in result.err


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_read_with_encoding_utf16(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(EXAMPLE.read_text("utf-8").encode(codec))
    plain = run("check", EXAMPLE, "-f", "json")
    result = run("check", path, "-f", "json", "--encoding", "utf-16")
    assert result.code == plain.code == 1, result.err
    assert result.json()["targets"] == plain.json()["targets"]


@pytest.mark.parametrize("digits", [4000, 5000])
def test_a_huge_integer_in_the_plan(tmp_path: Path, digits: int) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text("plan: {id: p, year: 2024}\ntargets:\n  - {id: a, name: A, kind: cumulative,"
                    f" target: {'9' * digits}}}\n")
    for args in (["validate", "-t", plan], ["check", EXAMPLE, "-t", plan]):
        result = run(*args)
        assert result.code == 3, result.err
        assert f"{plan}:3:" in result.err and "[bad-value]" in result.err


@pytest.mark.parametrize("device", ["/dev/urandom", "/dev/zero"])
def test_a_device_is_read_within_the_limit(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    start = time.monotonic()
    for args in (["validate", "-t", device, "--max-size", "2"],
                 ["check", UNITS_DIR, "--units", device, "--max-size", "2"]):
        result = run(*args)
        assert result.code == 3, result.err
        assert f"{device}: [too-large] the file gives more than 2 MB, more than the limit of " \
               "2 MB" in result.err
    assert time.monotonic() - start < 10


def test_a_workbook_that_unpacks_to_too_much_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(bench()._sheet_xml(b'<row r="1"/>' * 3_000_000))  # 36 MB of one row
    start = time.monotonic()
    result = run("check", path)
    assert time.monotonic() - start < 10
    assert result.code == 3
    assert "[too-large] the workbook unpacks to more than hauloc reads" in result.err
    assert "the whole to at most 10 MB" in result.err


@pytest.mark.parametrize("char", ["\\0", "\\a", "\\e", "\\v", "\\uFFFF"])
def test_text_a_worksheet_or_a_document_cannot_hold_is_shown_as_fffd(tmp_path: Path,
                                                                     char: str) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(f'plan: {{id: p, year: 2024, name: "Xã{char} A"}}\ntargets:\n'
                    f'  - {{id: a, name: "Đường{char} mới", kind: cumulative, target: 10}}\n')
    actuals = tmp_path / "a.csv"
    actuals.write_text("target,period,value\na,2024-Q1,3\n")
    for fmt in ("xlsx", "docx"):
        out = tmp_path / f"r.{fmt}"
        result = run("report", actuals, "-t", plan, "-f", fmt, "-o", out, "--force")
        assert result.code in (0, 1), result.err
        part = "xl/sharedStrings.xml" if fmt == "xlsx" else "word/document.xml"
        with zipfile.ZipFile(out) as z:
            names = z.namelist()
            text = "".join(z.read(n).decode() for n in names if n.startswith(part[:3])
                           and n.endswith(".xml"))
        assert "\ufffd" in text or "&#65533;" in text, fmt  # U+FFFD, maybe escaped
    out = tmp_path / "t.xlsx"
    assert run("template", "-t", plan, "-o", out, "--force").code == 0
