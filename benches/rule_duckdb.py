#!/usr/bin/env python3
"""The suzhou-2019 rule alone in DuckDB, as a data officer would write it:
no field validation, the figures read as DECIMAL, the rule in one SELECT.

    python3 benches/rule_duckdb.py IN.csv OUT.csv [THREADS]

`benches/screen.sh` times it beside `wengang screen` (which validates
every field as well) and compares the two on the rows screen finds valid
(`compare.py --rule-only`): what a strong user would run instead.
"""

import sys

import duckdb

RULE = """
SELECT
  CASE WHEN ok THEN 'true' ELSE 'false' END AS eligible,
  CASE WHEN ok THEN refund ELSE 0.00 END AS refund,
  CASE WHEN NOT ok THEN 'none' WHEN refund >= 5000000 THEN 'government_review' ELSE 'standard' END AS route,
  concat_ws(';',
    CASE WHEN months < 12 THEN 'months_paid_in_full' END,
    CASE WHEN NOT layoff_ok THEN 'layoff_rate' END,
    CASE WHEN NOT industrial THEN 'industrial_policy' END,
    CASE WHEN NOT environmental THEN 'environmental' END,
    CASE WHEN dishonest THEN 'not_seriously_dishonest' END,
    CASE WHEN zombie THEN 'not_zombie' END) AS failed_criteria
FROM (
  SELECT *, months >= 12 AND layoff_ok AND industrial AND environmental
            AND NOT dishonest AND NOT zombie AS ok
  FROM (
    SELECT
      TRY_CAST("insured.months_paid_in_full" AS INTEGER) AS months,
      TRY_CAST("insured.start" AS BIGINT) - TRY_CAST("insured.end" AS BIGINT)
        < 0.0178 * TRY_CAST("insured.monthly_average" AS DECIMAL(18, 6)) AS layoff_ok,
      lower("declarations.industrial_policy_compliant") = 'true' AS industrial,
      lower("declarations.environmental_compliant") = 'true' AS environmental,
      lower("declarations.seriously_dishonest") = 'true' AS dishonest,
      lower("declarations.zombie") = 'true' AS zombie,
      round(greatest(TRY_CAST("insured.premiums_paid" AS DECIMAL(18, 2))
                     - TRY_CAST("insured.arrears_and_late_fees" AS DECIMAL(18, 2)), 0) * 0.5, 2) AS refund
    FROM read_csv(?, all_varchar = true)
  )
)
"""


def main(src, out, threads="2"):
    con = duckdb.connect()
    con.execute(f"SET threads = {int(threads)}")
    con.execute("SET preserve_insertion_order = true")
    con.execute(f"COPY ({RULE.replace('?', repr(src))}) TO '{out}' (HEADER, DELIMITER ',')")


if __name__ == "__main__":
    main(*sys.argv[1:4])
