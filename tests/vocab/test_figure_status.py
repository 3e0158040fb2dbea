"""vocab/figure_status.py: every status hauloc writes in a cell of its own reads back."""

from __future__ import annotations

import pytest

from hauloc_cli.inputs.actuals.marks import read_status
from hauloc_cli.model.figures import FigureStatus
from hauloc_cli.vocab import figure_status
from hauloc_cli.vocab.i18n import LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("status", list(FigureStatus))
def test_every_written_status_reads_back(lang: str, status: FigureStatus) -> None:
    written = figure_status.written(status, lang)
    assert read_status(written) is status
    assert read_status(written.upper()) is status  # as a heading in capitals would say it


def test_the_words_written_are_the_reports_words() -> None:
    # worked by hand from the offices' tables (NOTES.md: ước tính, sơ bộ, chính thức)
    assert [figure_status.written(s, "vi") for s in FigureStatus] == ["ước tính", "sơ bộ",
                                                                      "chính thức"]
    assert [figure_status.mark(s, "vi") for s in FigureStatus] == ["ước", "sơ bộ", "chính thức"]
    assert [figure_status.mark(s, "en") for s in FigureStatus] == ["est.", "prelim.", "official"]


def test_the_check_csv_values_read_back() -> None:
    # check --format csv and json write the status as its name: estimate, preliminary, official
    assert all(read_status(s.value) is s for s in FigureStatus)
