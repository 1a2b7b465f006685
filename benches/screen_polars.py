#!/usr/bin/env python3
"""The suzhou-2019 pre-screening rule as a polars lazy query: one of the
baselines `benches/screen.sh` times `wengang screen` against.

    POLARS_MAX_THREADS=2 python3 benches/screen_polars.py IN.csv OUT.csv REMINDERS.csv

The same rule and the same checks as `screen_pandas.py` (see there), over
`scan_csv` with every column read as text. Money is exact integer fen
(parsed from the checked digits, never through a float) and the rate
comparison is exact integer arithmetic: reduction x 10^10 < 178 x the
monthly average in millionths, as the engine compares decimals. Digits
are `[0-9]` (the engine takes ASCII digits only).

The output has the columns `compare.py` reads (line, valid, eligible,
refund, route, failed_criteria) plus credit_code, name and layoff_rate
(text, 10 places, not compared), like `screen_pandas.py`.
"""

import sys
import time

import polars as pl

SUZHOU = "suzhou-2019"
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


def full(col, pattern):
    """`col` matches `pattern` as a whole (null when the cell is null)."""
    return col.str.contains(f"^(?:{pattern})$")


def scaled(col, whole_digits, places):
    """Decimal text -> (integer in units of 10^-places, well-formed): split
    at the point and parse both parts as integers."""
    ok = full(col, rf"[0-9]{{1,{whole_digits}}}(\.[0-9]{{1,{places}}})?")
    parts = col.str.split_exact(".", 1)
    whole = parts.struct.field("field_0").cast(pl.Int64, strict=False)
    frac = (parts.struct.field("field_1").fill_null("").str.pad_end(places, "0")
            .cast(pl.Int64, strict=False))
    return pl.when(ok).then(whole * 10 ** places + frac).otherwise(0), ok


def count(col):
    ok = full(col, r"[0-9]{1,9}")
    n = pl.when(ok).then(col.cast(pl.Int64, strict=False)).otherwise(0)
    return n, ok & (n <= 100_000_000)


def check_character_ok(code):
    """The GB 32100 check character (a warning only, as in the engine),
    vectorised: each character's value by its place in CODE_CHARS."""
    total = pl.lit(0, dtype=pl.Int64)
    for i, w in enumerate(WEIGHTS):
        value = code.str.slice(i, 1).replace_strict(list(CODE_CHARS), list(range(31)),
                                                    default=0, return_dtype=pl.Int64)
        total = total + value * w
    expected = ((31 - total % 31) % 31).replace_strict(list(range(31)), list(CODE_CHARS),
                                                       return_dtype=pl.String)
    return expected == code.str.slice(17, 1)


