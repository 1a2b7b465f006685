#!/usr/bin/env python3
"""Compares the result files of `wengang screen` and screen_pandas.py row by
row on valid, eligible, refund, route and failed criteria; prints the number
of rows that differ (and the first few) and exits 1 if any do."""

import csv
import sys

KEYS = ["line", "valid", "eligible", "refund", "route", "failed_criteria"]


def main(a_path, b_path):
    differ = rows = 0
    with open(a_path, newline="", encoding="utf-8") as a, open(b_path, newline="", encoding="utf-8") as b:
        for ra, rb in zip(csv.DictReader(a), csv.DictReader(b)):
            rows += 1
            ka = [ra[k] for k in KEYS]
            kb = [rb[k] for k in KEYS]
            if ka != kb:
                differ += 1
                if differ <= 5:
                    print(f"differ: {ka} vs {kb}", file=sys.stderr)
    print(f"{rows} rows compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
