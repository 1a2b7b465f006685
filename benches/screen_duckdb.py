#!/usr/bin/env python3
"""The suzhou-2019 pre-screening rule in DuckDB SQL: one of the baselines
`benches/screen.sh` times `wengang screen` against.

    python3 benches/screen_duckdb.py IN.csv OUT.csv REMINDERS.csv [THREADS]

The same rule and the same checks as `screen_pandas.py` (see there), as
one SQL query over `read_csv` with every column read as VARCHAR. Money is
DECIMAL(17,2) (exact; cast only after the text is checked) and refunds are
integer fen; the rate comparison is exact DECIMAL arithmetic:
reduction x 10,000 < 178 x monthly average. Digits are `[0-9]` (the engine
takes ASCII digits only). THREADS (default 2) is `SET threads`.

The results are made once (a temporary table, in memory) and copied out
twice: the result file (the columns `compare.py` reads, plus credit_code,
name and layoff_rate, like `screen_pandas.py`) and the reminders.
"""

import sys
import time

import duckdb

CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
UNIT_TYPES = ["enterprise", "individual_business", "social_organisation", "foundation",
              "social_service_body", "law_firm", "accounting_firm"]
INDUSTRIES = ["agriculture", "industry", "construction", "wholesale", "retail", "transport",
              "warehousing", "postal", "accommodation", "catering", "information_transmission",
              "software_it", "real_estate", "property_management", "leasing_business", "other"]
CODE_CLASS = "[0-9A-HJ-NP-RTUW-Y]"
TEXT_COLUMNS = ["policy", "applicant.name", "applicant.credit_code", "bank.account_name",
                "bank.bank_name", "bank.account_number", "contact.name", "contact.phone",
                "commitment.signatory", "commitment.date"]
FLAGS = ["declarations.industrial_policy_compliant", "declarations.environmental_compliant",
         "declarations.seriously_dishonest", "declarations.zombie", "commitment.accepted"]


def q(col):
    return '"' + col.replace('"', '""') + '"'


def lit(text):
    return "'" + text.replace("'", "''") + "'"


def full(expr, pattern):
    return f"regexp_full_match({expr}, {lit(pattern)})"


def count_ok(col):
    return f"({full(q(col), '[0-9]{1,9}')} AND CAST({q(col)} AS BIGINT) <= 100000000)"


def count(col):
    return f"CASE WHEN {full(q(col), '[0-9]{1,9}')} THEN CAST({q(col)} AS BIGINT) ELSE 0 END"


def money_ok(col):
    return full(q(col), r"[0-9]{1,15}(\.[0-9]{1,2})?")


def money(col):
    """Yuan as DECIMAL(17,2): exact; 0 when the text is not well-formed."""
    return f"CASE WHEN {money_ok(col)} THEN CAST({q(col)} AS DECIMAL(17,2)) ELSE 0 END"


def check_character_ok(code):
    """The GB 32100 check character (a warning only, as in the engine)."""
    total = " + ".join(f"(strpos({lit(CODE_CHARS)}, substr({code}, {i + 1}, 1)) - 1) * {w}"
                       for i, w in enumerate(WEIGHTS))
    return f"substr({lit(CODE_CHARS)}, ((31 - ({total}) % 31) % 31) + 1, 1) = substr({code}, 18, 1)"


