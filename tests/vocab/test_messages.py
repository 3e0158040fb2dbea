"""The one catalogue of messages: both languages hold the same keys and placeholders, every key
the code names is in it, and a Text says itself in the language asked."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from hauloc_cli.errors import Code, InputError, Problem, say
from hauloc_cli.vocab.messages import MESSAGES, Label, Text, text

SRC = Path(__file__).resolve().parents[2] / "src" / "hauloc_cli"


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_key_is_in_both_languages() -> None:
    assert set(MESSAGES) == {"en", "vi"}
    assert sorted(set(MESSAGES["en"]) - set(MESSAGES["vi"])) == []
    assert sorted(set(MESSAGES["vi"]) - set(MESSAGES["en"])) == []


@pytest.mark.parametrize("key", sorted(MESSAGES["en"]))
def test_placeholders_are_the_same_in_both_languages(key: str) -> None:
    assert fields(MESSAGES["en"][key]) == fields(MESSAGES["vi"].get(key, "")), key


@pytest.mark.parametrize("key", sorted(MESSAGES["vi"]))
def test_vietnamese_is_written_with_its_marks(key: str) -> None:
    """A Vietnamese template is not English left untranslated: it has a letter with a mark
    (đ, ơ, ư, á …), unless it is only placeholders and signs."""
    template = MESSAGES["vi"][key]
    words = re.sub(r"\{[^}]*\}|'[^']*'|--[\w-]+|\S+\.\w{3,4}\b", "", template)
    if re.search(r"[A-Za-z]{3}", words):
        assert re.search(r"[^\x00-\x7f]", words), (key, template)


def test_every_key_named_in_the_code_is_in_the_catalogue() -> None:
    named = set()
    for path in SRC.rglob("*.py"):
        named |= set(re.findall(r"\btext\(\s*\"([a-z_.]+)\"", path.read_text(encoding="utf-8")))
        named |= set(re.findall(r"\bsay\(\w+, \"([a-z_.]+)\"", path.read_text(encoding="utf-8")))
    assert named, "no key found: the pattern is wrong"
    prefixes = {k for k in named if k.endswith(".")}  # text("column.meaning." + meaning)
    assert all(any(m.startswith(p) for m in MESSAGES["en"]) for p in prefixes)
    assert sorted(named - prefixes - set(MESSAGES["en"])) == []


def test_an_unknown_key_is_refused_when_made() -> None:
    with pytest.raises(KeyError):
        text("no.such.message")


def test_a_text_renders_in_each_language_and_str_is_english() -> None:
    message = text("cli.input_error", count=3)
    assert message.render("en") == "Error: 3 problem(s) found; nothing was evaluated."
    assert message.render("vi") == "Lỗi: có 3 vấn đề; chưa đánh giá gì."
    assert str(message) == message.render("en")
    assert message == Text("cli.input_error", (("count", 3),))


def test_a_text_inside_a_text_is_in_the_same_language() -> None:
    message = text("cli.warning", message=text("hint.remove_it"))
    assert message.render("vi") == "cảnh báo: hãy xóa ký tự đó khỏi tệp"
    assert message.render("en") == "warning: remove it from the file"


def test_a_plain_string_is_the_users_own_and_stays_as_it_is() -> None:
    assert say("mapping values are not allowed here", "vi") == (
        "mapping values are not allowed here")


def test_a_problem_renders_in_a_language_and_str_stays_english() -> None:
    problem = Problem("a.csv", "2:3", Code.EMPTY_FILE, text("hint.remove_it"),
                      text("hint.remove_it"))
    assert str(problem) == ("a.csv:2:3: [empty-file] remove it from the file — remove it from "
                            "the file")
    assert problem.render("vi") == ("a.csv:2:3: [empty-file] hãy xóa ký tự đó khỏi tệp — hãy xóa "
                                    "ký tự đó khỏi tệp")
    error = InputError([problem], more=2)
    assert error.render("vi").endswith("... và 2 vấn đề nữa không hiện ra (xem --max-errors)")
    assert str(error).endswith("... and 2 more problem(s) not shown (see --max-errors)")


def _said(node: ast.expr) -> str | None:
    """A message argument as the model writes it, each {placeholder} filled with 'X'."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "X" for v in node.values)
    return None


def model_rule_messages() -> list[str]:
    found = []
    for path in (SRC / "model").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            at = {"_rule": 1, "PydanticCustomError": 1, "_tree_error": 0}.get(node.func.id)
            if at is None or len(node.args) <= at:
                continue
            said = _said(node.args[at])
            if said is not None and said != "plan_rule":
                found.append(said)
    return found


def test_every_plan_rule_of_the_model_is_in_the_catalogue() -> None:
    """The model (below the catalogue's layer) says a broken rule in English; the plan reader
    finds it in the catalogue (`rule_text`) to say it in the user's language."""
    from hauloc_cli.inputs.plan_file import rule_text

    said = model_rule_messages()
    assert len(said) > 50
    assert [s for s in said if not isinstance(rule_text(s), Text)] == []


def test_a_label_is_a_name_for_people_and_an_id_in_english() -> None:
    said = text("warning.decreasing", target=Label("ocop", "Sản phẩm OCOP mới"), before="3",
                then="2024-Q1", after="2", now="2024-Q2")
    assert str(said) == "ocop goes down from 3 in 2024-Q1 to 2 in 2024-Q2"
    assert said.render("vi") == "Sản phẩm OCOP mới giảm từ 3 (2024-Q1) xuống 2 (2024-Q2)"


def test_a_period_argument_is_said_in_words() -> None:
    import hauloc_cli.vocab.periods  # noqa: F401 - tells the catalogue how to say a period
    from hauloc_cli.model.periods import Period

    said = text("period.range", first=Period(2024, 3), last=Period(2024, 9))
    assert (str(said), said.render("vi")) == ("2024-Q1 to 2024-Q3", "quý I 2024 đến 9 tháng 2024")


def test_a_message_of_the_project_folder_renders_in_either_language() -> None:
    message = text("init.cannot_make", folder="xa", why="Permission denied")
    assert str(message) == "cannot make the folder xa (Permission denied)"
    assert message.render("vi") == "không tạo được thư mục xa (Permission denied)"
