"""`hauloc schema`: the JSON Schema of the plan file (or, with --units, of the units file;
with --term, of the term plan file)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from hauloc_cli.cli import common


@common.exits
def schema(
    units: Annotated[bool, typer.Option(
        "--units", help="The schema of the units file instead of the plan's.")] = False,
    term: Annotated[bool, typer.Option(
        "--term", help="The schema of the term plan file (hauloc term) instead of the plan's.")
    ] = False,
) -> None:
    """Print the JSON Schema of the plan file, for editors and other checkers."""
    from hauloc_cli.inputs.schema import plan_json_schema, term_json_schema, units_json_schema

    if units and term:
        from hauloc_cli.errors import OptionError
        from hauloc_cli.vocab.messages import text

        raise OptionError(text("option.units_or_term"), "--term")
    found = units_json_schema() if units else term_json_schema() if term else plan_json_schema()
    sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
