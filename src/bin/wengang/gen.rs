//! `wengang gen`: deterministic, realistic synthetic applications as CSV,
//! so anyone can reproduce the screening benchmarks.
//!
//! Row `i` of seed `s` depends only on `(s, i)`: the same command writes
//! the same bytes on any machine. The mix (mostly micro and small units,
//! a few very large ones; about 30% with fewer insured at the end of the
//! year, many near the threshold; rare declarations against; about 0.5%
//! of rows with a typing slip that validation catches) is invented to look
//! like a city's data, not taken from any.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use wengang_engine::batch::screen::{push_field, push_u64};
use wengang_engine::field::{Field, Kind};
use wengang_engine::internals::field_labels::field_label;
use wengang_engine::internals::identifiers::credit_code_check_char;
use wengang_engine::internals::policy;
use wengang_engine::{Lang, APPLICATION_FORMAT};

use crate::args::{Gen, HeaderNames};
use crate::exit::Exit;
use crate::outputs::{self, Dest, Output};
use crate::xlsx::{CellKind, SheetWriter};

/// The columns written, in order (the hardship path is not generated).
pub const COLUMNS: [Field; 30] = [
    Field::Policy,
    Field::ApplicantName,
    Field::CreditCode,
    Field::UnitType,
    Field::Industry,
    Field::Employees,
    Field::Revenue,
    Field::Assets,
    Field::Year,
    Field::Start,
    Field::End,
    Field::MonthlyAverage,
    Field::RetiredOrDeceased,
    Field::NewBenefitClaimants,
    Field::MonthsPaidInFull,
    Field::PremiumsPaid,
    Field::ArrearsAndLateFees,
    Field::IndustrialPolicy,
    Field::Environmental,
    Field::SeriouslyDishonest,
    Field::Zombie,
    Field::AccountName,
    Field::BankName,
    Field::AccountNumber,
    Field::ContactName,
    Field::ContactPhone,
    Field::Accepted,
    Field::Signatory,
    Field::CommitmentDate,
    Field::Format,
];

/// The position of a column in [`COLUMNS`].
fn column(field: Field) -> usize {
    COLUMNS.iter().position(|c| *c == field).unwrap_or(0)
}

pub fn run(options: &Gen) -> ExitCode {
    let profile = match policy::find(&options.policy) {
        Ok(p) => &p.profile,
        Err(e) => {
            eprintln!("wengang: {e}");
            return ExitCode::from(Exit::Unreadable);
        }
    };
    let header: Vec<&str> = COLUMNS
        .iter()
        .map(|c| match options.header {
            HeaderNames::Path => c.path(),
            HeaderNames::Zh => field_label(*c, Lang::Zh),
        })
        .collect();
    let context = Context {
        policy: profile.id.clone(),
        data_year: u64::from(profile.data_year),
        applies_in: u64::from(profile.applies_in),
    };
    let dest = Dest::of(options.output.as_ref());
    let result = outputs::check(&[], &[("--output", dest)])
        .and_then(|()| Output::open("rows", dest))
        .and_then(|output| {
            if matches!(dest, Dest::Path(p) if p.to_string_lossy().to_ascii_lowercase().ends_with(".xlsx"))
            {
                gen_xlsx(options, &context, &header, output)
            } else {
                gen_csv(options, &context, &header, output)
            }
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wengang: {e}");
            ExitCode::from(Exit::Unreadable)
        }
    }
}

fn gen_csv(
    options: &Gen,
    context: &Context,
    header: &[&str],
    output: Output,
) -> Result<(), String> {
    let mut out = BufWriter::with_capacity(1 << 20, output);
    let written = (|| -> io::Result<()> {
        out.write_all(header.join(",").as_bytes())?;
        out.write_all(b"\n")?;
        let mut row = Vec::with_capacity(1024);
        for i in 0..options.rows {
            row.clear();
            write_row(&mut row, context, &mut Rng::for_row(options.seed, i));
            out.write_all(&row)?;
        }
        out.flush()
    })();
    if let Err(e) = written {
        return Err(out.get_ref().error(&e));
    }
    match out.into_inner() {
        Ok(output) => output.commit(),
        Err(e) => {
            let (error, w) = e.into_parts();
            Err(w.get_ref().error(&error))
        }
    }
}

