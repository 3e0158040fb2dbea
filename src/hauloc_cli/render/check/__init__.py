"""`hauloc check`'s formats: the table, JSON, CSV and Markdown, and the units' fields beside
each target."""
