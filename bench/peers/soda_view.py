"""The DuckDB file of one Soda Core data source: `python soda_view.py DB CSV` makes in DB a
view `actuals` over CSV, every column read as text (so that Soda's format checks see what the
file says). It holds no rows: each scan reads the CSV itself. Run with Soda's own Python."""

import sys

import duckdb

path = sys.argv[2].replace("'", "''")
con = duckdb.connect(sys.argv[1])
con.execute(f"CREATE OR REPLACE VIEW actuals AS SELECT * FROM read_csv('{path}', header=true, "
            "delim=',', quote='\"', all_varchar=true)")
con.close()
