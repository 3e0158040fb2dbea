"""The parts of an administrative document (Decree 30/2020/NĐ-CP) of the official report, as
plain data the Word and HTML writers (`report_docx.py`, `report_html.py`) both lay out.

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

from hauloc_cli.model.annex import period_words
from hauloc_cli.render import brief_words
from hauloc_cli.render.cells import target_name
from hauloc_cli.render.i18n import format_date, label
from hauloc_cli.views.annex import Annex
from hauloc_cli.views.brief import Item

# Words of the document in each language (tests/render/test_letterhead.py checks both have the
# same keys). The blank before "/" in the number is left for the office's registry number.
WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "motto": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto2": "Độc lập - Tự do - Hạnh phúc",
        "number": "Số:      /{kind}",
        "date": "ngày {day} tháng {month} năm {year}",
        "title": "BÁO CÁO",
        "subject": "Kết quả thực hiện các chỉ tiêu kinh tế - xã hội {period}",
        "counts": "{period}: trong {defined} chỉ tiêu được theo dõi{declared}, {counts}.",
        "declared": " (nghị quyết đề ra {declared} chỉ tiêu)",
        "attention": "Các chỉ tiêu cần chú ý:",
        "see_annex": "Chi tiết tại Phụ lục kèm theo.",
        "recipients": "Nơi nhận:",
        "archive": "- Lưu: VT.",
        "annex": "PHỤ LỤC",
        "annex_note": "(Kèm theo Báo cáo số      /{kind} ngày {date})",
        "by_unit": "Kết quả theo đơn vị",
    },
    "en": {
        "motto": "SOCIALIST REPUBLIC OF VIET NAM",
        "motto2": "Independence - Freedom - Happiness",
        "number": "No.:      /{kind}",
        "date": "{day_en} {month_en} {year}",
        "title": "REPORT",
        "subject": "Results against the socio-economic targets, {period}",
        "counts": "{period}: of the {defined} target{s} followed{declared}, {counts}.",
        "declared": " ({declared} set by the resolution)",
        "attention": "Targets that need attention:",
        "see_annex": "The details are in the annex.",
        "recipients": "Recipients:",
        "archive": "- Filed: office records.",
        "annex": "ANNEX",
        "annex_note": "(Attached to report No.      /{kind} of {date})",
        "by_unit": "Results by reporting unit",
    },
}
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
# The kind of document and the body's abbreviation in the number: Báo cáo of an Ủy ban nhân dân.
PEOPLES_COMMITTEE = "ỦY BAN NHÂN DÂN"


@dataclass(frozen=True, slots=True)
class Signature:
    """The signature block, each line present only when the plan gives it: on whose behalf
    and the title (bold, upper case), then room to sign, then the name (bold)."""

    on_behalf: str | None
    title: str | None
    name: str | None


@dataclass(frozen=True)
class Letter:
    issuer: tuple[str, ...]
    motto: tuple[str, str]
    number: str
    dated: str
    title: str
    subject: str
    body: tuple[str, ...]  # paragraphs, the last one heading the bullets
    attention: tuple[str, ...]  # the targets that need attention ("- …"), after `body`
    closing: tuple[str, ...]  # paragraphs after the bullets
    signature: Signature | None
    recipients: tuple[str, ...]  # "Nơi nhận:", then its lines
    annex_title: str
    annex_subject: str
    annex_note: str
    by_unit_title: str


def word(lang: str, key: str, **values: object) -> str:
    text = WORDS[lang][key]
    return text.format(**values) if values else text


def upper(text: str) -> str:
    return unicodedata.normalize("NFC", text).upper()


def issuer_lines(annex: Annex, lang: str) -> tuple[str, ...]:
    """The plan's `issuer` lines, else its name, in upper case."""
    info = annex.plan.plan
    return tuple(upper(line) for line in (info.issuer or (annex.plan.title(lang),)))


def document_kind(annex: Annex) -> str:
    """'BC-UBND' for a People's Committee's report, else 'BC'."""
    first = annex.plan.plan.issuer
    return "BC-UBND" if first and upper(first[0]).strip() == PEOPLES_COMMITTEE else "BC"


