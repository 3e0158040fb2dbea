from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from hauloc_cli.vocab.i18n import (
    CATALOGUE,
    LANGUAGES,
    SYMBOLS,
    format_date,
    format_number,
    label,
    missing_labels,
    resolve_language,
    unit_label,
)

SRC = Path(__file__).resolve().parents[2] / "src" / "hauloc_cli"


def test_every_label_is_in_every_language() -> None:
    assert set(CATALOGUE) == set(LANGUAGES)
    assert missing_labels(CATALOGUE) == []


def test_a_label_missing_in_one_catalogue_is_found() -> None:
    broken = {"en": dict(CATALOGUE["en"]), "vi": dict(CATALOGUE["vi"])}
    del broken["vi"]["brief.attention"]
    broken["en"]["only.en"] = "x"
    assert missing_labels(broken) == ["vi: brief.attention", "vi: only.en"]


def test_every_label_the_code_asks_for_exists() -> None:
    asked: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        asked |= set(re.findall(r"label\(lang, [\"']([a-z_.]+)[\"']", text))
    assert asked, "the scan found no label() calls"
    keys = set(CATALOGUE["en"])
    assert sorted(asked - keys) == []
    # keys built from parts: statuses, year-end classes, quarters, periods, groups
    for key in ("achieved", "on_track", "at_risk", "off_track", "no_data", "exceeded", "met",
                "missed",
                *(f"group.{g}" for g in ("economy", "society", "environment", "security",
                                         "other")),
                *(f"fs.{s}{cell}" for s in ("estimate", "preliminary", "official")
                  for cell in ("", ".cell")),
                *(f"units.{k}" for k in ("behind", "behind_none", "missing", "missing_none",
                                         "carried")),
                "matrix.missing", "matrix.carried"):
        assert key in keys


def test_every_verdict_has_a_symbol() -> None:
    for verdict in ("achieved", "on_track", "at_risk", "off_track", "no_data", "exceeded",
                    "met", "missed"):
        assert SYMBOLS[verdict]


@pytest.mark.parametrize(("key", "vi", "en"), [
    ("achieved", "Đạt", "Achieved"),
    ("on_track", "Đúng tiến độ", "On track"),
    ("at_risk", "Có nguy cơ", "At risk"),
    ("off_track", "Chậm tiến độ", "Off track"),
    ("no_data", "Chưa có số liệu", "No data"),
    ("exceeded", "Vượt kế hoạch", "Exceeded"),
    ("met", "Đạt", "Met"),
    ("missed", "Không đạt", "Missed"),
    ("group.economy", "Kinh tế", "Economy"),
    ("group.society", "Văn hóa - xã hội", "Society"),
    ("group.environment", "Môi trường", "Environment"),
    ("group.security", "Quốc phòng - an ninh", "Security"),
    ("group.other", "Khác", "Other"),
    ("brief.attention", "Cần chú ý", "Needs attention"),
])
def test_words_exactly(key: str, vi: str, en: str) -> None:
    assert label("vi", key) == vi
    assert label("en", key) == en


def test_year_end_sentence_as_reports_write_it() -> None:
    assert label("vi", "brief.year_end", good=7, total=9, exceeded=3) == \
        "7/9 chỉ tiêu đạt và vượt kế hoạch, trong đó 3 vượt"
    assert label("en", "brief.year_end", good=7, total=9, exceeded=3) == \
        "7/9 targets met or exceeded, 3 of them exceeded"


@pytest.mark.parametrize(("x", "vi", "en"), [
    (1234.5, "1.234,5", "1,234.5"),
    (12.1, "12,1", "12.1"),
    (12.0, "12", "12"),
    (0.75, "0,75", "0.75"),
    (1 / 3, "0,33", "0.33"),
    (2 / 3, "0,67", "0.67"),
    (1234567.891, "1.234.567,89", "1,234,567.89"),
    (-0.001, "0", "0"),
    (-2.5, "-2,5", "-2.5"),
    (0, "0", "0"),
    (100, "100", "100"),
])
def test_format_number(x: float, vi: str, en: str) -> None:
    assert format_number(x, "vi") == vi
    assert format_number(x, "en") == en


def test_format_number_with_fewer_decimals() -> None:
    assert format_number(90.83, "vi", decimals=0) == "91"
    assert format_number(1234.5, "en", decimals=0) == "1,234"


def test_dates_and_units() -> None:
    assert format_date(date(2024, 5, 31), "vi") == "31/05/2024"
    assert format_date(date(2024, 5, 31), "en") == "2024-05-31"
    assert unit_label("vi", "communes") == "xã"
    assert unit_label("vi", "million VND/person/year") == "triệu đồng/người/năm"
    assert unit_label("en", "communes") == "communes"
    assert unit_label("vi", "tấn") == "tấn"  # a unit we have no word for: as the plan says
    assert unit_label("vi", None) == ""


@pytest.mark.parametrize(("option", "environ", "expected"), [
    ("vi", {"HAULOC_LANG": "en"}, "vi"),
    ("en", {"LANG": "vi_VN.UTF-8"}, "en"),
    ("fr", {}, None),
    ("VI", {}, "vi"),  # issue 9: any case
    (None, {"HAULOC_LANG": "vi", "LANG": "en_US.UTF-8"}, "vi"),
    (None, {"HAULOC_LANG": "fr"}, None),
    (None, {"HAULOC_LANG": "", "LANG": "vi_VN.UTF-8"}, "vi"),
    (None, {"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}, "vi"),
    (None, {"LC_ALL": "C.UTF-8", "LC_MESSAGES": "vi_VN", "LANG": "vi_VN"}, "en"),
    (None, {"LC_MESSAGES": "vi_VN", "LANG": "en_US.UTF-8"}, "vi"),
    (None, {"LC_MESSAGES": "en_GB", "LANG": "vi_VN.UTF-8"}, "en"),
    (None, {"LANG": "vi"}, "vi"),
    (None, {"LANG": "de_DE.UTF-8"}, "en"),
    (None, {}, "en"),
])
def test_resolve_language(option: str | None, environ: dict[str, str],
                          expected: str | None) -> None:
    assert resolve_language(option, environ) == expected


@pytest.mark.parametrize(("lang", "unit", "count", "shown"), [
    ("en", "communes", 1, "commune"),   # issue 9: "needs 1 commune"
    ("en", "communes", 2, "communes"),
    ("en", "communes", 1.5, "communes"),
    ("en", "communes", None, "communes"),
    ("en", "cases", 1, "case"),
    ("en", "million VND/person/year", 1, "million VND/person/year"),  # not one word
    ("en", "class", 1, "class"),  # not a plural
    ("vi", "communes", 1, "xã"),  # Vietnamese has no plural
])
def test_unit_label_is_singular_for_one(lang: str, unit: str, count: float | None,
                                        shown: str) -> None:
    assert unit_label(lang, unit, count) == shown
