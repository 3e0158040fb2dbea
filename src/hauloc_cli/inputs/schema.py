"""The JSON Schemas of a plan file (`hauloc schema`) and a units file (`--units`), from the
pydantic models."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from hauloc_cli.model.plan import Plan
from hauloc_cli.model.term import TermPlan
from hauloc_cli.model.units import Units


def _schema(model: type[BaseModel], title: str, description: str) -> dict[str, Any]:
    schema = model.model_json_schema()
    schema["title"] = title
    schema["description"] = description
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file, from the pydantic model (`hauloc schema`)."""
    return _schema(Plan, "hauloc plan", "The targets a local government set itself for one "
                   "year (hauloc plan file, YAML).")


def units_json_schema() -> dict[str, Any]:
    """The JSON Schema of a units file (`hauloc schema --units`)."""
    return _schema(Units, "hauloc units", "The reporting units (province, districts, communes, "
                   "wards, towns) and their weights (hauloc units file, YAML).")


def term_json_schema() -> dict[str, Any]:
    """The JSON Schema of a term plan file (`hauloc schema --term`)."""
    return _schema(TermPlan, "hauloc term plan", "The targets a congress resolution set for "
                   "its term, from the base year's figures (hauloc term plan file, YAML).")
