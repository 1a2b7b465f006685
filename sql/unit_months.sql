-- Unit months (单位月度参保缴费) from the bureau's person-month contribution
-- records (参保缴费明细): what `wengang screen --units --months FILE` reads.
--
-- Input: a table or view `contributions(person_id, credit_code, period, due,
-- paid)`, one row per person, unit and month: `period` an integer YYYYMM, `due`
-- and `paid` the unemployment-insurance contribution in yuan (fen: 2 decimals).
--
-- Output, one row per unit and period, ordered so that two engines' CSVs
-- compare byte for byte:
--   credit_code  as recorded (no trimming: the engine checks the code)
--   year         the period's year (YYYY)
--   month        the period's month, 1-12 for a well-formed period
--   insured      distinct persons with a record for this unit and period; a
--                person with records in two units in one month is counted in
--                both (sql/persons_in_two_units.sql counts them)
--   due, paid    exact sums, DECIMAL(18,2)
--
-- `year` is a column because the SQL takes no parameter and filters nothing:
-- a record from 2023-12 and one from 2024-12 would otherwise be added into
-- one "month 12". The engine compares `year` with the data year and reports
-- the rows outside it, and reports a month outside 1-12 (a malformed period)
-- as a bad row. Records with a NULL credit code or period come out as a row
-- with that column empty, for the same reports.
--
-- Only counts and sums: every policy rule stays in the engine. How to run it
-- (DuckDB, its shell, Spark): docs/sql.md.
--
-- Money: each amount is cast to DECIMAL(18,2) before it is summed, so a
-- DOUBLE or text column is never added up in floating point (a value with
-- more than 2 decimals is rounded half up to the fen, the same in both
-- engines; sql/contribution_checks.sql counts such records). Sums are cast
-- back to DECIMAL(18,2): up to 10^16 yuan, while a province's whole year is
-- below 10^12 (hundreds of millions of records of at most thousands of yuan
-- each), so no sum can overflow; if one ever did, both engines stop with an
-- error (DuckDB always, Spark with ANSI mode, its default since 4.0) rather
-- than give NULL. Inside, DuckDB sums in DECIMAL(38,2), Spark in DECIMAL(28,2).
--
-- Portable between DuckDB and Spark SQL, unchanged:
--   - year and month with `%` only: `/` on integers gives a DOUBLE in both, and
--     CAST(DOUBLE AS INT) rounds in DuckDB but truncates in Spark, so the year
--     is (period - period % 100) / 100, an exact whole number, then cast;
--     `//` is DuckDB-only and `div` Spark-only;
--   - the derived columns are named in a subquery and grouped by name (no
--     GROUP BY alias or ordinal, which depend on settings);
--   - NULLS LAST is written out: the engines' defaults differ.

SELECT
  credit_code,
  year,
  month,
  COUNT(DISTINCT person_id) AS insured,
  CAST(SUM(due) AS DECIMAL(18, 2)) AS due,
  CAST(SUM(paid) AS DECIMAL(18, 2)) AS paid
FROM (
  SELECT
    credit_code,
    CAST((period - period % 100) / 100 AS INT) AS year,
    CAST(period % 100 AS INT) AS month,
    person_id,
    CAST(due AS DECIMAL(18, 2)) AS due,
    CAST(paid AS DECIMAL(18, 2)) AS paid
  FROM contributions
) AS records
GROUP BY credit_code, year, month
ORDER BY credit_code NULLS LAST, year NULLS LAST, month NULLS LAST
