"""The parts of an administrative document (Decree 30/2020/NĐ-CP) of the official report, as
plain data the Word and HTML writers (`docx.py`, `html.py`) both lay out.

Top left the issuing body (bold, upper case, a short rule under it) and the document number
line under it; top right the national motto (a rule under it) and the place and date line in
italics; the title; the body (the brief in a few sentences); the signature block on the right
and "Nơi nhận:" on the left; then the annex heading of the table.

In English the structure is the same, in English words, the motto too ("SOCIALIST REPUBLIC OF
VIET NAM / Independence - Freedom - Happiness", as the official English translations of
Vietnamese documents write it): an English copy is read by those who do not read Vietnamese.
The issuer and the signer are names the plan gives, written as the plan writes them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from hauloc_cli.model.figures import FigureStatus
from hauloc_cli.model.plan import Signer
from hauloc_cli.render import cells
from hauloc_cli.render.cells import target_name
from hauloc_cli.render.report import words
from hauloc_cli.render.summary import words as brief_words
from hauloc_cli.views.annex import Annex, Line
from hauloc_cli.vocab import groups, periods, plan_words
from hauloc_cli.vocab.i18n import format_date, label, unit_label

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
# The kind of document and the body's abbreviation in the number: Báo cáo of an Ủy ban nhân dân.
PEOPLES_COMMITTEE = "ỦY BAN NHÂN DÂN"
BLANK = "      "  # the number and the day left for the clerk to write in
BEHIND = ("at_risk", "off_track", "missed")


@dataclass(frozen=True, slots=True)
class Signature:
    """The signature block, each line present only when the plan gives it: on whose behalf
    and the title (bold, upper case), then room to sign, then the name (bold)."""

    on_behalf: str | None
    title: str | None
    name: str | None


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph of the letter: `kind` is `heading` (I., II., bold), `group` (a group's
    results run in after its bold `lead`, '1. Kinh tế:'), `item` (a line beginning with a
    dash) or `text`."""

    text: str
    kind: str = "text"
    lead: str = ""

    @property
    def full(self) -> str:
        """The paragraph as read: the lead, then the text."""
        return f"{self.lead} {self.text}" if self.lead else self.text


@dataclass(frozen=True)
class Letter:
    issuer: tuple[str, ...]
    motto: tuple[str, str]
    number: str
    dated: str
    title: str
    subject: str
    body: tuple[Para, ...]  # sections I–III
    signature: Signature
    recipients: tuple[str, ...]  # "Nơi nhận:", then its lines
    annex_title: str
    annex_subject: str
    annex_note: str
    by_unit_title: str


def word(lang: str, key: str, **values: object) -> str:
    """The letter's words (`letter.*` in the catalogue, vocab/i18n.py)."""
    return label(lang, f"letter.{key}", **values)


def upper(text: str) -> str:
    return unicodedata.normalize("NFC", text).upper()


def issuer_lines(annex: Annex, lang: str) -> tuple[str, ...]:
    """The plan's `issuer` lines, else its name, in upper case."""
    return issuer_of(annex.plan.plan.issuer, annex.plan.title(lang))


def issuer_of(issuer: tuple[str, ...] | None, title: str) -> tuple[str, ...]:
    """A plan's (or a term plan's) `issuer` lines, else its `title`, in upper case."""
    return tuple(upper(line) for line in (issuer or (title,)))


def document_kind(annex: Annex) -> str:
    """'BC-UBND' for a People's Committee's report, else 'BC'."""
    return kind_of(annex.plan.plan.issuer)


def kind_of(issuer: tuple[str, ...] | None) -> str:
    """'BC-UBND' when the issuer is a People's Committee, else 'BC'."""
    return "BC-UBND" if issuer and upper(issuer[0]).strip() == PEOPLES_COMMITTEE else "BC"


