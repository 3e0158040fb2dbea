"""The input options: a value that cannot apply is a usage error naming the option."""

from __future__ import annotations

import pytest

from hauloc_cli.cli.options import make_read_options
from hauloc_cli.errors import UsageError


@pytest.mark.parametrize(("options", "message"), [
    ({"delimiter": "|"}, "--delimiter: '|' is not one of , ; tab"),
    ({"encoding": "klingon"}, "--encoding: 'klingon' is not an encoding; Vietnamese Windows "
                              "files are usually cp1258"),
    ({"max_errors": 0}, "--max-errors must be at least 1"),
])
def test_bad_options(options: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match="^" + message.replace("|", r"\|") + "$"):
        make_read_options(**options)  # type: ignore[arg-type]
