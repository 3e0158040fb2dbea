"""Figures by target and period: what the rules take."""

from __future__ import annotations

from datetime import date

from hauloc_cli.model.figures import Figure, Figures, FigureStatus
from hauloc_cli.model.periods import Period

Q1, Q2 = Period.at_quarter(2024, 1), Period.at_quarter(2024, 2)


def test_a_figure_has_room_for_unit_status_date_and_source() -> None:
    f = Figure("ocop", Q2, 3.0, unit="hoa_loc", status=FigureStatus.ESTIMATE,
               reported=date(2024, 6, 25), file="hoa_loc.csv", line=7)
    assert (f.unit, f.status, f.reported, f.file, f.line) == (
        "hoa_loc", FigureStatus.ESTIMATE, date(2024, 6, 25), "hoa_loc.csv", 7)
    bare = Figure("ocop", Q2, 3.0)
    assert (bare.unit, bare.status, bare.reported, bare.file, bare.line) == (
        None, None, None, "", None)


def test_by_target_and_period() -> None:
    figures = Figures([Figure("a", Q2, 2.0), Figure("a", Q1, 1.0), Figure("b", Q1, True)])
    assert figures.of("a") == {Q1: Figure("a", Q1, 1.0), Q2: Figure("a", Q2, 2.0)}
    assert figures.of("none") == {}
    assert figures.values() == {"a": {1: 1.0, 2: 2.0}, "b": {1: True}}
    assert figures.periods == [Q1, Q2]
    assert figures.latest == Q2
    assert len(figures) == 3 and bool(figures)


def test_a_later_add_replaces_the_same_target_and_period() -> None:
    figures = Figures([Figure("a", Q1, 1.0)])
    figures.add(Figure("a", Q1, 1.5))
    assert list(figures) == [Figure("a", Q1, 1.5)]


def test_empty() -> None:
    figures = Figures()
    assert (figures.latest, figures.periods, len(figures), bool(figures)) == (None, [], 0, False)


def test_of_values() -> None:
    figures = Figures.of_values(2025, {"a": {3: 7.0}})
    assert list(figures) == [Figure("a", Period.at_quarter(2025, 3), 7.0)]