def date_line(day: date | None, place: str | None, lang: str, year: int | None = None) -> str:
    """'Hậu Lộc, ngày 05 tháng 10 năm 2024': Decree 30 writes a 0 before days below 10 and
    months below 3; without a place the date alone. English: 'Hậu Lộc, 5 October 2024'.
    Without a day, the day and month are left blank for the clerk (`ngày      tháng      năm
    2024`), the year too when `year` is None."""
    if day is None:
        text = word(lang, "date", day=BLANK, month=BLANK, year=year or BLANK,
                    day_en=BLANK, month_en=BLANK)
    else:
        month = f"{day.month:02d}" if day.month < 3 else str(day.month)
        text = word(lang, "date", day=f"{day.day:02d}", month=month, year=day.year,
                    day_en=day.day, month_en=MONTHS_EN[day.month - 1])
    return f"{place}, {text}" if place else text[0].upper() + text[1:]


def _first_lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def headline(annex: Annex, lang: str) -> str:
    """The count as reports write it: at the year's end 'Có 7/9 chỉ tiêu đạt và vượt kế hoạch,
    trong đó 3 chỉ tiêu vượt; 1 chỉ tiêu không đạt'; before it 'Trong 9 chỉ tiêu được theo
    dõi: 1 chỉ tiêu đã đạt kế hoạch năm, 3 chỉ tiêu đúng tiến độ, …' (verdicts with no target
    left out; the declared number only when the plan defines fewer)."""
    brief = annex.brief
    counts = brief.counts
    declared = brief.declared if brief.declared != brief.defined else None
    said = word(lang, "declared", declared=declared) if declared else ""

    def phrase(verdict: str, n: int, first: bool) -> str:
        shown = word(lang, "achieved_early") if verdict == "achieved" else \
            _first_lower(words.verdict_word(verdict, lang))
        return word(lang, "count" if first else "count_short", n=n, word=shown)

    if brief.final:
        rest = [phrase(v, n, True) for v, n in counts.items()
                if n and v not in ("exceeded", "met")]
        text = word(lang, "headline_final", good=counts["exceeded"] + counts["met"],
                    defined=brief.defined, exceeded=counts["exceeded"],
                    rest="".join(f"; {r}" for r in rest))
        return text.removesuffix(".") + f"{said}." if said else text
    shown = [phrase(v, n, i == 0) for i, (v, n) in enumerate(
        (v, n) for v, n in counts.items() if n)]
    return word(lang, "headline", defined=brief.defined, declared=said, counts=", ".join(shown),
                targets=_targets(brief.defined, lang))


def _targets(n: int, lang: str) -> str:
    """`chỉ tiêu`; in English `target` for one, `targets` for more."""
    return "chỉ tiêu" if lang == "vi" else "target" if n == 1 else "targets"


@dataclass(frozen=True, slots=True)
class _Shown:
    """A line's cells as the annex shows them (the same figures, to the digit)."""

    plan: str
    value: str
    of_plan: str
    of_last_year: str
    note: str


def _shown(annex: Annex, lang: str) -> dict[str, _Shown]:
    cols = words.columns(annex, workbook=False)
    keys = [c.key for c in cols]
    found: dict[str, _Shown] = {}
    for line, row in zip(annex.lines, words.table_texts(annex.lines, annex, lang, cols),
                         strict=True):
        cell = dict(zip(keys, row, strict=True))
        found[line.target.id] = _Shown(cell.get("plan", ""), cell.get("value", ""),
                                       cell.get("of_plan", ""), cell.get("of_last_year", ""),
                                       cell.get("note", ""))
    return found


def _quantity(text: str, line: Line, lang: str) -> str:
    """A figure of the table with its unit: `10,9%`, `4 sản phẩm`."""
    unit = line.target.measure
    if not unit:
        return text
    if unit == "%":
        return f"{text}%"
    # the unit agrees with the last figure said: '1 commune', '1/2 communes' (English)
    last = text.split("/")[-1].strip()
    return f"{text} {unit_label(lang, unit, 1.0 if last == '1' else 2.0)}"


