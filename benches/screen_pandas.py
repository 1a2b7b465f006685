#!/usr/bin/env python3
"""The suzhou-2019 pre-screening rule in a straightforward pandas program:
the baseline `benches/screen.sh` times `wengang screen` against.

    python3 benches/screen_pandas.py IN.csv OUT.csv REMINDERS.csv

Reads the columns `wengang gen` writes, validates what the generated data
can get wrong (the same checks the engine makes on those fields), decides
eligibility by the suzhou-2019 profile (12 months paid in full; layoff
rate (start - end) / monthly average strictly below 1.78 %; the four
declarations) and computes the refund exactly in fen (50 % of premiums
less arrears, half a fen rounded up) and the route (>= 5,000,000.00 yuan to
government review). Money and the rate comparison are exact integers, as
the engine's are decimals: no binary floating point decides anything.

Under suzhou-2019 large units and SMEs have the same threshold and rate,
so enterprise size is not computed. The issues column is not produced
(only valid true/false); the benchmark compares valid, eligible, refund
and route row by row with `wengang screen`.
"""

import sys
import time

import numpy as np
import pandas as pd

CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CODE_VALUE = {c: i for i, c in enumerate(CODE_CHARS)}
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
UNIT_TYPES = {"enterprise", "individual_business", "social_organisation", "foundation",
              "social_service_body", "law_firm", "accounting_firm"}
INDUSTRIES = {"agriculture", "industry", "construction", "wholesale", "retail", "transport",
              "warehousing", "postal", "accommodation", "catering", "information_transmission",
              "software_it", "real_estate", "property_management", "leasing_business", "other"}


def credit_code_check_ok(code):
    """The GB 32100 check character (a warning only, as in the engine)."""
    total = sum(CODE_VALUE[c] * w for c, w in zip(code[:17], WEIGHTS))
    return CODE_CHARS[(31 - total % 31) % 31] == code[17]


def money_fen(s):
    """Yuan text with at most 2 decimals -> (fen as int64, well-formed)."""
    ok = s.str.fullmatch(r"\d{1,15}(\.\d{1,2})?")
    parts = s.where(ok, "0").str.split(".", n=1, expand=True)
    whole = parts[0].astype("int64")
    frac = parts[1].fillna("").str.ljust(2, "0").replace("", "00") if 1 in parts else "00"
    frac = pd.Series(frac, index=s.index).astype("int64") if not isinstance(frac, pd.Series) else frac.astype("int64")
    return whole * 100 + frac, ok


def decimal_micro(s):
    """A decimal with at most 6 places -> (millionths as int64, well-formed)."""
    ok = s.str.fullmatch(r"\d{1,12}(\.\d{1,6})?")
    parts = s.where(ok, "0").str.split(".", n=1, expand=True)
    whole = parts[0].astype("int64")
    if 1 in parts:
        frac = parts[1].fillna("").str.ljust(6, "0").replace("", "000000").astype("int64")
    else:
        frac = 0
    return whole * 1_000_000 + frac, ok


def count(s):
    ok = s.str.fullmatch(r"\d{1,9}")
    n = s.where(ok, "0").astype("int64")
    return n, ok & (n <= 100_000_000)


def valid_date(s):
    d = pd.to_datetime(s, format="%Y-%m-%d", errors="coerce")
    return d.notna() & s.str.fullmatch(r"\d{4}-\d{2}-\d{2}")


