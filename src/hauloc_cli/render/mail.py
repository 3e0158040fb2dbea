"""The mail a cron job sends (`hauloc check --mail FILE`): a subject that says what happened,
with counts, and a body that names the targets and units concerned, in the user's language.

Rendered from the one result of the one pipeline (the report judged, the units that did not
report), or from the error that stopped the run; never judged again here. The file is a
`Subject:` line, a blank line and the body, for examples/cron/hauloc-report.sh to send.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from hauloc_cli.model.units import Units
from hauloc_cli.render.cells import target_name
from hauloc_cli.rules.status import Judgement, verdict
from hauloc_cli.vocab import periods
from hauloc_cli.vocab.i18n import label
from hauloc_cli.vocab.messages import Text, text

# What a subject counts, in this order, by the status word key (`rules.status.verdict`).
_BAD = ("off_track", "missed")
_RISK = ("at_risk",)
_NONE = ("no_data",)


def _count_key(key: str, n: int) -> str:
    return f"{key}.{'one' if n == 1 else 'many'}"


def outcome_mail(report: Judgement, missing_units: Mapping[str, Iterable[str]],
                 units: Units | None, lang: str) -> str:
    """The mail of a run that judged the figures: the subject counts the targets off track
    (or missed, at the year's end), at risk and without a figure, and the units that did not
    report; the body names them."""
    by_key: dict[str, list[str]] = {}
    for r in report.results:
        by_key.setdefault(verdict(r, report.period), []).append(target_name(r.target, lang))
    bad = [n for k in _BAD for n in by_key.get(k, [])]
    risk = [n for k in _RISK for n in by_key.get(k, [])]
    none = [n for k in _NONE for n in by_key.get(k, [])]
    silent: dict[str, int] = {}
    for who in missing_units.values():
        for unit in who:
            silent[unit] = silent.get(unit, 0) + 1
    communes = units is not None and all(
        units.by_id[u].kind == "commune" for u in silent if u in units.by_id)
    final = report.period.final
    parts: list[Text] = []
    for key, names in (("mail.missed" if final else "mail.off_track", bad),
                       ("mail.at_risk", risk), ("mail.no_data", none)):
        if names:  # the first count says "targets"; those after it need not
            parts.append(text(_count_key(key, len(names)) if not parts else key + ".short",
                              n=len(names)))
    if silent:
        parts.append(text(_count_key("mail.communes_silent" if communes else
                                     "mail.units_silent", len(silent)), n=len(silent)))
    when = periods.name(report.period, lang) if lang == "vi" else periods.annex_words(
        report.period, lang)
    if parts:
        said = ", ".join(p.render(lang) for p in parts)
        subject = text("mail.subject", what=said[:1].upper() + said[1:], period=when)
    else:
        subject = text("mail.subject_all_well", n=len(report.results), period=when)
    lines = [text("mail.judged", plan=report.plan.title(lang), period=when).render(lang), ""]
    for key, names in (("missed" if final else "off_track", bad), ("at_risk", risk),
                       ("no_data", none)):
        if names:
            lines.append(f"{label(lang, key)} ({len(names)}):")
            lines += [f"  - {n}" for n in names]
    if silent:
        lines.append(text("mail.silent_heading", n=len(silent)).render(lang))
        for unit, n in silent.items():
            known = units.by_id.get(unit) if units is not None else None
            named = unit if known is None or known.name == unit else f"{known.name} ({unit})"
            lines.append("  - " + text("mail.silent_unit", unit=named, n=n).render(lang))
    if not parts:
        lines.append(text("mail.all_well", n=len(report.results)).render(lang))
    return _mail(subject.render(lang), lines)


def error_mail(usage: bool, messages: str, count: int | None, lang: str) -> str:
    """The mail of a run that stopped before judging: input problems (`count` of them) or a
    usage error (a wrong option, a missing file); the body is what hauloc said."""
    if usage:
        subject = text("mail.subject_usage")
        head = text("mail.usage_body")
    else:
        subject = text("mail.subject_input", n=count or 0)
        head = text("mail.input_body", n=count or 0)
    return _mail(subject.render(lang), [head.render(lang), "", *messages.splitlines()])


def _mail(subject: str, lines: list[str]) -> str:
    return f"Subject: {subject}\n\n" + "\n".join(lines).rstrip("\n") + "\n"
