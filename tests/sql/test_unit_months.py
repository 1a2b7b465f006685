#!/usr/bin/env python3
"""sql/*.sql give the same unit months in DuckDB and in Spark local mode, byte
for byte, and the same as a plain Python computation with Decimal.

    python3 tests/sql/test_unit_months.py        (or: python3 -m unittest discover -s tests/sql)

Needs duckdb, pyspark and Java 17 (scripts/setup-batch.sh installs them); a
missing one fails the test rather than skipping it.
"""

import csv
import importlib.util
import io
import re
import shutil
import sys
import tempfile
import unittest
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/ or tests/sql/
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
import contributions_gen as gen  # noqa: E402

spec = importlib.util.spec_from_file_location("unit_months", ROOT / "scripts" / "unit_months.py")
runner = importlib.util.module_from_spec(spec)
spec.loader.exec_module(runner)

FEN = Decimal("0.01")
CASES = HERE / "cases"


# --- The same aggregates in plain Python (SQL's NULL rules, Decimal money) ---

def read_records(path):
    """The CSV as the runner's view sees it: empty cell = NULL."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [{k: (v if v != "" else None) for k, v in row.items()} for row in rows]


def year_month(period):
    if period is None:
        return None, None
    p = int(period)
    assert p > 0  # Python's % floors; SQL's truncates: the same for positive periods
    return (p - p % 100) // 100, p % 100


def text(value):
    return "" if value is None else str(value)


def to_csv(header, rows):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header] + [[text(v) for v in r] for r in rows])
    return out.getvalue()


def null_last(value):
    return (value is None, value if value is not None else 0)


def unit_months(records):
    groups = defaultdict(lambda: {"persons": set(), "due": [], "paid": []})
    for r in records:
        g = groups[(r["credit_code"],) + year_month(r["period"])]
        if r["person_id"] is not None:
            g["persons"].add(r["person_id"])
        for column in ("due", "paid"):
            if r[column] is not None:
                g[column].append(Decimal(r[column]).quantize(FEN, ROUND_HALF_UP))
    rows = []
    for (code, year, month), g in groups.items():
        sums = [sum(g[c], Decimal("0.00")) if g[c] else None for c in ("due", "paid")]
        rows.append([code, year, month, len(g["persons"])] + sums)
    rows.sort(key=lambda r: (null_last(r[0]), null_last(r[1]), null_last(r[2])))
    return to_csv(["credit_code", "year", "month", "insured", "due", "paid"], rows)


def persons_in_two_units(records):
    units = defaultdict(set)
    for r in records:
        if r["person_id"] is not None and r["credit_code"] is not None:
            units[(r["person_id"],) + year_month(r["period"])].add(r["credit_code"])
    per_month = defaultdict(lambda: [0, 0])
    for (_, year, month), codes in units.items():
        if len(codes) > 1:
            per_month[(year, month)][0] += 1
            per_month[(year, month)][1] += len(codes) - 1
    rows = [[y, m, n, extra] for (y, m), (n, extra) in per_month.items()]
    rows.sort(key=lambda r: (null_last(r[0]), null_last(r[1])))
    return to_csv(["year", "month", "persons", "extra_counts"], rows)


def contribution_checks(records):
    def amounts(r):
        return [Decimal(r[c]) for c in ("due", "paid") if r[c] is not None]

    month = [year_month(r["period"])[1] for r in records]
    row = [
        len(records),
        sum(any(v is None for v in r.values()) for r in records),
        sum(m is not None and not 1 <= m <= 12 for m in month),
        sum(any(a < 0 for a in amounts(r)) for r in records),
        sum(any(a != a.quantize(FEN) for a in amounts(r)) for r in records),
    ]
    header = ["records", "missing_fields", "bad_period", "negative_amount", "finer_than_fen"]
    return to_csv(header, [row])


EXPECTED = {"unit_months": unit_months, "persons_in_two_units": persons_in_two_units,
            "contribution_checks": contribution_checks}


def outputs(out_dir):
    return {name: (Path(out_dir) / f"{name}.csv").read_bytes().decode("utf-8")
            for name in runner.QUERIES}


# --- The tests ---------------------------------------------------------------

class Generated:
    """The generated data set, written once, with each engine's outputs."""
    tmp = records = facts = csv_path = None
    cache = {}

    @classmethod
    def setup(cls):
        if cls.tmp is None:
            cls.tmp = Path(tempfile.mkdtemp(prefix="wengang-sql-"))
            cls.records, cls.facts = gen.generate()
            cls.csv_path = cls.tmp / "contributions.csv"
            gen.write_csv(cls.records, cls.csv_path)
        return cls

    @classmethod
    def run(cls, engine, path=None):
        key = (engine, str(path or cls.csv_path))
        if key not in cls.cache:
            out = cls.tmp / f"{engine}-{len(cls.cache)}"
            if engine == "duckdb":
                runner.run_duckdb(path or cls.csv_path, out)
            else:
                runner.run_spark(path or cls.csv_path, out, spark())
            cls.cache[key] = outputs(out)
        return cls.cache[key]


_spark = None


def spark():
    global _spark
    if _spark is None:
        _spark = runner.spark_session(runner.SMALL_RUN_CONF)
    return _spark


def tearDownModule():
    if _spark is not None:
        _spark.stop()
    if Generated.tmp is not None:
        shutil.rmtree(Generated.tmp, ignore_errors=True)


