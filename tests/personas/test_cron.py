"""examples/cron/hauloc-report.sh under an empty environment (`env -i`), as cron runs it."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, ROOT

WRAPPER = ROOT / "examples" / "cron" / "hauloc-report.sh"
HAULOC = Path(sys.executable).parent / "hauloc"
ENV = shutil.which("env") or "/usr/bin/env"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script")


def stand_in_mail(tmp_path: Path) -> tuple[Path, Path]:
    """A `mail` that writes its arguments, a line ---, and the message it was given."""
    log = tmp_path / "mail.out"
    mail = tmp_path / "bin" / "mail"
    mail.parent.mkdir()
    mail.write_text(f"#!/bin/sh\n{{ printf '%s\\n' \"$@\"; echo ---; cat; }} >> '{log}'\n",
                    encoding="utf-8")
    mail.chmod(0o755)
    return mail, log


# No HAULOC_PLAN and no hauloc.toml (issue 25): the shipped plan, said first on stderr, so the
# mail says which plan the figures were judged against.
NOTICE = ("hauloc: no plan given: using the example plan shipped with hauloc (Hậu Lộc district, "
          "2024). Choose yours with --targets PLAN, HAULOC_PLAN=PLAN, or a hauloc.toml (hauloc "
          "init).\n")


def run_wrapper(tmp_path: Path, actuals: Path, **settings: str) -> subprocess.CompletedProcess[str]:
    mail, _ = stand_in_mail(tmp_path)
    variables = {"HAULOC_BIN": str(HAULOC), "HAULOC_MAIL_CMD": str(mail),
                 "HAULOC_ACTUALS": str(actuals), **settings}
    # env -i: no PATH, no HOME, no locale, no COLUMNS; only the wrapper's own settings.
    return subprocess.run([ENV, "-i", *(f"{k}={v}" for k, v in variables.items()), str(WRAPPER)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          stdin=subprocess.DEVNULL, cwd=tmp_path)


def today() -> str:
    return datetime.date.today().isoformat()


def test_the_wrapper_is_executable() -> None:
    assert WRAPPER.stat().st_mode & 0o111
    assert WRAPPER.read_text(encoding="utf-8").startswith("#!/bin/sh\n")


def test_targets_off_track_write_the_report_and_mail(tmp_path: Path) -> None:
    actuals = tmp_path / "actuals.csv"
    shutil.copy(EXAMPLE, actuals)
    result = run_wrapper(tmp_path, actuals, HAULOC_MAIL_TO="ubnd@example.vn")
    assert result.returncode == 1, result.stderr
    assert (result.stdout, result.stderr) == ("", "")
    report = tmp_path / "reports" / f"hauloc-{today()}.txt"
    text = report.read_text(encoding="utf-8")
    assert "\x1b" not in text
    assert text.splitlines()[-1] == ("2024-Q3: 1 achieved, 3 on track, 2 at risk, 2 off track, "
                                     "1 no data — 9 of 27 declared targets defined")
    # Width 160 from the wrapper: every line fits, and no status word is cut.
    assert max(len(line) for line in text.splitlines()) <= 160
    assert text.count("✖ Off track") == 2
    meaning = ("at least one target is at or below --fail-on, or (with --fail-on-missing) "
               "has no figure for the quarter")
    mail = (tmp_path / "mail.out").read_text(encoding="utf-8")
    head, body = mail.split("---\n", 1)
    # The subject says what happened, with counts, without exit codes or option names
    # (the report's summary line above: 2 at risk, 2 off track, 1 no data).
    subject = "2 targets off track, 2 at risk, 1 without a figure — nine months of 2024"
    assert len(subject) <= 78
    assert head == f"-s\n{subject}\nubnd@example.vn\n"
    assert body.startswith(
        "Hậu Lộc district — targets for 2024, nine months of 2024:\n\n"
        "Off track (2):\n  - New advanced new-rural communes\n"
        "  - District recognised as a new-rural district\n"
        "At risk (2):\n  - Growth of production value\n  - New OCOP products\n"
        "No data (1):\n  - Communes and towns meeting the security-and-order standard\n\n"
        f"Report: {report}\n\n")
    assert text in body
    assert body.endswith(f"Messages (stderr):\n{NOTICE}missing: no figure for 2024-Q3 from 2 "
                         "target(s): ntm_model_communes, security_standard_communes\n")
    log = (tmp_path / "reports" / "hauloc.log").read_text(encoding="utf-8")
    assert log.endswith(f" exit 1: {meaning}\n")
    assert log.startswith(today())


def test_all_well_writes_the_report_and_does_not_mail(tmp_path: Path) -> None:
    actuals = tmp_path / "actuals.csv"
    shutil.copy(EXAMPLE, actuals)
    out = tmp_path / "out"
    result = run_wrapper(tmp_path, actuals, HAULOC_MAIL_TO="ubnd@example.vn",
                         HAULOC_OPTIONS="--fail-on never", HAULOC_REPORT_DIR=str(out),
                         HAULOC_FORMAT="json")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    report = out / f"hauloc-{today()}.json"
    # Vietnamese survives an environment with no locale.
    assert '"name": "Tốc độ tăng trưởng giá trị sản xuất"' in report.read_text(encoding="utf-8")
    assert not (tmp_path / "mail.out").exists()
    assert (out / "hauloc.log").read_text(encoding="utf-8").endswith(
        " exit 0: all is well: no target at or below --fail-on\n")


def test_vietnamese_report(tmp_path: Path) -> None:
    actuals = tmp_path / "actuals.csv"
    shutil.copy(EXAMPLE, actuals)
    result = run_wrapper(tmp_path, actuals, HAULOC_LANG="vi", HAULOC_FORMAT="markdown",
                         HAULOC_MAIL_TO="ubnd@example.vn")
    assert result.returncode == 1
    text = (tmp_path / "reports" / f"hauloc-{today()}.md").read_text(encoding="utf-8")
    assert text.count("✖ Chậm tiến độ") == 2


def test_invalid_actuals_mail_the_errors_and_write_no_report(tmp_path: Path) -> None:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("target,period,value\nocop_product,2024-Q1,2\n", encoding="utf-8")
    result = run_wrapper(tmp_path, actuals, HAULOC_MAIL_TO="ubnd@example.vn")
    assert result.returncode == 3
    assert list((tmp_path / "reports").iterdir()) == [tmp_path / "reports" / "hauloc.log"]
    mail = (tmp_path / "mail.out").read_text(encoding="utf-8")
    assert mail == (
        "-s\nNot judged: 1 problem(s) in the figures or the plan\nubnd@example.vn\n---\n"
        "The files have 1 problem(s) to correct; nothing was judged and no report was "
        "written:\n\n"
        f"{actuals}:2:1: [unknown-target] no target 'ocop_product' in the plan — "
        "did you mean 'ocop_products' (New OCOP products)?\n")
    log = (tmp_path / "reports" / "hauloc.log").read_text(encoding="utf-8")
    assert log.endswith(" exit 3: the plan or the actuals file is invalid; nothing was "
                        "evaluated\n")


def test_without_a_recipient_the_message_goes_to_stderr_for_cron(tmp_path: Path) -> None:
    result = run_wrapper(tmp_path, tmp_path / "missing.csv")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "hauloc did not run: the command line names an option or a file that is wrong. "
        "Nothing was judged and no report was written.\n\n"
        f"Error: {tmp_path / 'missing.csv'}: no such file\n")
    assert not (tmp_path / "mail.out").exists()


def test_hauloc_not_found(tmp_path: Path) -> None:
    actuals = tmp_path / "actuals.csv"
    shutil.copy(EXAMPLE, actuals)
    result = run_wrapper(tmp_path, actuals, HAULOC_BIN=str(tmp_path / "nope"))
    assert result.returncode == 127
    assert "exited with code 127: hauloc could not be run; check HAULOC_BIN." in result.stderr


CRON_PAGE = ROOT / "docs" / "cron.md"


def readme_crontab_line() -> str:
    readme = CRON_PAGE.read_text(encoding="utf-8")
    block = readme.split("```crontab\n", 1)[1].split("```", 1)[0]
    (line,) = [x for x in block.splitlines() if x.strip() and not x.startswith("#")]
    return line


def test_the_readme_crontab_line_runs_as_cron_would(tmp_path: Path) -> None:
    """Done when: a cron job set up from docs/cron.md alone runs, writes, and signals."""
    line = readme_crontab_line()
    fields = line.split(None, 5)
    assert len(fields) == 6, "five time fields and a command"
    command = fields[5]
    # In a crontab a bare % ends the command; every % must be written \%.
    assert "%" not in command.replace("\\%", "")
    command = command.replace("\\%", "%")  # what cron hands to /bin/sh
    srv = tmp_path / "srv"
    srv.mkdir()
    shutil.copy(EXAMPLE, srv / "actuals_2024.csv")
    command = (command.replace("/opt/hauloc/venv/bin/hauloc", str(HAULOC))
               .replace("/opt/hauloc/hauloc-report.sh", str(WRAPPER))
               .replace("/srv/hauloc", str(srv)))
    mail, log = stand_in_mail(tmp_path)
    # Cron's environment: these four and nothing else (HAULOC_MAIL_CMD only for the test).
    env = {"HOME": str(tmp_path), "LOGNAME": "ubnd", "SHELL": "/bin/sh", "PATH": "/usr/bin:/bin",
           "HAULOC_MAIL_CMD": str(mail)}
    result = subprocess.run(["/bin/sh", "-c", command], env=env, capture_output=True, text=True,
                            timeout=120, stdin=subprocess.DEVNULL, cwd=tmp_path)
    assert result.returncode == 1
    month = datetime.date.today().strftime("%Y-%m")
    assert (srv / f"cron-{month}.log").read_text(encoding="utf-8") == ""
    report = (srv / "reports" / f"hauloc-{today()}.txt").read_text(encoding="utf-8")
    assert report.count("✖ Chậm tiến độ") == 2  # HAULOC_LANG=vi in the documented line
    mail_text = log.read_text(encoding="utf-8")
    # issue 9: HAULOC_LANG=vi makes the mail Vietnamese too; issue 25: its subject says
    # what happened, with counts, no jargon
    assert mail_text.startswith("-s\n2 chỉ tiêu chậm tiến độ, 2 có nguy cơ chậm, 1 chưa có số "
                                "liệu — 9 tháng 2024\n")
    assert "--fail-on" not in mail_text.split("---", 1)[0]
    assert "\nvanphong@example.vn\n---\n" in mail_text


def test_every_setting_in_the_docs_is_read_by_the_wrapper() -> None:
    script = WRAPPER.read_text(encoding="utf-8")
    page = CRON_PAGE.read_text(encoding="utf-8")
    section = page.split("\n## Settings", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"`(HAULOC_[A-Z_]+)`", section))
    used = set(re.findall(r"\$\{(HAULOC_[A-Z_]+)", script))
    # HAULOC_LANG is read by hauloc itself; the wrapper only passes it on.
    assert documented == used | {"HAULOC_LANG"}


def test_the_mail_lists_the_units_that_did_not_report(tmp_path: Path) -> None:
    """Issue 11: with units, --fail-on-missing names the units that did not report, and the
    mail carries it. In examples/communes_2024, Đa Lộc gave no security figure for 9 tháng."""
    folder = tmp_path / "communes"
    shutil.copytree(ROOT / "examples" / "communes_2024", folder)
    units = ROOT / "data" / "units_hau_loc_2024.yaml"
    result = run_wrapper(tmp_path, folder, HAULOC_MAIL_TO="ubnd@example.vn",
                         HAULOC_REPORT_DIR=str(tmp_path / "reports"),
                         HAULOC_OPTIONS=f"--fail-on-missing --units {units}")
    assert result.returncode == 1, result.stderr
    body = (tmp_path / "mail.out").read_text(encoding="utf-8").split("---\n", 1)[1]
    assert ("missing: Xã Đa Lộc (da_loc) did not report for 2024-Q3 (1 target(s)): "
            "security_standard_communes\n") in body


def test_a_wrong_option_is_mailed_in_plain_words(tmp_path: Path) -> None:
    """An option hauloc does not know stops it before it can write its mail: the wrapper's
    own subject says what happened, in the language asked, with no exit code in it."""
    actuals = tmp_path / "actuals.csv"
    shutil.copy(EXAMPLE, actuals)
    result = run_wrapper(tmp_path, actuals, HAULOC_MAIL_TO="ubnd@example.vn",
                         HAULOC_OPTIONS="--no-such-option", HAULOC_LANG="vi")
    assert result.returncode == 2
    head, body = (tmp_path / "mail.out").read_text(encoding="utf-8").split("---\n", 1)
    assert head == ("-s\nChưa đánh giá được: lệnh chạy sai, hoặc tệp không có hay không ghi "
                    "được\nubnd@example.vn\n")
    assert "No such option: --no-such-option" in body


def test_units_that_did_not_report_are_counted_in_the_subject(tmp_path: Path) -> None:
    """In Vietnamese, with units: the subject counts the communes that did not report."""
    folder = tmp_path / "communes"
    shutil.copytree(ROOT / "examples" / "communes_2024", folder)
    (folder / "tuy_loc.csv").unlink()
    units = ROOT / "data" / "units_hau_loc_2024.yaml"
    result = run_wrapper(tmp_path, folder, HAULOC_MAIL_TO="ubnd@example.vn", HAULOC_LANG="vi",
                         HAULOC_REPORT_DIR=str(tmp_path / "reports"),
                         HAULOC_OPTIONS=f"--fail-on-missing --units {units}")
    assert result.returncode == 1, result.stderr
    head, body = (tmp_path / "mail.out").read_text(encoding="utf-8").split("---\n", 1)
    subject = head.splitlines()[1]
    # Tuy Lộc (its file removed) and Đa Lộc (no security figure for 9 tháng)
    assert subject.endswith(", 2 xã chưa báo cáo — 9 tháng 2024"), subject
    assert len(subject) <= 78
    assert "  - Xã Tuy Lộc (tuy_loc): 5 chỉ tiêu\n" in body
    assert "  - Xã Đa Lộc (da_loc): 1 chỉ tiêu\n" in body