def _vs_last_year(cell: str, line: Line, lang: str) -> str:
    """'bằng 113,9% so với cùng kỳ', 'tăng 1,4 điểm % so với cùng kỳ': the annex's cell."""
    v = line.vs_last_year
    if not cell or v is None:
        return ""
    if v.ratio is not None:
        return word(lang, "vs_ratio", ratio=cell)
    amount = cell.lstrip("+-")
    if amount.split(" ")[0].strip("0,.") == "":
        return word(lang, "vs_same")
    return word(lang, "vs_up" if v.change > 0 else "vs_down", amount=amount)


def result_sentence(line: Line, shown: _Shown, annex: Annex, lang: str) -> str:
    """A target's result as a report says it: 'Tốc độ tăng trưởng giá trị sản xuất ước đạt
    10,9%, bằng 90,8% kế hoạch năm (kế hoạch 12,0%); có nguy cơ không đạt.' Every figure is
    the annex's."""
    target = line.target
    name = target_name(target, lang)
    verdict = "" if line.verdict is None else _first_lower(words.verdict_word(line.verdict,
                                                                                lang))
    period = periods.words(annex.period, lang)
    if not shown.value:
        text = word(lang, "no_data", name=name, period=period)
        if shown.note:
            text += f" ({_first_lower(shown.note)})"
        return text + "."
    if target.kind == "milestone":
        return word(lang, "milestone", name=name, done=shown.value,
                    plan=_first_lower(shown.plan)) + (f"; {verdict}." if verdict else ".")
    estimate = line.figure_status is FigureStatus.ESTIMATE
    ceiling = target.direction == "at_most"
    verb = word(lang, ("stood" if ceiling else "reached") + ("_est" if estimate else ""))
    text = f"{name} {verb} {_quantity(shown.value, line, lang)}"
    if line.as_of is not None and line.as_of != annex.period:
        text += f" ({label(lang, 'brief.as_of', period=periods.words(line.as_of, lang))})"
    parts = [text]
    plan = _quantity(shown.plan.removeprefix("≤ "), line, lang) if shown.plan else ""
    if shown.of_plan and ceiling and not plan_words.is_form(target):
        parts.append(word(lang, "ceiling_plan", against=shown.of_plan, plan=plan))
    elif shown.of_plan and ceiling:  # a range, `about:`: the plan says how it is bounded
        parts.append(word(lang, "form_plan", against=shown.of_plan, plan=plan))
    elif shown.of_plan:
        parts.append(word(lang, "of_plan", share=shown.of_plan, plan=plan))
    parts += words.other_plans(line, lang)
    if vs := _vs_last_year(shown.of_last_year, line, lang):
        parts.append(vs)
    return ", ".join(parts) + (f"; {verdict}." if verdict else ".")


def behind_list(lines: list[Line], lang: str) -> str:
    """The targets behind, by verdict in the order of the verdicts: 'Có nguy cơ không đạt (2
    chỉ tiêu): Tốc độ tăng trưởng giá trị sản xuất; Sản phẩm OCOP mới.' Their figures are
    section I's; said once."""
    by_verdict: dict[str, list[str]] = {}
    for line in lines:
        assert line.verdict is not None
        by_verdict.setdefault(line.verdict, []).append(target_name(line.target, lang))
    return " ".join(
        word(lang, "behind_list", verdict=words.verdict_word(v, lang), n=len(names),
             targets=_targets(len(names), lang), names="; ".join(names))
        for v in BEHIND if (names := by_verdict.get(v)))


def _unit_texts(annex: Annex, target: str, key: str) -> list[tuple[str, str]]:
    """(unit name, text) of the units that wrote a cause (`key` 'cause') or a solution."""
    return [(line.unit.name, getattr(line, key)) for line in annex.by_unit
            if line.target.id == target and line.unit is not None and getattr(line, key)]


