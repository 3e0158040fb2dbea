"""Words compared as offices type them: `Kỳ báo cáo`, `KỲ BÁO CÁO` and `Ky bao cao` are one."""

from __future__ import annotations

import unicodedata


def toneless(text: str) -> str:
    """`Kế hoạch năm` → `ke hoach nam`: lower case, no tone or other marks, đ as d, single
    spaces."""
    bare = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return " ".join("".join(c for c in bare if not unicodedata.combining(c)).split())
