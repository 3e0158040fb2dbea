"""Words and number formats per language."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("vi", "en")


def format_number(x: float, lang: str = "en", decimals: int = 2) -> str:
    """At most `decimals` decimals, trailing zeros dropped, grouped the language's way.

    en: 1,234.5 — vi: 1.234,5 (the thousands and decimal separators swap).
    """
    text = f"{x:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    if lang == "vi":
        text = text.translate(str.maketrans(",.", ".,"))
    return text


# One catalogue per language; tests/test_i18n.py fails when a key is missing in one of them.
CATALOGUE: dict[str, dict[str, str]] = {
    "en": {
        "achieved": "Achieved",
        "on_track": "On track",
        "at_risk": "At risk",
        "off_track": "Off track",
        "no_data": "No data",
        "col.target": "Target",
        "col.plan": "Plan",
        "col.actual": "Actual",
        "col.expected": "Expected",
        "col.progress": "Done/due",
        "col.status": "Status",
        "col.reason": "Reason",
        "col.id": "Id",
        "col.group": "Group",
        "col.kind": "Kind",
        "col.unit": "Unit",
        "done": "done",
        "not_done": "not done",
        "by": "by",
        "defined": "{defined} of {declared} declared targets defined",
        "defined_all": "{defined} targets defined",
        "period": "Period",
    },
    "vi": {
        "achieved": "Đạt",
        "on_track": "Đúng tiến độ",
        "at_risk": "Có nguy cơ",
        "off_track": "Chậm tiến độ",
        "no_data": "Chưa có số liệu",
        "col.target": "Chỉ tiêu",
        "col.plan": "Kế hoạch",
        "col.actual": "Thực hiện",
        "col.expected": "Cần đạt",
        "col.progress": "Đạt/cần",
        "col.status": "Đánh giá",
        "col.reason": "Ghi chú",
        "col.id": "Mã",
        "col.group": "Nhóm",
        "col.kind": "Loại",
        "col.unit": "Đơn vị",
        "done": "đã đạt",
        "not_done": "chưa đạt",
        "by": "hạn",
        "defined": "{defined}/{declared} chỉ tiêu đã khai báo",
        "defined_all": "{defined} chỉ tiêu",
        "period": "Kỳ",
    },
}

SYMBOLS = {
    "achieved": "✔",
    "on_track": "●",
    "at_risk": "▲",
    "off_track": "✖",
    "no_data": "?",
}


def label(lang: str, key: str, **values: object) -> str:
    text = CATALOGUE[lang][key]
    return text.format(**values) if values else text


def resolve_language(option: str | None, environ: Mapping[str, str]) -> str | None:
    """--lang, else $HAULOC_LANG, else vi when the locale is Vietnamese, else en.

    None when the language asked for (by option or variable) is not one we have.
    """
    asked = option if option is not None else environ.get("HAULOC_LANG") or None
    if asked is not None:
        return asked if asked in LANGUAGES else None
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(var):
            return "vi" if environ[var].lower().startswith("vi") else "en"
    return "en"
