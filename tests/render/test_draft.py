"""The draft plan's YAML (render/draft.py), from a Draft built in code: every key written as
the plan file takes it, a refused statement commented out with its reason."""

from __future__ import annotations

from datetime import date

import yaml

from hauloc_cli.inputs.resolution.draft import Draft, Group, Stated
from hauloc_cli.inputs.resolution.phrases import Reading, Refused
from hauloc_cli.render.draft import render_draft


def test_a_draft_is_written_as_a_plan_with_its_refusals_commented() -> None:
    draft = Draft([
        Stated("3", 3, "tỷ lệ hộ nghèo giảm 1–1,5 điểm %", "xa_hoi",
               Reading("Tỷ lệ hộ nghèo", "level", "at_most", (-1.5, -1.0), change="points",
                       measure="%"), "ty_le_ho_ngheo"),
        Stated("4", 4, "tỷ lệ hộ nghèo giảm 1,5%", "xa_hoi", Refused("points or per cent?")),
        Stated("5", 5, "trước tháng 6/2026 xã đạt chuẩn", None,
               Reading("Xã đạt chuẩn", "milestone", deadline=date(2026, 5, 31)), "xa_dat_chuan"),
    ], [Group("xa_hoi", "Xã hội")], 3, "in/nq.txt", 2026)
    assert render_draft(draft, "nq-2026") == """\
# A draft plan read from nq.txt by `hauloc plan import`: 2 target(s) read, 1
# statement(s) not read (commented out below, with the reason). Check every
# target against the resolution before use (docs/plan-import.md in hauloc's
# repository).
plan:
  id: "nq-2026"
  year: 2026
  declared_targets: 3
  source: "nq.txt"

groups:
  - id: xa_hoi
    name: "Xã hội"

targets:

  # nq.txt:3
  - id: ty_le_ho_ngheo
    name: "Tỷ lệ hộ nghèo"
    group: xa_hoi
    kind: level
    change: points
    direction: at_most
    target: [-1.5, -1]
    measure: "%"
    source: "tỷ lệ hộ nghèo giảm 1–1,5 điểm %"

  # NOT READ (nq.txt:4): points or per cent?
  # - source: "tỷ lệ hộ nghèo giảm 1,5%"

  # nq.txt:5
  - id: xa_dat_chuan
    name: "Xã đạt chuẩn"
    kind: milestone
    deadline: 2026-05-31
    source: "trước tháng 6/2026 xã đạt chuẩn"
"""


def test_a_name_with_quotes_and_a_about_target_read_back_as_written() -> None:
    draft = Draft([Stated("1", 1, 'xã đạt "An toàn" khoảng 8,5 tỷ', None,
                          Reading('Xã "An toàn"', "cumulative", about=8.5, measure="tỷ đồng"),
                          "xa_an_toan")], [], None, "nq.txt", 2026)
    plan = yaml.safe_load(render_draft(draft))
    assert plan["plan"]["id"] == "nq"
    assert plan["targets"] == [{"id": "xa_an_toan", "name": 'Xã "An toàn"', "kind": "cumulative",
                                "about": 8.5, "measure": "tỷ đồng",
                                "source": 'xã đạt "An toàn" khoảng 8,5 tỷ'}]
