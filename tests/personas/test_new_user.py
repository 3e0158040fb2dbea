"""Issue 9, black-box: data safety, the inputs users actually type, plans with problems.

Every expected value here is worked out from the issue and the README, not copied from output.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.cli.support import EXAMPLE, PLAN_2024, SMALL_PLAN, Run, run, write

# ---------------------------------------------------------------------------------------------
# Data safety: --output never replaces one of the run's inputs
# ---------------------------------------------------------------------------------------------

# (id, command and options before --output, which input the output points at, how)
OUTPUT_ONTO_INPUT = [
    ("check-csv-same-path", ["check", "{actuals}", "--format", "csv"], "actuals", "same"),
    ("check-json-onto-plan", ["check", "{actuals}", "--format", "json"], "plan", "same"),
    ("check-symlink-to-actuals", ["check", "{actuals}", "--format", "csv"], "actuals", "symlink"),
    ("check-hardlink-to-actuals", ["check", "{actuals}"], "actuals", "hardlink"),
    ("check-symlink-to-plan", ["check", "{actuals}"], "plan", "symlink"),
    ("check-hardlink-to-plan", ["check", "{actuals}", "--format", "json"], "plan", "hardlink"),
    ("summary-same-path", ["summary", "{actuals}"], "actuals", "same"),
    ("summary-html-hardlink-to-plan", ["summary", "{actuals}", "--format", "html"], "plan",
     "hardlink"),
    ("template-onto-plan", ["template", "--format", "csv"], "plan", "same"),
    ("template-hardlink-to-plan", ["template", "--format", "csv"], "plan", "hardlink"),
    ("template-symlink-to-plan", ["template"], "plan", "symlink"),
]


def _inputs(tmp_path: Path) -> dict[str, Path]:
    actuals = tmp_path / "mine.csv"
    plan = tmp_path / "plan.yaml"
    shutil.copy(EXAMPLE, actuals)
    shutil.copy(PLAN_2024, plan)
    return {"actuals": actuals, "plan": plan}


def _output_onto(tmp_path: Path, protected: Path, how: str) -> Path:
    if how == "same":
        return protected
    link = tmp_path / f"report-{how}{protected.suffix}"
    if how == "symlink":
        link.symlink_to(protected)
    else:
        os.link(protected, link)
    return link


def _assert_refused(result: Run, protected: Path, before: bytes, output: Path) -> None:
    assert result.code == 2, (result.code, result.err)
    assert protected.read_bytes() == before, "an input was overwritten"
    assert output.name in result.err or protected.name in result.err, result.err
    if output != protected:
        # The link is left as it was: still the same file as the input.
        assert os.path.samefile(output, protected)


@pytest.mark.parametrize(("args", "which", "how"), [c[1:] for c in OUTPUT_ONTO_INPUT],
                         ids=[c[0] for c in OUTPUT_ONTO_INPUT])
def test_output_refuses_a_path_that_is_an_input(tmp_path: Path, args: list[str], which: str,
                                                how: str) -> None:
    """Issue 9, data safety 1: `--output` onto an input (also via symlink/hard link) exits 2."""
    paths = _inputs(tmp_path)
    protected = paths[which]
    before = protected.read_bytes()
    output = _output_onto(tmp_path, protected, how)
    argv = [a.format(actuals=paths["actuals"]) for a in args]
    result = run(*argv, "--targets", paths["plan"], "--output", output)
    _assert_refused(result, protected, before, output)


def test_output_onto_an_input_is_refused_before_any_work(tmp_path: Path) -> None:
    """Issue 9, data safety 1: "exit 2 before any work": even an invalid actuals file gives 2,
    not the 3 its reading would give."""
    actuals = write(tmp_path / "mine.csv", "target,period,value\nocop_products,2024-Q9,1\n")
    before = actuals.read_bytes()
    result = run("check", actuals, "--format", "csv", "--output", actuals)
    _assert_refused(result, actuals, before, actuals)


def test_template_force_does_not_allow_replacing_its_own_plan(tmp_path: Path) -> None:
    """Issue 9, data safety 1 and 2: --force is for filled-in files, never for an input."""
    plan = _inputs(tmp_path)["plan"]
    before = plan.read_bytes()
    result = run("template", "--targets", plan, "--format", "csv", "--force", "--output", plan)
    _assert_refused(result, plan, before, plan)


@pytest.mark.parametrize("name", ["filled.xlsx", "filled.csv"])
def test_template_does_not_replace_an_existing_file(tmp_path: Path, name: str) -> None:
    """Issue 9, data safety 2: without --force an existing file is left alone, exit 2."""
    filled = tmp_path / name
    filled.write_bytes(b"figures the offices typed in\n")
    result = run("template", "--output", filled)
    assert result.code == 2, (result.code, result.err)
    assert filled.read_bytes() == b"figures the offices typed in\n"
    assert name in result.err
    assert "--force" in result.err or "exist" in result.err.lower(), result.err


@pytest.mark.parametrize(("name", "start"), [("filled.xlsx", b"PK"),
                                             ("filled.csv", b"\xef\xbb\xbftarget,period,value")])
def test_template_force_replaces_an_existing_file(tmp_path: Path, name: str,
                                                  start: bytes) -> None:
    """Issue 9, data safety 2: with --force the template is written over the old file."""
    filled = tmp_path / name
    filled.write_bytes(b"last year's figures\n")
    result = run("template", "--force", "--output", filled)
    assert result.code == 0, (result.code, result.err)
    assert filled.read_bytes().startswith(start)


def test_template_to_a_new_file_needs_no_force(tmp_path: Path) -> None:
    """Issue 9, data safety 2 (regression): a file that does not exist yet is simply written."""
    new = tmp_path / "nhap-lieu.csv"
    result = run("template", "--output", new)
    assert result.code == 0, result.err
    assert new.read_bytes().startswith(b"\xef\xbb\xbftarget,period,value")


# ---------------------------------------------------------------------------------------------
# Inputs users actually type
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("spelling", "period"), [
    ("Q2", "2024-Q2"),
    ("6 tháng", "2024-Q2"),
    ("9 tháng 2024", "2024-Q3"),
    ("Cả năm", "2024-Q4"),
    ("quý 1", "2024-Q1"),
    ("Quý I/2024", "2024-Q1"),
    ("6 tháng đầu năm 2024", "2024-Q2"),
    ("năm", "2024-Q4"),
    ("2024-Q2", "2024-Q2"),
])
def test_period_option_accepts_what_a_file_accepts(spelling: str, period: str) -> None:
    """Issue 9, inputs: --period takes every spelling an actuals file takes."""
    result = run("check", EXAMPLE, "--period", spelling, "--format", "json", "--fail-on", "never")
    assert result.code == 0, result.err
    assert result.json()["period"] == period


def test_period_option_still_refuses_a_quarter_alone() -> None:
    """Issue 9, inputs (regression): `Quý II` is one quarter alone, refused as in a file."""
    assert run("check", EXAMPLE, "--period", "Quý II").code == 2


@pytest.mark.parametrize("lang", ["VI", "Vi"])
def test_lang_option_ignores_case(lang: str) -> None:
    """Issue 9, inputs: --lang VI and --lang Vi mean vi."""
    result = run("check", EXAMPLE, "--lang", lang)
    assert result.code == 1, result.err  # two targets off track, as with --lang vi
    assert "✖ Chậm tiến độ" in result.out


@pytest.mark.parametrize(("value", "done"), [
    ("đã đạt", True),
    ("hoàn thành", True),
    ("đã hoàn thành", True),
    ("chưa", False),
    ("chưa hoàn thành", False),
    ("chưa đạt", False),
    ("done", True),        # what the English table prints for a milestone
    ("not done", False),
])
def test_milestone_words_read_back(tmp_path: Path, value: str, done: bool) -> None:
    """Issue 9, inputs: every word hauloc prints for a milestone reads back."""
    plan = write(tmp_path / "plan.yaml", SMALL_PLAN)
    actuals = write(tmp_path / "a.csv", f"target,period,value\nrecognition,2024-Q1,{value}\n")
    result = run("check", actuals, "--targets", plan, "--format", "json")
    assert result.code == 0, result.err
    by_id = {t["id"]: t for t in result.json()["targets"]}
    assert by_id["recognition"]["actual"] is done


def test_plus_sign_is_a_number(tmp_path: Path) -> None:
    """Issue 9, inputs: `+3` is the number 3."""
    plan = write(tmp_path / "plan.yaml", SMALL_PLAN)
    actuals = write(tmp_path / "a.csv", "target,period,value\nroad_km,2024-Q1,+3\n")
    result = run("check", actuals, "--targets", plan, "--format", "json")
    assert result.code == 0, result.err
    assert {t["id"]: t for t in result.json()["targets"]}["road_km"]["actual"] == 3.0


CAPITAL_PLAN = """\
plan:
  id: capital-2024
  name: Xã Thử — chỉ tiêu năm 2024
  year: 2024
