"""Issue 9, black-box: Vietnamese and English wording, widths, rounding, plurals.

Every expected value here is worked out from the issue and the README, not copied from output.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from tests.cli.support import CRON_WRAPPER, EXAMPLE, OUTPUT_SCHEMA, ROOT, STATUS_WORDS, run, write

# ---------------------------------------------------------------------------------------------
# Vietnamese output that fits
# ---------------------------------------------------------------------------------------------

WIDTHS = [60, 80, 100, 120, 160]


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_check_table_never_cuts_a_status_word(lang: str, columns: int) -> None:
    """Issue 9: a status word (with its symbol) is never cut, in any language, from 60 columns
    up; each of the example's targets shows its status whole."""
    result = run("check", EXAMPLE, "--lang", lang, columns=columns)
    assert result.code == 1, result.err
    for word, count in STATUS_WORDS[lang].items():
        assert result.out.count(word) >= count, (word, result.out)
    assert max(len(line) for line in result.out.splitlines()) <= columns


@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_brief_never_cuts_a_status_word(lang: str, columns: int) -> None:
    """Issue 9 (regression for the brief): the same rule for `summary` at narrow widths."""
    result = run("summary", EXAMPLE, "--lang", lang, columns=columns)
    assert result.code == 1, result.err
    for word, count in STATUS_WORDS[lang].items():
        assert result.out.count(word) >= count, (word, result.out)


# The first line of each name wrapped at 24 characters (worked out by hand, word by word): a
# name column of at least 24 characters shows at least this much on the row's first line.
NAME_STARTS_AT_24 = {
    "vi": ["Tốc độ tăng trưởng giá", "Thu nhập bình quân đầu", "Xã đạt chuẩn nông thôn",
           "Sản phẩm OCOP mới", "Trường học đạt chuẩn", "Tỷ lệ xã, thị trấn đạt",
           "Tỷ lệ dân số nông thôn", "Huyện được công nhận đạt"],
    "en": ["Growth of production", "Average income per", "New model new-rural",
           "New advanced new-rural", "New OCOP products", "Schools newly meeting",
           "Communes and towns", "Rural population using", "District recognised as a"],
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_name_column_keeps_24_characters_at_80_columns(lang: str) -> None:
    """Issue 9: at 80 columns the target name column is at least 24 characters wide."""
    result = run("check", EXAMPLE, "--lang", lang, columns=80)
    table = result.out.split("\n\n")[0].splitlines()
    for start in NAME_STARTS_AT_24[lang]:
        assert any(line.lstrip().startswith(start) for line in table), (start, result.out)


# ---------------------------------------------------------------------------------------------
# Vietnamese output is Vietnamese throughout
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["check", EXAMPLE],
    ["check", EXAMPLE, "--format", "markdown"],
    ["targets"],
    ["summary", EXAMPLE],
    ["summary", EXAMPLE, "--format", "markdown"],
    ["summary", EXAMPLE, "--format", "html"],
], ids=["check-table", "check-markdown", "targets", "summary", "summary-markdown",
        "summary-html"])
def test_vietnamese_deadlines_are_day_month_year(args: list[object]) -> None:
    """Issue 9: the district's deadline 2024-05-31 reads 31/05/2024 in Vietnamese, never ISO."""
    result = run(*args, "--lang", "vi")
    assert result.code in (0, 1), result.err
    assert "31/05/2024" in result.out
    assert "2024-05-31" not in result.out


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_vietnamese_check_names_quarters_in_words(fmt: str) -> None:
    """Issue 9: `1 (Q1)` reads `quý I`, and the summary line starts `9 tháng 2024`, not
    `2024-Q3:`; no `Q1`…`Q4` is left in Vietnamese output."""
    result = run("check", EXAMPLE, "--lang", "vi", "--format", fmt)
    assert result.code == 1, result.err
    assert re.search(r"Q[1-4]", result.out) is None, result.out
    if fmt == "markdown":  # the Actual cell of the model communes, whose figure is from Q1
        row = next(line for line in result.out.splitlines()
                   if line.startswith("| Xã đạt chuẩn nông thôn mới kiểu mẫu"))
        assert "quý I" in row.split("|")[3], row
    summary_line = [line for line in result.out.splitlines() if line.strip()][-1]
    assert "9 tháng 2024" in summary_line


