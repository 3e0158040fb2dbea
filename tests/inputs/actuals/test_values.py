"""values.PLAIN, what the row checker reads inline, is NUMBER less the ambiguous `1.234`."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hauloc_cli.inputs.actuals.values import NUMBER, PLAIN, plain


def inline(text: str) -> bool:
    """What the row checker read inline before PLAIN: a NUMBER, not a '.' before three digits."""
    return bool(NUMBER.fullmatch(text)) and text[-4:-3] != "."


@pytest.mark.parametrize(("text", "read"), [
    ("12", True), ("-1", True), ("+0.5", True), ("12.50", True), ("1234.5678", True),
    ("1.234", False), ("-12.500", False),  # ambiguous: 1234? 12500?
    ("1.", False), (".5", False), ("1e5", False), ("1_000", False), (" 1", False), ("", False),
    ("١٢", False),  # Arabic-Indic digits: not [0-9]
])
def test_plain_numbers(text: str, read: bool) -> None:
    assert bool(PLAIN.fullmatch(text)) is read is inline(text)
    if read:
        assert plain(text) == float(text)


@given(st.text(alphabet="0123456789.-+e ", max_size=9))
def test_plain_is_number_less_the_ambiguous(text: str) -> None:
    assert bool(PLAIN.fullmatch(text)) is inline(text)
