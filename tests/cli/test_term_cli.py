"""`hauloc term` on the shipped term plan (examples/term/): the status table, the brief, the
count, every format and both languages. The figures are worked by hand from the example:

- GRDP per person: base 3,505 USD (2025), 3,950 USD estimated for 2026. Achieved:
  3950 / 3505 = 1.12696, 12.7 % a year; required (7900 / 3505)^(1/5) − 1 = 17.6 %; ratio
  0.127 / 0.176 = 0.72 < 0.80: unlikely (off track). Still needed: 7900 / 3950 = 2 over the
  four years 2027–2030: 2^(1/4) − 1 = 0.1892, 18.9 %.
- GRDP growth 10.2 % in 2026 against 11 %: 10.2 / 11 = 0.927, at risk.
- Income 65 from 60 (1.0833) against (90 / 60)^(1/5) = 1.0845: 0.0833 / 0.0845 = 0.99, likely.
- Exports 11 from 10 (1.1) against (15 / 10)^(1/5) = 1.0845: 0.1 / 0.0845 = 1.18, likely.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli.support import ROOT, run, write

PLAN = ROOT / "examples" / "term" / "thanh_hoa_2025_2030.yaml"
YEAR_2026 = ROOT / "examples" / "term" / "actuals_2026.csv"


def test_the_term_table_and_brief_in_vietnamese() -> None:
    done = run("term", PLAN, YEAR_2026, "--lang", "vi", columns=80)
    assert done.code == 1  # a target off track, as check's --fail-on default
    assert done.err == ""
    text = " ".join(done.out.split())
    assert "✖ GRDP bình quân đầu người (Khó đạt): năm 2025: 3.505 USD; 3.950 USD (ước 2026); " \
        "bình quân 12,7%/năm đến nay (cần 17,6%/năm từ năm 2025); cần tăng bình quân " \
        "18,9%/năm trong 2027–2030 để đạt 7.900 USD năm 2030" in text
    assert "▲ Tốc độ tăng trưởng kinh tế (GRDP) bình quân (Có nguy cơ): 10,2% (ước 2026)" \
        in text
    assert done.out.rstrip().endswith("0/4 chỉ tiêu đạt, 2 có khả năng đạt, 2 khó đạt")
    assert max(len(line) for line in done.out.splitlines()) <= 80


def test_english_and_markdown() -> None:
    done = run("term", PLAN, YEAR_2026, "--lang", "en", "-f", "markdown")
    assert done.code == 1
    assert "| GRDP per person | 3,505 USD | 3,950 USD (2026 est.) | 7,900 USD by 2030 | " \
        "12.7%/year | 18.9%/year | ✖ Unlikely |" in done.out
    assert done.out.rstrip().endswith(
        "0/4 targets met, 2 likely to be met, 2 unlikely to be met")


def test_json_carries_the_numbers() -> None:
    done = run("term", PLAN, YEAR_2026, "-f", "json", "--fail-on", "never")
    assert done.code == 0
    data = done.json()
    assert data["plan"] == {"id": "thanh_hoa_2025_2030", "name": data["plan"]["name"],
                            "from": 2026, "to": 2030, "base_year": 2025, "years": 5}
    assert data["counts"] == {"achieved": 0, "likely": 2, "unlikely": 2, "missed": 0,
                              "no_data": 0}
    grdp = {t["id"]: t for t in data["targets"]}["grdp_per_capita"]
    assert grdp["status"] == "off_track"
    assert abs(grdp["needed"] - (2 ** 0.25 - 1)) < 1e-12
    assert 0.176 < grdp["required_rate"] < 0.177
    assert grdp["latest"]["estimate"] is True and grdp["latest"]["line"] == 4
    assert grdp["needed_over"] == [2027, 2030]


def test_the_official_report_as_html() -> None:
    done = run("term", PLAN, YEAR_2026, "-f", "html", "--lang", "vi", "--date", "2026-12-15")
    assert done.code == 1
    page = done.out
    for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "<p class=\"issuer\">ỦY BAN NHÂN DÂN</p>",
                 "/BC-UBND", "Thanh Hóa, ngày 15 tháng 12 năm 2026",
                 "0/4 chỉ tiêu đạt, 2 có khả năng đạt, 2 khó đạt",
                 "CÁC CHỈ TIÊU NHIỆM KỲ 2026–2030", "<th>Năm gốc 2025</th>"):
        assert text in page, text


def test_bad_input_is_located_and_coded(tmp_path: Path) -> None:
    late = write(tmp_path / "2031.csv", "target,period,value\nexports,Cả năm 2031,16\n")
    done = run("term", PLAN, late)
    assert done.code == 3
    assert done.out == ""
    assert f"{late}: [outside-term] no year of the term 2026–2030 reads this file" in done.err
    assert f"{late}:2:2: [wrong-year]" in done.err


def test_the_schema_of_a_term_plan() -> None:
    done = run("schema", "--term")
    assert done.code == 0
    schema = done.json()
    assert schema["title"] == "hauloc term plan"
    assert {"term", "from", "to", "base_year"} <= set(schema["$defs"]["TermInfo"]["properties"])
    assert run("schema", "--term", "--units").code == 2


def test_the_docs_show_what_the_term_command_prints() -> None:
    """docs/term.md's `$ hauloc term …` block is what the command prints at 80 columns."""
    readme = (ROOT / "docs" / "term.md").read_text(encoding="utf-8")
    found = re.findall(r"```\n\$ hauloc (term [^\n]*)\n(.*?)```\n", readme, flags=re.S)
    assert len(found) == 1
    command, shown = found[0]
    assert run(*command.split(), columns=80).out == shown


