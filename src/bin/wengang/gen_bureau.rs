//! `wengang gen --bureau DIR`: a province's worth of what a bureau holds,
//! made up but shaped like the real thing, so anyone can reproduce the
//! 免申即享 benchmark (benches/bureau.sh):
//!
//! - `units.csv`: the unit register (credit code, name, unit type, the
//!   office's size classification for most, size measures for the rest);
//! - `contributions.csv`: person-month contribution records
//!   (`person_id, credit_code, period, due, paid`), what
//!   `sql/unit_months.sql` sums;
//! - `lists/{dishonest,zombie,arrears,industrial,environmental}.csv`:
//!   other offices' lists of excluded units.
//!
//! Unit `i` of seed `s` depends only on `(s, i)`. The mix is invented: most
//! units small, a long tail of large ones; about a fifth shrinking, some
//! near the threshold; people who leave and join within the year, a few
//! with a second job in another unit the same month (counted in both), a
//! few units paying short in some months, a December record of the year
//! before, a register row given twice, and a malformed and a repeated code
//! in one list, so every report has something to count.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use wengang_engine::batch::screen::{push_field, push_u64};
use wengang_engine::internals::identifiers::credit_code_check_char;

use crate::args::GenBureau;
use crate::exit::Exit;
use crate::gen::Rng;

const UNIT_TYPES: [(&str, u64); 6] = [
    ("enterprise", 940),
    ("individual_business", 40),
    ("social_organisation", 8),
    ("social_service_body", 6),
    ("law_firm", 3),
    ("accounting_firm", 3),
];
const DIVISIONS: [&str; 10] = [
    "320505", "320506", "320507", "320508", "320509", "320571", "320581", "320582", "320583",
    "320585",
];
const BRANDS: [&str; 16] = [
    "华瑞", "恒通", "金鼎", "新泽", "博远", "盛达", "明辉", "永信", "嘉禾", "天成", "润丰", "联创",
    "瑞德", "宏图", "鼎盛", "星海",
];
const TRADES: [(&str, &str, u64); 4] = [
    ("industry", "制造", 900_000),
    ("retail", "商贸", 600_000),
    ("software_it", "信息技术", 500_000),
    ("other", "服务", 300_000),
];
const CODE_CHARS: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const LISTS: [(&str, u64); 5] = [
    // (list, units in 10,000 on it)
    ("dishonest", 50),
    ("zombie", 30),
    ("arrears", 100),
    ("industrial", 20),
    ("environmental", 30),
];

/// One unit of the register, as drawn.
struct Unit {
    code: String,
    name: String,
    unit_type: &'static str,
    /// The office's classification, or the size measures.
    official: Option<&'static str>,
    industry: &'static str,
    employees: u64,
    revenue_fen: u64,
    start: u64,
    end: u64,
    /// Monthly contribution per person, fen.
    due_fen: u64,
    /// Months paid short (a bitmask of months 1–12).
    short: u16,
}

fn draw_unit(rng: &mut Rng, code: String, i: u64) -> Unit {
    let unit_type = *rng.weighted(&UNIT_TYPES);
    let (industry, word, per_head) = *rng.pick(&TRADES);
    // Mostly a handful of people; a long tail of large units.
    let start = match rng.range(0, 999) {
        0..=649 => rng.range(1, 5),
        650..=919 => rng.range(6, 20),
        920..=989 => rng.range(21, 100),
        _ => rng.range(101, 1000),
    };
    let end = match rng.range(0, 9) {
        // Stable, or a little growth.
        0..=6 => start + start * rng.range(0, 5) / 100,
        // Shrinking: 0–10%, so many land near the threshold.
        _ => start - (start * rng.range(0, 100) / 1000).min(start - 1),
    };
    let official = rng
        .chance(700)
        .then(|| if start >= 300 { "large" } else { "sme" });
    let employees = start + start * rng.range(0, 20) / 100;
    Unit {
        code,
        name: format!(
            "苏州{}{}{}有限公司{i}",
            rng.pick(&BRANDS),
            rng.pick(&BRANDS),
            word
        ),
        unit_type,
        official,
        industry,
        employees,
        revenue_fen: employees * per_head * rng.range(50, 150),
        start,
        end,
        // 0.5% + 0.5% of a wage base of 3,500–20,000 yuan.
        due_fen: rng.range(3_500, 20_000),
        short: if rng.chance(30) {
            1 << rng.range(0, 11)
        } else {
            0
        },
    }
}