/// The same rows as a workbook: counts and money as numbers, flags as
/// booleans, the date as a date, the rest (and any typing slip that is not
/// a number, flag or date) as text, as an office's spreadsheet holds them.
fn gen_xlsx(
    options: &Gen,
    context: &Context,
    header: &[&str],
    output: Output,
) -> Result<(), String> {
    let kinds: Vec<CellKind> = COLUMNS
        .iter()
        .map(|c| match c.kind() {
            Kind::Count | Kind::Decimal => CellKind::Number,
            Kind::Money => CellKind::Money,
            Kind::Flag => CellKind::Flag,
            Kind::Date => CellKind::Date,
            _ => CellKind::Text,
        })
        .collect();
    let path = output
        .path()
        .ok_or_else(|| "a workbook needs --output FILE.xlsx".to_owned())?
        .to_path_buf();
    let folder = path.parent().unwrap_or(std::path::Path::new("."));
    let mut sheet =
        SheetWriter::new("applications", header, &kinds, folder).map_err(|e| output.error(&e))?;
    for i in 0..options.rows {
        let cells = row_cells(context, &mut Rng::for_row(options.seed, i));
        sheet
            .write_row(cells.iter().map(String::as_str))
            .map_err(|e| output.error(&e))?;
    }
    sheet.save(&path).map_err(|e| output.error(&e))?;
    output.commit()
}

struct Context {
    policy: String,
    data_year: u64,
    applies_in: u64,
}

/// SplitMix64: small, fast and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn for_row(seed: u64, row: u64) -> Rng {
        let mut r = Rng(seed ^ row.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next();
        r
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    /// `true` with probability `per_mille` / 1000.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.next() % 1000 < per_mille
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }

    /// An item by weight.
    pub fn weighted<'a, T>(&mut self, items: &'a [(T, u64)]) -> &'a T {
        let total: u64 = items.iter().map(|(_, w)| w).sum();
        let mut x = self.next() % total;
        for (item, w) in items {
            if x < *w {
                return item;
            }
            x -= w;
        }
        &items[0].0
    }
}

const PLACES: [&str; 6] = ["苏州", "苏州工业园区", "昆山", "张家港", "常熟", "太仓"];
const BRANDS: [&str; 24] = [
    "华瑞", "恒通", "金鼎", "新泽", "博远", "盛达", "明辉", "永信", "嘉禾", "天成", "润丰", "东方",
    "联创", "中科", "瑞德", "宏图", "协和", "鼎盛", "汇丰", "长江", "星海", "银河", "凯越", "晨光",
];
const FAMILY: [&str; 16] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "沈",
];
const GIVEN: [&str; 16] = [
    "芳", "伟", "敏", "静", "磊", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "建华",
    "晓东",
];
const BANKS: [&str; 6] = [
    "中国工商银行苏州分行",
    "中国建设银行苏州分行",
    "中国农业银行苏州分行",
    "中国银行苏州分行",
    "交通银行苏州分行",
    "苏州银行营业部",
];
const DIVISIONS: [&str; 10] = [
    "320500", "320505", "320506", "320507", "320508", "320509", "320581", "320582", "320583",
    "320585",
];
const CODE_CHARS: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// (industry, the word in a name, yuan of revenue per employee per year)
const INDUSTRIES: [((&str, &str, u64), u64); 16] = [
    (("industry", "精密机械制造", 900_000), 350),
    (("wholesale", "贸易", 2_000_000), 120),
    (("retail", "商贸", 600_000), 100),
    (("software_it", "信息技术", 500_000), 80),
    (("construction", "建设工程", 800_000), 60),
    (("leasing_business", "企业管理咨询", 400_000), 60),
    (("transport", "物流运输", 500_000), 40),
    (("catering", "餐饮管理", 200_000), 40),
    (("other", "服务", 300_000), 40),
    (("property_management", "物业管理", 150_000), 30),
    (("accommodation", "酒店管理", 250_000), 20),
    (("real_estate", "房地产开发", 3_000_000), 20),
    (("agriculture", "农业科技", 300_000), 15),
    (("information_transmission", "通信技术", 1_500_000), 10),
    (("warehousing", "仓储", 400_000), 10),
    (("postal", "快递", 300_000), 5),
];
const UNIT_TYPES: [(&str, u64); 7] = [
    ("enterprise", 930),
    ("individual_business", 50),
    ("social_organisation", 8),
    ("foundation", 3),
    ("social_service_body", 4),
    ("law_firm", 3),
    ("accounting_firm", 2),
];

fn name(rng: &mut Rng) -> String {
    format!("{}{}", rng.pick(&FAMILY), rng.pick(&GIVEN))
}

fn credit_code(rng: &mut Rng) -> String {
    let mut code = String::with_capacity(18);
    code.push_str("91");
    let division: &&str = rng.pick(&DIVISIONS);
    code.push_str(division);
    for _ in 0..9 {
        code.push(char::from(*rng.pick(CODE_CHARS)));
    }
    let check = credit_code_check_char(&code).unwrap_or('0');
    code.push(check);
    code
}

/// Yuan with two decimals from fen.
fn push_yuan(out: &mut Vec<u8>, fen: u64) {
    push_u64(out, fen / 100);
    out.push(b'.');
    out.push(b'0' + (fen / 10 % 10) as u8);
    out.push(b'0' + (fen % 10) as u8);
}

fn write_row(out: &mut Vec<u8>, c: &Context, rng: &mut Rng) {
    for (i, cell) in row_cells(c, rng).iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_field(out, cell);
    }
    out.push(b'\n');
}