targets:
  - id: capital
    name: Vốn đầu tư
    kind: annual
    target: 12.5
    unit: tỷ đồng
"""


@pytest.mark.parametrize(("value", "warned"), [
    ("12.500", "point-as-thousands"), ("1.300", "implausible-value"), ("13", None)])
def test_implausible_value_is_a_warning(tmp_path: Path, value: str, warned: str | None
                                        ) -> None:
    """Issue 9, inputs: 12.500 with --decimal-comma is 12500, over 100 × 12.5 (= 1250): a
    warning, not a silent 100,000 % (issue 19: `point-as-thousands`, naming 12.5; 1.300 =
    1300, which no reading puts near 12.5, `implausible-value`). 13 (about 1 × the target)
    is not."""
    plan = write(tmp_path / "plan.yaml", CAPITAL_PLAN)
    actuals = write(tmp_path / "a.csv", f"target;period;value\ncapital;2024-Q1;{value}\n")
    result = run("check", actuals, "--targets", plan, "--decimal-comma", "--format", "json")
    assert result.code in (0, 1), result.err  # a warning, the run goes on
    codes = [w["code"] for w in result.json()["warnings"]]
    assert codes == ([] if warned is None else [warned])
    assert (f"[{warned}]" in result.err) is (warned is not None)


def test_plan_date_written_day_first_gets_a_hint(tmp_path: Path) -> None:
    """Issue 9, inputs: `deadline: 31/05/2025` says how to write it (2025-05-31)."""
    plan = write(tmp_path / "plan.yaml", """\