def main(src, out, reminders_out):
    t0 = time.perf_counter()
    df = pd.read_csv(src, dtype=str, keep_default_na=False)
    t1 = time.perf_counter()

    errors = pd.Series(False, index=df.index)
    for col in ["policy", "applicant.name", "applicant.credit_code", "bank.account_name",
                "bank.bank_name", "bank.account_number", "contact.name", "contact.phone",
                "commitment.signatory", "commitment.date"]:
        text = df[col].str.strip()
        errors |= (text == "") | (df[col].str.len() > 200)
    errors |= df["policy"].str.strip() != "suzhou-2019"
    code = df["applicant.credit_code"].str.strip()
    shape_ok = code.str.fullmatch(r"[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}")
    errors |= ~shape_ok
    # The check character: a warning, computed as a straightforward program would.
    check_ok = code.where(shape_ok, "0" * 18).map(credit_code_check_ok)
    errors |= ~df["applicant.unit_type"].str.strip().isin(UNIT_TYPES)
    errors |= ~df["applicant.industry"].str.strip().isin(INDUSTRIES)
    employees, ok = count(df["applicant.employees"]); errors |= ~ok
    for col in ["applicant.revenue", "applicant.assets"]:
        _, ok = money_fen(df[col]); errors |= ~ok
    year, ok = count(df["insured.year"]); errors |= ~ok | (year != 2018)
    start, ok = count(df["insured.start"]); errors |= ~ok
    end, ok = count(df["insured.end"]); errors |= ~ok
    average, ok = decimal_micro(df["insured.monthly_average"]); errors |= ~ok | (average == 0)
    for col in ["insured.retired_or_deceased", "insured.new_benefit_claimants"]:
        _, ok = count(df[col]); errors |= ~ok
    months, ok = count(df["insured.months_paid_in_full"]); errors |= ~ok | (months > 12)
    premiums, ok = money_fen(df["insured.premiums_paid"]); errors |= ~ok
    arrears, ok = money_fen(df["insured.arrears_and_late_fees"]); errors |= ~ok
    errors |= arrears > premiums
    flags = {}
    for col in ["declarations.industrial_policy_compliant", "declarations.environmental_compliant",
                "declarations.seriously_dishonest", "declarations.zombie", "commitment.accepted"]:
        v = df[col].str.lower()
        errors |= ~v.isin(["true", "false"])
        flags[col] = v == "true"
    errors |= ~flags["commitment.accepted"]
    errors |= ~df["contact.phone"].str.strip().str.fullmatch(r"1\d{10}")
    account = df["bank.account_number"].str.strip().str.replace(" ", "", regex=False)
    errors |= ~account.str.fullmatch(r"\d{8,32}")
    errors |= ~valid_date(df["commitment.date"].str.strip())
    valid = ~errors

    # The suzhou-2019 rule, exactly: reduction < 0.0178 x average.
    reduction = start - end
    layoff_ok = (reduction <= 0) | (reduction * 10_000 * 1_000_000 < 178 * average)
    months_ok = months >= 12
    industrial = flags["declarations.industrial_policy_compliant"]
    environmental = flags["declarations.environmental_compliant"]
    dishonest = flags["declarations.seriously_dishonest"]
    zombie = flags["declarations.zombie"]
    eligible = months_ok & layoff_ok & industrial & environmental & ~dishonest & ~zombie
    base = (premiums - arrears).clip(lower=0)
    refund_fen = np.where(eligible, (base + 1) // 2, 0)
    review = eligible & (refund_fen >= 500_000_000)
    t2 = time.perf_counter()

    failed = (np.where(~months_ok, "months_paid_in_full;", "")
              + np.where(~layoff_ok, "layoff_rate;", "")
              + np.where(~industrial, "industrial_policy;", "")
              + np.where(~environmental, "environmental;", "")
              + np.where(dishonest, "not_seriously_dishonest;", "")
              + np.where(zombie, "not_zombie;", ""))
    refund_text = (pd.Series(refund_fen // 100, index=df.index).astype(str) + "."
                   + pd.Series(refund_fen % 100, index=df.index).astype(str).str.zfill(2))
    rate = (reduction.clip(lower=0) * 1_000_000 / average.where(average > 0, 1)).round(10)
    result = pd.DataFrame({
        "line": df.index + 2,
        "credit_code": code,
        "name": df["applicant.name"].str.strip(),
        "valid": np.where(valid, "true", "false"),
        "eligible": np.where(valid, np.where(eligible, "true", "false"), ""),
        "refund": refund_text.where(valid, ""),
        "layoff_rate": rate.where(valid),
        "route": np.where(valid, np.where(review, "government_review",
                                          np.where(eligible, "standard", "none")), ""),
        "failed_criteria": pd.Series(failed, index=df.index).str.rstrip(";").where(valid, ""),
        "check_character_ok": check_ok,
    })
    result.to_csv(out, index=False)
    remind = valid & eligible
    pd.DataFrame({
        "credit_code": code[remind], "name": result["name"][remind],
        "phone": df["contact.phone"].str.strip()[remind], "refund": refund_text[remind],
    }).to_csv(reminders_out, index=False)
    t3 = time.perf_counter()

    total = int(refund_fen[valid & eligible].sum())
    print(f"pandas: {len(df)} rows: read {t1 - t0:.2f} s, rule {t2 - t1:.2f} s, "
          f"write {t3 - t2:.2f} s; eligible {int((valid & eligible).sum())} "
          f"(review {int((valid & review).sum())}), invalid {int((~valid).sum())}, "
          f"total refund {total // 100}.{total % 100:02d} yuan", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:4])
