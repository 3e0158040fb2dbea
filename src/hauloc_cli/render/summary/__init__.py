"""`hauloc summary`: the meeting brief at a terminal, in Markdown and as one printable HTML
page, its words, and its units' sections."""
