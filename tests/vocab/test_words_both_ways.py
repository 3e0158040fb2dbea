"""vocab/milestone.py, groups.py, unit_kinds.py, toneless.py: what hauloc writes, it reads back."""

from __future__ import annotations

import pytest

from hauloc_cli.inputs.actuals.annex.reader import _is_group
from hauloc_cli.inputs.actuals.values import read_value
from hauloc_cli.model.plan import GROUPS, Target
from hauloc_cli.vocab import groups, milestone, unit_kinds
from hauloc_cli.vocab.i18n import LANGUAGES
from hauloc_cli.vocab.toneless import toneless

MILESTONE = Target(id="m", name="M", kind="milestone", deadline="2024-05-31")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("done", [True, False])
def test_every_written_milestone_state_reads_back(lang: str, done: bool) -> None:
    written = milestone.written(done, lang)
    assert milestone.read(written) is done
    assert read_value(written, MILESTONE, False, 0, 1) is done
    assert read_value(written.upper(), MILESTONE, True, 0, 1) is done


@pytest.mark.parametrize(("text", "done"), [
    ("Đã hoàn thành", True), ("  x ", True), ("chưa", False), ("NOT   DONE", False),
    ("done?", None), ("", None)])
def test_milestone_read(text: str, done: bool | None) -> None:
    assert milestone.read(text) is done


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("group", [*GROUPS, "other"])
def test_every_group_name_written_reads_back(lang: str, group: str) -> None:
    written = groups.name(group, lang)
    assert groups.known(toneless(written))
    assert _is_group(written)  # as the brief writes it, not only in capitals (the annex's)


def test_toneless() -> None:
    assert toneless("  Văn hóa -  XÃ HỘI ") == "van hoa - xa hoi"
    assert toneless("Đơn vị") == "don vi"


@pytest.mark.parametrize(("kinds", "vi", "en"), [
    (("commune", "ward", "town"), "xã", "communes"),
    (("commune", "district"), "đơn vị", "units"),
    ((), "xã", "communes"),  # no unit: nothing contradicts the commune level
])
def test_units_counted_together(kinds: tuple[str, ...], vi: str, en: str) -> None:
    assert (unit_kinds.count_word(kinds, "vi"), unit_kinds.count_word(kinds, "en")) == (vi, en)