@pytest.mark.parametrize("how", ["option", "environment"])
def test_fail_on_missing_note_speaks_vietnamese(how: str) -> None:
    """Issue 9: the --fail-on-missing note is in the language asked (HAULOC_LANG=vi)."""
    if how == "option":
        result = run("check", EXAMPLE, "--fail-on-missing", "--lang", "vi")
    else:
        result = run("check", EXAMPLE, "--fail-on-missing", env={"HAULOC_LANG": "vi"})
    assert result.code == 1
    # The two targets without a 9-month figure are still named by id.
    assert "ntm_model_communes" in result.err
    assert "security_standard_communes" in result.err
    assert "no figure" not in result.err
    assert "target(s)" not in result.err
    assert "9 tháng" in result.err
    assert "2024-Q3" not in result.err


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script")
def test_cron_wrapper_mail_speaks_vietnamese(tmp_path: Path) -> None:
    """Issue 9: with HAULOC_LANG=vi the cron wrapper's own mail text is Vietnamese too."""
    actuals = tmp_path / "actuals.csv"
    shutil.copy(EXAMPLE, actuals)
    hauloc = tmp_path / "hauloc"
    hauloc.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m hauloc_cli "$@"\n',
                      encoding="utf-8")
    hauloc.chmod(0o755)
    log = tmp_path / "mail.out"
    mail = tmp_path / "mail"
    mail.write_text(f"#!/bin/sh\n{{ printf '%s\\n' \"$@\"; echo ---; cat; }} >> '{log}'\n",
                    encoding="utf-8")
    mail.chmod(0o755)
    settings = {"HAULOC_BIN": str(hauloc), "HAULOC_MAIL_CMD": str(mail),
                "HAULOC_ACTUALS": str(actuals), "HAULOC_MAIL_TO": "ubnd@example.vn",
                "HAULOC_LANG": "vi"}
    env = shutil.which("env") or "/usr/bin/env"
    done = subprocess.run([env, "-i", *(f"{k}={v}" for k, v in settings.items()),
                           str(CRON_WRAPPER)], capture_output=True, text=True, encoding="utf-8",
                          timeout=120, stdin=subprocess.DEVNULL, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    head, body = log.read_text(encoding="utf-8").split("---\n", 1)
    subject = head.splitlines()[1]
    assert re.search(r"[^\x00-\x7f]", subject), subject  # Vietnamese letters
    for english in ("at least one target", "exited with code", "Report:", "Messages (stderr)",
                    "no figure"):
        assert english not in head + body, english
    assert "✖ Chậm tiến độ" in body  # the report itself, in Vietnamese


# ---------------------------------------------------------------------------------------------
# English output is English throughout
# ---------------------------------------------------------------------------------------------

def _reasons(result_out: str, fmt: str) -> dict[str, str]:
    if fmt == "json":
        return {t["id"]: t["reason"] for t in json.loads(result_out)["targets"]}
    return {row["id"]: row["reason"] for row in csv.DictReader(io.StringIO(result_out))}


@pytest.mark.parametrize(("fmt", "lang"), [("json", "en"), ("json", "vi"), ("csv", "en"),
                                           ("csv", "vi")])
def test_json_and_csv_reasons_are_english(fmt: str, lang: str) -> None:
    """Issue 9: JSON and CSV reasons are always English: `by the end of Q3`, `as of Q1`."""
    result = run("check", EXAMPLE, "--format", fmt, "--lang", lang)
    assert result.code == 1, result.err
    reasons = _reasons(result.out, fmt)
    assert "by the end of Q3" in reasons["ocop_products"]
    assert "as of Q1" in reasons["ntm_model_communes"]
    for reason in reasons.values():
        assert "tháng" not in reason and "quý" not in reason.lower(), reason


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_english_check_has_no_vietnamese_period_words(fmt: str) -> None:
    """Issue 9: English tables say `by the end of Q3` / `as of Q1`, never `9 tháng`/`quý I`."""
    result = run("check", EXAMPLE, "--lang", "en", "--format", fmt, columns=80)
    assert result.code == 1, result.err
    flat = " ".join(result.out.split())  # reasons wrapped over lines read as one
    assert "tháng" not in flat and "quý" not in flat.lower()
    assert "by the end of Q3" in flat
    assert "as of Q1" in flat


# ---------------------------------------------------------------------------------------------
# Ceilings read as ceilings
# ---------------------------------------------------------------------------------------------

CEILING_PLAN = """\
plan:
  id: ceilings-2024
  name: Xã Thử — chỉ tiêu năm 2024
  name_en: Test commune — targets for 2024
  year: 2024
targets:
  - id: poverty_rate
    name: Tỷ lệ hộ nghèo
    name_en: Poor households
    group: society
    kind: annual
    direction: at_most
    target: 2.5
    unit: "%"
  - id: accidents
    name: Tai nạn giao thông nghiêm trọng
    name_en: Serious road accidents
    group: security
    kind: cumulative
    direction: at_most
    target: 0
    unit: cases
"""
CEILING_ACTUALS = ("target,period,value\npoverty_rate,2024-Q1,2.4\npoverty_rate,2024-Q2,2.3\n"
                   "accidents,2024-Q1,0\naccidents,2024-Q2,0\n")


def _ceilings(tmp_path: Path) -> tuple[Path, Path]:
    return (write(tmp_path / "plan.yaml", CEILING_PLAN),
            write(tmp_path / "a.csv", CEILING_ACTUALS))


@pytest.mark.parametrize(("lang", "name", "plan_cell"), [
    ("en", "Poor households", "≤ 2.5%"),
    ("vi", "Tỷ lệ hộ nghèo", "≤ 2,5%"),
])
def test_ceiling_plan_column_shows_at_most(tmp_path: Path, lang: str, name: str,
                                           plan_cell: str) -> None:
    """Issue 9: the plan column of an at_most target shows `≤ 2.5%`."""
    plan, actuals = _ceilings(tmp_path)
    result = run("check", actuals, "--targets", plan, "--lang", lang, columns=80)
    assert result.code == 0, result.err
    row = next(line for line in result.out.splitlines() if line.startswith(name))
    assert plan_cell in row, row


def _brief_line(out: str, name: str) -> str:
    lines = out.splitlines()
    return lines[next(i for i, line in enumerate(lines) if line.startswith(name)) + 1]


@pytest.mark.parametrize(("lang", "names", "allowed", "expected"), [
    ("en", ["Poor households", "Serious road accidents"], "allowed by now", "expected"),
    ("vi", ["Tỷ lệ hộ nghèo", "Tai nạn giao thông nghiêm trọng"], "tối đa đến nay", "cần đạt"),
])
def test_ceiling_brief_says_allowed_by_now(tmp_path: Path, lang: str, names: list[str],
                                           allowed: str, expected: str) -> None:
    """Issue 9: the brief says `allowed by now` / `tối đa đến nay` for a ceiling, never
    `cần đạt` (or its English `expected`)."""
    plan, actuals = _ceilings(tmp_path)
    result = run("summary", actuals, "--targets", plan, "--lang", lang, columns=80)
    assert result.code == 0, result.err
    for name in names:
        line = _brief_line(result.out, name)
        assert allowed in line, line
        assert expected not in line, line


def test_zero_allowance_draws_an_empty_bar_marked_at_the_end(tmp_path: Path) -> None:
    """Issue 9: 0 of an allowance of 0 used: an empty bar, the mark `│` at its end."""
    plan, actuals = _ceilings(tmp_path)
    result = run("summary", actuals, "--targets", plan, "--lang", "en", columns=80)
    assert result.code == 0, result.err
    line = _brief_line(result.out, "Serious road accidents")
    bar = max(re.findall(r"[█░│]{5,}", line), key=len)
    assert "█" not in bar, line
    assert bar.endswith("│") and bar.count("│") == 1, line


# ---------------------------------------------------------------------------------------------
# Pace (once Done/due) never rounds a miss up to 100 %
# ---------------------------------------------------------------------------------------------

ROUNDING_PLAN = """\
plan:
  id: rounding-2024
  name: Xã Thử — chỉ tiêu năm 2024
  year: 2024
targets:
  - id: coverage
    name: Tỷ lệ bao phủ
    name_en: Coverage
    kind: level
    target: 95
    unit: "%"
  - id: nearly
    name: Gần đạt
    name_en: Nearly there
    kind: annual
    target: 100
"""


@pytest.mark.parametrize(("name", "shown"), [("Coverage", "99.6%"), ("Nearly there", "99.99%")])
def test_pace_never_rounds_a_miss_up(tmp_path: Path, name: str, shown: str) -> None:
    """Issue 9, issue 19: 94.6 of 95 is R = 0.99579, shown `99.6%`; 99.99 of 100 is
    `99.99%`: never 100 %, with as few decimals as keep it below (render/rounding.py)."""
    plan = write(tmp_path / "plan.yaml", ROUNDING_PLAN)
    actuals = write(tmp_path / "a.csv",
                    "target,period,value\ncoverage,2024-Q3,94.6\nnearly,2024-Q3,99.99\n")
    result = run("check", actuals, "--targets", plan, "--lang", "en", columns=80)
    assert result.code in (0, 1), result.err
    row = next(line for line in result.out.splitlines() if line.startswith(name))
    assert f" {shown} " in row, row
    assert "100%" not in row.split("%", 2)[-1], row


# ---------------------------------------------------------------------------------------------
# Plurals and counts
# ---------------------------------------------------------------------------------------------

def test_needs_one_commune_is_singular() -> None:
    """Issue 9: advanced communes, 1 of 2 at Q3: (2 − 1) / (4 − 3) = 1 commune per quarter."""
    result = run("summary", EXAMPLE, "--lang", "en")
    assert result.code == 1, result.err
    assert "needs 1 commune per remaining quarter" in result.out
    assert "needs 1 communes" not in result.out


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_targets_prints_the_year_once(lang: str) -> None:
    """Issue 9: the plan's title already says 2024; `targets` does not add `(2024)`."""
    result = run("targets", "--lang", lang)
    assert result.code == 0, result.err
    title = result.out.splitlines()[0]
    assert title.count("2024") == 1, title


# ---------------------------------------------------------------------------------------------
# No float noise in CSV and JSON
# ---------------------------------------------------------------------------------------------

def _significant_digits(number: float) -> int:
    return len(Decimal(repr(number)).normalize().as_tuple().digits)


NOISE_PLAN = """\
plan:
  id: noise-2024
  name: Xã Thử — chỉ tiêu năm 2024
  year: 2024
targets:
  - id: growth
    name: Tăng trưởng
    kind: annual
    target: 3
  - id: nearly
    name: Gần đạt
    kind: annual
    target: 100
"""


def test_json_figures_have_at_most_six_significant_digits() -> None:
    """Issue 9: ratios and derived figures rounded to 6 significant digits in JSON.
    OCOP: 4 / 4.5 = 0.888889, 4 / 0.75 = 5.33333; growth: 10.9 / 12 = 0.908333."""
    result = run("check", EXAMPLE, "--format", "json")
    by_id = {t["id"]: t for t in result.json()["targets"]}
    assert by_id["ocop_products"]["ratio"] == 0.888889
    assert by_id["ocop_products"]["projected"] == 5.33333
    assert by_id["production_growth"]["ratio"] == 0.908333
    for target in by_id.values():
        for field in ("expected", "ratio", "projected"):
            value = target[field]
            if isinstance(value, float):
                assert _significant_digits(value) <= 6, (target["id"], field, value)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_no_float_noise_from_division(tmp_path: Path, fmt: str) -> None:
    """Issue 9: 2.4 / 3 is 0.8 (not 0.7999999999999999); 99.99 / 100 is 0.9999."""
    plan = write(tmp_path / "plan.yaml", NOISE_PLAN)
    actuals = write(tmp_path / "a.csv",
                    "target,period,value\ngrowth,2024-Q1,2.4\nnearly,2024-Q1,99.99\n")
    result = run("check", actuals, "--targets", plan, "--format", fmt)
    assert result.code in (0, 1), result.err
    assert "99999" not in result.out and "00000" not in result.out, result.out
    if fmt == "json":
        ratios = {t["id"]: t["ratio"] for t in result.json()["targets"]}
    else:
        ratios = {r["id"]: float(r["ratio"]) for r in csv.DictReader(io.StringIO(result.out))}
    assert ratios == {"growth": 0.8, "nearly": 0.9999}


def test_csv_figures_have_at_most_six_significant_digits() -> None:
    """Issue 9: the same rounding in CSV (the example's OCOP row: 0.888889 and 5.33333)."""
    result = run("check", EXAMPLE, "--format", "csv")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(result.out))}
    assert (rows["ocop_products"]["ratio"], rows["ocop_products"]["projected"]) == \
        ("0.888889", "5.33333")
    for row in rows.values():
        for field in ("expected", "ratio", "projected"):
            if row[field]:
                assert _significant_digits(float(row[field])) <= 6, (row["id"], field, row)


