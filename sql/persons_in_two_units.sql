-- Persons with contribution records in two or more units in one period: each
-- is counted in the `insured` of every one of those units by
-- sql/unit_months.sql (correct for each unit, but the units' figures then add
-- up to more than the persons insured). For the run's report, per period:
--   year, month   as in sql/unit_months.sql (same expressions, no filter)
--   persons       distinct persons with records in two or more units
--   extra_counts  how many more unit-months count these persons than there
--                 are persons (a person in three units adds 2)
-- Records without a person id or a credit code cannot be matched and are
-- left out here (sql/contribution_checks.sql counts them).
-- The same portable SQL as sql/unit_months.sql (see there): DuckDB and Spark.

SELECT
  year,
  month,
  COUNT(*) AS persons,
  SUM(units - 1) AS extra_counts
FROM (
  SELECT
    person_id,
    year,
    month,
    COUNT(DISTINCT credit_code) AS units
  FROM (
    SELECT
      person_id,
      credit_code,
      CAST((period - period % 100) / 100 AS INT) AS year,
      CAST(period % 100 AS INT) AS month
    FROM contributions
    WHERE person_id IS NOT NULL AND credit_code IS NOT NULL
  ) AS records
  GROUP BY person_id, year, month
) AS person_months
WHERE units > 1
GROUP BY year, month
ORDER BY year NULLS LAST, month NULLS LAST
