//! `wengang screen --units`: what a bureau's run reads besides the
//! register: its lists (`--list KIND=FILE`) and its unit months in long
//! form (`--months FILE`), CSV or .xlsx; and what it says of them on
//! stderr, so that nothing is dropped in silence.

use std::fs::File;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::mpsc::sync_channel;

use wengang_engine::batch::{csv, Header};
use wengang_engine::bureau::{self, Bureau, ListProblem, OfficeList, UnitMonths};
use wengang_engine::field::Field;
use wengang_engine::internals::{policy, ListKind, Named};

use crate::args::Screen;
use crate::xlsx;

/// Problems of one list told on stderr (the rest are counted).
const TOLD: usize = 20;

/// A table's header and rows (1-based line, cells).
type Table = (Vec<String>, Vec<(u64, Vec<String>)>);

/// Reads a CSV or .xlsx table whole (lists and unit months are a small
/// part of a run's input: a province's unit months are a few million
/// short rows).
fn read_table(path: &Path) -> Result<Table, String> {
    let name = path.display();
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if is_xlsx {
        return read_xlsx(path);
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut fields = csv::Fields::default();
    let mut header = None;
    let mut rows = Vec::new();
    for (line, range) in csv::records(bytes, 1) {
        let record = &bytes[range];
        if csv::is_blank(record) {
            continue;
        }
        fields
            .parse(record)
            .map_err(|reason| format!("{name}:{line}: {reason}"))?;
        let cells: Vec<String> = fields.iter().map(str::to_owned).collect();
        match header {
            None => header = Some(cells),
            Some(_) => rows.push((line, cells)),
        }
    }
    Ok((header.unwrap_or_default(), rows))
}

fn read_xlsx(path: &Path) -> Result<Table, String> {
    let name = path.display();
    let file = File::open(path).map_err(|e| format!("{name}: {e}"))?;
    let (header_tx, header_rx) = sync_channel::<xlsx::HeaderFound>(1);
    let mut rows = Vec::new();
    let stop = AtomicBool::new(false);
    let read = AtomicU64::new(0);
    let outcome = xlsx::read_sheet(
        Box::new(file),
        None,
        1 << 20,
        header_tx,
        |chunk| {
            for (line, row) in chunk.rows() {
                if let Ok(cells) = row {
                    rows.push((line, cells.iter().map(str::to_owned).collect()));
                }
            }
            true
        },
        &stop,
        &read,
    );
    let header = match header_rx.try_recv() {
        Ok(Ok((names, _))) => names,
        Ok(Err(message)) => return Err(format!("{name}: {message}")),
        Err(_) => Vec::new(),
    };
    outcome.map_err(|e| format!("{name}: {e}"))?;
    Ok((header, rows))
}

/// The file name a list is cited by.
fn cited(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Reads the lists and months a units run names, and says what each
/// holds and what in it could not be taken.
pub fn bureau(options: &Screen) -> Result<Bureau, String> {
    let mut bureau = Bureau::default();
    for (kind, file) in &options.lists {
        let path = Path::new(file);
        let (header, rows) = read_table(path)?;
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        let list = OfficeList::from_rows(*kind, cited(path), &header, rows)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!(
            "wengang: list {} ({}): {} units",
            kind.name(),
            path.display(),
            list.len()
        );
        tell_problems(path, &list.problems);
        bureau.lists.add(list).map_err(|e| e.to_string())?;
    }
    let missing: Vec<&str> = ListKind::ALL
        .iter()
        .filter(|k| bureau.lists.get(**k).is_none())
        .map(|k| k.name())
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "wengang: lists not given (no unit passes what they would check): {}",
            missing.join(", ")
        );
    }
    if let Some(file) = &options.months {
        let path = Path::new(file);
        let year = data_year(options)?;
        let (header, rows) = read_table(path)?;
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        let months = UnitMonths::from_rows(year, &header, rows)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let c = &months.counts;
        eprintln!(
            "wengang: months {}: {} rows, {} taken for {} units ({} with fewer than 12 months); \
             {} of another year, {} doubled, {} unreadable",
            path.display(),
            c.rows,
            c.taken,
            c.units,
            c.incomplete_units,
            c.other_year,
            c.doubled,
            c.bad
        );
        for problem in &months.problems {
            eprintln!("wengang: {}: {problem}", path.display());
        }
        bureau.months = Some(months);
    }
    Ok(bureau)
}

fn tell_problems(path: &Path, problems: &[ListProblem]) {
    for problem in problems.iter().take(TOLD) {
        eprintln!("wengang: {}: {problem}", path.display());
    }
    if problems.len() > TOLD {
        eprintln!(
            "wengang: {}: {} more problems",
            path.display(),
            problems.len() - TOLD
        );
    }
}

/// The year the months are for: that of the run's rules (`--policy`).
fn data_year(options: &Screen) -> Result<u16, String> {
    let id = options
        .policy
        .as_deref()
        .ok_or("--months needs --policy (the rules of the run say which year's months to read)")?;
    policy::find(id)
        .map(|p| p.profile.data_year)
        .map_err(|e| e.to_string())
}

/// Says which register columns a unit record does not read (once), and
/// which it needs but lacks.
pub fn tell_header(name: &str, header: &Header, options: &Screen) {
    let ignored: Vec<&str> = header
        .slots
        .iter()
        .flatten()
        .filter(|c| match c {
            wengang_engine::batch::Column::Field(f) => !bureau::reads_section(f.section()),
            wengang_engine::batch::Column::Month(_) => false,
        })
        .map(|c| c.path())
        .collect();
    if !ignored.is_empty() {
        eprintln!(
            "wengang: {name}: not read for a unit record (the decision does not use them): {}",
            ignored.join(", ")
        );
    }
    let months = options.months.is_some() || header.has(Field::Start);
    let needed = [
        Field::CreditCode,
        Field::ApplicantName,
        Field::UnitType,
        Field::ArrearsAndLateFees,
        Field::Year,
    ];
    let mut missing: Vec<&str> = needed
        .iter()
        .filter(|f| !header.has(**f))
        .map(|f| f.path())
        .collect();
    if !months {
        missing.push("insured.start … insured.premiums_paid (or --months)");
    }
    if options.policy.is_none() && !header.has(Field::Policy) {
        missing.push("policy (or --policy)");
    }
    if !missing.is_empty() {
        eprintln!(
            "wengang: {name}: missing columns (every unit lacks them): {}",
            missing.join(", ")
        );
    }
}

/// After the run: months never joined to a unit of the register.
pub fn tell_after(bureau: &Bureau) {
    if let Some(months) = &bureau.months {
        let (units, rows) = months.not_in_register();
        if units > 0 {
            eprintln!(
                "wengang: months of {units} units not in the register ({rows} rows) were not used"
            );
        }
    }
}
