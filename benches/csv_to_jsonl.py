#!/usr/bin/env python3
"""Writes the rows of a `wengang gen` CSV file as JSON Lines: one
`wengang.application/1` per line, for timing `wengang screen` on JSON Lines
with the same applications (`wengang gen` writes CSV only).

    python3 benches/csv_to_jsonl.py IN.csv OUT.jsonl

Each cell becomes the leaf the CSV reader would make of it (batch::columns):
an empty cell is null, a flag column's true/false is a boolean; counts that
are plain digits are JSON numbers (as in samples/), everything else is the
text as given, so typing slips stay slips. `hardship` is null (gen writes
no hardship path). The first line is blank, so each application is on the
same line number as in the CSV (whose line 1 is the header) and the result
files compare line for line; `wengang screen` skips blank lines.
"""

import csv
import json
import sys

FLAGS = {"declarations.industrial_policy_compliant", "declarations.environmental_compliant",
         "declarations.seriously_dishonest", "declarations.zombie", "commitment.accepted"}
COUNTS = {"applicant.employees", "insured.year", "insured.start", "insured.end",
          "insured.retired_or_deceased", "insured.new_benefit_claimants",
          "insured.months_paid_in_full"}
SECTIONS = ["applicant", "insured", "declarations", "hardship", "bank", "contact", "commitment"]


def leaf(column, cell):
    if cell == "":
        return None
    if column in FLAGS and cell.lower() in ("true", "false"):
        return cell.lower() == "true"
    if column in COUNTS and cell.isascii() and cell.isdigit() and len(cell) < 16:
        return int(cell)
    return cell


def main(src, out):
    with open(src, newline="", encoding="utf-8") as f, open(out, "w", encoding="utf-8") as w:
        w.write("\n")
        for row in csv.DictReader(f):
            app = {"format": None, "policy": None}
            app.update({s: {} for s in SECTIONS})
            app["hardship"] = None
            for column, cell in row.items():
                value = leaf(column, cell)
                if "." in column:
                    section, key = column.split(".", 1)
                    app[section][key] = value
                else:
                    app[column] = value
            w.write(json.dumps(app, ensure_ascii=False, separators=(",", ":")))
            w.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