def query(src):
    errors = []
    for col in TEXT_COLUMNS:
        errors.append(f"trim({q(col)}) = '' OR length({q(col)}) > 200")
    errors.append("trim(policy) <> 'suzhou-2019'")
    code = 'trim("applicant.credit_code")'
    errors.append(f"NOT {full(code, f'{CODE_CLASS}{{2}}[0-9]{{6}}{CODE_CLASS}{{10}}')}")
    for col, allowed in [("applicant.unit_type", UNIT_TYPES), ("applicant.industry", INDUSTRIES)]:
        errors.append(f"trim({q(col)}) NOT IN ({', '.join(map(lit, allowed))})")
    for col in ["applicant.employees", "insured.start", "insured.end",
                "insured.retired_or_deceased", "insured.new_benefit_claimants"]:
        errors.append(f"NOT {count_ok(col)}")
    for col in ["applicant.revenue", "applicant.assets", "insured.premiums_paid",
                "insured.arrears_and_late_fees"]:
        errors.append(f"NOT {money_ok(col)}")
    errors.append(f"NOT {count_ok('insured.year')} OR {count('insured.year')} <> 2018")
    avg_ok = full(q("insured.monthly_average"), r"[0-9]{1,12}(\.[0-9]{1,6})?")
    errors.append(f"NOT {avg_ok} OR average = 0")
    errors.append(f"NOT {count_ok('insured.months_paid_in_full')} OR months > 12")
    errors.append("arrears > premiums")
    for col in FLAGS:
        errors.append(f"lower({q(col)}) NOT IN ('true', 'false')")
    errors.append(f"lower({q('commitment.accepted')}) <> 'true'")
    phone = 'trim("contact.phone")'
    errors.append(f"NOT {full(phone, '1[0-9]{10}')}")
    account = "replace(trim(\"bank.account_number\"), ' ', '')"
    errors.append(f"NOT {full(account, '[0-9]{8,32}')}")
    date = 'trim("commitment.date")'
    errors.append(f"NOT {full(date, '[0-9]{4}-[0-9]{2}-[0-9]{2}')} "
                  f"OR try_strptime({date}, '%Y-%m-%d') IS NULL")
    # An empty cell reads as NULL; a check on NULL fails, as one on "" does in pandas.
    invalid = " OR ".join(f"coalesce({e}, true)" for e in errors)

    return f"""
    WITH parsed AS (
      SELECT *,
        {count('insured.start')} - {count('insured.end')} AS reduction,
        CASE WHEN {avg_ok} THEN CAST("insured.monthly_average" AS DECIMAL(18,6)) ELSE 0 END AS average,
        {count('insured.months_paid_in_full')} AS months,
        {money('insured.premiums_paid')} AS premiums,
        {money('insured.arrears_and_late_fees')} AS arrears,
        lower("declarations.industrial_policy_compliant") = 'true' AS industrial,
        lower("declarations.environmental_compliant") = 'true' AS environmental,
        lower("declarations.seriously_dishonest") = 'true' AS dishonest,
        lower("declarations.zombie") = 'true' AS zombie
      FROM read_csv({lit(src)}, header = true, all_varchar = true, quote = '"', escape = '"')
    ), decided AS (
      SELECT *,
        NOT ({invalid}) AS valid,
        months >= 12 AS months_ok,
        -- The suzhou-2019 rule, exactly: reduction < 0.0178 x average.
        reduction <= 0 OR CAST(reduction AS DECIMAL(18,0)) * 10000 < 178 * average AS layoff_ok
      FROM parsed
    ), ruled AS (
      SELECT *,
        months_ok AND layoff_ok AND industrial AND environmental AND NOT dishonest AND NOT zombie
          AS eligible
      FROM decided
    ), refunded AS (
      SELECT *,
        CASE WHEN eligible
          THEN (CAST(greatest(premiums - arrears, 0) * 100 AS BIGINT) + 1) // 2 ELSE 0 END AS refund_fen
      FROM ruled
    )
    SELECT
      {code} AS credit_code,
      trim("applicant.name") AS name,
      CASE WHEN valid THEN 'true' ELSE 'false' END AS valid,
      CASE WHEN valid THEN CASE WHEN eligible THEN 'true' ELSE 'false' END END AS eligible,
      CASE WHEN valid THEN CAST(refund_fen // 100 AS VARCHAR) || '.' || lpad(CAST(refund_fen % 100 AS VARCHAR), 2, '0') END AS refund,
      CASE WHEN valid THEN CAST(CAST(greatest(reduction, 0) AS DECIMAL(38,10)) / CASE WHEN average > 0 THEN average ELSE 1 END AS DECIMAL(38,10)) END AS layoff_rate,
      CASE WHEN valid THEN CASE WHEN eligible AND refund_fen >= 500000000 THEN 'government_review'
                                WHEN eligible THEN 'standard' ELSE 'none' END END AS route,
      CASE WHEN valid THEN rtrim(
          CASE WHEN NOT months_ok THEN 'months_paid_in_full;' ELSE '' END
       || CASE WHEN NOT layoff_ok THEN 'layoff_rate;' ELSE '' END
       || CASE WHEN NOT industrial THEN 'industrial_policy;' ELSE '' END
       || CASE WHEN NOT environmental THEN 'environmental;' ELSE '' END
       || CASE WHEN dishonest THEN 'not_seriously_dishonest;' ELSE '' END
       || CASE WHEN zombie THEN 'not_zombie;' ELSE '' END, ';') END AS failed_criteria,
      {check_character_ok(code)} AS check_character_ok,
      trim("contact.phone") AS phone,
      valid AND eligible AS remind,
      CASE WHEN valid AND eligible THEN refund_fen ELSE 0 END AS refund_fen
    FROM refunded
    """


def main(src, out, reminders_out, threads="2"):
    t0 = time.perf_counter()
    con = duckdb.connect()
    con.execute(f"SET threads = {int(threads)}")
    con.execute("SET preserve_insertion_order = true")
    con.execute(f"CREATE TEMP TABLE r AS {query(src)}")
    t1 = time.perf_counter()
    # The input's line: rows are one line each in the generated file, and the
    # table keeps the input order, so rowid + 2 (the header is line 1).
    con.execute(f"""COPY (SELECT rowid + 2 AS line, credit_code, name, valid, eligible, refund,
                          layoff_rate, route, failed_criteria, check_character_ok FROM r)
                    TO {lit(out)} (HEADER, DELIMITER ',')""")
    con.execute(f"""COPY (SELECT credit_code, name, phone, refund FROM r WHERE remind)
                    TO {lit(reminders_out)} (HEADER, DELIMITER ',')""")
    t2 = time.perf_counter()
    rows, eligible, review, invalid, total = con.execute(
        "SELECT count(*), count(*) FILTER (remind), count(*) FILTER (remind AND route = 'government_review'), "
        "count(*) FILTER (valid = 'false'), sum(refund_fen) FROM r").fetchone()
    total = int(total or 0)
    print(f"duckdb {duckdb.__version__} ({threads} threads): {rows} rows: read and rule {t1 - t0:.2f} s, "
          f"write {t2 - t1:.2f} s; eligible {eligible} (review {review}), invalid {invalid}, "
          f"total refund {total // 100}.{total % 100:02d} yuan", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:5])
