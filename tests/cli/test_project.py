"""A project folder (issue 25): `hauloc init`, and every command finding its plan, units file
and language in the nearest hauloc.toml: option > environment > hauloc.toml > the shipped
plan, which is then named once at the top of stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hauloc_cli.cli import app
from tests.conftest import ASSETS, EXAMPLE, PLAN_2024

NOTICE = ("hauloc: no plan given: using the example plan shipped with hauloc (Hậu Lộc "
          "district, 2024). Choose yours with --targets PLAN, HAULOC_PLAN=PLAN, or a "
          "hauloc.toml (hauloc init).")
NOTICE_VI = ("hauloc: chưa chỉ định kế hoạch: đang dùng kế hoạch mẫu kèm theo hauloc (huyện "
             "Hậu Lộc, năm 2024). Chọn kế hoạch của đơn vị bằng --targets TỆP, "
             "HAULOC_PLAN=TỆP hoặc tệp hauloc.toml (hauloc init).")
# A plan of one target, to tell it from the shipped one by its id.
OWN = ("plan: {{id: {id}, year: 2024}}\n"
       "targets:\n  - {{id: schools, name: Trường, kind: cumulative, target: 12, rollup: sum}}\n")
UNITS = "id,name,parent,kind\nd1,Huyện,,district\na,Xã A,d1,commune\nb,Xã B,d1,commune\n"


@pytest.fixture
def nowhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No HAULOC_PLAN (conftest sets it), and a working directory with no hauloc.toml."""
    monkeypatch.delenv("HAULOC_PLAN", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def plan_id(result) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["plan"]["id"]


def project(folder: Path, settings: str, plan_name: str = "toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.yaml").write_text(OWN.format(id=plan_name), encoding="utf-8")
    (folder / "units.csv").write_text(UNITS, encoding="utf-8")
    (folder / "hauloc.toml").write_text(settings, encoding="utf-8")
    return folder


FIGURES = "target,period,value,unit\nschools,Q1,3,a\nschools,Q1,4,b\n"


# The rule, every branch, through `check`.
def test_nothing_given_is_the_shipped_plan_said_once_on_stderr(nowhere: Path) -> None:
    result = invoke("check", str(EXAMPLE), "-f", "json")
    assert plan_id(result) == "hau-loc-2024"
    assert result.stderr == NOTICE + "\n"
    assert json.loads(result.stdout) == json.loads(
        invoke("check", str(EXAMPLE), "-f", "json", "-t", str(PLAN_2024)).stdout)


def test_the_notice_is_in_the_language_asked(nowhere: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert invoke("targets", "--lang", "vi").stderr == NOTICE_VI + "\n"
    monkeypatch.setenv("HAULOC_LANG", "vi")
    assert invoke("targets").stderr == NOTICE_VI + "\n"


def test_a_settings_file_above_the_working_directory_is_used(
        nowhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(nowhere / "xa", 'plan = "plan.yaml"\nunits = "units.csv"\nlang = "vi"\n')
    (root / "so-lieu" / "quy-1").mkdir(parents=True)
    (root / "so-lieu" / "quy-1" / "a.csv").write_text(FIGURES, encoding="utf-8")
    monkeypatch.chdir(root / "so-lieu" / "quy-1")
    result = invoke("check", "a.csv", "-f", "json")
    assert plan_id(result) == "toml"
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert data["targets"][0]["actual"] == 7.0  # 3 + 4: the units file of hauloc.toml
    table = invoke("check", "a.csv")
    assert "Trường" in table.stdout and "Đánh giá" in table.stdout  # lang = "vi"


def test_the_option_wins_over_the_environment_and_the_settings_file(
        nowhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(nowhere, 'plan = "plan.yaml"\n')
    (root / "env.yaml").write_text(OWN.format(id="env"), encoding="utf-8")
    (root / "opt.yaml").write_text(OWN.format(id="opt"), encoding="utf-8")
    (root / "a.csv").write_text("target,period,value\nschools,Q1,3\n", encoding="utf-8")
    assert plan_id(invoke("check", "a.csv", "-f", "json")) == "toml"
    monkeypatch.setenv("HAULOC_PLAN", "env.yaml")
    assert plan_id(invoke("check", "a.csv", "-f", "json")) == "env"
    assert plan_id(invoke("check", "a.csv", "-f", "json", "-t", "opt.yaml")) == "opt"
    monkeypatch.setenv("HAULOC_PLAN", "")  # empty: not set
    assert plan_id(invoke("check", "a.csv", "-f", "json")) == "toml"


def test_units_and_language_follow_the_same_rule(nowhere: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(nowhere, 'plan = "plan.yaml"\nunits = "units.csv"\nlang = "vi"\n')
    (root / "other.csv").write_text("id,name,parent,kind\nd1,Huyện,,district\nc,Xã C,d1,commune\n",
                                    encoding="utf-8")
    (root / "a.csv").write_text(FIGURES, encoding="utf-8")
    assert invoke("check", "a.csv").exit_code in (0, 1)
    monkeypatch.setenv("HAULOC_UNITS", "other.csv")  # a and b are no units of other.csv
    assert "[unknown-unit]" in invoke("check", "a.csv").stderr
    assert invoke("check", "a.csv", "--units", "units.csv").exit_code in (0, 1)
    assert "Đánh giá" in invoke("check", "a.csv", "--units", "units.csv").stdout
    monkeypatch.setenv("HAULOC_LANG", "en")
    assert "Status" in invoke("check", "a.csv", "--units", "units.csv").stdout
    assert "Đánh giá" in invoke("check", "a.csv", "--units", "units.csv",
                                "--lang", "vi").stdout


def test_a_bad_settings_file_is_a_usage_error_naming_its_line(nowhere: Path) -> None:
    project(nowhere, 'plan = "plan.yaml"\nlang = "fr"\n')
    result = invoke("check", "a.csv")
    assert result.exit_code == 2
    assert result.stdout == ""
    # named from the working directory, as the user would type it
    assert result.stderr == ("Error: hauloc.toml:2: lang = 'fr' is not a "
                             'language hauloc speaks — write lang = "vi" or lang = "en"\n')


def test_every_command_that_takes_a_plan_finds_it(nowhere: Path) -> None:
    project(nowhere, 'plan = "plan.yaml"\n')
    (nowhere / "a.csv").write_text("target,period,value\nschools,Q1,3\n", encoding="utf-8")
    for args in (["validate"], ["targets"], ["template"], ["summary", "a.csv"],
                 ["report", "a.csv"], ["check", "a.csv"], ["validate", "a.csv"]):
        result = invoke(*args)
        assert result.exit_code in (0, 1), (args, result.stderr)
        assert result.stderr == "", args
    assert "schools" in invoke("template").stdout


# hauloc init
def test_init_makes_a_folder_in_which_check_needs_no_options(
        nowhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke("init", "hoang-phu", "--name", "Xã Hoằng Phú", "--year", "2026",
                    "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    folder = nowhere / "hoang-phu"
    assert sorted(p.name for p in folder.iterdir()) == [
        "hauloc.toml", "mau-nhap-lieu-2026.xlsx", "plan.yaml"]
    assert (folder / "hauloc.toml").read_text("utf-8").splitlines()[-2:] == [
        'plan = "plan.yaml"', 'lang = "vi"']
    assert result.stderr.splitlines()[0] == "Đã tạo thư mục hoang-phu (Xã Hoằng Phú, năm 2026):"
    plan = (folder / "plan.yaml").read_text("utf-8")
    assert '  name: "Xã Hoằng Phú"' in plan
    assert '  issuer: ["ỦY BAN NHÂN DÂN", "XÃ HOẰNG PHÚ"]' in plan
    assert '  place: "Hoằng Phú"' in plan
    monkeypatch.chdir(folder)
    (folder / "so-lieu.csv").write_text(
        "Mã chỉ tiêu,Kỳ báo cáo,Số liệu\nthu_nhap_binh_quan_dau_nguoi,6 tháng,63\n"
        "san_pham_ocop,6 tháng,1\nnong_thon_moi_nang_cao,6 tháng,chưa\n", encoding="utf-8")
    checked = invoke("check", "so-lieu.csv", "-f", "json")
    assert checked.stderr == ""
    data = json.loads(checked.stdout)
    assert data["plan"]["id"] == "xa-hoang-phu-2026"
    # By hand: income 63 of 70 (annual, at least): 0.9 of it, below on track (0.95), at
    # risk; OCOP 1 of 2 by mid-year, 1 expected: on track; a milestone due 2026-12-31 not
    # done at 6 tháng: on track, its deadline ahead.
    assert {r["id"]: (r["actual"], r["status"]) for r in data["targets"]} == {
        "thu_nhap_binh_quan_dau_nguoi": (63.0, "at_risk"),
        "san_pham_ocop": (1.0, "on_track"),
        "nong_thon_moi_nang_cao": (False, "on_track"),
    }


def test_init_from_a_resolution_with_a_units_file(nowhere: Path) -> None:
    units = nowhere / "don-vi.csv"
    units.write_text(UNITS, encoding="utf-8")
    result = invoke("init", "tinh", "--from", str(ASSETS / "resolution.table-2026.csv"),
                    "--units", str(units), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    folder = nowhere / "tinh"
    assert sorted(p.name for p in folder.iterdir()) == [
        "don-vi.csv", "hauloc.toml", "plan.yaml", "template-2026.xlsx"]
    assert (folder / "don-vi.csv").read_text("utf-8") == UNITS
    assert (folder / "hauloc.toml").read_text("utf-8").splitlines()[-3:] == [
        'plan = "plan.yaml"', 'units = "don-vi.csv"', 'lang = "en"']
    assert "[unread-target]" in result.stderr  # as plan import says
    assert ("  plan.yaml           the plan: 10 targets drafted from resolution.table-2026.csv;"
            " check each against the resolution") in result.stderr.splitlines()


def test_init_never_overwrites_without_force(nowhere: Path) -> None:
    assert invoke("init", "--year", "2026").exit_code == 0
    (nowhere / "plan.yaml").write_text("# edited by hand\n", encoding="utf-8")
    result = invoke("init", "--year", "2027")
    assert result.exit_code == 2
    assert "plan.yaml" in result.stderr and "hauloc.toml" in result.stderr
    assert "--force" in result.stderr
    assert (nowhere / "plan.yaml").read_text("utf-8") == "# edited by hand\n"
    assert not (nowhere / "template-2027.xlsx").exists()
    assert invoke("init", "--year", "2027", "--force").exit_code == 0
    assert "year: 2027" in (nowhere / "plan.yaml").read_text("utf-8")


def test_a_failed_init_leaves_nothing(nowhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad_units = nowhere / "units.csv"
    bad_units.write_text("id,name,parent\na,A,b\nb,B,a\n", encoding="utf-8")  # a cycle
    result = invoke("init", "new/folder", "--units", str(bad_units))
    assert result.exit_code == 3
    assert not (nowhere / "new").exists()
    # A failure while the files are written: those written are removed, the folder made too.
    from hauloc_cli.cli import output

    real = output._written
    calls = []

    def failing(*args: object) -> str:
        calls.append(args)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(output, "_written", failing)
    CliRunner().invoke(app, ["init", "new/folder", "--year", "2026"])
    assert len(calls) == 3
    assert not (nowhere / "new").exists()
    assert sorted(p.name for p in nowhere.iterdir()) == ["units.csv"]


def test_the_installed_command_finds_the_settings_as_cron_would(tmp_path: Path) -> None:
    root = project(tmp_path, 'plan = "plan.yaml"\n')
    (root / "a.csv").write_text("target,period,value\nschools,Q1,3\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "HAULOC_PLAN"}
    done = subprocess.run([sys.executable, "-m", "hauloc_cli", "check", "a.csv", "-f", "json"],
                          capture_output=True, text=True, cwd=root, env=env, timeout=60,
                          encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["plan"]["id"] == "toml"
    assert done.stderr == ""


def test_init_with_a_units_file_already_in_the_folder_names_it(nowhere: Path) -> None:
    (nowhere / "dv.csv").write_text(UNITS, encoding="utf-8")
    result = invoke("init", "--year", "2026", "--units", "dv.csv", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert (nowhere / "dv.csv").read_text("utf-8") == UNITS  # not copied over itself
    assert 'units = "dv.csv"' in (nowhere / "hauloc.toml").read_text("utf-8")
    assert sorted(p.name for p in nowhere.iterdir()) == [
        "dv.csv", "hauloc.toml", "plan.yaml", "template-2026.xlsx"]
