"""`hauloc check --mail FILE`: the cron mail says what happened, with counts, in the user's
language, for every outcome; rendered from the one result (the report says the same)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hauloc_cli.cli import app
from tests.cli.test_units_cli import setup
from tests.conftest import EXAMPLE

ENV = {"COLUMNS": "120", "NO_COLOR": "1"}


def mail_of(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    """(exit code, subject, body) of a run of `check … --mail FILE`."""
    mail = tmp_path / "mail.txt"
    result = CliRunner().invoke(app, ["check", *args, "--mail", str(mail)], env=ENV)
    text = mail.read_text(encoding="utf-8")
    head, body = text.split("\n\n", 1)
    assert head.startswith("Subject: ") and "\n" not in head
    return result.exit_code, head.removeprefix("Subject: "), body


@pytest.mark.parametrize(("lang", "subject", "heads"), [
    # examples/actuals_2024.csv at 9 months: 2 off track, 2 at risk, 1 no data (the report's
    # summary line: "1 achieved, 3 on track, 2 at risk, 2 off track, 1 no data")
    ("vi", "2 chỉ tiêu chậm tiến độ, 2 có nguy cơ chậm, 1 chưa có số liệu — 9 tháng 2024",
     ["Chậm tiến độ (2):", "Có nguy cơ (2):", "Chưa có số liệu (1):"]),
    ("en", "2 targets off track, 2 at risk, 1 without a figure — nine months of 2024",
     ["Off track (2):", "At risk (2):", "No data (1):"]),
])
def test_the_subject_counts_what_went_wrong(tmp_path: Path, lang: str, subject: str,
                                            heads: list[str]) -> None:
    code, said, body = mail_of(tmp_path, str(EXAMPLE), "--lang", lang, "--silent")
    assert code == 1
    assert said == subject
    assert len(said) <= 78
    assert [line for line in body.splitlines() if line.endswith("):")] == heads
    assert "Xã đạt chuẩn nông thôn mới nâng cao (thêm)" in body if lang == "vi" else (
        "New advanced new-rural communes" in body)


def test_the_subject_counts_the_communes_that_did_not_report(tmp_path: Path) -> None:
    """The units fixture: f gave no security figure; growth is at risk (10% against 12%)."""
    args = setup(tmp_path)[1:]
    code, said, body = mail_of(tmp_path, *args, "--fail-on-missing", "--lang", "vi")
    assert code == 1
    assert said == ("1 chỉ tiêu có nguy cơ chậm, 1 chưa có số liệu, 1 xã chưa báo cáo — "
                    "quý I 2024")
    assert body.endswith("Đơn vị chưa báo cáo (1):\n  - Xã F (f): 1 chỉ tiêu\n")
    code, said, _ = mail_of(tmp_path, *args, "--fail-on-missing", "--lang", "en")
    assert said == ("1 target at risk, 1 without a figure, 1 commune has not reported — "
                    "Q1 2024")


def test_all_well_says_so(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("plan: {id: p, name: Xã Thử, year: 2024}\ntargets:\n"
                    "  - {id: a, name: A, kind: cumulative, target: 4}\n"
                    "  - {id: b, name: B, kind: level, target: 50, unit: '%'}\n",
                    encoding="utf-8")
    actuals = tmp_path / "a.csv"
    actuals.write_text("target,period,value\na,6 tháng,4\nb,6 tháng,60\n", encoding="utf-8")
    code, said, body = mail_of(tmp_path, str(actuals), "-t", str(plan), "--lang", "vi",
                               "--silent")
    assert code == 0
    assert said == "Cả 2 chỉ tiêu đã đạt hoặc đúng tiến độ — 6 tháng 2024"
    assert body == "Xã Thử, 6 tháng 2024:\n\nCả 2 chỉ tiêu đã đạt hoặc đúng tiến độ.\n"


def test_an_input_error_is_mailed_with_its_problems(tmp_path: Path) -> None:
    actuals = tmp_path / "a.csv"
    actuals.write_text("target,period,value\nocop_product,2024-Q1,2\nocop_products,Q9,1\n",
                       encoding="utf-8")
    code, said, body = mail_of(tmp_path, str(actuals), "--lang", "vi")
    assert code == 3
    assert said == "Chưa đánh giá được: có 2 lỗi trong số liệu hoặc kế hoạch"
    assert body.splitlines()[0] == "Các tệp có 2 lỗi cần sửa; chưa đánh giá gì và chưa ghi báo cáo:"
    assert f"{actuals}:2:1: [unknown-target] không có chỉ tiêu 'ocop_product' trong kế hoạch" \
        in body


@pytest.mark.parametrize("args", [["missing.csv"], [str(EXAMPLE), "--period", "Q5"]])
def test_a_usage_error_is_mailed(tmp_path: Path, args: list[str]) -> None:
    code, said, body = mail_of(tmp_path, *args, "--lang", "vi")
    assert code == 2
    assert said == "Chưa đánh giá được: lệnh chạy sai, hoặc tệp không có hay không ghi được"
    assert body.startswith("hauloc chưa chạy: lệnh có tùy chọn hoặc tệp không đúng.")
