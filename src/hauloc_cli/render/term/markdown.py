"""The term's status as Markdown: the title, the table, the brief and the mid-term count."""

from __future__ import annotations

from hauloc_cli.render import TermOptions
from hauloc_cli.render.check.markdown import escape
from hauloc_cli.render.term import words
from hauloc_cli.views.term import TermView
from hauloc_cli.vocab.i18n import label

ALIGN = ("---", "---:", "---:", "---:", "---:", "---:", "---")


def render_markdown(view: TermView, lang: str) -> str:
    heads = (escape(words.heading(c, view, lang)) for c in words.COLUMNS)
    lines = [f"## {escape(words.title(view, lang))}", "", escape(words.as_of_line(view, lang)),
             "", "| " + " | ".join(heads) + " |", "|" + "|".join(ALIGN) + "|"]
    lines += ["| " + " | ".join(escape(c) for c in words.cells(line, view, lang)) + " |"
              for line in view.lines]
    lines += ["", f"### {escape(label(lang, 'term.brief'))}", ""]
    lines += [f"- {escape(words.brief_line(line, view, lang))}" for line in view.lines]
    lines += ["", escape(words.count_line(view, lang))]
    return "\n".join(lines) + "\n"


def render(view: TermView, options: TermOptions) -> str:
    return render_markdown(view, options.lang)
