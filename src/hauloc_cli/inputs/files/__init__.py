"""Files into raw tables and text: bytes decoded, CSV, Excel and LibreOffice workbooks, YAML.

No knowledge of plans or of what the columns mean beyond their names."""
