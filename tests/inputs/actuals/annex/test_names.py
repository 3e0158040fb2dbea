"""Rows matched to targets by name (inputs/wide_names.py)."""

from __future__ import annotations

import pytest

from hauloc_cli.inputs.actuals.annex.names import Names, name_key
from hauloc_cli.model.plan import Target


def target(id_: str, name: str, name_en: str | None = None, aliases: tuple[str, ...] = ()
           ) -> Target:
    return Target(id=id_, name=name, name_en=name_en, aliases=aliases, kind="cumulative",
                  target=1)


NAMES = Names([
    target("ocop", "Sản phẩm OCOP mới", "New OCOP products", ("Sản phẩm OCOP",)),
    target("irrigation", "Thủy lợi hóa đồng ruộng"),
    target("income", "Thu nhập bình quân đầu người", aliases=("Thu nhập BQ/người",)),
    target("roads_a", "Đường giao thông"), target("roads_b", "Đường giao thông"),
])


@pytest.mark.parametrize(("text", "ids"), [
    ("Sản phẩm OCOP mới", ["ocop"]),
    ("  SẢN PHẨM   OCOP MỚI ", ["ocop"]),  # case and spacing
    ("SảnphẩmOCOPmới", ["ocop"]),
    ("new ocop products", ["ocop"]),  # name_en
    ("Sản phẩm OCOP", ["ocop"]),  # an alias
    ("- Sản phẩm OCOP mới:", ["ocop"]),  # a bullet and a colon
    ("1. Sản phẩm OCOP mới", ["ocop"]),
    ("Thuỷ lợi hoá đồng ruộng", ["irrigation"]),  # the tone mark on the other vowel
    ("Thu nhập bình quân đầu người (triệu đồng/người/năm)", ["income"]),  # a unit
    ("Thu nhập BQ/người", ["income"]),
    ("ocop", ["ocop"]),  # the id itself
    ("Đường giao thông", ["roads_a", "roads_b"]),  # the same name twice: ambiguous
    ("Sản phẩm du lịch", []),
])
def test_match(text: str, ids: list[str]) -> None:
    assert NAMES.match(text) == ids


def test_nfd_names_match() -> None:
    import unicodedata

    assert NAMES.match(unicodedata.normalize("NFD", "Sản phẩm OCOP mới")) == ["ocop"]
    assert name_key("Văn hóa - Xã hội") == name_key("Văn hoá-Xã hội") == "vănhóa-xãhội"


def test_did_you_mean() -> None:
    assert str(NAMES.suggest("Sản phẩm OCOP mơi")) == (
        "did you mean 'Sản phẩm OCOP mới' (ocop)? Or add 'Sản phẩm OCOP mơi' to the target's "
        "aliases: in the plan")
    assert str(NAMES.suggest("Tỷ lệ hộ nghèo")).startswith("write the target's name as the plan")
