//! Where a command's files go. Every command that writes calls
//! [`check`] before it opens anything for writing, then writes each file
//! through an [`Output`]:
//!
//! - An output that is one of the inputs (the same file by device and
//!   inode: another spelling, a hard link or a symlink to it), or that is
//!   another output, is refused before anything is written. Standard
//!   output redirected to an input file is refused too (`>> in.csv` would
//!   read its own results forever).
//! - A file is written to a temporary file beside it (`.NAME.wengang-PID-N.tmp`,
//!   same folder, so the rename cannot cross file systems) and renamed
//!   over it by [`Output::commit`] when the run succeeds. An output
//!   dropped without commit (a failed run) removes its temporary file: the
//!   old file stays as it was, or no file appears; never half a file.
//! - Anything else that exists (a device such as `/dev/null`, a FIFO, a
//!   terminal) is written to directly: it cannot be replaced by a rename.

use std::ffi::{OsStr, OsString};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::args::Input;
use wengang_engine::controls::shown;

/// Where an output goes.
#[derive(Debug, Clone, Copy)]
pub enum Dest<'a> {
    Stdout,
    Path(&'a OsStr),
}

impl<'a> Dest<'a> {
    /// `None` or `-`: standard output.
    pub fn of(path: Option<&'a OsString>) -> Dest<'a> {
        match path {
            Some(p) if p != "-" => Dest::Path(p),
            _ => Dest::Stdout,
        }
    }

    /// The name messages use.
    pub fn name(&self) -> String {
        match self {
            Dest::Stdout => "standard output".to_owned(),
            Dest::Path(p) => shown(&p.to_string_lossy()).into_owned(),
        }
    }
}

/// What a file is, for telling whether two names are the same file.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Identity {
    /// An existing file: its device and inode.
    File { dev: u64, ino: u64, device: bool },
    /// A file not made yet: its folder's device and inode, and its name.
    New { dev: u64, ino: u64, name: OsString },
    /// Cannot be told (a folder that does not exist): never equal.
    Unknown,
}

impl Identity {
    fn same(&self, other: &Identity) -> bool {
        match (self, other) {
            // `/dev/null` twice is fine: a device cannot be overwritten.
            (Identity::File { device: true, .. }, _) | (_, Identity::File { device: true, .. }) => {
                false
            }
            (Identity::Unknown, _) | (_, Identity::Unknown) => false,
            (a, b) => a == b,
        }
    }
}

#[cfg(unix)]
fn identity_of(meta: &fs::Metadata) -> Identity {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let kind = meta.file_type();
    Identity::File {
        dev: meta.dev(),
        ino: meta.ino(),
        device: kind.is_char_device() || kind.is_block_device(),
    }
}

#[cfg(not(unix))]
fn identity_of(_meta: &fs::Metadata) -> Identity {
    Identity::Unknown
}

/// The identity of a standard stream (0 or 1), when it is a file.
#[cfg(unix)]
fn stream_identity(fd: i32) -> Option<Identity> {
    use std::os::fd::AsFd;
    let meta = match fd {
        0 => io::stdin().as_fd().try_clone_to_owned().ok(),
        _ => io::stdout().as_fd().try_clone_to_owned().ok(),
    }
    .map(File::from)?
    .metadata()
    .ok()?;
    meta.is_file().then(|| identity_of(&meta))
}

#[cfg(not(unix))]
fn stream_identity(_fd: i32) -> Option<Identity> {
    None
}

/// Follows a chain of symlinks to the path a write would reach.
fn resolve(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        match fs::read_link(&path) {
            Ok(target) => {
                path = match path.parent() {
                    Some(parent) if target.is_relative() => parent.join(target),
                    _ => target,
                }
            }
            Err(_) => break,
        }
    }
    path
}

/// The identity of an output path (existing or not).
fn output_identity(path: &Path) -> Result<Identity, String> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(format!(
            "{}: is a folder, not a file",
            shown(&path.to_string_lossy())
        )),
        Ok(meta) => Ok(identity_of(&meta)),
        Err(_) => {
            let target = resolve(path);
            let folder = match target.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let (Some(name), Ok(meta)) = (target.file_name(), fs::metadata(&folder)) else {
                return Ok(Identity::Unknown);
            };
            Ok(match identity_of(&meta) {
                Identity::File { dev, ino, .. } => Identity::New {
                    dev,
                    ino,
                    name: name.to_owned(),
                },
                other => other,
            })
        }
    }
}

