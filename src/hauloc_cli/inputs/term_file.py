"""Reading a term plan file: YAML with a safe loader into a frozen `TermPlan`, every problem
named by file, line, column, target and key, as a yearly plan's (`plan_file.load_model`)."""

from __future__ import annotations

from pathlib import Path

from hauloc_cli.inputs.plan_file import load_model
from hauloc_cli.model.plan import LetterTexts, Signer, StatusBands
from hauloc_cli.model.term import TermInfo, TermPlan, TermTarget
from hauloc_cli.vocab.messages import text

_KEYS = {
    "": tuple(TermPlan.model_fields),
    "plan": tuple(f.alias or name for name, f in TermInfo.model_fields.items()),
    "status_bands": tuple(StatusBands.model_fields),
    "targets": tuple(TermTarget.model_fields),
    "signer": tuple(Signer.model_fields),
    "letter": tuple(LetterTexts.model_fields),
}


def load_term_plan(path: Path, max_size: int | None = None) -> TermPlan:
    """Read and validate a term plan file; raise InputError with every problem found."""
    return load_model(path, max_size, TermPlan, _KEYS,
                      (text("term.not_mapping"), text("term.hint_not_mapping")))
