"""The offices' annex tables as actuals: one row per target (and per unit in a sheet by unit),
one column per period (`reader.py`; the sheet by unit `units.py`); the header's rows read into
columns and periods (`header.py`); targets and units found by their names (`names.py`)."""
