"""The term's status as an official letter, for every official format (html, docx): the
letterhead, title, signature and "Nơi nhận:" of the yearly report
(`render/report/letterhead.py`), a body of the mid-term count and one paragraph per target;
the table follows as the annex."""

from __future__ import annotations

from datetime import date

from hauloc_cli.render.report.letterhead import (
    BLANK,
    Letter,
    Para,
    date_line,
    issuer_of,
    kind_of,
    recipient_lines,
    signer_block,
    upper,
    word,
)
from hauloc_cli.render.term import words
from hauloc_cli.views.term import TermView
from hauloc_cli.vocab.i18n import format_date, label


def letter(view: TermView, lang: str) -> Letter:
    """Every text of the document but the table, in `lang`."""
    info = view.plan.plan
    subject = label(lang, "term.report.subject", span=info.span)
    kind = kind_of(info.issuer)
    as_of = words.as_of_line(view, lang)
    intro = label(lang, "term.report.intro", span=info.span,
                  as_of=as_of[:1].lower() + as_of[1:], count=words.count_line(view, lang))
    body = (Para(intro), *(Para(f"- {words.brief_line(line, view, lang)}.", "item")
                           for line in view.lines),
            *(Para(text) for text in info.letter.results), Para(word(lang, "see_annex")))
    issued = view.issued
    return Letter(
        issuer=issuer_of(info.issuer, view.plan.title(lang)),
        motto=(word(lang, "motto"), word(lang, "motto2")),
        number=word(lang, "number", number=BLANK, kind=kind),
        dated=date_line(issued, info.place, lang, None if issued else stamp(view).year),
        title=word(lang, "title"), subject=subject, body=body,
        signature=signer_block(info.signer, lang),
        recipients=recipient_lines(info.recipients, lang),
        annex_title=word(lang, "annex"),
        annex_subject=upper(label(lang, "term.report.annex", span=info.span)),
        annex_note=word(lang, "annex_note", number=BLANK, kind=kind,
                        date=BLANK if issued is None else format_date(issued, lang)),
        by_unit_title="")


def stamp(view: TermView) -> date:
    """The report's date, else the last day of the latest figure's period, else of the base
    year: the year a blank date line is of, and the date the files carry as created (made
    again, a file says the same)."""
    latest = view.report.as_of
    return view.issued or (latest.period.end if latest is not None
                           else date(view.plan.plan.base, 12, 31))
