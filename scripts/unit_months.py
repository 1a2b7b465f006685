#!/usr/bin/env python3
"""Runs the bureau's SQL (sql/*.sql) over person-month contribution records,
in DuckDB (default, embedded) or in Spark local mode, and writes one CSV per
query:

    python3 scripts/unit_months.py [--engine duckdb|spark] CONTRIBUTIONS OUT_DIR

CONTRIBUTIONS is a CSV with a header (RFC 4180, UTF-8) or a Parquet file
(`.parquet`) with the columns person_id, credit_code, period (YYYYMM), due,
paid, in any order (others are ignored). OUT_DIR gets:

    unit_months.csv           credit_code, year, month, insured, due, paid
                              (what `wengang screen --units --months` reads)
    persons_in_two_units.csv  year, month, persons, extra_counts
    contribution_checks.csv   records, missing_fields, bad_period,
                              negative_amount, finer_than_fen

The SQL files are run as they are, over a view `contributions` that reads
every column by name and casts it to one type in both engines: the ids as
text, period INT, due and paid DECIMAL(38,10) (exact, so a record finer than
the fen is still visible to contribution_checks.sql; unit_months.sql rounds
it). A value that does not cast (`12,00`, `2024-01`) stops the run with the
engine's error: nothing is dropped in silence. An empty cell is NULL.

Spark runs offline in local mode (no UI, no package downloads, bound to
127.0.0.1); on a cluster, run the same SQL files with spark.sql() over the
warehouse's table named `contributions`.
"""

import argparse
import glob
import os
import shutil
import sys
import tempfile
from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
QUERIES = ("unit_months", "persons_in_two_units", "contribution_checks")

# The same text in both engines (STRING is also a DuckDB type name).
CONTRIBUTIONS_VIEW = """SELECT
  CAST(person_id AS STRING) AS person_id,
  CAST(credit_code AS STRING) AS credit_code,
  CAST(period AS INT) AS period,
  CAST(due AS DECIMAL(38, 10)) AS due,
  CAST(paid AS DECIMAL(38, 10)) AS paid
FROM raw_contributions"""


def query_text(name):
    """A query file as it is, without a final `;` (COPY (...) wraps it); the
    closing parenthesis goes on a new line, after any trailing comment."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8").rstrip().rstrip(";") + "\n"


def is_parquet(path):
    return str(path).lower().endswith(".parquet")


def sql_string(text):
    return "'" + str(text).replace("'", "''") + "'"


def run_duckdb(contributions, out_dir, threads=2):
    """Writes OUT_DIR/NAME.csv for each query with DuckDB's own CSV writer."""
    import duckdb

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute(f"SET threads = {int(threads)}")
    if is_parquet(contributions):
        source = f"read_parquet({sql_string(contributions)})"
    else:
        source = (f"read_csv({sql_string(contributions)}, header = true, all_varchar = true, "
                  "delim = ',', quote = '\"', escape = '\"')")
    con.execute(f"CREATE VIEW raw_contributions AS SELECT * FROM {source}")
    # Read and cast once into a table: the three queries then scan typed
    # columns, not the text file three times (a province's records are
    # tens of millions of rows).
    con.execute(f"CREATE TABLE contributions AS {CONTRIBUTIONS_VIEW}")
    for name in QUERIES:
        target = out_dir / f"{name}.csv"
        con.execute(f"COPY ({query_text(name)}) TO {sql_string(target)} (HEADER, DELIMITER ',')")
    con.close()


# For a small run (a test): JIT compiler C1 only, and no whole-stage code
# generation. Such a run spends most of its time compiling; this takes the
# test from about 39 s to 24 s here. Not for big data, where both pay off.
SMALL_RUN_CONF = {
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1",
    "spark.sql.codegen.wholeStage": "false",
}


def spark_session(conf=None):
    """Spark in local mode, offline and small: for tests and one-machine runs.
    CONF adds settings (they apply only when this call starts the JVM)."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[2]").appName("wengang-unit-months")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.host", "127.0.0.1")
             .config("spark.driver.bindAddress", "127.0.0.1")
             .config("spark.sql.shuffle.partitions", "2")
             .config("spark.sql.ansi.enabled", "true")  # overflow is an error, never NULL
             .config("spark.sql.session.timeZone", "UTC")
             .config(map=conf or {})
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_spark(contributions, out_dir, spark=None):
    """Writes OUT_DIR/NAME.csv for each query with Spark's CSV writer (one
    file each: the results are small, one row per unit and month)."""
    own = spark is None
    spark = spark or spark_session()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = str(Path(contributions).resolve())
    if is_parquet(path):
        raw = spark.read.parquet(path)
    else:
        # Not multiLine (a line break inside quotes): it would read the file
        # in one task; ids and codes have none.
        raw = spark.read.csv(path, header=True, inferSchema=False, mode="FAILFAST",
                             quote='"', escape='"', encoding="UTF-8")
    raw.createOrReplaceTempView("raw_contributions")
    spark.sql(CONTRIBUTIONS_VIEW).createOrReplaceTempView("contributions")
    try:
        for name in QUERIES:
            frame = spark.sql(query_text(name))
            scratch = tempfile.mkdtemp(prefix=f"{name}-", dir=out_dir)
            try:
                # coalesce(1) joins the sorted partitions in order, without a shuffle.
                (frame.coalesce(1).write.mode("overwrite")
                 .csv(scratch, header=True, quote='"', escape='"', lineSep="\n",
                      ignoreLeadingWhiteSpace=False, ignoreTrailingWhiteSpace=False))
                parts = sorted(glob.glob(os.path.join(scratch, "part-*")))
                target = out_dir / f"{name}.csv"
                if parts:
                    shutil.move(parts[0], target)
                else:  # an empty result may leave no part file: header only
                    target.write_text(",".join(frame.columns) + "\n", encoding="utf-8")
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
    finally:
        if own:
            spark.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb")
    parser.add_argument("--threads", type=int, default=2, help="DuckDB threads")
    parser.add_argument("contributions")
    parser.add_argument("out_dir")
    args = parser.parse_args()
    if args.engine == "duckdb":
        run_duckdb(args.contributions, args.out_dir, args.threads)
    else:
        run_spark(args.contributions, args.out_dir)
    for name in QUERIES:
        with open(Path(args.out_dir) / f"{name}.csv", encoding="utf-8") as f:
            rows = sum(1 for _ in f) - 1
        print(f"{name}.csv: {rows} rows", file=sys.stderr)
    checks = (Path(args.out_dir) / "contribution_checks.csv").read_text(encoding="utf-8").split("\n")
    for column, value in zip(checks[0].split(","), checks[1].split(",")):
        print(f"  {column}: {value}", file=sys.stderr)


if __name__ == "__main__":
    main()
