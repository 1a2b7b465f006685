#!/usr/bin/env python3
"""Compares the result file of `wengang screen` (the first) with a
baseline's (screen_pandas.py, screen_polars.py, screen_duckdb.py) row by row:

    python3 benches/compare.py SCREEN.csv BASELINE.csv [--rule-only]

On every row: line, credit code and valid. On the valid rows: eligible,
refund, route and failed criteria (invalid rows are only said to be
invalid: the baselines do not write issues). Both files must have the same
number of rows. Prints what was compared (and the first few differences on
stderr); exits 1 if anything differs."""

import csv
import itertools
import sys

EVERY_ROW = ["line", "credit_code", "valid"]
# A rule-only baseline (rule_polars.py, rule_duckdb.py) validates nothing:
# it is compared on the rows screen finds valid, by position.
VALID_ROWS = ["eligible", "refund", "route", "failed_criteria"]


def main(a_path, b_path, rule_only=False):
    differ = rows = valid = extra_a = extra_b = 0
    with open(a_path, newline="", encoding="utf-8") as a, open(b_path, newline="", encoding="utf-8") as b:
        for ra, rb in itertools.zip_longest(csv.DictReader(a), csv.DictReader(b)):
            if ra is None or rb is None:
                extra_a += rb is None
                extra_b += ra is None
                continue
            rows += 1
            every = [] if rule_only else EVERY_ROW
            keys = every + (VALID_ROWS if ra["valid"] == "true" else [])
            valid += ra["valid"] == "true"
            ka = [ra[k] for k in keys]
            kb = [rb[k] for k in keys]
            if ka != kb:
                differ += 1
                if differ <= 5:
                    print(f"differ: {ka} vs {kb}", file=sys.stderr)
    if extra_a or extra_b:
        print(f"row counts differ: {rows + extra_a} vs {rows + extra_b}", file=sys.stderr)
    print(f"{rows} rows compared ({valid} valid), {differ} differ"
          + (f", {extra_a + extra_b} rows in one file only" if extra_a or extra_b else ""))
    return 1 if differ or extra_a or extra_b or rows == 0 else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--rule-only"]
    sys.exit(main(args[0], args[1], rule_only="--rule-only" in sys.argv))
