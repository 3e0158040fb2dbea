"""The hauloc benchmark: the budgets of issue 14, each a ratio measured side by side.

    python -m bench            # the full run (10-15 minutes); writes docs/performance.md
    python -m bench --quick    # fewer rounds (one at the big files): prints the report

(`python bench/run.py` does the same.) Run it from the repository's root, with the Python where
hauloc is installed.

Plain Python: `time.perf_counter` around subprocesses, and the peak memory of each child from
`os.wait4`. Everything it runs is written by the bench itself into a temporary folder (seeded
data, the floor programs, the peers' schema, checks and configuration), so the numbers can be
rerun from a fresh clone. hauloc is run from the environment this script runs in (its `hauloc`
console script, else `python -m hauloc_cli`), with whatever extras are installed there (the
report says which); each peer (frictionless, Soda Core with DuckDB, pandera) is installed, at
the versions pinned in PEERS, into a virtualenv of its own under bench/ on first use.

The commands of one comparison run in rounds, the order rotating from round to round; a ratio
is the median of the per-round ratios. Small inputs: 15 rounds after 2 warm-ups; files of
400,000 rows and more: 5 rounds after 1 warm-up. The first round's outputs are checked (every
target judged, every row read), and every tool is run once on a file with seeded bad rows to
show that they find the same faults.

One module per concern:

- data.py: the seeded plans, units and actuals, and the seeded faults
- floors/: the minimal programs hauloc is measured against (real files, checked by ruff and mypy)
- peers/: frictionless, Soda Core and pandera: their pinned virtualenvs and their programs
- timing.py (and timer.py, the child that times one command): runs, rounds, medians
- checks.py: what each output must show, and what each tool said of the seeded faults
- cases.py: the commands of each comparison
- report.py: docs/performance.md and the budgets
- __main__.py: the run, `python -m bench`

bench/same_bytes.py (the same JSON on every Python) and bench/robust.py (the reliability
campaign) are programs of their own that use the same data.
"""