def results(annex: Annex, lang: str, shown: dict[str, _Shown]) -> list[Para]:
    """I.: the count (pointing to the annex), the office's own words, then each group's
    targets as sentences, run in after the group's name as reports write them."""
    paras = [Para(word(lang, "see_annex"), "heading", word(lang, "results")),
             Para(headline(annex, lang))]
    if above := cells.from_above_line(annex.brief, lang):
        paras.append(Para(f"{above}."))
    paras += [Para(t) for t in annex.plan.plan.letter.results]
    for n, group in enumerate(annex.groups, 1):
        name = groups.name(group.group, lang, annex.plan)
        sentences = " ".join(result_sentence(line, shown[line.target.id], annex, lang)
                             for line in group.lines)
        paras.append(Para(sentences, "group", f"{n}. {name}:"))
    return paras


def shortcomings(annex: Annex, lang: str, shown: dict[str, _Shown]) -> list[Para]:
    """II.: the targets behind (at risk, off track, missed): each with the causes the offices
    gave, then the others by verdict in one paragraph that says no cause was given, and the
    targets with no figure."""
    paras = [Para(word(lang, "behind"), "heading")]
    paras += [Para(t) for t in annex.plan.plan.letter.shortcomings]
    behind = [line for line in annex.lines if line.verdict in BEHIND]
    without: list[Line] = []
    for line in behind:
        causes = ([line.cause] if line.cause else []) + [
            word(lang, "unit_says", unit=u, text=t)
            for u, t in _unit_texts(annex, line.target.id, "cause")]
        if not causes:
            without.append(line)
            continue
        assert line.verdict is not None
        paras.append(Para("- " + word(
            lang, "cause", name=target_name(line.target, lang),
            verdict=_first_lower(words.verdict_word(line.verdict, lang)),
            text="; ".join(c.rstrip(".") for c in causes)) + ".", "item"))
    said: list[str] = []
    if not behind:
        said.append(word(lang, "none_behind"))
    elif without:
        said += [behind_list(without, lang),
                 word(lang, "no_causes" if len(without) == len(behind) else "some_causes")]
    missing = [line for line in annex.lines if line.verdict == "no_data"]
    if missing:
        names = "; ".join(target_name(line.target, lang)
                          + (f" ({_first_lower(shown[line.target.id].note)})"
                             if shown[line.target.id].note else "") for line in missing)
        said.append(word(lang, "no_figures", period=periods.words(annex.period, lang),
                         n=len(missing), names=names, targets=_targets(len(missing), lang)))
    if said:
        paras.append(Para(" ".join(said)))
    return paras


def tasks(annex: Annex, lang: str) -> list[Para]:
    """III.: the office's own tasks, then what each target not yet met still needs (whole
    numbers for counts), with the measures the offices proposed; at the year's end only
    what the office wrote."""
    period = annex.period
    rest = periods.rest_words(period, period.year + 1 if period.final else period.year, lang)
    paras = [Para(upper(word(lang, "tasks", rest=rest)), "heading")]
    own = annex.plan.plan.letter.tasks
    paras += [Para(t) for t in own]
    if period.final:
        if not own:
            paras.append(Para(word(lang, "no_tasks")))
        return paras
    items = {item.target.id: item for section in annex.brief.sections for item in section.items}
    needs: list[str] = []
    for line in annex.lines:
        item = items.get(line.target.id)
        need = "" if item is None else brief_words.need(item, lang)
        solutions = ([line.solution] if line.solution else []) + [
            word(lang, "unit_says", unit=u, text=t)
            for u, t in _unit_texts(annex, line.target.id, "solution")]
        name = target_name(line.target, lang)
        text = word(lang, "need", name=name, need=need) if need else name
        if solutions:
            text += "; " + _first_lower(word(lang, "solution", text="; ".join(
                s.rstrip(".") for s in solutions)))
            paras.append(Para(f"- {text}.", "item"))
        elif need:
            needs.append(text)
    # what the other targets need, in one paragraph; then that no measure was proposed
    said = ["; ".join(needs) + "."] if needs else []
    if not any(p.kind == "item" for p in paras):
        said.append(word(lang, "no_solutions"))
    if said:
        paras.append(Para(" ".join(said)))
    return paras


