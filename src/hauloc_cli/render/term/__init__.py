"""`hauloc term`: the term's status in the formats of `render.TERM_FORMATS` (one module each:
table, markdown, json, html), all rendering one `TermView`; the words they share are in
`words.py`."""