def main(src, out, reminders_out):
    t0 = time.perf_counter()
    lf = pl.scan_csv(src, infer_schema=False, empty_string_is_null=False)
    lf = lf.with_row_index("row")
    c = pl.col

    errors = pl.lit(False)
    for col in TEXT_COLUMNS:
        errors = errors | (c(col).str.strip_chars() == "") | (c(col).str.len_chars() > 200)
    errors = errors | (c("policy").str.strip_chars() != SUZHOU)
    code = c("applicant.credit_code").str.strip_chars()
    shape_ok = full(code, rf"{CODE_CLASS}{{2}}[0-9]{{6}}{CODE_CLASS}{{10}}")
    errors = errors | ~shape_ok
    errors = errors | ~c("applicant.unit_type").str.strip_chars().is_in(UNIT_TYPES)
    errors = errors | ~c("applicant.industry").str.strip_chars().is_in(INDUSTRIES)
    _, ok = count(c("applicant.employees")); errors = errors | ~ok
    for col in ["applicant.revenue", "applicant.assets"]:
        _, ok = scaled(c(col), 15, 2); errors = errors | ~ok
    year, ok = count(c("insured.year")); errors = errors | ~ok | (year != 2018)
    start, ok = count(c("insured.start")); errors = errors | ~ok
    end, ok = count(c("insured.end")); errors = errors | ~ok
    average, ok = scaled(c("insured.monthly_average"), 12, 6)
    errors = errors | ~ok | (average == 0)
    for col in ["insured.retired_or_deceased", "insured.new_benefit_claimants"]:
        _, ok = count(c(col)); errors = errors | ~ok
    months, ok = count(c("insured.months_paid_in_full")); errors = errors | ~ok | (months > 12)
    premiums, ok = scaled(c("insured.premiums_paid"), 15, 2); errors = errors | ~ok
    arrears, ok = scaled(c("insured.arrears_and_late_fees"), 15, 2); errors = errors | ~ok
    errors = errors | (arrears > premiums)
    flag = {}
    for col in FLAGS:
        v = c(col).str.to_lowercase()
        errors = errors | ~v.is_in(["true", "false"])
        flag[col] = v == "true"
    errors = errors | ~flag["commitment.accepted"]
    errors = errors | ~full(c("contact.phone").str.strip_chars(), r"1[0-9]{10}")
    account = c("bank.account_number").str.strip_chars().str.replace_all(" ", "", literal=True)
    errors = errors | ~full(account, r"[0-9]{8,32}")
    date = c("commitment.date").str.strip_chars()
    errors = errors | ~full(date, r"[0-9]{4}-[0-9]{2}-[0-9]{2}") \
        | date.str.to_date("%Y-%m-%d", strict=False).is_null()

    # Stage 1: the parsed figures and the verdicts as columns.
    lf = lf.with_columns(
        valid=~errors.fill_null(True),
        code=code,
        name_=c("applicant.name").str.strip_chars(),
        phone=c("contact.phone").str.strip_chars(),
        reduction=start - end,
        average=average,
        months_ok=months >= 12,
        industrial=flag["declarations.industrial_policy_compliant"],
        environmental=flag["declarations.environmental_compliant"],
        dishonest=flag["declarations.seriously_dishonest"],
        zombie=flag["declarations.zombie"],
        base=(premiums - arrears).clip(lower_bound=0),
    )
    # The suzhou-2019 rule, exactly: reduction < 0.0178 x average.
    layoff_ok = (c("reduction") <= 0) | (c("reduction") * 10_000_000_000 < 178 * c("average"))
    lf = lf.with_columns(layoff_ok=layoff_ok)
    eligible = (c("months_ok") & c("layoff_ok") & c("industrial") & c("environmental")
                & ~c("dishonest") & ~c("zombie"))
    lf = lf.with_columns(eligible=eligible)
    refund_fen = pl.when(c("eligible")).then((c("base") + 1) // 2).otherwise(0)
    lf = lf.with_columns(refund_fen=refund_fen)
    refund_text = pl.format("{}.{}", c("refund_fen") // 100,
                            (c("refund_fen") % 100).cast(pl.String).str.pad_start(2, "0"))
    failed = pl.concat_str([
        pl.when(~c("months_ok")).then(pl.lit("months_paid_in_full;")).otherwise(pl.lit("")),
        pl.when(~c("layoff_ok")).then(pl.lit("layoff_rate;")).otherwise(pl.lit("")),
        pl.when(~c("industrial")).then(pl.lit("industrial_policy;")).otherwise(pl.lit("")),
        pl.when(~c("environmental")).then(pl.lit("environmental;")).otherwise(pl.lit("")),
        pl.when(c("dishonest")).then(pl.lit("not_seriously_dishonest;")).otherwise(pl.lit("")),
        pl.when(c("zombie")).then(pl.lit("not_zombie;")).otherwise(pl.lit("")),
    ]).str.strip_chars_end(";")
    # The rate as an exact decimal (reduction / average), 10 places, for reading only.
    rate = (c("reduction").clip(lower_bound=0).cast(pl.Decimal(38, 10))
            * 1_000_000 / pl.when(c("average") > 0).then(c("average")).otherwise(1))
    route = (pl.when(c("eligible") & (c("refund_fen") >= 500_000_000)).then(pl.lit("government_review"))
             .when(c("eligible")).then(pl.lit("standard")).otherwise(pl.lit("none")))
    v = c("valid")
    results = lf.select(
        line=c("row") + 2,
        credit_code=c("code"),
        name=c("name_"),
        valid=pl.when(v).then(pl.lit("true")).otherwise(pl.lit("false")),
        eligible=pl.when(v).then(pl.when(c("eligible")).then(pl.lit("true")).otherwise(pl.lit("false"))),
        refund=pl.when(v).then(refund_text),
        layoff_rate=pl.when(v).then(rate.round(10).cast(pl.String)),
        route=pl.when(v).then(route),
        failed_criteria=pl.when(v).then(failed),
        check_character_ok=check_character_ok(c("code")),
        phone=c("phone"),
        remind=v & c("eligible"),
        refund_fen_=pl.when(v & c("eligible")).then(c("refund_fen")).otherwise(0),
    )
    df = results.collect(engine="streaming")
    t1 = time.perf_counter()
    df.drop("phone", "remind", "refund_fen_").write_csv(out)
    df.filter(pl.col("remind")).select("credit_code", "name", "phone", "refund").write_csv(reminders_out)
    t2 = time.perf_counter()

    total = int(df["refund_fen_"].sum())
    valid = df["valid"] == "true"
    print(f"polars {pl.__version__} ({pl.thread_pool_size()} threads): {df.height} rows: "
          f"scan and rule {t1 - t0:.2f} s, write {t2 - t1:.2f} s; eligible {int(df['remind'].sum())} "
          f"(review {int((df['route'] == 'government_review').sum())}), invalid {int((~valid).sum())}, "
          f"total refund {total // 100}.{total % 100:02d} yuan", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:4])
