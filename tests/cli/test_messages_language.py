"""Issue 25: what hauloc says on stderr is in the user's language. Every command runs over the
bad-input corpus (tests/assets) with --lang vi, and no English sentence may be left in what
it says; and in English, no Vietnamese word of hauloc's own.

What is not hauloc's own words is set aside before looking: problem codes in [brackets], what
is quoted ('…', «…», "…": the user's cells, a library's own words), file names and paths,
option names (--period), ids (ocop_products), and the spellings the user types that hauloc
names in a hint (Quý I, 6 tháng, Cả năm, đạt/chưa đạt …), which are input, like an option.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hauloc_cli.cli import app
from tests.conftest import ASSETS, EXAMPLE

# Whole English function words that a Vietnamese sentence never holds ("an" is left out:
# "an ninh", security, is Vietnamese).
_ENGLISH = re.compile(r"\b(the|is|not|in|of|a|has|no|for|with|must|use|and|or|are|was|"
                      r"this|that|file|found|cannot|give|write|check|did|you|mean)\b")
_VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữự"
                         r"ỳýỷỹỵ]", re.IGNORECASE)
_ASIDE = [
    re.compile(r"\[[^\]]*\]"),                      # [bad-number]
    re.compile(r"'[^'\n]*'|«[^»\n]*»|\"[^\"\n]*\""),  # quoted: the user's data, a library's words
    re.compile(r"(?:^|\s)\S*[/\\]\S*"),             # paths
    re.compile(r"\S+\.(?:csv|xlsx|xls|ods|docx|odt|yaml|yml|txt|pdf|md|html|json)\b"),
    re.compile(r"--[\w-]+"),                        # options
    re.compile(r"\b\w+_\w+\b"),                     # ids
    re.compile(r"U\+[0-9A-F]{4}"),
    # what the user types, named in a hint
    re.compile(r"Quý I|[0-9]+ tháng|tháng [0-9]+|Cả năm|chưa hoàn thành|hoàn thành|chưa đạt|"
               r"đạt|có|không|Mã chỉ tiêu|Thực hiện|Ước thực hiện|Lũy kế|Kết quả"),
]


def words_left(line: str) -> str:
    for pattern in _ASIDE:
        line = pattern.sub(" ", line)
    return line


def english_in(text: str) -> list[str]:
    return [line for line in text.splitlines() if _ENGLISH.search(words_left(line))]


def vietnamese_in(text: str) -> list[str]:
    return [line for line in text.splitlines() if _VIETNAMESE.search(words_left(line))]


def test_the_detectors_find_what_they_look_for() -> None:
    assert english_in("a.csv:2:1: [bad-number] 'x' is not a number")
    assert not english_in("a.csv:2:1: [bad-number] 'x is not a number' không phải là số")
    assert not english_in("Lỗi: có 3 vấn đề; chưa đánh giá gì.")
    assert vietnamese_in("Lỗi: có 3 vấn đề")
    assert not vietnamese_in("'Quý II' is the figure of quarter 2 alone — give it as '6 tháng'")


def corpus() -> list[tuple[str, list[str]]]:
    runs: list[tuple[str, list[str]]] = []
    for path in sorted(ASSETS.iterdir()):
        if path.name.startswith("plan."):
            runs += [(path.name, ["validate", "--targets", str(path)]),
                     (path.name, ["targets", "--targets", str(path)]),
                     (path.name, ["check", str(EXAMPLE), "--targets", str(path)])]
        elif path.name.startswith(("actuals.", "annex.")):
            runs += [(path.name, [command, str(path)])
                     for command in ("check", "validate", "summary", "report")]
    return runs


# Usage errors hauloc raises itself, and files that are not what they should be.
def odd_runs(tmp_path: Path) -> list[list[str]]:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\x00\nendobj\n")
    word = ASSETS / "resolution.table-2026.docx"
    workbook = ASSETS / "actuals.excel-export.xlsx"
    plan = tmp_path / "plan.yaml"
    plan.write_text("plan: {id: x, name: X, year: 2024, units: u.yaml}\ntargets: []\n",
                    encoding="utf-8")
    dash = tmp_path / "dash.csv"
    dash.write_text("target,period,value\nocop_products,,3\nocop_products,Q1,—\n"
                    "ocop_products,2023-Q1,2\n", encoding="utf-8")
    return [["check", str(pdf)], ["check", str(word)], ["check", str(EXAMPLE), "-t", str(workbook)],
            ["check", str(EXAMPLE), "-t", str(pdf)], ["validate", "--targets", str(plan)],
            ["check", str(dash)], ["check", str(tmp_path / "missing.csv")],
            ["check", str(workbook), "--sheet", "Shet1"], ["check", str(EXAMPLE), "--period", "Q5"],
            ["check", str(EXAMPLE), "--period", "2023-Q3"], ["check", str(EXAMPLE), "--by-unit"],
            ["check", str(EXAMPLE), "--unit", "x"], ["check", str(EXAMPLE), "--fail-on-missing"],
            ["check", str(workbook), "--encoding", "cp1258"]]


def run(args: list[str], lang: str) -> str:
    result = CliRunner().invoke(app, [*args, "--lang", lang],
                                env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args, result.exception)
    return result.stderr


@pytest.mark.parametrize(("name", "args"), corpus(), ids=lambda v: v if isinstance(v, str)
                         else v[0])
def test_the_corpus_in_vietnamese_says_no_english(name: str, args: list[str]) -> None:
    assert english_in(run(args, "vi")) == []


@pytest.mark.parametrize(("name", "args"), corpus(), ids=lambda v: v if isinstance(v, str)
                         else v[0])
def test_the_corpus_in_english_says_no_vietnamese(name: str, args: list[str]) -> None:
    assert vietnamese_in(run(args, "en")) == []


def test_odd_inputs_and_usage_errors_in_each_language(tmp_path: Path) -> None:
    for args in odd_runs(tmp_path):
        said = run(args, "vi")
        assert said, args  # each of them says something
        assert english_in(said) == [], args
        assert vietnamese_in(run(args, "en")) == [], args


@pytest.mark.parametrize("name", sorted(p.name for p in ASSETS.iterdir()
                                        if p.name.startswith("resolution.")))
def test_plan_import_speaks_the_language_of_the_locale(name: str) -> None:
    """`plan import` has no --lang: HAULOC_LANG (or the locale) says the language. (Only in
    Vietnamese: in English the resolution's own Vietnamese words are quoted with apostrophes
    inside them, which the detector cannot pair.)"""
    result = CliRunner().invoke(app, ["plan", "import", str(ASSETS / name)],
                                env={"HAULOC_LANG": "vi", "COLUMNS": "100"})
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr
    assert english_in(result.stderr) == []
