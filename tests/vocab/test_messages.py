"""The message catalogue (vocab/messages.py): every message in both languages, and every key
the code names is in it."""

from __future__ import annotations

import re
import string

from hauloc_cli.vocab.messages import MESSAGES, Text, text
from tests.conftest import ROOT


def test_every_message_is_in_english_and_in_vietnamese_with_the_same_values() -> None:
    assert MESSAGES["en"].keys() == MESSAGES["vi"].keys()
    for key, english in MESSAGES["en"].items():
        names = {f for _, f, _, _ in string.Formatter().parse(english) if f}
        assert names == {f for _, f, _, _ in string.Formatter().parse(MESSAGES["vi"][key])
                         if f}, key


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    named = set()
    for path in (ROOT / "src" / "hauloc_cli").rglob("*.py"):
        named |= set(re.findall(r"\btext\(\s*[\"']([a-z_.]+)[\"']", path.read_text("utf-8")))
    assert named
    assert named <= MESSAGES["en"].keys()


def test_a_text_renders_in_either_language() -> None:
    message = text("init.cannot_make", folder="xa", why="Permission denied")
    assert message == Text("init.cannot_make", (("folder", "xa"), ("why", "Permission denied")))
    assert str(message) == "cannot make the folder xa (Permission denied)"
    assert message.render("vi") == "không tạo được thư mục xa (Permission denied)"
