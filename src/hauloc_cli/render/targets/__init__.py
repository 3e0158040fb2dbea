"""`hauloc targets`: the plan as a table and as JSON."""
