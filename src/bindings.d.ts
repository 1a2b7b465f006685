/** Yuan as a decimal string with at most two decimals, e.g. "123456.78". */
export type Money = string;
/** A decimal ratio as a string, e.g. "0.0178" (1.78%). */
export type Ratio = string;
/** A form may send a number or its digits. */
export type CountInput = number | string;

export type UnitType =
  | "enterprise" | "individual_business" | "social_organisation" | "foundation"
  | "social_service_body" | "law_firm" | "accounting_firm" | "labour_dispatch";

/** 划型: the office's classification, which decides the rate class when given. */
export type RateClass = "large" | "sme";

/** `application`: the unit applies (2019's eight stages); `automatic`: 免申即享. */
export type Procedure = "application" | "automatic";

export type Industry =
  | "agriculture" | "industry" | "construction" | "wholesale" | "retail" | "transport"
  | "warehousing" | "postal" | "accommodation" | "catering" | "information_transmission"
  | "software_it" | "real_estate" | "property_management" | "leasing_business" | "other";

export interface Applicant {
  name?: string | null;
  credit_code?: string | null;
  unit_type?: UnitType | null;
  industry?: Industry | null;
  employees?: CountInput | null;
  revenue?: Money | null;
  assets?: Money | null;
  /** Optional: the office's classification (划型), when known. */
  official_size?: RateClass | null;
}

export interface Insured {
  year?: CountInput | null;
  start?: CountInput | null;
  end?: CountInput | null;
  monthly_average?: string | null;
  retired_or_deceased?: CountInput | null;
  new_benefit_claimants?: CountInput | null;
  months_paid_in_full?: CountInput | null;
  premiums_paid?: Money | null;
  arrears_and_late_fees?: Money | null;
  /**
   * 参保缴费明细 (optional): twelve rows, months 1-12 each once. Aggregate
   * fields left out are derived from them; those given must agree.
   */
  months?: MonthRow[] | null;
}

/** One month of the statement, unit and employee shares together. */
export interface MonthRow {
  /** 1-12. */
  month: CountInput;
  insured: CountInput;
  due: Money;
  paid: Money;
}

export interface Declarations {
  industrial_policy_compliant?: boolean | null;
  environmental_compliant?: boolean | null;
  seriously_dishonest?: boolean | null;
  zombie?: boolean | null;
  /** Optional: no unemployment-insurance arrears from earlier years; required only where the rules exclude them. */
  no_outstanding_arrears?: boolean | null;
}

export interface Hardship {
  temporary_difficulty?: boolean | null;
  union_agreed_plan?: boolean | null;
  no_layoff_commitment?: boolean | null;
  monthly_contributions_payable?: Money | null;
}

export interface Bank {
  account_name?: string | null;
  bank_name?: string | null;
  account_number?: string | null;
}

export interface Contact {
  name?: string | null;
  phone?: string | null;
}

export interface Commitment {
  accepted?: boolean | null;
  signatory?: string | null;
  /** YYYY-MM-DD */
  date?: string | null;
}

/** `wengang.application/1`: every leaf as the user gave it; validation types it. */
export interface Application {
  format?: "wengang.application/1";
  /** A profile id, e.g. "suzhou-2019" (see policies()). */
  policy?: string | null;
  applicant?: Applicant;
  insured?: Insured;
  declarations?: Declarations;
  hardship?: Hardship | null;
  bank?: Bank;
  contact?: Contact;
  commitment?: Commitment;
}

export type Severity = "error" | "warning";

export interface Issue {
  /** A field path such as `applicant.credit_code`, or a section such as `hardship`. */
  field: string;
  /** A stable code such as "credit_code.check". */
  code: string;
  severity: Severity;
  /** What to do, in the report's language. */
  message: string;
}

export interface Source {
  /** The document number (文号). */
  document: string;
  clause: string;
  /** The clause's English gloss; only in an English report. */
  clause_en?: string;
  confirmed: boolean;
}

export interface ProfileInfo {
  id: string;
  version: string;
  name: string;
  valid_from: string;
  valid_to: string;
  /** "provisional": the official text is not verified (the summary says so first). */
  status: ProfileStatus;
  digest: string;
}

/** Whether a profile's rules are published or provisional (the text not verified). */
export type ProfileStatus = "published" | "provisional";

/** Whether the text fixes the refund rate, or caps it ("up to": a city may pay less). */
export type RateKind = "fixed" | "cap";

export interface Notice {
  /** A stable code such as "size.estimate", "procedure.automatic", "policy.provisional" or "refund.rate_cap". */
  code: string;
  level: "info" | "warning";
  message: string;
}

export interface Criterion {
  id: string;
  /** null: cannot be decided (an unknown parameter). */
  passed: boolean | null;
  values: Record<string, string>;
  threshold: string | null;
  comparison: string;
  variant: string | null;
  /** The cited parameter: a JSON Pointer into the profile's data. */
  param: string;
  source: Source;
  explanation: string;
}

