"""The groups of targets in words: the catalogue's names (`group.*`) as hauloc writes them,
and every name a group's row of an annex table may have (toneless), those among them."""

from __future__ import annotations

from hauloc_cli.vocab.i18n import label

# A group's row as offices name it, toneless (vocab/toneless.py).
READ = frozenset({
    "kinh te", "van hoa - xa hoi", "van hoa xa hoi", "xa hoi", "moi truong", "tai nguyen moi "
    "truong", "quoc phong - an ninh", "quoc phong an ninh", "an ninh", "khac",
    "economy", "society", "culture and society", "environment", "security",
    "defence and security", "other"})


def name(group: str, lang: str) -> str:
    """`Kinh tế`, `Economy`: the group as every output names it."""
    return label(lang, f"group.{group}")


def known(bare: str) -> bool:
    """Whether a toneless name is a group's (`van hoa - xa hoi`, `van hoa-xa hoi`)."""
    return bare in READ or bare.replace(" -", "").replace("-", " ") in READ
