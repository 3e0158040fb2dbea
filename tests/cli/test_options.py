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


def test_an_empty_lang_is_named_as_the_option() -> None:
    """Issue 9 (found on the way): `--lang ''` is the option's fault, not HAULOC_LANG's."""
    from typer.testing import CliRunner

    from hauloc_cli.cli import app
    from tests.conftest import EXAMPLE

    result = CliRunner().invoke(app, ["check", str(EXAMPLE), "--lang", ""],
                                env={"HAULOC_LANG": None})
    assert result.exit_code == 2
    assert "--lang: '' is not a language" in result.stderr


def test_every_command_that_reads_actuals_has_the_same_input_options() -> None:
    """The seven input options are plain parameters, written out in each command: the same
    names, types and defaults, last and in the order `make_read_options` takes them."""
    import inspect

    from hauloc_cli.cli import check, report, summary, validate
    from hauloc_cli.cli.options import make_read_options

    wanted = list(inspect.signature(make_read_options).parameters.values())
    for command in (check.check, summary.summary, report.report, validate.validate):
        params = list(inspect.signature(command).parameters.values())[-len(wanted):]
        assert [(p.name, p.default) for p in params] == [(p.name, p.default) for p in wanted]
        assert all(p.annotation.endswith("Opt") for p in params), command.__name__