def body(annex: Annex, lang: str) -> tuple[Para, ...]:
    """The letter's body: I. the results, II. what is behind and why, III. the tasks (the
    title says what the letter is about: no paragraph says it again)."""
    shown = _shown(annex, lang)
    return (*results(annex, lang, shown), *shortcomings(annex, lang, shown), *tasks(annex, lang))


def signature(annex: Annex, lang: str) -> Signature:
    """The plan's signer, upper-cased where Decree 30 writes upper case; without one, the
    Decree's placeholders (`QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ`, `Họ và tên`)."""
    return signer_block(annex.plan.plan.signer, lang)


def signer_block(signer: Signer | None, lang: str) -> Signature:
    """A plan's (or a term plan's) signer as the signature block; the Decree's placeholders
    without one."""
    if signer is None:
        return Signature(None, word(lang, "signer_placeholder"), word(lang, "name_placeholder"))
    return Signature(None if signer.on_behalf is None else upper(signer.on_behalf),
                     upper(signer.title), signer.name)


def recipients(annex: Annex, lang: str) -> tuple[str, ...]:
    """`Nơi nhận:`, the plan's `recipients` (`- Thường trực Huyện ủy;`), or the Decree's
    placeholder lines, then `- Lưu: VT.`."""
    return recipient_lines(annex.plan.plan.recipients, lang)


def recipient_lines(named: tuple[str, ...] | None, lang: str) -> tuple[str, ...]:
    """`Nơi nhận:`, the lines `named` (a plan's or a term plan's `recipients`), or the
    Decree's placeholder lines, then `- Lưu: VT.`."""
    lines = [f"- {r.strip().lstrip('-').strip().rstrip(';.')};" for r in named] if named \
        else [word(lang, "placeholder")] * 2
    return (word(lang, "recipients"), *lines, word(lang, "archive"))


def annex_heading(annex: Annex, lang: str) -> tuple[str, str, str]:
    """`PHỤ LỤC`, the subject in upper case, `(Kèm theo Báo cáo số 15/BC-UBND ngày
    05/10/2024)` (the number and the date blank for the clerk when not given): the annex's
    heading in every format."""
    number = annex.number or BLANK
    subject = word(lang, "subject", period=periods.annex_words(annex.period, lang))
    note = word(lang, "annex_note", number=number, kind=document_kind(annex),
                date=BLANK if annex.issued is None else format_date(annex.issued, lang))
    return word(lang, "annex"), upper(subject), note


def stamp(annex: Annex) -> date:
    """The date the files carry as created: the report's, else the period's last day (made
    again, a file says the same)."""
    return annex.issued or annex.period.end


def letter(annex: Annex, lang: str) -> Letter:
    """Every text of the document but the tables, in `lang`."""
    info = annex.plan.plan
    kind = document_kind(annex)
    subject = word(lang, "subject", period=periods.annex_words(annex.period, lang))
    number = annex.number or BLANK
    year = None if annex.period.final else annex.period.year
    annex_title, annex_subject, annex_note = annex_heading(annex, lang)
    return Letter(
        issuer=issuer_lines(annex, lang),
        motto=(word(lang, "motto"), word(lang, "motto2")),
        number=word(lang, "number", number=number, kind=kind),
        dated=date_line(annex.issued, info.place, lang, year),
        title=word(lang, "title"),
        subject=subject,
        body=body(annex, lang),
        signature=signature(annex, lang),
        recipients=recipients(annex, lang),
        annex_title=annex_title,
        annex_subject=annex_subject,
        annex_note=annex_note,
        by_unit_title=word(lang, "by_unit"),
    )
