"""Every message hauloc says to a user, in English and in Vietnamese: one catalogue.

A message is a `Text` (its key and its values), rendered in the language of the run; `str()`
renders it in English, for code that needs a str today (errors.Problem.message).
"""

from __future__ import annotations

from dataclasses import dataclass

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        # project folder (init, hauloc.toml, folders)
        "skipped.lock": "skipped: an Office lock file (the workbook is open in Excel or "
                        "LibreOffice), not figures",
        "skipped.hidden": "skipped: a hidden file, not figures",
        "skipped.settings": "skipped: hauloc's settings file, not figures",
        "skipped.plan": "skipped: the plan, not figures",
        "skipped.units": "skipped: the units file, not figures",
        "skipped.format": "skipped: not a table of figures (hauloc reads {suffixes} files)",
        "skipped.header": "skipped: none of its first 20 rows names the columns target, "
                          "period and value, and it is not an annex table",
        "skipped.header.hint": "if it holds figures, name its columns target, period and "
                               "value",
        # end of project folder
    },
    "vi": {
        # project folder (init, hauloc.toml, folders)
        "skipped.lock": "bỏ qua: tệp khóa của Office (bảng tính đang mở trong Excel hoặc "
                        "LibreOffice), không phải số liệu",
        "skipped.hidden": "bỏ qua: tệp ẩn, không phải số liệu",
        "skipped.settings": "bỏ qua: tệp cài đặt của hauloc, không phải số liệu",
        "skipped.plan": "bỏ qua: tệp kế hoạch, không phải số liệu",
        "skipped.units": "bỏ qua: tệp danh sách đơn vị, không phải số liệu",
        "skipped.format": "bỏ qua: không phải bảng số liệu (hauloc đọc các tệp {suffixes})",
        "skipped.header": "bỏ qua: 20 dòng đầu không có dòng nào ghi tên các cột chỉ tiêu, "
                          "kỳ báo cáo và số liệu, và đây cũng không phải biểu phụ lục",
        "skipped.header.hint": "nếu tệp có số liệu, hãy đặt tên các cột là Mã chỉ tiêu, "
                               "Kỳ báo cáo và Số liệu",
        # end of project folder
    },
}


@dataclass(frozen=True)
class Text:
    """A message not yet put into words: its key in MESSAGES and the values it names."""

    key: str
    args: tuple[tuple[str, object], ...] = ()

    def render(self, lang: str) -> str:
        return MESSAGES[lang][self.key].format(**dict(self.args))

    def __str__(self) -> str:
        return self.render("en")


def text(key: str, **args: object) -> Text:
    """The message `key` with its values; KeyError at once for a key not in the catalogue."""
    MESSAGES["en"][key]  # noqa: B018 - a misspelt key fails where it is written
    return Text(key, tuple(args.items()))
