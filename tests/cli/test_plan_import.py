"""`hauloc plan import`: the draft written (stdout or --output, never over a file without
--force), what was not read named on stderr and commented in the draft, the draft valid."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from hauloc_cli.model.plan import Target
from tests.cli.support import README, ROOT, run, write
from tests.conftest import ASSETS

ARTICLE = ASSETS / "resolution.source-article-2024-01-05.vi.txt"
PLAN_IMPORT_PAGE = ROOT / "docs" / "plan-import.md"
BULLETED = ASSETS / "resolution.bulleted-2026.txt"
TABLES = [ASSETS / f"resolution.table-2026.{s}" for s in ("xlsx", "csv", "docx")]
# The forms of issue 23 (range, about, strict, change, groups) in the plan model: until they
# are, only the drafts that use none of them are validated by `hauloc validate`.
FORMS = "about" in Target.model_fields


def test_the_article_s_draft_is_a_plan_that_validates(tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    done = run("plan", "import", ARTICLE, "-o", draft)
    assert done.code == 0, done.err
    assert done.out == ""
    assert done.err == ("9 target(s) read, 0 not read; check the draft against the "
                        "resolution before use.\n")
    checked = run("validate", "--targets", draft)
    assert (checked.code, checked.out) == (0, "OK: 9 targets\n")
    plan = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert plan["plan"] == {"id": "resolution-source-article-2024-01-05-vi", "year": 2024,
                            "declared_targets": 27,
                            "source": "resolution.source-article-2024-01-05.vi.txt"}
    assert plan["targets"][-1] == {
        "id": "huyen_duoc_cong_nhan_dat_chuan_nong_thon_moi",
        "name": "Huyện được công nhận đạt chuẩn nông thôn mới", "kind": "milestone",
        "deadline": __import__("datetime").date(2024, 5, 31),
        "source": "phấn đấu trước tháng 6/2024 huyện được công nhận đạt chuẩn nông thôn mới"}


def test_the_draft_goes_to_stdout_without_output() -> None:
    done = run("plan", "import", ARTICLE, "--id", "my-plan")
    assert done.code == 0
    assert yaml.safe_load(done.out)["plan"]["id"] == "my-plan"


def test_what_is_not_read_is_named_on_stderr_and_commented_in_the_draft() -> None:
    done = run("plan", "import", BULLETED)
    assert done.code == 0
    warnings = [line for line in done.err.splitlines() if line.startswith("warning:")]
    assert [w.split(": [")[0] for w in warnings] == [
        f"warning: {BULLETED}:{line}" for line in (16, 17, 22, 24, 27)]
    assert all("[unread-target]" in w for w in warnings)
    assert "  # - source: \"Bội chi ngân sách không quá 3% GRDP\"\n" in done.out
    assert ("  # NOT READ (resolution.bulleted-2026.txt:17): words after the figure ('GRDP')"
            "\n  # that say more than its unit\n") in done.out
    assert all(len(line) <= 80 for line in done.out.splitlines() if line.startswith(
        ("#", "  #")) and " - source: " not in line)


def test_the_draft_writes_the_forms_of_the_plan_contract() -> None:
    plan = yaml.safe_load(run("plan", "import", BULLETED).out)
    assert plan["groups"][0] == {"id": "kinh_te", "name": "Kinh tế"}
    by_id = {t["id"]: t for t in plan["targets"]}
    assert by_id["toc_do_tang_truong_tong_gia_tri_san_pham"]["target"] == [10, 10.5]
    assert by_id["tong_von_dau_tu_toan_xa_hoi"]["about"] == 1234.5
    assert "target" not in by_id["tong_von_dau_tu_toan_xa_hoi"]
    assert by_id["ty_le_lao_dong_qua_dao_tao"]["strict"] is True
    assert {k: by_id["ty_le_ho_ngheo"][k] for k in ("change", "direction", "target")} == {
        "change": "points", "direction": "at_most", "target": [-1.5, -1]}
    assert {k: by_id["thu_ngan_sach_tren_dia_ban"][k] for k in ("change", "target")} == {
        "change": "percent", "target": 7}
    assert "measure" not in by_id["thu_ngan_sach_tren_dia_ban"]  # the revenue's own unit
    assert by_id["ty_le_that_nghiep"]["group"] == "van_hoa_xa_hoi"


@pytest.mark.skipif(not FORMS, reason="the plan's new forms (issue 23 item 1) are not in main")
@pytest.mark.parametrize("source", [BULLETED, *TABLES], ids=lambda p: p.name)
def test_every_draft_validates(tmp_path: Path, source: Path) -> None:
    draft = tmp_path / "draft.yaml"
    assert run("plan", "import", source, "-o", draft).code == 0
    checked = run("validate", "--targets", draft)
    assert checked.code == 0, checked.err


def test_an_existing_file_is_not_replaced_without_force(tmp_path: Path) -> None:
    draft = write(tmp_path / "draft.yaml", "mine\n")
    done = run("plan", "import", ARTICLE, "-o", draft)
    assert done.code == 2
    assert "already exists" in done.err and "--force" in done.err
    assert draft.read_text(encoding="utf-8") == "mine\n"
    assert run("plan", "import", ARTICLE, "-o", draft, "--force").code == 0
    assert draft.read_text(encoding="utf-8").startswith("# A draft plan")


def test_the_resolution_itself_is_never_the_output(tmp_path: Path) -> None:
    resolution = write(tmp_path / "nq.txt", ARTICLE.read_text(encoding="utf-8"))
    done = run("plan", "import", resolution, "-o", resolution, "--force")
    assert done.code == 2
    assert "is the input" in done.err
    assert resolution.read_text(encoding="utf-8") == ARTICLE.read_text(encoding="utf-8")


def test_a_file_with_no_target_is_exit_3_and_writes_nothing(tmp_path: Path) -> None:
    letter = write(tmp_path / "letter.txt", "Kính gửi UBND xã năm 2026.\n")
    draft = tmp_path / "draft.yaml"
    done = run("plan", "import", letter, "-o", draft)
    assert done.code == 3
    assert f"{letter}: [no-targets] the file states no target" in done.err
    assert not draft.exists()


def test_plan_import_has_help_and_a_place_in_the_docs() -> None:
    done = run("plan", "import", "--help")
    assert done.code == 0
    assert "Draft a plan from a resolution" in done.out
    assert "`hauloc plan import" in README.read_text(encoding="utf-8")
    assert "`hauloc plan import" in PLAN_IMPORT_PAGE.read_text(encoding="utf-8")


def test_the_docs_show_what_plan_import_prints(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/plan-import.md's run on the source article is what the command prints and writes."""
    readme = PLAN_IMPORT_PAGE.read_text(encoding="utf-8")
    start = readme.index("$ hauloc plan import source-article-2024-01-05.vi.txt -o draft.yaml\n")
    block = readme[start:readme.index("```", start)].splitlines()
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "source-article-2024-01-05.vi.txt", ARTICLE.read_text(encoding="utf-8"))
    done = run("plan", "import", "source-article-2024-01-05.vi.txt", "-o", "draft.yaml")
    assert block[1] == done.err.rstrip("\n")
    checked = run("validate", "--targets", "draft.yaml")
    assert block[2:4] == ["$ hauloc validate --targets draft.yaml", checked.out.rstrip("\n")]
    assert block[4] == "$ head -20 draft.yaml"
    written = (tmp_path / "draft.yaml").read_text(encoding="utf-8").splitlines()
    assert block[5:] == written[:20]


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """As Windows writes Vietnamese in cp1258: a letter with a tone mark as the letter, then
    the tone mark (cp1258 has no code for most letters that carry one)."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += (base + "".join(c for c in parts if c in _TONES)).encode("cp1258")
    return out


def test_a_windows_1258_text_is_read_with_encoding(tmp_path: Path) -> None:
    text = "Năm 2026, các chỉ tiêu chủ yếu:\n- Tỷ lệ hộ nghèo giảm còn 2%.\n"
    resolution = tmp_path / "nq.txt"
    resolution.write_bytes(_cp1258(text))
    refused = run("plan", "import", resolution)
    assert refused.code == 3
    assert "[bad-encoding]" in refused.err and "cp1258" in refused.err
    done = run("plan", "import", resolution, "--encoding", "cp1258")
    assert done.code == 0, done.err
    assert yaml.safe_load(done.out)["targets"][0]["name"] == "Tỷ lệ hộ nghèo"