class HandWorkedCase(unittest.TestCase):
    """tests/sql/cases: eight records whose outputs are worked out by hand
    (cases/README.md says what each record is and where it shows)."""

    def check(self, engine):
        with tempfile.TemporaryDirectory() as out:
            if engine == "duckdb":
                runner.run_duckdb(CASES / "contributions.csv", out)
            else:
                runner.run_spark(CASES / "contributions.csv", out, spark())
            got = outputs(out)
        for name in runner.QUERIES:
            want = (CASES / f"{name}.csv").read_text(encoding="utf-8")
            self.assertEqual(got[name], want, f"{engine}: {name}.csv")

    def test_duckdb(self):
        self.check("duckdb")

    def test_spark(self):
        self.check("spark")

    def test_python_agrees_with_the_hand_worked_files(self):
        records = read_records(CASES / "contributions.csv")
        for name, compute in EXPECTED.items():
            self.assertEqual(compute(records), (CASES / f"{name}.csv").read_text(encoding="utf-8"), name)


class BadInput(unittest.TestCase):
    """A value that does not cast stops the run in both engines, and the error
    names it: it is not read as NULL and left out of a sum."""

    def check(self, cells, bad_value):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "contributions.csv"
            path.write_text("person_id,credit_code,period,due,paid\n" + cells + "\n", encoding="utf-8")
            with self.subTest(engine="duckdb"), self.assertRaisesRegex(Exception, re.escape(bad_value)):
                runner.run_duckdb(path, Path(tmp) / "duckdb")
            # Spark (JVM and PySpark) logs the failed query with its stack
            # trace: expected here, so silenced.
            from pyspark.logger import PySparkLogger

            python_log = PySparkLogger.getLogger("SQLQueryContextLogger")
            spark().sparkContext.setLogLevel("OFF")
            python_log.disabled = True
            try:
                with self.subTest(engine="spark"), self.assertRaisesRegex(Exception, re.escape(bad_value)):
                    runner.run_spark(path, Path(tmp) / "spark", spark())
            finally:
                python_log.disabled = False
                spark().sparkContext.setLogLevel("ERROR")

    def test_an_amount_with_a_thousands_separator(self):
        self.check('p1,UNIT-A,202401,"1,234.50",1234.50', "1,234.50")

    def test_a_period_written_as_a_date(self):
        self.check("p1,UNIT-A,2024-01,10.00,10.00", "2024-01")


class GeneratedData(unittest.TestCase):
    """A few hundred units, a few thousand persons, a year and a bit of records."""

    @classmethod
    def setUpClass(cls):
        cls.data = Generated.setup()
        cls.want = {name: f(read_records(cls.data.csv_path)) for name, f in EXPECTED.items()}

    def test_duckdb_gives_the_python_aggregates(self):
        got = self.data.run("duckdb")
        for name in runner.QUERIES:
            self.assertEqual(got[name], self.want[name], name)

    def test_spark_gives_duckdbs_bytes(self):
        duckdb_out = self.data.run("duckdb")
        spark_out = self.data.run("spark")
        for name in runner.QUERIES:
            self.assertEqual(spark_out[name], duckdb_out[name], name)

    def test_parquet_input_gives_the_same_output(self):
        import duckdb

        parquet = self.data.tmp / "contributions.parquet"
        con = duckdb.connect()
        con.execute(f"""COPY (SELECT person_id, credit_code, CAST(period AS INTEGER) AS period,
                                     CAST(due AS DECIMAL(18, 4)) AS due, CAST(paid AS DECIMAL(18, 4)) AS paid
                              FROM read_csv('{self.data.csv_path}', all_varchar = true))
                        TO '{parquet}' (FORMAT parquet)""")
        con.close()
        self.assertEqual(self.data.run("duckdb", parquet), self.want)
        self.assertEqual(self.data.run("spark", parquet), self.want)

    def test_the_data_has_the_cases_it_claims(self):
        """Each case the generator puts in shows in the expected outputs."""
        facts = self.data.facts
        months = list(csv.DictReader(io.StringIO(self.want["unit_months"])))
        unit_years = {(r["credit_code"], r["year"]) for r in months}
        self.assertGreaterEqual(len({r["credit_code"] for r in months}), 250)
        self.assertGreaterEqual(len({r[0] for r in self.data.records}), 2900)
        in_year = [r["month"] for r in months
                   if r["credit_code"] == facts.unit_missing_a_month and r["year"] == str(gen.YEAR)]
        self.assertEqual(len(in_year), 11)
        self.assertNotIn(str(facts.missing_month), in_year)
        self.assertTrue(any(y == str(gen.YEAR - 1) for _, y in unit_years))
        self.assertTrue(any(y == str(gen.YEAR + 1) for _, y in unit_years))
        self.assertTrue(any(r["month"] == "13" for r in months))
        self.assertTrue(any(r["credit_code"] == "" for r in months))
        self.assertTrue(any(r["year"] == "" for r in months))
        self.assertTrue(any(r["due"].split(".")[1] != "00" for r in months))

        two = list(csv.DictReader(io.StringIO(self.want["persons_in_two_units"])))
        self.assertGreaterEqual(facts.movers_with_overlap, 1)
        self.assertGreaterEqual(facts.second_jobs, 1)
        # Each such person adds at least one person-month.
        self.assertGreaterEqual(sum(int(r["persons"]) for r in two),
                                max(facts.movers_with_overlap, facts.second_jobs))

        checks = next(csv.DictReader(io.StringIO(self.want["contribution_checks"])))
        self.assertEqual(int(checks["records"]), len(self.data.records))
        self.assertEqual(int(checks["missing_fields"]), facts.missing_fields)
        self.assertEqual(int(checks["bad_period"]), facts.bad_period)
        self.assertEqual(int(checks["negative_amount"]), facts.negative_records)
        self.assertEqual(int(checks["finer_than_fen"]), facts.finer_than_fen)


if __name__ == "__main__":
    unittest.main(verbosity=2)
