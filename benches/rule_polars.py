#!/usr/bin/env python3
"""The suzhou-2019 rule alone in polars, as a data officer would write it:
no field validation, the figures read as exact decimals, the rule as
expressions over a lazy scan.

    POLARS_MAX_THREADS=2 python3 benches/rule_polars.py IN.csv OUT.csv

`benches/screen.sh` times it beside `wengang screen` (which validates
every field as well) and compares the two on the rows screen finds valid
(`compare.py --rule-only`).
"""

import sys

import polars as pl

c = pl.col


def flag(name):
    return c(name).str.to_lowercase() == "true"


def fen(name):
    return (c(name).cast(pl.Decimal(18, 2), strict=False) * 100).cast(pl.Int64, strict=False)


def main(src, out):
    months = c("insured.months_paid_in_full").cast(pl.Int64, strict=False)
    reduction = (c("insured.start").cast(pl.Int64, strict=False)
                 - c("insured.end").cast(pl.Int64, strict=False))
    # The average in millionths, so that the rate compares exactly:
    # reduction < 1.78% of the average ⇔ reduction × 10^10 < 178 × millionths.
    average = (c("insured.monthly_average").cast(pl.Decimal(18, 6), strict=False)
               * 1_000_000).cast(pl.Int64, strict=False)
    checks = {
        "months_paid_in_full": months >= 12,
        "layoff_rate": reduction * 10_000_000_000 < 178 * average,
        "industrial_policy": flag("declarations.industrial_policy_compliant"),
        "environmental": flag("declarations.environmental_compliant"),
        "not_seriously_dishonest": ~flag("declarations.seriously_dishonest"),
        "not_zombie": ~flag("declarations.zombie"),
    }
    ok = pl.all_horizontal(list(checks.values()))
    base = (fen("insured.premiums_paid") - fen("insured.arrears_and_late_fees")).clip(lower_bound=0)
    # Half of it, half a fen up (四舍五入 to the fen).
    refund = pl.when(ok).then((base + 1) // 2).otherwise(0)
    (pl.scan_csv(src, infer_schema=False)
       .select(
           eligible=pl.when(ok).then(pl.lit("true")).otherwise(pl.lit("false")),
           refund=pl.format("{}.{}", refund // 100,
                            (refund % 100).cast(pl.String).str.pad_start(2, "0")),
           route=pl.when(~ok).then(pl.lit("none"))
                   .when(refund >= 500_000_000).then(pl.lit("government_review"))
                   .otherwise(pl.lit("standard")),
           failed_criteria=pl.concat_str(
               [pl.when(~check).then(pl.lit(name)) for name, check in checks.items()],
               separator=";", ignore_nulls=True),
       )
       .sink_csv(out))


if __name__ == "__main__":
    main(*sys.argv[1:3])
