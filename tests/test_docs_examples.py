"""Every `$ hauloc …` block of README.md and docs/*.md prints what it shows (sqlite-utils keeps
its docs true this way). The rule for writing such blocks, and the command that writes their
outputs again, are at the top of tests/docs_examples.py."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from hauloc_cli.errors import Code
from tests.docs_examples import PAGES, ROOT, Block, blocks, runnable, shown_files, truth

RUNS = runnable()


def test_the_docs_show_runs() -> None:
    # The README's five steps and at least one run on every page that shows a command.
    assert sum(b.page.name == "README.md" for b in RUNS) >= 4
    assert len(RUNS) >= 25


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("bash") is None,
                    reason="the docs' pipes are POSIX shell")
@pytest.mark.parametrize("block", RUNS, ids=lambda b: b.where)
def test_a_block_prints_what_it_shows(block: Block) -> None:
    assert "\n".join(truth(block)) == "\n".join(block.lines), (
        f"{block.where}: rerun `python -m tests.docs_examples --update` and read the diff")


def test_every_block_that_shows_a_prompt_is_run() -> None:
    """A `$ ` line promises a run: a block that has one but is not run (another fence, or a
    first line that is not `$ hauloc`) is a mistake; commands to type go in ```sh without `$`."""
    for page in PAGES:
        for block in blocks(page):
            if any(line.startswith("$ ") for line in block.lines):
                assert block.runs, block.where


@pytest.mark.parametrize("block", shown_files(), ids=lambda b: b.where)
def test_a_file_shown_is_the_file_shipped(block: Block) -> None:
    path = block.shows_file
    assert path is not None
    assert (ROOT / path).read_text(encoding="utf-8") == "\n".join(block.lines) + "\n"


def _codes_under(heading: str) -> list[str]:
    """The codes of the table under `## heading` of docs/errors.md, in its order."""
    text = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z][a-z-]+)` \|", section, flags=re.M)


def test_the_errors_page_lists_every_code_and_only_those() -> None:
    """docs/errors.md gives each code of the catalogue (errors.Code) one row, problems and
    warnings apart (the catalogue lists the warnings last, from `unknown-column`), and names
    no code the catalogue lacks."""
    catalogue = [c.value for c in Code]
    first_warning = catalogue.index(Code.UNKNOWN_COLUMN.value)
    problems, warnings = _codes_under("Problems"), _codes_under("Warnings")
    assert sorted(problems) == sorted(catalogue[:first_warning])
    assert sorted(warnings) == sorted(catalogue[first_warning:])
    text = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    for named in set(re.findall(r"\[([a-z]+(?:-[a-z]+)+)\]", text)):  # `[bad-number]`
        assert named in catalogue, named


def test_every_page_in_docs_is_linked_from_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert f"docs/{page.name}" in readme, page.name


def test_the_readme_is_short() -> None:
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 300


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    return {_anchor(h) for h in re.findall(r"^#+ (.*)$", text, flags=re.M)}


# docs/project.md comes with `hauloc init` (issue 25, another branch); the README links it.
NOT_YET = {"docs/project.md"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_leads_somewhere(page: Path) -> None:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    for link in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", link):
            continue
        path, _, anchor = link.partition("#")
        target = (page.parent / path).resolve() if path else page
        if str(target.relative_to(ROOT)) in NOT_YET:
            continue
        assert target.exists(), f"{page.name}: {link}"
        if anchor:
            assert anchor in _anchors(target), f"{page.name}: {link}"


def test_the_readme_test_command_is_the_one_ci_runs() -> None:
    """The README's two set-up commands: the first runs the main job on the shipped example
    in a fresh virtualenv, the second the tests, and `.ci/run` runs that same command."""
    setup = [b.lines for b in blocks(ROOT / "README.md") if b.fence == "sh"][:2]
    assert setup == [
        ["python3 -m venv .venv && .venv/bin/pip install -q . && "
         ".venv/bin/hauloc check examples/actuals_2024.csv --fail-on never"],
        ['python3 -m venv .venv && .venv/bin/pip install -q ".[test,fast]" && '
         ".venv/bin/python -m pytest"]]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert setup[1][0] in ci
