"""Reading a resolution's targets (`hauloc plan import`): its annex table (`table.py`) or its
text (`sentences.py`), each stated target read by the same rules (`phrases.py`), into a
`Draft` (`draft.py`) that `render/draft.py` writes as a plan to be checked by a person."""
