"""pandera's side of the comparison: validate the actuals as a pandas frame read with every
column as text (the same patterns as the others, value coerced to float, no missing values,
unique unit + target + period, every failure with `lazy=True`); print the rows read and the
failures as JSON. Run with the Python of pandera's own virtualenv."""

import json
import sys

import pandas as pd
import pandera.pandas as pa

schema = pa.DataFrameSchema(
    {
        "unit": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9_-]+$")),
        "target": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9_]+$")),
        "period": pa.Column(str, pa.Check.str_matches(r"^\d{4}-Q[1-4]$")),
        "value": pa.Column(float, coerce=True),
    },
    unique=["unit", "target", "period"],
    strict=True,
)
frame = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False, na_values=[""])
failures: list[dict[str, object]] = []
try:
    schema.validate(frame, lazy=True)
except pa.errors.SchemaErrors as exc:
    cases = exc.failure_cases
    for column, check, index in zip(cases["column"], cases["check"], cases["index"],
                                    strict=True):
        line = None if pd.isna(index) else int(index) + 2  # the header is line 1
        failures.append({"column": column, "check": str(check), "line": line})
sys.stdout.write(json.dumps({"rows": len(frame), "failures": failures}) + "\n")
sys.exit(1 if failures else 0)