def test_every_format_says_the_same_status_and_need() -> None:
    """One truth: the table, Markdown, HTML and JSON of one run say the same status word and
    the same rate still needed for every target."""
    args = ("term", PLAN, YEAR_2026, "--lang", "en", "--fail-on", "never")
    data = run(*args, "-f", "json").json()
    texts = {fmt: " ".join(run(*args, "-f", fmt, columns=200).out.split())
             for fmt in ("table", "markdown", "html")}
    words = {"on_track": "Likely", "at_risk": "At risk", "off_track": "Unlikely"}
    for target in data["targets"]:
        said = f"{target['name']} ({words[target['status']]}): "
        rate = f"needs {100 * target['needed']:.1f}%/year".replace(".0%", "%")
        for fmt, text in texts.items():
            assert said in text, (fmt, said)
            assert rate in text, (fmt, rate)
        assert said in target["brief"]


def test_the_official_report_in_word(tmp_path: Path) -> None:
    """The same letter and annex as the HTML report, in a .docx (the format from the file's
    name); without --output the format is refused before any work (exit 2). The blank date
    line is of the year of the latest figure (2026), not of the term's end."""
    import docx

    out = tmp_path / "nhiem-ky.docx"
    done = run("term", PLAN, YEAR_2026, "-o", out, "--lang", "vi", "--fail-on", "never")
    assert done.code == 0, done.err
    document = docx.Document(str(out))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    assert "0/4 chỉ tiêu đạt, 2 có khả năng đạt, 2 khó đạt" in paragraphs
    assert "cần tăng bình quân 18,9%/năm trong 2027–2030 để đạt 7.900 USD năm 2030" in paragraphs
    header = document.tables[0].rows[0].cells[1].text
    assert "Thanh Hóa, ngày" in header and "năm 2026" in header
    annex = document.tables[-1]
    assert [c.text for c in annex.rows[0].cells] == [
        "STT", "Chỉ tiêu", "Năm gốc 2025", "Mới nhất", "Mục tiêu", "Đã đạt", "Cần đạt",
        "Đánh giá"]
    grdp = [c.text for c in annex.rows[2].cells]
    assert grdp[0] == "2" and grdp[-1] == "✖ Khó đạt" and grdp[5:7] == ["12,7%/năm", "18,9%/năm"]
    refused = run("term", PLAN, YEAR_2026, "-f", "docx")
    assert refused.code == 2 and "give --output FILE.docx" in refused.err
