"""The rules: pure functions from a plan and its figures to results. No text, no I/O."""