/// One row's cells, in the order of [`COLUMNS`].
fn row_cells(c: &Context, rng: &mut Rng) -> Vec<String> {
    let (industry, word, revenue_per_head) = *rng.weighted(&INDUSTRIES);
    let unit_type = rng.weighted(&UNIT_TYPES);
    // Headcount: mostly micro and small, a long tail of large units.
    let start = match rng.range(0, 999) {
        0..=599 => rng.range(1, 20),
        600..=849 => rng.range(21, 100),
        850..=969 => rng.range(101, 1000),
        970..=997 => rng.range(1001, 5000),
        _ => rng.range(5001, 40000),
    };
    let end = if rng.chance(700) {
        start + start * rng.range(0, 10) / 100
    } else {
        // Fewer at the end: 0–8% less, so many land near the threshold.
        start - (start * rng.range(0, 80) / 1000).min(start - 1)
    };
    let average_tenths = (start + end) * 5 + rng.range(0, 4);
    let employees = start + start * rng.range(0, 20) / 100;
    let revenue_fen = employees * revenue_per_head * rng.range(50, 150) + rng.range(0, 99);
    let assets_fen = revenue_fen / 100 * rng.range(40, 160) + rng.range(0, 99);
    let per_head_fen = rng.range(30_000, 250_000); // 300–2,500 yuan a year
    let premiums_fen = average_tenths * per_head_fen / 10 + rng.range(0, 99);
    let arrears_fen = if rng.chance(100) {
        premiums_fen * rng.range(1, 50) / 1000
    } else {
        0
    };
    let months = if rng.chance(960) {
        12
    } else {
        rng.range(6, 11)
    };
    let retired = rng.range(0, start / 50);
    let claimants = rng.range(0, start.saturating_sub(end).min(start / 10));
    let company = format!(
        "{}{}{}{}有限公司",
        rng.pick(&PLACES),
        rng.pick(&BRANDS),
        rng.pick(&BRANDS),
        word
    );
    // A few names carry a comma, as real registers do (the field is quoted).
    let company = if rng.chance(2) {
        format!("{company}, 分公司")
    } else {
        company
    };
    let mut code = credit_code(rng);
    if rng.chance(1) {
        // An early pilot code: a check character that does not match (a warning).
        code.pop();
        code.push('X');
    }
    let phone = format!(
        "1{}{:09}",
        rng.pick(&[3, 5, 7, 8, 9]),
        rng.range(0, 999_999_999)
    );
    let account = format!(
        "{:019}",
        rng.range(1_000_000_000_000_000, 9_999_999_999_999_999_999)
    );
    let date = format!(
        "{}-{:02}-{:02}",
        c.applies_in,
        rng.range(3, 6),
        rng.range(1, 28)
    );

    // In the order of COLUMNS.
    let mut cells: Vec<String> = vec![
        c.policy.clone(),
        company.clone(),
        code,
        (*unit_type).to_owned(),
        industry.to_owned(),
        employees.to_string(),
        yuan(revenue_fen),
        yuan(assets_fen),
        c.data_year.to_string(),
        start.to_string(),
        end.to_string(),
        format!("{}.{}", average_tenths / 10, average_tenths % 10),
        retired.to_string(),
        claimants.to_string(),
        months.to_string(),
        yuan(premiums_fen),
        yuan(arrears_fen),
        flag(!rng.chance(10)),
        flag(!rng.chance(15)),
        flag(rng.chance(5)),
        flag(rng.chance(5)),
        company,
        (*rng.pick(&BANKS)).to_owned(),
        account,
        name(rng),
        phone,
        flag(!rng.chance(2)),
        name(rng),
        date,
        APPLICATION_FORMAT.to_owned(),
    ];
    // About 0.5% of rows carry a typing slip that validation catches.
    if rng.chance(5) {
        let (field, slip) = *rng.pick(&SLIPS);
        cells[column(field)] = slip.to_owned();
    }
    cells
}

/// The typing slips, each in a column that is written.
const SLIPS: [(Field, &str); 8] = [
    (Field::CreditCode, ""),
    (Field::CreditCode, "91320594MA1MXL2K8"),
    (Field::ContactPhone, "1391234567"),
    (Field::PremiumsPaid, "12,345.00"),
    (Field::MonthsPaidInFull, "12.5"),
    (Field::MonthlyAverage, "0"),
    (Field::CommitmentDate, "2019-02-30"),
    (Field::IndustrialPolicy, "yes"),
];

fn yuan(fen: u64) -> String {
    let mut out = Vec::with_capacity(24);
    push_yuan(&mut out, fen);
    String::from_utf8(out).unwrap_or_default()
}

fn flag(value: bool) -> String {
    if value { "true" } else { "false" }.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_fall_in_written_columns() {
        for (field, _) in SLIPS {
            assert_eq!(COLUMNS[column(field)], field);
        }
        assert!(COLUMNS.iter().all(|c| !c.is_hardship()));
    }
}
