-- Record-level problems that the unit months cannot show, because sums and
-- counts hide them: one row of counts for the run's report, so that nothing
-- in the contribution records is lost in silence.
--   records          every record read
--   missing_fields   records with any of the five columns NULL (a NULL amount
--                    adds nothing to a sum; a NULL person is not counted in
--                    `insured`)
--   bad_period       records whose period's month is not 1-12
--   negative_amount  records with due or paid below zero (netted in the sums)
--   finer_than_fen   records with an amount of more than 2 decimals (rounded
--                    to the fen by sql/unit_months.sql)
-- A period outside the data year is not counted here: the query takes no
-- parameter; the engine reports it from unit_months' `year`.
-- The same portable SQL as sql/unit_months.sql (see there): DuckDB and Spark.

SELECT
  COUNT(*) AS records,
  COALESCE(SUM(CASE WHEN person_id IS NULL OR credit_code IS NULL OR period IS NULL
                      OR due IS NULL OR paid IS NULL THEN 1 ELSE 0 END), 0) AS missing_fields,
  COALESCE(SUM(CASE WHEN period % 100 < 1 OR period % 100 > 12 THEN 1 ELSE 0 END), 0) AS bad_period,
  COALESCE(SUM(CASE WHEN due < 0 OR paid < 0 THEN 1 ELSE 0 END), 0) AS negative_amount,
  COALESCE(SUM(CASE WHEN due <> CAST(due AS DECIMAL(18, 2))
                      OR paid <> CAST(paid AS DECIMAL(18, 2)) THEN 1 ELSE 0 END), 0) AS finer_than_fen
FROM contributions