def date_line(day: date, place: str | None, lang: str) -> str:
    """'Hậu Lộc, ngày 05 tháng 10 năm 2024': Decree 30 writes a 0 before days below 10 and
    months below 3; without a place the date alone. English: 'Hậu Lộc, 5 October 2024'."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    text = word(lang, "date", day=f"{day.day:02d}", month=month, year=day.year,
                day_en=day.day, month_en=MONTHS_EN[day.month - 1])
    return f"{place}, {text}" if place else text[0].upper() + text[1:]


def counts_sentence(annex: Annex, lang: str) -> str:
    """'9 tháng năm 2024: trong 9 chỉ tiêu được theo dõi (nghị quyết đề ra 27 chỉ tiêu),
    1 đạt, 3 đúng tiến độ, …' (verdicts with no target left out; the declared number only
    when the plan defines fewer)."""
    brief = annex.brief
    period = period_words(annex.period, lang)
    declared = brief.declared if brief.declared != brief.defined else None
    counts = ", ".join(f"{n} {label(lang, v).lower()}" for v, n in brief.counts.items() if n)
    return word(lang, "counts", period=period[0].upper() + period[1:], defined=brief.defined,
                s="" if brief.defined == 1 else "s",
                declared=word(lang, "declared", declared=declared) if declared else "",
                counts=counts)


def body(annex: Annex, lang: str
         ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The paragraphs of the body, the bullets of the targets that need attention, and the
    paragraphs after them."""
    brief = annex.brief
    paragraphs = [counts_sentence(annex, lang)]
    if (sentence := brief_words.year_end(brief, lang)) is not None:
        paragraphs.append(sentence + ".")
    bullets: list[str] = []
    if brief.attention:
        paragraphs.append(word(lang, "attention"))
        for item in brief.attention:
            need = brief_words.need(item, lang)
            bullets.append(f"- {target_name(item.target, lang)}: {figures(item, annex, lang)}"
                           + (f"; {need}" if need else "") + ";")
        bullets[-1] = bullets[-1][:-1] + "."
    else:
        paragraphs.append(label(lang, "brief.attention_none"))
    tail = []
    if brief.no_data:
        tail.append(label(lang, "brief.no_data_ask") + " " + "; ".join(
            target_name(i.target, lang) for i in brief.no_data) + ".")
    tail.append(word(lang, "see_annex"))
    return tuple(paragraphs), tuple(bullets), tuple(tail)


def figures(item: Item, annex: Annex, lang: str) -> str:
    """The figure against the target, as the brief says it ('1 / 2 xã, cần đạt 1,5'); a
    milestone only done or not (its need says the deadline)."""
    if item.target.kind == "milestone":
        actual = item.result.actual
        key = "no_data" if actual is None else "done" if actual else "not_done"
        return label(lang, key).lower()
    return brief_words.figures(item, annex.brief, lang).replace(" · ", ", ")


def signature(annex: Annex) -> Signature | None:
    """The plan's signer, upper-cased where Decree 30 writes upper case; None without one."""
    signer = annex.plan.plan.signer
    if signer is None:
        return None
    return Signature(None if signer.on_behalf is None else upper(signer.on_behalf),
                     upper(signer.title), signer.name)


def letter(annex: Annex, lang: str) -> Letter:
    """Every text of the document but the tables, in `lang`."""
    info = annex.plan.plan
    kind = document_kind(annex)
    subject = word(lang, "subject", period=period_words(annex.period, lang))
    paragraphs, bullets, closing = body(annex, lang)
    return Letter(
        issuer=issuer_lines(annex, lang),
        motto=(word(lang, "motto"), word(lang, "motto2")),
        number=word(lang, "number", kind=kind),
        dated=date_line(annex.issued, info.place, lang),
        title=word(lang, "title"),
        subject=subject,
        body=paragraphs,
        attention=bullets,
        closing=closing,
        signature=signature(annex),
        recipients=(word(lang, "recipients"), word(lang, "archive")),
        annex_title=word(lang, "annex"),
        annex_subject=upper(subject),
        annex_note=word(lang, "annex_note", kind=kind,
                        date=format_date(annex.issued, lang)),
        by_unit_title=word(lang, "by_unit"),
    )