export interface HardshipAmount {
  formula: "benefit" | "contribution";
  amount: Money | null;
  values: Record<string, string>;
  missing: string[];
}

export interface HardshipReport {
  status: "computed" | "conditions_not_met" | "cannot_compute" | "not_covered";
  conditions: Criterion[];
  amounts: HardshipAmount[];
}

export interface UnconfirmedParameter {
  used_for: string;
  /** A JSON Pointer into the profile's data. */
  param: string;
  source: Source;
}

/** `wengang.report/1`. */
export interface Report {
  format: "wengang.report/1";
  lang: "zh" | "en";
  policy: string | null;
  profile: ProfileInfo | null;
  /** The profile the date and the credit code's place propose; null when no rules are published for the date. */
  proposed_profile: string | null;
  procedure: Procedure | null;
  valid: boolean;
  eligible: boolean | null;
  size: "large" | "medium" | "small" | "micro" | null;
  /** "official": the office's classification decided; "estimate": the self-assessment. */
  size_source: "official" | "estimate" | null;
  /** null also when the rules give the unit type no rate class. */
  rate_class: RateClass | null;
  layoff_rate: Ratio | null;
  threshold: Ratio | null;
  comparison: "<" | "<=" | null;
  refund_base: Money | null;
  refund_rate: Ratio | null;
  refund_rate_kind: RateKind | null;
  refund_unrounded: string | null;
  refund: Money | null;
  route: "standard" | "government_review" | "none" | null;
  review_threshold: Money | null;
  margin: number | null;
  /** How many fewer departures would have met the layoff-rate standard, when it was not met. */
  gap: number | null;
  criteria: Criterion[];
  hardship: HardshipReport | null;
  unconfirmed: UnconfirmedParameter[];
  unknown: string[];
  issues: Issue[];
  /** Figures derived from the monthly records; empty when none were given. */
  derived: DerivedReport[];
  notices: Notice[];
  /** How the rules stand when not published rules for the user's own year
   * (provisional, or an estimate from another year's rules): the headline's
   * first words; null otherwise. The summary starts with it too. */
  standing: string | null;
  /** One sentence: the answer. */
  summary: string;
}

/** A figure derived from the monthly records (参保缴费明细), with its formula. */
export interface DerivedReport {
  /** The field it fills or is held against, e.g. "insured.start". */
  field: string;
  value: string;
  /** A stable formula id, e.g. "sum_insured_div_12". */
  formula: string;
  /** false for our documented reading of the policy (start and end: months 1 and 12). */
  confirmed: boolean;
  explanation: string;
}

/** One criterion of a decision record: numbers and ids, no prose. */
export interface CriterionRecord {
  id: string;
  passed: boolean | null;
  values: Record<string, string>;
  threshold: string | null;
  comparison: string;
  variant: string | null;
  /** The cited parameter: a JSON Pointer into the stamped profile. */
  param: string;
}

export interface HardshipRecord {
  status: "computed" | "conditions_not_met" | "cannot_compute" | "not_covered";
  conditions: CriterionRecord[];
  amounts: HardshipAmount[];
}

export interface IssueRecord {
  field: string;
  code: string;
  severity: "error" | "warning";
}

/**
 * The language-neutral decision a submission carries: the report's figures
 * without its words. Citations and messages are rendered from the stamped
 * profile when shown.
 */
export interface DecisionRecord {
  valid: boolean;
  eligible: boolean | null;
  size: "large" | "medium" | "small" | "micro" | null;
  size_source: "official" | "estimate" | null;
  rate_class: RateClass | null;
  procedure: Procedure | null;
  layoff_rate: Ratio | null;
  threshold: Ratio | null;
  comparison: "<" | "<=" | null;
  refund_base: Money | null;
  refund_rate: Ratio | null;
  /** Absent while no rate applies. */
  refund_rate_kind?: RateKind;
  refund_unrounded: string | null;
  refund: Money | null;
  route: "standard" | "government_review" | "none" | null;
  review_threshold: Money | null;
  margin: number | null;
  criteria: CriterionRecord[];
  hardship: HardshipRecord | null;
  /** Every parameter used, as JSON Pointers into the stamped profile. */
  params: string[];
  unknown: string[];
  issues: IssueRecord[];
  /** Figures derived from the monthly records; absent when none were given. */
  derived?: DerivedRecord[];
}

export interface DerivedRecord {
  field: string;
  value: string;
  formula: string;
  confirmed: boolean;
}

/**
 * `wengang.submission/2`: what a portal receives and re-verifies. Byte-identical
 * in every language; no prose outside `application`.
 */
export interface Submission {
  format: "wengang.submission/2";
  engine: { name: string; version: string };
  policy: { id: string; version: string; digest: string };
  application: Application;
  decision: DecisionRecord;
  digest: string;
}