def test_output_schema_says_figures_are_rounded() -> None:
    """Issue 9: the JSON Schema says ratios and derived figures are rounded."""
    schema = json.loads(OUTPUT_SCHEMA.read_text(encoding="utf-8"))
    fields = schema["$defs"]["result"]["properties"]
    for field in ("expected", "ratio", "projected"):
        assert "significant" in fields[field]["description"], field


# ---------------------------------------------------------------------------------------------
# Docs: the CSV example header of docs/outputs.md
# ---------------------------------------------------------------------------------------------

CSV_HEADER = ("period,id,name,group,kind,direction,unit,target,actual,as_of,expected,ratio,"
              "projected,deadline,status,verdict,reason,figure_status,last_year,plan_share,"
              "revised_from,"
              "vs_last_year_ratio,vs_last_year_growth,vs_last_year_change")


def test_readme_csv_example_header_is_not_garbled() -> None:
    """Issue 9, docs: the header under `--format csv | head -2` is the one the program writes:
    `period` and then the JSON target fields, once each."""
    lines = (ROOT / "docs" / "outputs.md").read_text(encoding="utf-8").splitlines()
    command = "$ hauloc check examples/actuals_2024.csv --format csv | head -2"
    at = lines.index(command)  # under it the shipped plan's notice (stderr), then the CSV
    assert lines[at + 1].startswith("hauloc: no plan given") and lines[at + 2] == CSV_HEADER
    assert run("check", EXAMPLE, "--format", "csv").out.splitlines()[0] == CSV_HEADER
