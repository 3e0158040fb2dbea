"""The plan as JSON (`hauloc targets --format json`): every key of the plan file, and the
schema version of the plan's JSON."""

from __future__ import annotations

import json

from hauloc_cli.model.plan import Plan
from hauloc_cli.render import Options

PLAN_SCHEMA_VERSION = 1  # the plan's keys: only ever added to


def render(plan: Plan, options: Options) -> str:
    data = {"schema_version": PLAN_SCHEMA_VERSION, **plan.model_dump(mode="json")}
    # A target's measure keeps its key of schema version 1, `unit`, in its place.
    data["targets"] = [{("unit" if key == "measure" else key): value for key, value in t.items()}
                       for t in data["targets"]]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