plan:
  id: commune-2025
  name: Xã Thử — chỉ tiêu năm 2025
  year: 2025
targets:
  - id: recognition
    name: Xã được công nhận
    kind: milestone
    deadline: 31/05/2025
""")
    result = run("validate", "--targets", plan)
    assert result.code == 3
    assert "2025-05-31" in result.err
    assert "invalid character in year" not in result.err


def test_period_after_the_last_quarter_in_the_file_warns() -> None:
    """Issue 9, inputs: the example ends at 2024-Q3; --period 2024-Q4 warns on stderr and in
    the JSON `warnings`."""
    result = run("check", EXAMPLE, "--period", "2024-Q4", "--format", "json")
    assert result.code in (0, 1), result.err
    assert "warning" in result.err
    assert result.json()["warnings"] != []


def test_period_within_the_file_has_no_warning() -> None:
    """Issue 9, inputs (regression, the other side of the warning above)."""
    result = run("check", EXAMPLE, "--period", "2024-Q3", "--format", "json")
    assert (result.err, result.json()["warnings"]) == ("", [])


@pytest.mark.parametrize("header", [
    "chỉ tiêu,kỳ,giá trị",
    "mã chỉ tiêu,kỳ báo cáo,số liệu",
    "Chỉ tiêu,Kỳ,Thực hiện",
    "CHỈ TIÊU,KỲ BÁO CÁO,GIÁ TRỊ",
    "chi tieu,ky,gia tri",
    "ma chi tieu,ky bao cao,thuc hien",
    "chỉ tiêu,kỳ,giá trị,ghi chú,nguồn",
    "Chi tieu,Ky,So lieu,Ghi chu,Nguon",
])
def test_vietnamese_headers_are_read(tmp_path: Path, header: str) -> None:
    """Issue 9, inputs: Vietnamese column names, any case, with or without tone marks."""
    plan = write(tmp_path / "plan.yaml", SMALL_PLAN)
    extra = ",đo đạc,Sở GTVT" if header.count(",") == 4 else ""
    actuals = write(tmp_path / "a.csv", f"{header}\nroad_km,2024-Q1,3{extra}\n")
    result = run("check", actuals, "--targets", plan, "--format", "json")
    assert result.code == 0, result.err
    doc = result.json()
    assert doc["warnings"] == []  # ghi chú and nguồn are known columns, not unknown ones
    assert {t["id"]: t for t in doc["targets"]}["road_km"]["actual"] == 3.0


def test_missing_column_lists_the_columns_found(tmp_path: Path) -> None:
    """Issue 9, inputs: `missing-column` names the columns the header does have."""
    plan = write(tmp_path / "plan.yaml", SMALL_PLAN)
    actuals = write(tmp_path / "a.csv", "indicator,quarter,amount\nroad_km,2024-Q1,3\n")
    result = run("check", actuals, "--targets", plan)
    assert result.code == 3
    assert "missing-column" in result.err
    for found in ("indicator", "quarter", "amount"):
        assert found in result.err


def test_decimal_comma_set_in_the_plan(tmp_path: Path) -> None:
    """Issue 9, inputs: `number_format: vi` in the plan reads 12,5 as 12.5 without
    --decimal-comma."""
    plan = write(tmp_path / "plan.yaml",
                 CAPITAL_PLAN.replace("  year: 2024\n", "  year: 2024\n  number_format: vi\n"))
    actuals = write(tmp_path / "a.csv", "target;period;value\ncapital;2024-Q1;12,5\n")
    result = run("check", actuals, "--targets", plan, "--format", "json")
    assert result.code == 0, result.err
    assert result.json()["targets"][0]["actual"] == 12.5


def test_decimal_comma_set_in_the_environment(tmp_path: Path) -> None:
    """Issue 9, inputs: HAULOC_DECIMAL=comma reads 9,5 as 9.5 without --decimal-comma."""
    actuals = write(tmp_path / "a.csv", "target;period;value\nproduction_growth;2024-Q1;9,5\n")
    result = run("check", actuals, "--format", "json", env={"HAULOC_DECIMAL": "comma"})
    assert result.code in (0, 1), result.err
    by_id = {t["id"]: t for t in result.json()["targets"]}
    assert by_id["production_growth"]["actual"] == 9.5


def test_plan_problems_are_all_listed_in_one_run(tmp_path: Path) -> None:
    """Issue 9, inputs: four broken targets, four problems, one run."""
    plan = write(tmp_path / "plan.yaml", """\
plan:
  id: broken-2024
  name: Xã Thử — chỉ tiêu năm 2024
  year: 2024
targets:
  - id: late_milestone
    name: Mốc ngoài năm
    kind: milestone
    deadline: 2025-03-31
  - id: falling_pace
    name: Tiến độ giảm
    kind: cumulative
    target: 10
    pace: [0.3, 0.2, 0.7, 1.0]
  - id: milestone_with_target
    name: Mốc có chỉ tiêu
    kind: milestone
    target: 1
  - id: no_target
    name: Thiếu chỉ tiêu
    kind: cumulative
""")
    result = run("validate", "--targets", plan)
    assert result.code == 3
    problems = [line for line in result.err.splitlines() if plan.name in line]
    for target in ("late_milestone", "falling_pace", "milestone_with_target", "no_target"):
        assert any(target in line for line in problems), (target, result.err)