fn credit_code(rng: &mut Rng, prefix: &str) -> String {
    let mut code = String::with_capacity(18);
    code.push_str(prefix);
    let division: &&str = rng.pick(&DIVISIONS);
    code.push_str(division);
    for _ in 0..9 {
        code.push(char::from(*rng.pick(CODE_CHARS)));
    }
    let check = credit_code_check_char(&code).unwrap_or('0');
    code.push(check);
    code
}

fn yuan(out: &mut Vec<u8>, fen: u64) {
    push_u64(out, fen / 100);
    out.push(b'.');
    out.push(b'0' + (fen / 10 % 10) as u8);
    out.push(b'0' + (fen % 10) as u8);
}

pub fn run(options: &GenBureau) -> ExitCode {
    match write(options) {
        Ok(counts) => {
            eprintln!(
                "wengang gen: {} units, {} persons, {} contribution records in {}",
                counts.0,
                counts.1,
                counts.2,
                Path::new(&options.dir).display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("wengang: {e}");
            ExitCode::from(Exit::Unreadable)
        }
    }
}

fn create(path: &Path) -> Result<BufWriter<File>, String> {
    File::create(path)
        .map(|f| BufWriter::with_capacity(1 << 20, f))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes the set: (units, persons, contribution records).
fn write(options: &GenBureau) -> Result<(u64, u64, u64), String> {
    let dir = Path::new(&options.dir);
    let lists_dir = dir.join("lists");
    fs::create_dir_all(&lists_dir).map_err(|e| format!("{}: {e}", lists_dir.display()))?;
    let io_err = |what: &str| {
        let what = what.to_owned();
        move |e: io::Error| format!("writing {what}: {e}")
    };
    let mut units = create(&dir.join("units.csv"))?;
    let mut records = create(&dir.join("contributions.csv"))?;
    let mut lists: Vec<(&str, u64, BufWriter<File>)> = LISTS
        .iter()
        .map(|(name, per_10k)| {
            let mut w = create(&lists_dir.join(format!("{name}.csv")))?;
            w.write_all("统一社会信用代码,单位名称,列入日期\n".as_bytes())
                .map_err(io_err(name))?;
            Ok((*name, *per_10k, w))
        })
        .collect::<Result<_, String>>()?;
    units
        .write_all(
            "统一社会信用代码,applicant.name,applicant.unit_type,applicant.official_size,\
             applicant.industry,applicant.employees,applicant.revenue,insured.year,\
             insured.arrears_and_late_fees\n"
                .as_bytes(),
        )
        .map_err(io_err("units.csv"))?;
    records
        .write_all(b"person_id,credit_code,period,due,paid\n")
        .map_err(io_err("contributions.csv"))?;

    let year = u64::from(options.year);
    let mut seen: HashSet<String> = HashSet::with_capacity(options.units as usize);
    let (mut persons, mut written) = (0u64, 0u64);
    let mut row = Vec::with_capacity(256);
    let mut first_codes: Vec<String> = Vec::new();
    for i in 0..options.units {
        let mut rng = Rng::for_row(options.seed, i);
        let mut code = credit_code(&mut rng, "91");
        while !seen.insert(code.clone()) {
            code = credit_code(&mut rng, "91");
        }
        let mut unit = draw_unit(&mut rng, code, i);
        if unit.unit_type == "social_service_body" || unit.unit_type == "social_organisation" {
            // Registered with 民政: 5… codes (52 social-service body, 51 organisation).
            let prefix = if unit.unit_type == "social_organisation" {
                "51"
            } else {
                "52"
            };
            unit.code = credit_code(&mut rng, prefix);
            seen.insert(unit.code.clone());
        }
        if first_codes.len() < 3 {
            first_codes.push(unit.code.clone());
        }
        // The register row (given twice for one unit in 100,000).
        row.clear();
        register_row(&mut row, &unit, year);
        units.write_all(&row).map_err(io_err("units.csv"))?;
        if i % 100_000 == 99_999 {
            units.write_all(&row).map_err(io_err("units.csv"))?;
        }
        // Person-month records: the `start` insured at the start, of whom
        // some leave in the year, and hires until `end` remain.
        let leavers = unit.start.saturating_sub(unit.end) + rng.range(0, unit.start / 20);
        let hires = unit.end + leavers - unit.start;
        let first = persons;
        persons += unit.start + hires;
        for p in 0..unit.start + hires {
            let person = first + p;
            let (from, to) = if p < unit.start - leavers.min(unit.start) {
                (1, 12)
            } else if p < unit.start {
                // A leaver: gone after month 1–11.
                (1, rng.range(1, 11))
            } else {
                // A hire: from month 2–12.
                (rng.range(2, 12), 12)
            };
            let due = unit.due_fen * rng.range(90, 110) / 100;
            for month in from..=to {
                let paid = if unit.short & (1 << (month - 1)) != 0 {
                    due / 2
                } else {
                    due
                };
                row.clear();
                contribution(&mut row, person, &unit.code, year * 100 + month, due, paid);
                records
                    .write_all(&row)
                    .map_err(io_err("contributions.csv"))?;
                written += 1;
            }
            // A second job: also on another unit's books one month.
            if p == 0 && rng.chance(20) && !first_codes.is_empty() {
                let other = rng.pick(&first_codes).clone();
                if other != unit.code {
                    row.clear();
                    contribution(&mut row, person, &other, year * 100 + 6, due, due);
                    records
                        .write_all(&row)
                        .map_err(io_err("contributions.csv"))?;
                    written += 1;
                }
            }
            // A December record of the year before, for one in 10,000.
            if p == 0 && rng.chance(1) && i % 10 == 0 {
                row.clear();
                contribution(
                    &mut row,
                    person,
                    &unit.code,
                    (year - 1) * 100 + 12,
                    due,
                    due,
                );
                records
                    .write_all(&row)
                    .map_err(io_err("contributions.csv"))?;
                written += 1;
            }
        }
        // The lists.
        for (name, per_10k, list) in lists.iter_mut() {
            if rng.next() % 10_000 < *per_10k {
                row.clear();
                push_field(&mut row, &unit.code);
                row.push(b',');
                push_field(&mut row, &unit.name);
                row.push(b',');
                let date = format!("{}-{:02}-{:02}", year, rng.range(1, 12), rng.range(1, 28));
                row.extend_from_slice(date.as_bytes());
                row.push(b'\n');
                list.write_all(&row).map_err(io_err(name))?;
            }
        }
    }
    // A malformed code and a repeated one, to be reported, not dropped.
    if let Some((name, _, list)) = lists.first_mut() {
        let repeated = first_codes.first().cloned().unwrap_or_default();
        let extra = format!(
            "9132050,代码不全的单位,\n{repeated},重复列入的单位,\n{repeated},重复列入的单位,\n"
        );
        list.write_all(extra.as_bytes()).map_err(io_err(name))?;
    }
    units.flush().map_err(io_err("units.csv"))?;
    records.flush().map_err(io_err("contributions.csv"))?;
    for (name, _, list) in lists.iter_mut() {
        list.flush().map_err(io_err(name))?;
    }
    Ok((options.units, persons, written))
}

fn register_row(out: &mut Vec<u8>, u: &Unit, year: u64) {
    push_field(out, &u.code);
    out.push(b',');
    push_field(out, &u.name);
    out.push(b',');
    out.extend_from_slice(u.unit_type.as_bytes());
    out.push(b',');
    match u.official {
        Some(class) => {
            out.extend_from_slice(class.as_bytes());
            out.extend_from_slice(b",,,");
        }
        None => {
            out.push(b',');
            out.extend_from_slice(u.industry.as_bytes());
            out.push(b',');
            push_u64(out, u.employees);
            out.push(b',');
            yuan(out, u.revenue_fen);
        }
    }
    out.push(b',');
    push_u64(out, year);
    out.extend_from_slice(b",0.00\n");
}

fn contribution(out: &mut Vec<u8>, person: u64, code: &str, period: u64, due: u64, paid: u64) {
    out.push(b'P');
    push_u64(out, person);
    out.push(b',');
    out.extend_from_slice(code.as_bytes());
    out.push(b',');
    push_u64(out, period);
    out.push(b',');
    yuan(out, due);
    out.push(b',');
    yuan(out, paid);
    out.push(b'\n');
}
