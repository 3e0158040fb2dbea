"""Every sentence hauloc says to a person about what went wrong, in each language: the one
catalogue of messages (problems, warnings, hints, usage errors, the lines the CLI adds).

A loader does not know the user's language; it says what is wrong as a `Text` (a key and its
arguments), and the CLI renders it in the language asked (`--lang`, `HAULOC_LANG`, the
locale). `str(text)` is English, so scripts and tests that read English keep working.

Keys are `area.what` (`period.not_a_period`); a template's `{placeholders}` are the same in
every language (tests/vocab/test_messages.py checks both).
"""

from __future__ import annotations

from dataclasses import dataclass

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "cli.input_error": "Error: {count} problem(s) found; nothing was evaluated.",
        "cli.error": "Error: {message}",
        "cli.option_error": "Error: Invalid value for {param}: {message}",
        "cli.out_of_memory": "Error: out of memory while working on the input; nothing was written. Split the input into smaller files, or run hauloc where more memory is free.",
        "cli.warning": "warning: {message}",
        "warning.unwritable_text": "{where} holds a character a worksheet or a Word document cannot hold (a control character, U+FFFE or U+FFFF); it is shown as �",
        "hint.remove_it": "remove it from the file",
    },
    "vi": {
        "cli.input_error": "Lỗi: có {count} vấn đề; chưa đánh giá gì.",
        "cli.error": "Lỗi: {message}",
        "cli.option_error": "Lỗi: giá trị của {param} không hợp lệ: {message}",
        "cli.out_of_memory": "Lỗi: hết bộ nhớ khi xử lý dữ liệu đầu vào; chưa ghi gì. Hãy chia dữ liệu thành các tệp nhỏ hơn, hoặc chạy hauloc trên máy còn nhiều bộ nhớ trống.",
        "cli.warning": "cảnh báo: {message}",
        "warning.unwritable_text": "{where} có một ký tự mà bảng tính hay văn bản Word không chứa được (ký tự điều khiển, U+FFFE hoặc U+FFFF); ký tự đó được hiện thành �",
        "hint.remove_it": "hãy xóa ký tự đó khỏi tệp",
    },
}


@dataclass(frozen=True)
class Text:
    """A message not yet in a language: its key in `MESSAGES` and its arguments.

    An argument that is itself a `Text` is rendered in the same language; any other
    argument (a file name, an id, the user's own cell) is put in as it is.
    """

    key: str
    args: tuple[tuple[str, object], ...] = ()

    def render(self, lang: str) -> str:
        templates = MESSAGES.get(lang, MESSAGES["en"])
        template = templates.get(self.key, MESSAGES["en"][self.key])
        return template.format(**{k: say(v, lang) if isinstance(v, Text) else v
                                  for k, v in self.args})

    def arg(self, name: str) -> object:
        """The argument `name` (KeyError when it has none)."""
        return dict(self.args)[name]

    def but(self, **args: object) -> Text:
        """The same message with some arguments changed."""
        return Text(self.key, tuple({**dict(self.args), **args}.items()))

    def __str__(self) -> str:
        return self.render("en")


def text(key: str, **args: object) -> Text:
    """`text("period.not_a_period", text="Q5")`: the message `key` with its arguments; a key
    not in the catalogue is a bug, caught here rather than when it is shown."""
    if key not in MESSAGES["en"]:
        raise KeyError(f"no message {key!r} in the catalogue")
    return Text(key, tuple(args.items()))


def say(message: str | Text, lang: str) -> str:
    """A message in `lang`: a `Text` rendered, a plain text (the user's own data, or a
    library's words that hauloc cannot translate) as it is."""
    return message.render(lang) if isinstance(message, Text) else message

