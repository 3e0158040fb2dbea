"""The JSON Schema of a plan file (`hauloc schema`), from the pydantic model."""

from __future__ import annotations

from typing import Any

from hauloc_cli.model.plan import Plan
from hauloc_cli.model.units import Units


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file, from the pydantic model (`hauloc schema`)."""
    schema = Plan.model_json_schema()
    schema["title"] = "hauloc plan"
    schema["description"] = ("The targets a local government set itself for one year "
                             "(hauloc plan file, YAML).")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def units_json_schema() -> dict[str, Any]:
    """The JSON Schema of a units file (`hauloc schema --units`)."""
    schema = Units.model_json_schema()
    schema["title"] = "hauloc units"
    schema["description"] = ("The reporting units (province, districts, communes, wards, "
                             "towns) and their weights (hauloc units file, YAML).")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
