"""The groups of targets in words: the catalogue's names (`group.*`) as hauloc writes them,
and every name a group's row of an annex table may have (toneless), those among them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hauloc_cli.vocab.i18n import label

if TYPE_CHECKING:
    from hauloc_cli.model.plan import Plan

# A group's row as offices name it, toneless (vocab/toneless.py).
READ = frozenset({
    "kinh te", "van hoa - xa hoi", "van hoa xa hoi", "xa hoi", "moi truong", "tai nguyen moi "
    "truong", "quoc phong - an ninh", "quoc phong an ninh", "an ninh", "khac",
    "economy", "society", "culture and society", "environment", "security",
    "defence and security", "other"})


def name(group: str, lang: str, plan: Plan | None = None) -> str:
    """`Kinh tế`, `Economy`: the group as every output names it; a group the `plan` declares
    (`groups:`) by the plan's name for it."""
    declared = None if plan is None else plan.group_name(group, lang)
    return declared if declared is not None else label(lang, f"group.{group}")


def known(bare: str) -> bool:
    """Whether a toneless name is a group's (`van hoa - xa hoi`, `van hoa-xa hoi`)."""
    return bare in READ or bare.replace(" -", "").replace("-", " ") in READ
