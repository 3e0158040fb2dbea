"""`hauloc schema`: the JSON Schema of the plan file."""

from __future__ import annotations

import json
import sys


def schema() -> None:
    """Print the JSON Schema of the plan file, for editors and other checkers."""
    from hauloc_cli.inputs.schema import plan_json_schema

    sys.stdout.write(json.dumps(plan_json_schema(), ensure_ascii=False, indent=2) + "\n")
