"""Words and number formats per language."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

LANGUAGES = ("vi", "en")


def format_number(x: float, lang: str = "en", decimals: int = 2) -> str:
    """At most `decimals` decimals, trailing zeros dropped, grouped the language's way.

    en: 1,234.5 — vi: 1.234,5 (the thousands and decimal separators swap).
    """
    text = f"{x:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    if lang == "vi":
        text = text.translate(str.maketrans(",.", ".,"))
    return text


def format_value(x: float, unit: str | None, lang: str = "en") -> str:
    """A figure as `format_number` writes it, with '%' after it when its unit is %."""
    return format_number(x, lang) + ("%" if unit == "%" else "")


def quantity(x: float, unit: str | None, lang: str) -> str:
    """A number with its unit: '12,1%', '4 sản phẩm', '67.5 million VND/person/year'."""
    text = format_number(x, lang)
    if unit == "%":
        return text + "%"
    shown = unit_label(lang, unit, x)
    return f"{text} {shown}" if shown else text


def difference(x: float, unit: str | None, lang: str) -> str:
    """A difference of two figures: in percentage points for a unit of % ('0,35 điểm %',
    '0.35 pp'), else with the unit ('1 vụ')."""
    if unit == "%":
        return f"{format_number(x, lang)} {label(lang, 'unit.points')}"
    return quantity(x, unit, lang)


# One catalogue per language; tests/vocab/test_i18n.py fails when a key is missing in one of them.
CATALOGUE: dict[str, dict[str, str]] = {
    "en": {
        "achieved": "Achieved",
        "on_track": "On track",
        "at_risk": "At risk",
        "off_track": "Off track",
        "no_data": "No data",
        "not_reported": "Not reported",
        "col.target": "Target",
        "col.plan": "Plan",
        "col.actual": "Actual",
        "col.expected": "Expected",
        "col.allowed": "Allowed so far",
        "col.expected_allowed": "Expected / allowed",
        "col.progress": "Pace",
        "col.status": "Status",
        "col.reason": "Reason",
        "col.id": "Id",
        "col.group": "Group",
        "col.kind": "Kind",
        "col.unit": "Unit",
        "done": "done",
        "not_done": "not done",
        "by": "by",
        "defined": "{defined} of {declared} declared targets defined",
        "defined_all": "{defined} targets defined",
        "period": "Period",
        # The meeting brief (hauloc summary)
        "exceeded": "Exceeded",
        "met": "Met",
        "missed": "Missed",
        "group.economy": "Economy",
        "group.society": "Society",
        "group.environment": "Environment",
        "group.security": "Security",
        "group.other": "Other",
        "brief.title": "Meeting brief",
        "brief.defined": "{defined} of {declared} declared targets defined",
        "brief.defined_all": "{defined} targets defined",
        "brief.year_end": "{good}/{total} targets met or exceeded, {exceeded} of them exceeded",
        "brief.above": "Of the {total} targets assigned from above: {counts}",
        "brief.year_end_above": "Of the targets assigned from above, {good}/{total} met or "
                                "exceeded, {exceeded} of them exceeded",
        "brief.attention": "Needs attention",
        "brief.attention_none": "Nothing needs attention.",
        "brief.changed": "Changed since last quarter",
        "brief.changed_from": "{before} → {now}",
        "brief.changed_none": "No status changed since {before}.",
        "brief.changed_first": "First quarter: nothing to compare with yet.",
        "brief.changed_month": "Changed since last month",
        "brief.changed_first_month": "First month: nothing to compare with yet.",
        "brief.no_data": "No data",
        "brief.no_data_ask": "No figure yet; ask for it:",
        "brief.no_data_none": "Every target has a figure.",
        "brief.history": "History",
        "brief.progress": "Progress",
        "brief.as_of": "as of {period}",
        "brief.target": "target",
        "brief.limit": "limit",
        "brief.expected": "expected",
        "brief.allowed": "allowed by now",
        "brief.deadline": "deadline {date}",
        "brief.days_left": "{days} days left",
        "brief.days_overdue": "{days} days overdue",
        "brief.due_today": "due today",
        "brief.source": "Source",
        "brief.made_by": "Made with hauloc from {file}",
        "need.per_quarter": "needs {amount} per remaining quarter",
        "need.per_month": "needs {amount} per remaining month",
        "need.missed_by": "missed by {amount}",
        "need.allowed_per_quarter": "at most {amount} more per remaining quarter",
        "need.allowed_per_month": "at most {amount} more per remaining month",
        "need.over_by": "over the limit by {amount}",
        "need.gap": "{amount} still to go",
        "need.reduce": "{amount} still to cut",
        "need.days_left": "{days} days left to the deadline ({date})",
        "need.days_overdue": "{days} days overdue (deadline {date})",
        "unit.points": "pp",
        "ok.targets": "{n} targets",
        "ok.row": "{n} row",
        "ok.rows": "{n} rows",
        "ok.no_figures": "no figures yet",
        "ok.quarters_range": "quarters {first}–{last}",
        "ok.quarter": "quarter {list}",
        "ok.quarters": "quarters {list}",
        "ok.periods_range": "periods {first} to {last}",
        "ok.periods": "periods {list}",
        "ok.sheet": "sheet '{name}'",
        # The one-line reason of a status (reasons.py); JSON always carries the English one.
        "why.head": "{what} {when}",
        "why.when": "by the end of {period}",
        "why.when_old": "as of {period}",
        "why.of": "{a} of {t}{unit}",
        "why.against": "{a}{unit} against {t}",
        "why.limit": "{a}{unit} against a limit of {t}",
        "why.met": "target met",
        "why.missed": "the year is over and the target was missed",
        "why.over_limit": "over the limit already",
        "why.expected": "{e} expected by now",
        "why.allowed": "at most {e} allowed by now",
        "why.on_track": "on pace",
        "why.at_risk": "behind pace",
        "why.off_track": "well behind pace",
        "why.share": "({r} of pace)",
        "why.over_allowed": "(over what is allowed by now by {amount})",
        "why.over_max": "(over the maximum by {amount})",
        "why.no_data": "no figure reported by the end of {period}",
        "why.no_data_older": "no figure for {period}; the latest, {a} as of {older}, cannot "
                             "stand in for it",
        "why.last_year": "no figure for the same period last year to measure the change "
                         "from ({a} {when})",
        "why.growth_base": "last year's figure is {base}: no growth in % can be measured from "
                           "it ({a} {when})",
        "why.done": "done {when}",
        "why.passed": "not done {when}; deadline {deadline} has passed",
        "why.next": "not done {when}; deadline {deadline} is next quarter",
        "why.pending": "not done {when}; deadline {deadline}",
        "missing": "missing: no figure for {period} from {n} target(s): {ids}",
        # Figures as reports give them (issue 12): status, revisions, last year, % of plan.
        "fs.estimate": "est.",
        "fs.preliminary": "prelim.",
        "fs.official": "official",
        "fs.estimate.cell": "estimate",
        "fs.preliminary.cell": "preliminary",
        "fs.official.cell": "official",
        "col.compare": "Compared",
        "cmp.revised": "revised from {before}",
        "cmp.plan_share": "{share} of the year's plan",
        "cmp.plan_share_by": "{share} of {by}",
        "cmp.other_share": "{share} of {by}",
        "plan.vs_last_year": "on last year",
        "plan.about": "about {value}",
        "plan.above": "above {value}",
        "plan.below": "below {value}",
        "cmp.of_max": "{share} of the maximum",
        "cmp.over_max": "over the maximum by {amount}",
        "cmp.ratio": "{ratio} of the same period last year ({last})",
        "cmp.up": "up {amount}",
        "cmp.down": "down {amount}",
        "cmp.change": "{move} on the same period last year ({last})",
        "cmp.same": "the same as the same period last year ({last})",
        "brief.revised": "Revised figures",
        "brief.revised_status": "status {before} → {now}",
        "brief.changes_revised": "{before}, as revised",
        # The brief's units' sections (render/summary/units.py)
        "units.behind": "Units behind",
        "units.behind_none": "No unit is off track.",
        "units.missing": "Not reported",
        "units.missing_none": "Every unit has reported.",
        "units.carried": "its earlier figure stands in",
        # Units counted together: communes when all are at the commune level
        "kinds.communes": "communes",
        "kinds.units": "units",
        # The targets x units matrix (check --by-unit)
        "matrix.unit": "Unit",
        "matrix.reported": "units reported per target:",
        "matrix.missing": "{unit}: not reported for {period} (targets {ids})",
        "matrix.carried": "{unit}: not reported for {period}; its earlier figure stands in "
                          "(targets {ids})",
        # The term (hauloc term): a congress resolution's five-year targets.
        "term.title": "Term status",
        "term.col.base": "Base {year}",
        "term.col.latest": "Latest",
        "term.col.target": "Target",
        "term.col.so_far": "So far",
        "term.col.needed": "Now needed",
        "term.status.achieved": "Met",
        "term.status.on_track": "Likely",
        "term.status.at_risk": "At risk",
        "term.status.off_track": "Unlikely",
        "term.status.missed": "Missed",
        "term.status.no_data": "No data",
        "term.count": "{achieved}/{total} targets met, {likely} likely to be met, {unlikely} "
                      "unlikely to be met",
        "term.count.missed": "{n} missed",
        "term.count.no_data": "{n} with no figure yet",
        "term.per_year": "{rate}/year",
        "term.average": "≥ {rate}/year on average",
        "term.by_year": "{amount} by {year}",
        "term.over_term": "{amount} over {span}",
        "term.deadline": "done by {date}",
        "term.need.level_up": "needs {rate}/year on average over {span} to reach {amount} by "
                              "{year}",
        "term.need.level_down": "needs to fall {rate}/year on average over {span} to reach "
                                "{amount} by {year}",
        "term.need.growth": "needs {rate}/year on average over {span} to average {target}/year "
                            "over {term}",
        "term.need.total": "needs {amount} a year over {span} to reach {target} over {term}",
        "term.need.total_max": "at most {amount} a year over {span} to stay within {target}",
        "term.met": "target reached",
        "term.missed": "the time is over and the target was missed",
        "term.done": "done",
        "term.pending": "not done; deadline {date}",
        "term.so_far": "{rate}/year on average so far",
        "term.required": "{rate}/year needed from {year}",
        "term.base": "{year}: {amount}",
        "term.no_figure": "no figure yet",
        "term.as_of": "Figures to {when}",
        "term.year_est": "{year} est.",
        "term.brief": "Brief",
        "term.rest_one": "{year}",
        "term.report.subject": "Progress against the targets of the term {span}",
        "term.report.intro": "Progress against the targets of the term {span} ({as_of}): "
                             "{count}.",
        "term.report.annex": "The targets of the term {span}",
        "term.col.number": "No.",
        # The official letter (hauloc report): Decree 30's parts, in the document's words. The
        # blank before "/" in the number is left for the office's registry number.
        "letter.motto": "SOCIALIST REPUBLIC OF VIET NAM",
        "letter.motto2": "Independence - Freedom - Happiness",
        "letter.number": "No.: {number}/{kind}",
        "letter.date": "{day_en} {month_en} {year}",
        "letter.title": "REPORT",
        "letter.subject": "Results against the socio-economic targets, {period}",
        "letter.results": "I. RESULTS AGAINST THE TARGETS",
        "letter.behind": "II. SHORTCOMINGS AND THEIR CAUSES",
        "letter.tasks": "III. MAIN TASKS AND MEASURES FOR {rest}",
        "letter.headline": "Of the {defined} {targets} followed{declared}: {counts}.",
        "letter.headline_final": "{good}/{defined} targets met or exceeded the plan, {exceeded} of "
                          "them exceeded it{rest}.",
        "letter.declared": " ({declared} set by the resolution)",
        "letter.count": "{n} {word}",
        "letter.count_short": "{n} {word}",
        "letter.achieved_early": "already met the year's plan",
        "letter.reached": "reached",
        "letter.reached_est": "is estimated at",
        "letter.stood": "stood at",
        "letter.stood_est": "is estimated at",
        "letter.of_plan": "{share}% of the year's plan ({plan})",
        "letter.share_of_plan": "{share}% of the year's plan",
        "letter.ceiling_plan": "{against} (at most {plan})",
        "letter.form_plan": "{against} (plan {plan})",
        "letter.vs_ratio": "{ratio}% of the same period last year",
        "letter.vs_up": "up {amount} on the same period last year",
        "letter.vs_down": "down {amount} on the same period last year",
        "letter.vs_same": "the same as the same period last year",
        "letter.milestone": "{name}: {done} ({plan})",
        "letter.no_data": "{name}: no figure for {period}",
        "letter.cause": "{name}: {verdict}; cause: {text}",
        "letter.unit_says": "{unit}: {text}",
        "letter.behind_list": "{verdict} ({n} {targets}): {names}.",
        "letter.no_causes": "No office has reported the causes.",
        "letter.some_causes": "No cause has been reported for these.",
        "letter.none_behind": "No target is behind schedule or at risk of being missed.",
        "letter.no_figures": "No figure for {period}: {names}.",
        "letter.need": "{name}: {need}",
        "letter.solution": "Measures: {text}",
        "letter.no_solutions": "No office has proposed measures.",
        "letter.no_tasks": "No office has proposed tasks or measures.",
        "letter.see_annex": "(details in the annex)",
        "letter.recipients": "Recipients:",
        "letter.placeholder": "- ……………;",
        "letter.archive": "- Filed: office records.",
        "letter.signer_placeholder": "AUTHORITY AND TITLE OF THE SIGNER",
        "letter.name_placeholder": "Full name",
        "letter.annex": "ANNEX",
        "letter.annex_note": "(Attached to report No. {number}/{kind} of {date})",
        "letter.by_unit": "Results by reporting unit",
        # The report's annex (hauloc report): its title, sheets, plan cells and notes
        "annex.title": "Report on the results against the targets, {period}",
        "annex.sheet": "Annex",
        "annex.sheet_by_unit": "By unit",
        "annex.verdict.at_risk": "At risk of missing",
        "annex.complete": "Complete",
        "annex.complete_before": "Complete before {month} {year}",
        "annex.complete_by": "Complete by {date}",
        "annex.compiled": "compiled from {counted}",
        "annex.not_reported": "not reported: {names}",
        "annex.by_unit.compiled": "Compiled",
        "annex.by_unit.reported": "Reported",
        "annex.by_unit.assessment": "Assessment",
        "annex.by_unit.missing": "Not reported: {targets}",
        "annex.by_unit.notes": "Notes",
        # The data-entry template's sheets (hauloc template)
        "template.sheet": "actuals",
        "template.guide": "Guide",
    },
    "vi": {
        "achieved": "Đạt",
        "on_track": "Đúng tiến độ",
        "at_risk": "Có nguy cơ",
        "off_track": "Chậm tiến độ",
        "no_data": "Chưa có số liệu",
        "not_reported": "Chưa báo cáo",
        "col.target": "Chỉ tiêu",
        "col.plan": "Kế hoạch",
        "col.actual": "Thực hiện",
        "col.expected": "Cần đạt",
        "col.allowed": "Tối đa đến nay",
        "col.expected_allowed": "Cần đạt / tối đa",
        "col.progress": "Tiến độ",
        "col.status": "Đánh giá",
        "col.reason": "Ghi chú",
        "col.id": "Mã",
        "col.group": "Nhóm",
        "col.kind": "Loại",
        "col.unit": "Đơn vị",
        "done": "đã đạt",
        "not_done": "chưa đạt",
        "by": "hạn",
        "defined": "{defined}/{declared} chỉ tiêu đã khai báo",
        "defined_all": "{defined} chỉ tiêu",
        "period": "Kỳ",
        # Báo cáo tóm tắt cho cuộc họp (hauloc summary)
        "exceeded": "Vượt kế hoạch",
        "met": "Đạt",
        "missed": "Không đạt",
        "group.economy": "Kinh tế",
        "group.society": "Văn hóa - xã hội",
        "group.environment": "Môi trường",
        "group.security": "Quốc phòng - an ninh",
        "group.other": "Khác",
        "brief.title": "Báo cáo tóm tắt",
        "brief.defined": "Theo dõi {defined}/{declared} chỉ tiêu của nghị quyết",
        "brief.defined_all": "Theo dõi {defined} chỉ tiêu",
        "brief.year_end": "{good}/{total} chỉ tiêu đạt và vượt kế hoạch, trong đó {exceeded} vượt",
        "brief.above": "Về {total} chỉ tiêu cấp trên giao: {counts}",
        "brief.year_end_above": "Về chỉ tiêu cấp trên giao, {good}/{total} chỉ tiêu đạt và "
                                "vượt, trong đó {exceeded} vượt",
        "brief.attention": "Cần chú ý",
        "brief.attention_none": "Không có chỉ tiêu nào cần chú ý.",
        "brief.changed": "Thay đổi so với quý trước",
        "brief.changed_from": "{before} → {now}",
        "brief.changed_none": "Không có chỉ tiêu nào đổi đánh giá so với {before}.",
        "brief.changed_first": "Quý đầu tiên: chưa có quý trước để so sánh.",
        "brief.changed_month": "Thay đổi so với tháng trước",
        "brief.changed_first_month": "Tháng đầu tiên: chưa có tháng trước để so sánh.",
        "brief.no_data": "Chưa có số liệu",
        "brief.no_data_ask": "Chưa có số liệu, cần đề nghị báo cáo:",
        "brief.no_data_none": "Tất cả chỉ tiêu đã có số liệu.",
        "brief.history": "Diễn biến",
        "brief.progress": "Tiến độ",
        "brief.as_of": "số liệu {period}",
        "brief.target": "kế hoạch",
        "brief.limit": "tối đa",
        "brief.expected": "cần đạt",
        "brief.allowed": "tối đa đến nay",
        "brief.deadline": "hạn {date}",
        "brief.days_left": "còn {days} ngày",
        "brief.days_overdue": "quá hạn {days} ngày",
        "brief.due_today": "đến hạn hôm nay",
        "brief.source": "Nguồn",
        "brief.made_by": "Lập bằng hauloc từ {file}",
        "need.per_quarter": "mỗi quý còn lại cần {amount}",
        "need.per_month": "mỗi tháng còn lại cần {amount}",
        "need.missed_by": "hụt {amount} so với kế hoạch",
        "need.allowed_per_quarter": "mỗi quý còn lại tối đa {amount}",
        "need.allowed_per_month": "mỗi tháng còn lại tối đa {amount}",
        "need.over_by": "vượt mức cho phép {amount}",
        "need.gap": "còn thiếu {amount}",
        "need.reduce": "còn phải giảm {amount}",
        "need.days_left": "còn {days} ngày đến hạn ({date})",
        "need.days_overdue": "quá hạn {days} ngày (hạn {date})",
        "unit.points": "điểm %",
        "ok.targets": "{n} chỉ tiêu",
        "ok.row": "{n} dòng",
        "ok.rows": "{n} dòng",
        "ok.no_figures": "chưa có số liệu",
        "ok.quarters_range": "các kỳ {first} – {last}",
        "ok.quarter": "kỳ {list}",
        "ok.quarters": "các kỳ {list}",
        "ok.periods_range": "các kỳ {first} – {last}",
        "ok.periods": "các kỳ {list}",
        "ok.sheet": "trang tính '{name}'",
        "why.head": "{when}: {what}",
        "why.when": "{period}",
        "why.when_old": "số liệu {period}",
        "why.of": "{a}/{t}{unit}",
        "why.against": "{a}{unit} so với {t}",
        "why.limit": "{a}{unit}, mức tối đa {t}",
        "why.met": "đã đạt kế hoạch",
        "why.missed": "hết năm, không đạt kế hoạch",
        "why.over_limit": "đã vượt mức tối đa",
        "why.expected": "cần đạt {e}",
        "why.allowed": "tối đa {e} đến nay",
        "why.on_track": "đúng tiến độ",
        "why.at_risk": "chậm hơn tiến độ",
        "why.off_track": "chậm xa so với tiến độ",
        "why.share": "({r} so với tiến độ)",
        "why.over_allowed": "(vượt mức tối đa đến nay {amount})",
        "why.over_max": "(vượt mức tối đa {amount})",
        "why.no_data": "chưa có số liệu {period}",
        "why.no_data_older": "chưa có số liệu {period} (số liệu {older}: {a}, không dùng "
                             "thay được)",
        "why.last_year": "chưa có số liệu cùng kỳ năm trước để so sánh ({when}: {a})",
        "why.growth_base": "số liệu cùng kỳ năm trước là {base}: không tính được mức tăng % "
                           "({when}: {a})",
        "why.done": "{when}: đã hoàn thành",
        "why.passed": "{when}: chưa hoàn thành; đã quá hạn {deadline}",
        "why.next": "{when}: chưa hoàn thành; hạn {deadline} rơi vào quý sau",
        "why.pending": "{when}: chưa hoàn thành; hạn {deadline}",
        "missing": "thiếu số liệu: {n} chỉ tiêu chưa có số liệu {period}: {ids}",
        # Số liệu như báo cáo ghi (issue 12): ước/sơ bộ/chính thức, điều chỉnh, cùng kỳ, % KH.
        "fs.estimate": "ước",
        "fs.preliminary": "sơ bộ",
        "fs.official": "chính thức",
        "fs.estimate.cell": "ước tính",
        "fs.preliminary.cell": "sơ bộ",
        "fs.official.cell": "chính thức",
        "col.compare": "So sánh",
        "cmp.revised": "điều chỉnh từ {before}",
        "cmp.plan_share": "đạt {share} KH năm",
        "cmp.plan_share_by": "đạt {share} {by}",
        "cmp.other_share": "{share} {by}",
        "plan.vs_last_year": "so cùng kỳ",
        "plan.about": "khoảng {value}",
        "plan.above": "trên {value}",
        "plan.below": "dưới {value}",
        "cmp.of_max": "bằng {share} mức tối đa",
        "cmp.over_max": "vượt mức tối đa {amount}",
        "cmp.ratio": "bằng {ratio} so cùng kỳ ({last})",
        "cmp.up": "tăng {amount}",
        "cmp.down": "giảm {amount}",
        "cmp.change": "{move} so cùng kỳ ({last})",
        "cmp.same": "bằng cùng kỳ ({last})",
        "brief.revised": "Số liệu điều chỉnh",
        "brief.revised_status": "đánh giá {before} → {now}",
        "brief.changes_revised": "{before} đã điều chỉnh",
        "units.behind": "Đơn vị chậm tiến độ",
        "units.behind_none": "Không có đơn vị chậm tiến độ.",
        "units.missing": "Đơn vị chưa báo cáo",
        "units.missing_none": "Tất cả đơn vị đã báo cáo.",
        "units.carried": "dùng số liệu kỳ trước",
        "kinds.communes": "xã",
        "kinds.units": "đơn vị",
        "matrix.unit": "Đơn vị",
        "matrix.reported": "số đơn vị đã báo cáo theo chỉ tiêu:",
        "matrix.missing": "{unit}: chưa báo cáo {period} (chỉ tiêu {ids})",
        "matrix.carried": "{unit}: chưa báo cáo {period}, dùng số liệu kỳ trước (chỉ tiêu {ids})",
        # Nhiệm kỳ (hauloc term): chỉ tiêu 5 năm của Nghị quyết Đại hội.
        "term.title": "Tình hình thực hiện mục tiêu nhiệm kỳ",
        "term.col.base": "Năm gốc {year}",
        "term.col.latest": "Mới nhất",
        "term.col.target": "Mục tiêu",
        "term.col.so_far": "Đã đạt",
        "term.col.needed": "Cần đạt",
        "term.status.achieved": "Đạt",
        "term.status.on_track": "Có khả năng đạt",
        "term.status.at_risk": "Có nguy cơ",
        "term.status.off_track": "Khó đạt",
        "term.status.missed": "Không đạt",
        "term.status.no_data": "Chưa có số liệu",
        "term.count": "{achieved}/{total} chỉ tiêu đạt, {likely} có khả năng đạt, {unlikely} "
                      "khó đạt",
        "term.count.missed": "{n} không đạt",
        "term.count.no_data": "{n} chưa có số liệu",
        "term.per_year": "{rate}/năm",
        "term.average": "bình quân ≥ {rate}/năm",
        "term.by_year": "{amount} năm {year}",
        "term.over_term": "{amount} cả giai đoạn {span}",
        "term.deadline": "hoàn thành trước {date}",
        "term.need.level_up": "cần tăng bình quân {rate}/năm trong {span} để đạt {amount} năm "
                              "{year}",
        "term.need.level_down": "cần giảm bình quân {rate}/năm trong {span} để đạt {amount} "
                                "năm {year}",
        "term.need.growth": "cần tăng bình quân {rate}/năm trong {span} để đạt bình quân "
                            "{target}/năm cả giai đoạn {term}",
        "term.need.total": "cần thêm {amount} mỗi năm trong {span} để đạt {target} cả giai "
                           "đoạn {term}",
        "term.need.total_max": "mỗi năm tối đa {amount} trong {span} để không vượt {target}",
        "term.met": "đã đạt mục tiêu",
        "term.missed": "hết thời hạn, không đạt mục tiêu",
        "term.done": "đã hoàn thành",
        "term.pending": "chưa hoàn thành; hạn {date}",
        "term.so_far": "bình quân {rate}/năm đến nay",
        "term.required": "cần {rate}/năm từ năm {year}",
        "term.base": "năm {year}: {amount}",
        "term.no_figure": "chưa có số liệu",
        "term.as_of": "Số liệu đến {when}",
        "term.year_est": "ước {year}",
        "term.brief": "Tóm tắt",
        "term.rest_one": "năm {year}",
        "term.report.subject": "Tình hình thực hiện các chỉ tiêu nhiệm kỳ {span}",
        "term.report.intro": "Tình hình thực hiện các chỉ tiêu nhiệm kỳ {span} ({as_of}): "
                             "{count}.",
        "term.report.annex": "Các chỉ tiêu nhiệm kỳ {span}",
        "term.col.number": "STT",
        # The official letter (hauloc report)
        "letter.motto": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "letter.motto2": "Độc lập - Tự do - Hạnh phúc",
        "letter.number": "Số: {number}/{kind}",
        "letter.date": "ngày {day} tháng {month} năm {year}",
        "letter.title": "BÁO CÁO",
        "letter.subject": "Kết quả thực hiện các chỉ tiêu kinh tế - xã hội {period}",
        "letter.results": "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        "letter.behind": "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "letter.tasks": "III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM {rest}",
        "letter.headline": "Trong {defined} {targets} được theo dõi{declared}: {counts}.",
        "letter.headline_final": "Có {good}/{defined} chỉ tiêu đạt và vượt kế hoạch, trong đó "
                          "{exceeded} chỉ tiêu vượt{rest}.",
        "letter.declared": " (nghị quyết đề ra {declared} chỉ tiêu)",
        "letter.count": "{n} chỉ tiêu {word}",
        "letter.count_short": "{n} {word}",
        "letter.achieved_early": "đã đạt kế hoạch năm",
        "letter.reached": "đạt",
        "letter.reached_est": "ước đạt",
        "letter.stood": "là",
        "letter.stood_est": "ước là",
        "letter.of_plan": "bằng {share}% kế hoạch năm ({plan})",
        "letter.share_of_plan": "{share}% kế hoạch năm",
        "letter.ceiling_plan": "{against} (không quá {plan})",
        "letter.form_plan": "{against} (kế hoạch {plan})",
        "letter.vs_ratio": "bằng {ratio}% so với cùng kỳ",
        "letter.vs_up": "tăng {amount} so với cùng kỳ",
        "letter.vs_down": "giảm {amount} so với cùng kỳ",
        "letter.vs_same": "bằng cùng kỳ",
        "letter.milestone": "{name}: {done} ({plan})",
        "letter.no_data": "{name}: chưa có số liệu {period}",
        "letter.cause": "{name}: {verdict}; nguyên nhân: {text}",
        "letter.unit_says": "{unit}: {text}",
        "letter.behind_list": "{verdict} ({n} {targets}): {names}.",
        "letter.no_causes": "Các cơ quan, đơn vị chưa báo cáo nguyên nhân.",
        "letter.some_causes": "Các chỉ tiêu này chưa có báo cáo nguyên nhân.",
        "letter.none_behind": "Không có chỉ tiêu chậm tiến độ hoặc có nguy cơ không đạt.",
        "letter.no_figures": "Chưa có số liệu {period}: {names}.",
        "letter.need": "{name}: {need}",
        "letter.solution": "Giải pháp: {text}",
        "letter.no_solutions": "Các cơ quan, đơn vị chưa đề xuất giải pháp.",
        "letter.no_tasks": "Các cơ quan, đơn vị chưa đề xuất nhiệm vụ, giải pháp.",
        "letter.see_annex": "(chi tiết tại Phụ lục kèm theo)",
        "letter.recipients": "Nơi nhận:",
        "letter.placeholder": "- ……………;",
        "letter.archive": "- Lưu: VT.",
        "letter.signer_placeholder": "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ",
        "letter.name_placeholder": "Họ và tên",
        "letter.annex": "PHỤ LỤC",
        "letter.annex_note": "(Kèm theo Báo cáo số {number}/{kind} ngày {date})",
        "letter.by_unit": "Kết quả theo đơn vị",
        # The report's annex (hauloc report)
        "annex.title": "Báo cáo kết quả thực hiện các chỉ tiêu {period}",
        "annex.sheet": "Phụ lục",
        "annex.sheet_by_unit": "Theo đơn vị",
        "annex.verdict.at_risk": "Có nguy cơ không đạt",
        "annex.complete": "Hoàn thành",
        "annex.complete_before": "Hoàn thành trước tháng {month}/{year}",
        "annex.complete_by": "Hoàn thành chậm nhất ngày {date}",
        "annex.compiled": "tổng hợp {counted}",
        "annex.not_reported": "chưa báo cáo: {names}",
        "annex.by_unit.compiled": "Tổng hợp",
        "annex.by_unit.reported": "Đã báo cáo",
        "annex.by_unit.assessment": "Đánh giá",
        "annex.by_unit.missing": "Chưa báo cáo: {targets}",
        "annex.by_unit.notes": "Ghi chú",
        # The data-entry template's sheets (hauloc template)
        "template.sheet": "Số liệu",
        "template.guide": "Hướng dẫn",
    },
}

SYMBOLS = {
    "achieved": "✔",
    "on_track": "●",
    "at_risk": "▲",
    "off_track": "✖",
    "no_data": "?",
    # year-end classes, used by the brief at the final quarter
    "exceeded": "★",
    "met": "✔",
    "missed": "✖",
}

# Units of the bundled plan in each language; any other unit is shown as the plan writes it.
UNITS: dict[str, dict[str, str]] = {
    "en": {},
    "vi": {
        "communes": "xã",
        "products": "sản phẩm",
        "schools": "trường",
        "million VND/person/year": "triệu đồng/người/năm",
    },
}


def missing_labels(catalogue: Mapping[str, Mapping[str, str]]) -> list[str]:
    """'vi: brief.title' for every label one language has and another lacks."""
    keys = set().union(*(set(words) for words in catalogue.values()))
    return sorted(f"{lang}: {key}" for lang, words in catalogue.items()
                  for key in keys - set(words))


def label(lang: str, key: str, **values: object) -> str:
    text = CATALOGUE[lang][key]
    return text.format(**values) if values else text


def unit_label(lang: str, unit: str | None, count: float | None = None) -> str:
    """The unit in the language of the brief; as the plan writes it when we have no word.
    In English a one-word unit in the plural is singular for a `count` of 1 (`1 commune`)."""
    if not unit:
        return ""
    shown = UNITS[lang].get(unit, unit)
    if (lang == "en" and count == 1 and shown.isalpha() and shown.endswith("s")
            and not shown.endswith("ss")):
        return shown[:-1]
    return shown


def format_date(day: date, lang: str) -> str:
    """31/05/2024 in Vietnamese, 2024-05-31 in English."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if lang == "vi" else day.isoformat()


def resolve_language(option: str | None, environ: Mapping[str, str]) -> str | None:
    """--lang, else $HAULOC_LANG, else vi when the locale is Vietnamese, else en.

    None when the language asked for (by option or variable) is not one we have.
    """
    asked = option if option is not None else environ.get("HAULOC_LANG") or None
    if asked is not None:
        asked = asked.strip().lower()
        return asked if asked in LANGUAGES else None
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(var):
            return "vi" if environ[var].lower().startswith("vi") else "en"
    return "en"