/// Every file an input stands for: the file, or a folder's files.
fn input_identities(input: &Input, out: &mut Vec<(String, Identity)>) {
    match input {
        Input::Stdin => {
            if let Some(id) = stream_identity(0) {
                out.push(("standard input".to_owned(), id));
            }
        }
        Input::Path(p) => {
            let path = Path::new(p);
            let Ok(meta) = fs::metadata(path) else { return };
            if meta.is_dir() {
                for entry in fs::read_dir(path).into_iter().flatten().flatten() {
                    if let Ok(meta) = fs::metadata(entry.path()) {
                        if meta.is_file() {
                            let name = entry.path().to_string_lossy().into_owned();
                            out.push((shown(&name).into_owned(), identity_of(&meta)));
                        }
                    }
                }
            } else {
                out.push((shown(&p.to_string_lossy()).into_owned(), identity_of(&meta)));
            }
        }
    }
}

/// Refuses outputs that would overwrite an input, or each other. `outputs`
/// are the options in use, each with where it goes (`--output` and its
/// path). Nothing is opened for writing here.
pub fn check(inputs: &[Input], outputs: &[(&str, Dest<'_>)]) -> Result<(), String> {
    let mut read = Vec::new();
    for input in inputs {
        input_identities(input, &mut read);
    }
    let mut written: Vec<(&str, String, Identity)> = Vec::new();
    let mut to_stdout: Option<&str> = None;
    for (option, dest) in outputs {
        let id = match dest {
            Dest::Stdout => {
                if let Some(other) = to_stdout {
                    return Err(format!(
                        "{option} and {other} both go to standard output: give each output its own file"
                    ));
                }
                to_stdout = Some(option);
                match stream_identity(1) {
                    Some(id) => id,
                    None => continue,
                }
            }
            Dest::Path(p) => output_identity(Path::new(p))?,
        };
        let name = dest.name();
        if let Some((input, _)) = read.iter().find(|(_, i)| i.same(&id)) {
            return Err(if matches!(dest, Dest::Stdout) {
                format!(
                    "standard output is the input file {input}: the results would overwrite \
                     what they are read from (write them elsewhere)"
                )
            } else if name == *input {
                format!(
                    "{option} {name} is the input file: it would be overwritten (write elsewhere)"
                )
            } else {
                format!(
                    "{option} {name} is the input file {input} (the same file by another name): \
                     it would be overwritten (write elsewhere)"
                )
            });
        }
        if let Some((other, other_name, _)) = written.iter().find(|(_, _, i)| i.same(&id)) {
            return Err(format!(
                "{option} {name} and {other} {other_name} are the same file: \
                 give each output its own file"
            ));
        }
        written.push((option, name, id));
    }
    Ok(())
}

/// One output being written; see the module's notes.
pub struct Output {
    /// What it holds, for messages (`results`, `the report`).
    what: &'static str,
    /// The name messages use.
    name: String,
    /// The file or device written (`None`: standard output).
    file: Option<File>,
    /// The temporary file, renamed over `target` on commit.
    temp: Option<PathBuf>,
    target: PathBuf,
}

/// Makes temporary names unique within the process.
static TEMPORARIES: AtomicU32 = AtomicU32::new(0);

impl Output {
    /// Opens an output for writing: a temporary file beside a regular
    /// (or new) file, a device or FIFO as it is, or standard output.
    pub fn open(what: &'static str, dest: Dest<'_>) -> Result<Output, String> {
        let name = dest.name();
        let Dest::Path(path) = dest else {
            return Ok(Output {
                what,
                name,
                file: None,
                temp: None,
                target: PathBuf::new(),
            });
        };
        let target = resolve(Path::new(path));
        let failed = |e: io::Error| format!("{name}: {e}");
        let existing = fs::metadata(&target).ok();
        if existing.as_ref().is_some_and(|m| !m.is_file()) {
            // A device, a FIFO: written in place (never renamed over).
            let file = OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(failed)?;
            return Ok(Output {
                what,
                name,
                file: Some(file),
                temp: None,
                target,
            });
        }
        let folder = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let base = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let n = TEMPORARIES.fetch_add(1, Ordering::Relaxed);
        let temp = folder.join(format!(".{base}.wengang-{}-{n}.tmp", std::process::id()));
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(failed)?;
        if let Some(meta) = existing {
            // The new file keeps the old one's permissions.
            let _ = fs::set_permissions(&temp, meta.permissions());
        }
        Ok(Output {
            what,
            name,
            file: Some(file),
            temp: Some(temp),
            target,
        })
    }

    /// An error while writing this output, as the message says it.
    pub fn error(&self, e: &dyn std::fmt::Display) -> String {
        write_error(self.what, &self.name, e)
    }

    /// The path another writer (a workbook's) writes to instead of this
    /// handle: the temporary file, or the device. `None` for standard
    /// output.
    pub fn path(&self) -> Option<&Path> {
        match (&self.temp, &self.file) {
            (Some(temp), _) => Some(temp),
            (None, Some(_)) => Some(&self.target),
            (None, None) => None,
        }
    }

    /// Puts the written file in place: renames the temporary file over
    /// the target (after flushing). Standard output and devices are only
    /// flushed.
    pub fn commit(mut self) -> Result<(), String> {
        self.flush().map_err(|e| self.error(&e))?;
        self.file = None;
        if let Some(temp) = self.temp.take() {
            if let Err(e) = fs::rename(&temp, &self.target) {
                let _ = fs::remove_file(&temp);
                return Err(self.error(&e));
            }
        }
        Ok(())
    }
}

/// `writing results (r.csv): No space left on device`.
pub fn write_error(what: &str, name: &str, e: &dyn std::fmt::Display) -> String {
    format!("writing {what} ({name}): {e}")
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.file {
            Some(f) => f.write(buf),
            None => io::stdout().lock().write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.write_all(buf),
            None => io::stdout().lock().write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => io::stdout().lock().flush(),
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // Not committed: the run failed; the old file (if any) stays.
        if let Some(temp) = self.temp.take() {
            self.file = None;
            let _ = fs::remove_file(temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("wengang-outputs-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn an_output_that_is_an_input_by_any_name_is_refused() {
        let d = dir("same");
        let input = d.join("in.csv");
        fs::write(&input, "a\n").unwrap();
        let link = d.join("link.csv");
        fs::hard_link(&input, &link).unwrap();
        let inputs = [Input::Path(input.clone().into())];
        for name in [input.clone(), d.join(".").join("in.csv"), link] {
            let err = check(&inputs, &[("--output", Dest::Path(name.as_os_str()))]).unwrap_err();
            assert!(err.contains("--output"), "{err}");
            assert!(err.contains("input file"), "{err}");
        }
        assert!(check(
            &inputs,
            &[("--output", Dest::Path(d.join("r.csv").as_os_str()))]
        )
        .is_ok());
        assert_eq!(fs::read(&input).unwrap(), b"a\n");
    }

    #[test]
    fn two_outputs_naming_one_file_are_refused_even_before_it_exists() {
        let d = dir("two");
        let a = d.join("x.csv");
        let b = d.join(".").join("x.csv");
        let err = check(
            &[],
            &[
                ("--output", Dest::Path(a.as_os_str())),
                ("--reminders", Dest::Path(b.as_os_str())),
            ],
        )
        .unwrap_err();
        assert!(err.contains("same file"), "{err}");
        assert!(!a.exists());
        // /dev/null twice is fine.
        assert!(check(
            &[],
            &[
                ("--output", Dest::Path(OsStr::new("/dev/null"))),
                ("--reminders", Dest::Path(OsStr::new("/dev/null"))),
            ],
        )
        .is_ok());
    }

    #[test]
    fn an_uncommitted_output_leaves_the_old_file() {
        let d = dir("keep");
        let target = d.join("r.csv");
        fs::write(&target, "old\n").unwrap();
        {
            let mut out = Output::open("results", Dest::Path(target.as_os_str())).unwrap();
            out.write_all(b"half").unwrap();
        }
        assert_eq!(fs::read(&target).unwrap(), b"old\n");
        assert_eq!(
            fs::read_dir(&d).unwrap().count(),
            1,
            "no temporary file left"
        );
        let mut out = Output::open("results", Dest::Path(target.as_os_str())).unwrap();
        out.write_all(b"new\n").unwrap();
        out.commit().unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new\n");
        assert_eq!(fs::read_dir(&d).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_output_replaces_its_target_not_the_link() {
        let d = dir("link");
        let target = d.join("real.csv");
        fs::write(&target, "old\n").unwrap();
        let link = d.join("link.csv");
        std::os::unix::fs::symlink("real.csv", &link).unwrap();
        let mut out = Output::open("results", Dest::Path(link.as_os_str())).unwrap();
        out.write_all(b"new\n").unwrap();
        out.commit().unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read(&target).unwrap(), b"new\n");
    }
}

/// Writes to standard output; a failed write (a closed pipe, a full disk)
/// is exit 2 with the error: what was asked for was not written.
pub fn print_text(text: &str) -> std::process::ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "wengang: {}",
                write_error("the output", "standard output", &e)
            );
            std::process::ExitCode::from(crate::exit::Exit::Unreadable)
        }
    }
}

/// A value as pretty JSON on standard output ([`print_text`]).
pub fn print_json<T: serde::Serialize>(value: &T) -> std::process::ExitCode {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    print_text(&format!("{text}\n"))
}
