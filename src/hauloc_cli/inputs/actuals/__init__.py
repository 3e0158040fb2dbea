"""Actuals into checked figures: the long layout (one row per figure), the annex layout (the
offices' table), their cells and marks, and several files merged."""
