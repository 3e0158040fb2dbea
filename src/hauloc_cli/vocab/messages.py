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
        "settings.unreadable": "cannot be read ({why})",
        "settings.not_utf8": "not UTF-8 text — save it as UTF-8",
        "settings.syntax": "not valid TOML: {why} — write each setting as key = \"value\", "
                           "e.g. plan = \"plan.yaml\"",
        "settings.unknown_key": "unknown key '{setting}' — the keys are {keys}",
        "settings.not_text": "{setting} must be a text in quotes — e.g. {setting} = \"...\"",
        "settings.bad_lang": "lang = '{lang}' is not a language hauloc speaks — write "
                             "lang = \"vi\" or lang = \"en\"",
        "settings.missing_file": "{setting} = '{value}': there is no such file in {folder} — "
                                 "paths are relative to the folder of hauloc.toml",
        "settings.comment": "hauloc's settings for this folder and every folder under it "
                            "(docs/project.md).\nPaths are relative to this file. An option "
                            "(--targets, --units, --lang) or HAULOC_PLAN,\nHAULOC_UNITS, "
                            "HAULOC_LANG in the environment wins over what is written here.",
        "notice.shipped_plan": "hauloc: no plan given: using the example plan shipped with "
                               "hauloc (Hậu Lộc district, 2024). Choose yours with --targets "
                               "PLAN, HAULOC_PLAN=PLAN, or a hauloc.toml (hauloc init).",
        "init.skeleton.comment": "The plan for {year}, made by `hauloc init`. The three "
                                 "targets below are EXAMPLES, named so: replace them with the "
                                 "resolution's targets (README, \"Writing a plan\"), or draft "
                                 "the plan from the resolution: hauloc init --from FILE.",
        "init.example.income": "(Example) Average income per person",
        "init.example.income.measure": "million VND/person/year",
        "init.example.ocop": "(Example) New OCOP products of 3 stars or more",
        "init.example.ocop.measure": "products",
        "init.example.ntm": "(Example) Recognised as an advanced new-rural commune",
        "init.made": "Made the project folder {folder} ({name}, {year}):",
        "init.plan.skeleton": "the plan: {count} example targets, to replace with the "
                              "resolution's",
        "init.plan.drafted": "the plan: {count} targets drafted from {resolution}; check each "
                             "against the resolution",
        "init.units": "the units file",
        "init.template": "the data-entry template, to send to the offices",
        "init.settings": "the settings: every hauloc command run in this folder or under it "
                         "uses this plan{units} (language: {lang})",
        "init.settings.units": " and units file",
        "init.next": "Next: fill in the template, save it in the folder, and run, there:\n"
                     "  hauloc check {example}",
        "init.unnamed": "no name given",
        "template.guide.column": "Column",
        "template.guide.what": "What to write",
        "template.guide.target": "The target's id in the plan. Do not change it.",
        "template.guide.period": "The period the figure is for: the year to date at the end "
                                 "of the quarter (Q1, first half, nine months, full year). Do "
                                 "not change it.",
        "template.guide.value": "The figure from 1 January to the end of the period. A number "
                                "(12.5), or for a yes/no target có or không. Leave it empty "
                                "when there is no figure yet: the row is skipped.",
        "template.guide.note": "Optional: a note on the figure (e.g. ước: an estimate).",
        "template.guide.source": "Optional: where the figure comes from.",
        "template.guide.name": "The target's name, for reading; not read back.",
        "template.guide.unit": "The unit of measure, for reading; not read back.",
        "template.guide.measure": "The unit of measure, for reading; not read back.",
        "template.guide.plan_target": "The year's target as the plan sets it, for reading; not "
                                      "read back.",
        "template.guide.unit_id": "The reporting unit's id in the units file. Do not change "
                                  "it.",
        "template.guide.unit_name": "The reporting unit's name, for reading; not read back.",
        "template.guide.after": "Fill in the first sheet only, save the file, and run hauloc "
                                "check FILE (or hauloc check FOLDER for a folder of such "
                                "files).",
        "folder.nothing_read": "{paths}: no actuals files: {skipped}",
        "init.cannot_make": "cannot make the folder {folder} ({why})",
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
        "settings.unreadable": "không đọc được tệp ({why})",
        "settings.not_utf8": "tệp không phải văn bản UTF-8 — hãy lưu lại dưới dạng UTF-8",
        "settings.syntax": "sai cú pháp TOML: {why} — mỗi dòng ghi một cài đặt dạng "
                           "khóa = \"giá trị\", ví dụ plan = \"plan.yaml\"",
        "settings.unknown_key": "không có khóa '{setting}' — các khóa dùng được là {keys}",
        "settings.not_text": "{setting} phải là chuỗi ký tự đặt trong ngoặc kép — ví dụ "
                             "{setting} = \"...\"",
        "settings.bad_lang": "lang = '{lang}' không phải ngôn ngữ hauloc dùng được — hãy ghi "
                             "lang = \"vi\" hoặc lang = \"en\"",
        "settings.missing_file": "{setting} = '{value}': không có tệp này trong thư mục {folder} — "
                                 "đường dẫn tính từ thư mục chứa hauloc.toml",
        "settings.comment": "Cài đặt của hauloc cho thư mục này và mọi thư mục con "
                            "(docs/project.md).\nĐường dẫn tính từ thư mục chứa tệp này. Tùy "
                            "chọn dòng lệnh (--targets, --units, --lang)\nhoặc biến môi trường "
                            "HAULOC_PLAN, HAULOC_UNITS, HAULOC_LANG được ưu tiên hơn tệp này.",
        "notice.shipped_plan": "hauloc: chưa chỉ định kế hoạch: đang dùng kế hoạch mẫu kèm "
                               "theo hauloc (huyện Hậu Lộc, năm 2024). Chọn kế hoạch của đơn "
                               "vị bằng --targets TỆP, HAULOC_PLAN=TỆP hoặc tệp hauloc.toml "
                               "(hauloc init).",
        "init.skeleton.comment": "Kế hoạch năm {year}, do `hauloc init` tạo. Ba chỉ tiêu "
                                 "dưới đây chỉ là VÍ DỤ, có ghi rõ trong tên: hãy thay bằng các "
                                 "chỉ tiêu của nghị quyết (README, \"Writing a plan\"), hoặc "
                                 "lập kế hoạch từ nghị quyết: hauloc init --from TỆP.",
        "init.example.income": "(Ví dụ) Thu nhập bình quân đầu người",
        "init.example.income.measure": "triệu đồng/người/năm",
        "init.example.ocop": "(Ví dụ) Sản phẩm OCOP đạt 3 sao trở lên (thêm)",
        "init.example.ocop.measure": "sản phẩm",
        "init.example.ntm": "(Ví dụ) Xã đạt chuẩn nông thôn mới nâng cao",
        "init.made": "Đã tạo thư mục {folder} ({name}, năm {year}):",
        "init.plan.skeleton": "kế hoạch: {count} chỉ tiêu ví dụ, cần thay bằng các chỉ tiêu "
                              "của nghị quyết",
        "init.plan.drafted": "kế hoạch: {count} chỉ tiêu lập từ {resolution}; cần đối chiếu "
                             "từng chỉ tiêu với nghị quyết",
        "init.units": "danh sách đơn vị",
        "init.template": "mẫu nhập số liệu, để gửi các đơn vị",
        "init.settings": "cài đặt: mọi lệnh hauloc chạy trong thư mục này hoặc thư mục con "
                         "đều dùng kế hoạch này{units} (ngôn ngữ: {lang})",
        "init.settings.units": " và danh sách đơn vị này",
        "init.next": "Tiếp theo: nhập số liệu vào mẫu, lưu trong thư mục, rồi chạy tại đó:\n"
                     "  hauloc check {example}",
        "init.unnamed": "chưa đặt tên",
        "template.guide.column": "Cột",
        "template.guide.what": "Cách ghi",
        "template.guide.target": "Mã của chỉ tiêu trong kế hoạch. Không sửa.",
        "template.guide.period": "Kỳ báo cáo của số liệu: lũy kế từ đầu năm đến hết quý (quý "
                                 "I, 6 tháng, 9 tháng, cả năm). Không sửa.",
        "template.guide.value": "Số liệu lũy kế từ ngày 01/01 đến hết kỳ báo cáo. Ghi số (12,5 "
                                "hoặc 12.5), hoặc với chỉ tiêu đạt/không đạt thì ghi có hoặc "
                                "không. Chưa có số liệu thì để trống: dòng đó được bỏ qua.",
        "template.guide.note": "Không bắt buộc: ghi chú về số liệu (ví dụ: ước thực hiện).",
        "template.guide.source": "Không bắt buộc: nguồn của số liệu.",
        "template.guide.name": "Tên chỉ tiêu, để tham khảo; không được đọc lại.",
        "template.guide.unit": "Đơn vị tính, để tham khảo; không được đọc lại.",
        "template.guide.measure": "Đơn vị tính, để tham khảo; không được đọc lại.",
        "template.guide.plan_target": "Chỉ tiêu kế hoạch năm theo nghị quyết, để tham khảo; "
                                      "không được đọc lại.",
        "template.guide.unit_id": "Mã của đơn vị báo cáo trong danh sách đơn vị. Không sửa.",
        "template.guide.unit_name": "Tên đơn vị báo cáo, để tham khảo; không được đọc lại.",
        "template.guide.after": "Chỉ nhập vào trang tính đầu tiên, lưu tệp, rồi chạy hauloc "
                                "check TỆP (hoặc hauloc check THƯ_MỤC cho cả thư mục các tệp "
                                "như vậy).",
        "folder.nothing_read": "{paths}: không có tệp số liệu nào: {skipped}",
        "init.cannot_make": "không tạo được thư mục {folder} ({why})",
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