/**
 * What `verify` found. `exitCode` is the CLI's: 0 holds, 1 altered, 2 unreadable,
 * 3 made under another engine or profile version, 4 an older format (export again).
 */
export type VerifyResult =
  | { ok: true; outcome: "holds"; exitCode: 0; policy: string; decision: DecisionRecord; report: Report }
  | {
      ok: false;
      outcome: "altered" | "unreadable" | "other_version" | "old_format";
      exitCode: 1 | 2 | 3 | 4;
      reason: string;
    };

/** What `readStatement` gives. */
export type StatementResult = StatementRead | StatementRefused;

/** A statement read. */
export interface StatementRead {
  ok: true;
  /** `insured.months` exactly as the application takes it (`due: null` without a 应缴 column). */
  months: (Omit<MonthRow, "due"> & { due: Money | null })[];
  /** One row a month, in month order, with its line and cells as written. */
  rows: StatementRow[];
  /** Which column each field was read from. */
  columns: StatementColumns;
  separator: "tab" | "comma" | "spaces";
  /** null: no header (the four columns month, insured, due, paid). */
  header_line: number | null;
  /** The year the periods give, if any gives one. */
  year: number | null;
  /** Months 1-12 without a row (a year needs all twelve; validation says so later). */
  missing_months: number[];
  /** false: no 应缴 column, so months paid in full cannot be derived from the rows. */
  due_given: boolean;
  /** Lines with content that gave no row: titles, a repeated header, a total row (checked), other insurances, rows without figures. */
  skipped: { line: number; reason: "title" | "repeated_header" | "total" | "other_insurance" | "no_figures" }[];
  /** What the caller must tell the user (`statement.no_due`, `statement.months_missing`). */
  notes: { code: string; message: string }[];
}

/** One month as read. Amounts are decimal strings as written (never floats). */
export interface StatementRow {
  /** The line it was read from, 1-based. */
  line: number;
  month: number;
  insured: number;
  due: string | null;
  paid: string;
  /** The cells as written (trimmed): what the grid shows as "read from". */
  cells: { month: string; insured: string; due: string | null; paid: string };
}

export interface StatementColumns {
  month: SourceColumn;
  insured: SourceColumn;
  due: SourceColumn | null;
  paid: SourceColumn;
  /** The 险种 column: rows of other insurances are skipped. */
  insurance: SourceColumn | null;
  /** The 年度 column: its years are checked as the periods' are. */
  year: SourceColumn | null;
  /** Columns not read (单位名称, 备注, shares, other insurances). */
  ignored: SourceColumn[];
}

/** A column of the statement: 1-based index, heading as written (null without a header). */
export interface SourceColumn {
  index: number;
  heading: string | null;
}

/** A statement refused: the stable code, the line (0: no text), the column when one cell is at fault. */
export interface StatementRefused {
  ok: false;
  /** `statement.headerless_columns`, `statement.month_twice`, `statement.figure_format`, … */
  code: string;
  line: number;
  column: number | null;
  /** The field at fault, when one is. */
  role: "month" | "insured" | "due" | "paid" | "insurance" | "year" | null;
  message: string;
}

export interface PolicySummary {
  id: string;
  version: string;
  name: { zh: string; en: string };
  place: { zh: string; en: string };
  applies_in: number;
  data_year: number;
  valid_from: string;
  valid_to: string;
  status: ProfileStatus;
  /** null while unknown (cn-2021). */
  procedure: Procedure | null;
  digest: string;
  sources: Record<string, { document: string; title: string; confirmed: boolean }>;
}

/** Validates, decides and reports on an application (an object or its JSON text). */
export function check(application: Application | string, lang?: "zh" | "en" | null): Report;
/**
 * The issues of one field, for live validation in a portal's own form.
 * `path` names a field (e.g. `applicant.credit_code`); throws for any other path.
 * `context` is the rest of the application where the field depends on it.
 */
export function validateField(path: string, value: unknown, context?: Partial<Application> | null, lang?: "zh" | "en" | null): Issue[];
/** Re-verifies a submission (an object, or the uploaded file's text); the report in `lang` when it holds. */
export function verify(submission: Submission | string, lang?: "zh" | "en" | null): VerifyResult;
/** The submission file of a valid application, the same in every language; throws with the reason otherwise. */
export function submit(application: Application | string): Submission;
/**
 * Reads a social-insurance statement (参保缴费明细) as a clerk copies or exports it
 * (tab-separated, CSV, or lines separated by spaces; columns by their headings), for
 * the data year `dataYear` (every period that names a year must be in it). Never
 * throws for the text: what it cannot read unambiguously is `ok: false`, naming the
 * line. Throws only when `text` is not a string or `dataYear` is not a year.
 */
export function readStatement(text: string, dataYear?: number | null, lang?: "zh" | "en" | null): StatementResult;
/** The shipped policy profiles. */
export function policies(): PolicySummary[];
/** The JSON Schema of `wengang.application/1`. */
export function schema(): Record<string, unknown>;
