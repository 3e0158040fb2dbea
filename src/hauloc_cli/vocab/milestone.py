"""A milestone's state in words: what hauloc writes (`đã đạt` / `chưa đạt`, `done` /
`not done`, the catalogue's `done` and `not_done`) and what it reads back in a figure's cell."""

from __future__ import annotations

from hauloc_cli.vocab.i18n import label

# What a milestone's cell may say, lower case, single spaces; `x` is a tick in a form's box.
READ_DONE = frozenset({"yes", "true", "1", "có", "đạt", "đã đạt", "hoàn thành", "đã hoàn thành",
                       "done", "x"})
READ_NOT_DONE = frozenset({"no", "false", "0", "không", "chưa", "chưa đạt", "chưa hoàn thành",
                           "not done"})
HINT = ("write yes/no, done/not done, true/false, 1/0, có/không, đạt/chưa đạt or "
        "hoàn thành/chưa hoàn thành")


def written(done: bool, lang: str) -> str:
    """A milestone's state as every output writes it."""
    return label(lang, "done" if done else "not_done")


def read(text: str) -> bool | None:
    """Done (True) or not (False) as a cell says it, in any case and spacing; None when the
    text is neither."""
    word = " ".join(text.lower().split())
    return True if word in READ_DONE else False if word in READ_NOT_DONE else None
