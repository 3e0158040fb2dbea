"""No input file, however broken, gives a traceback: exit 0, 1 or 3 and a message."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hauloc_cli.cli import app
from tests.conftest import PLAN_2024

# Fuzzing: hypothesis runs every case 150 times (`pytest -m "not slow"` leaves it out).
pytestmark = pytest.mark.slow

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

CELLS = st.sampled_from([
    "ocop_products", "rural_hygienic_water", "ntm_district_recognition", "production_growth",
    "target", "period", "value", "note", "Quý I", "Quý II", "6 tháng", "Cả năm", "2024-Q1",
    "2023-Q4", "12", "1.234", "12,5", "-1", "101", "đạt", "yes", "", " ", '"', '""', "%",
    "1e9", "nan", "\ufeff", "\x00", "Q1", "\u0301",
]) | st.text(max_size=8)
CSV_LIKE = st.tuples(
    st.lists(st.lists(CELLS, max_size=6), max_size=8),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["\n", "\r\n", "\r"]),
).map(lambda t: t[2].join(t[1].join(row) for row in t[0]))
YAML_LIKE = st.lists(st.sampled_from([
    "plan:", "  id: p", "  year: 2024", "  year: 2023", "targets:", "  - id: a", "    name: A",
    "    kind: cumulative", "    kind: milestone", "    target: 5", "    target: -1",
    "    pace: [0.1, 0.2, 0.3, 1]", "    deadline: 2024-02-30", "    deadline: 2024-05-31",
    "    valid_range: [1, 0]", "  - &x {id: b, name: B, kind: annual, target: 1}", "  - *x",
    "- [", "{", "]", ": :", "? x", "!!binary AAAA", "&a [*a]", "\t", "    extra: 1",
    "status_bands: {on_track: 0.5, at_risk: 0.9}",
]) | st.text(max_size=20), max_size=14).map("\n".join)


def assert_handled(args: list[str], data: bytes, suffix: str) -> None:
    """The CLI ends with 0, 1 or 3 and no traceback, whatever the file holds."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        result = CliRunner().invoke(app, [a.replace("{}", str(path)) for a in args])
    assert result.exit_code in (0, 1, 3), (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_as_actuals(data: bytes) -> None:
    assert_handled(["check", "{}", "--format", "json", "--targets", str(PLAN_2024)], data, ".csv")


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_as_a_workbook(data: bytes) -> None:
    assert_handled(["validate", "{}"], b"PK\x03\x04" + data, ".xlsx")


@FUZZ
@given(CSV_LIKE, st.booleans())
def test_csv_like_text(text: str, decimal_comma: bool) -> None:
    args = ["check", "{}", "--format", "json"] + (["--decimal-comma"] if decimal_comma else [])
    assert_handled(args, text.encode("utf-8", "surrogatepass"), ".csv")


@FUZZ
@given(YAML_LIKE)
def test_yaml_like_plans(text: str) -> None:
    assert_handled(["validate", "--targets", "{}"], text.encode("utf-8", "surrogatepass"), ".yaml")
