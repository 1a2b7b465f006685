"""A small, deterministic set of person-month contribution records (参保缴费明细)
with the cases a bureau's data has: a year of records for a few hundred
units and a few thousand persons, persons joining, leaving and moving
between units mid-year, a person in two units in one month, records from the
months before and after the data year, amounts with fen, arrears, a unit with
a month missing, refund corrections, and a few malformed records.

`generate()` returns the records (text cells as a CSV holds them, "" for an
empty cell) and `Facts`: what was put in, for the test to check the queries
find it.
"""

import csv
import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

YEAR = 2024
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
RATE = Decimal("0.005")  # the employer's unemployment-insurance rate here: only makes amounts
FEN = Decimal("0.01")
COLUMNS = ["person_id", "credit_code", "period", "due", "paid"]


@dataclass
class Facts:
    unit_missing_a_month: str = ""
    missing_month: int = 6
    movers_with_overlap: int = 0
    second_jobs: int = 0
    records_before_year: int = 0
    records_after_year: int = 0
    negative_records: int = 0
    finer_than_fen: int = 0
    missing_fields: int = 0
    bad_period: int = 0
    units: list = field(default_factory=list)


def credit_code(rng):
    """An 18-character unified social credit code with a valid check character."""
    body = "91320500" + "".join(rng.choice(CODE_CHARS) for _ in range(9))
    total = sum(CODE_CHARS.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + CODE_CHARS[(31 - total % 31) % 31]


def period(year, month):
    return str(year * 100 + month)


def generate(seed=20, units=300, persons=3000):
    rng = random.Random(seed)
    facts = Facts()
    codes = sorted({credit_code(rng) for _ in range(units)})
    facts.units = codes
    # Unit sizes vary: a few large units, many small ones.
    weights = [rng.choice([1, 1, 1, 2, 3, 10, 40]) for _ in codes]
    in_arrears = set(rng.sample(codes, len(codes) // 20))
    records = []

    def add(person, code, year, month, base):
        due = (base * RATE).quantize(FEN, ROUND_HALF_UP)
        paid = due
        if code in in_arrears and rng.random() < 0.3:
            paid = (due * Decimal(rng.choice(["0", "0.5"]))).quantize(FEN, ROUND_HALF_UP)
        records.append([person, code, period(year, month), str(due), str(paid)])

    for n in range(persons):
        person = f"P{n:06d}"
        base = Decimal(rng.randint(250_000, 3_500_000)) / 100  # monthly wage base, yuan
        unit = rng.choices(codes, weights)[0]
        start = 1 if rng.random() < 0.7 else rng.randint(2, 12)
        end = 12 if rng.random() < 0.7 else rng.randint(start, 12)
        moves = end > start and rng.random() < 0.15
        move_month = rng.randint(start + 1, end) if moves else 13
        other = rng.choice([c for c in codes if c != unit]) if moves else None
        overlap = moves and rng.random() < 0.3
        facts.movers_with_overlap += overlap
        second_job = rng.choice([c for c in codes if c != unit]) if rng.random() < 0.01 else None
        facts.second_jobs += second_job is not None
        for month in range(start, end + 1):
            if month < move_month or (overlap and month == move_month):
                add(person, unit, YEAR, month, base)
            if month >= move_month:
                add(person, other, YEAR, month, base)
            if second_job:
                add(person, second_job, YEAR, month, base / 2)
        if start == 1 and rng.random() < 0.05:
            add(person, unit, YEAR - 1, 12, base)
            facts.records_before_year += 1
        if end == 12 and rng.random() < 0.03:
            add(person, other or unit, YEAR + 1, 1, base)
            facts.records_after_year += 1

    # A unit with a month missing: no record of any of its persons in June.
    facts.unit_missing_a_month = codes[7]
    records = [r for r in records
               if not (r[1] == codes[7] and r[2] == period(YEAR, facts.missing_month))]

    # The records changed or copied below are distinct, so each count is exact.
    picked = [records[i] for i in rng.sample(range(len(records)), 10 + 5 + len(COLUMNS) + 1)]

    # Refund corrections: a second record for the same person, unit and month,
    # with negative amounts (the person is still one insured).
    for r in picked[:10]:
        records.append([r[0], r[1], r[2], "-" + r[3], "-" + r[4]])
        facts.negative_records += 1

    # Amounts finer than the fen, rounded half up by the SQL (two are exact halves).
    for r, due in zip(picked[10:15], ["12.345", "0.005", "7.1234", "99.999", "3.3349"]):
        r[3] = due
        facts.finer_than_fen += 1

    # Malformed records: copies each missing one field, and one with month 13.
    for r, column in zip(picked[15:], COLUMNS):
        r = list(r)
        r[COLUMNS.index(column)] = ""
        records.append(r)
        facts.missing_fields += 1
    r = list(picked[-1])
    r[2] = period(YEAR, 13)
    records.append(r)
    facts.bad_period += 1

    rng.shuffle(records)
    return records, facts


def write_csv(records, path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(records)
