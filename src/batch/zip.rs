//! The zip container of an .xlsx workbook, read with every size bounded
//! and checked while inflating: the directory is read only when its size
//! and number of entries are within [`Limits`], and each part is inflated
//! through a counter that stops at the part's limit and at the workbook's
//! total (the unpacked size a 3 MB file may claim is never trusted), then
//! checked against its CRC-32 and declared size.
//!
//! Stored and deflated parts (all an .xlsx has); encrypted parts, other
//! methods and multi-disk archives are refused. ZIP64 sizes are read.

use std::io::{self, BufReader, Read, Seek, SeekFrom};

/// The bounds of reading one workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The workbook file (or standard input, held in memory).
    pub file_bytes: u64,
    /// Entries in the zip directory.
    pub entries: u64,
    /// The zip directory itself.
    pub directory_bytes: u64,
    /// Everything inflated, all parts together.
    pub unpacked_bytes: u64,
    /// A part read whole (workbook, relationships, styles).
    pub part_bytes: u64,
    /// The shared-strings part.
    pub shared_strings_bytes: u64,
    /// Strings in the shared-strings table.
    pub shared_strings: u64,
    /// One cell's text, a tag, a run of text between tags
    /// ([`super::xml::MAX_TOKEN_BYTES`]).
    pub token_bytes: usize,
    /// Cell formats (`cellXfs`) and number formats (`numFmts`) of the styles.
    pub styles: usize,
}

impl Limits {
    /// The limits `wengang screen` reads a workbook with. A full sheet
    /// (1,048,576 rows of 35 columns) is about 1.5 GB of XML; Excel itself
    /// keeps at most 32,767 characters in a cell and 64,000 cell formats.
    pub const DEFAULT: Limits = Limits {
        file_bytes: 512 << 20,
        entries: 10_000,
        directory_bytes: 16 << 20,
        unpacked_bytes: 4 << 30,
        part_bytes: 64 << 20,
        shared_strings_bytes: 512 << 20,
        shared_strings: 1 << 24,
        token_bytes: super::xml::MAX_TOKEN_BYTES,
        styles: 65_536,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// One part of the archive.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    method: u16,
    flags: u16,
    crc: u32,
    compressed: u64,
    size: u64,
    /// Where its local header starts.
    offset: u64,
}

/// An archive whose directory has been read.
pub struct Archive<R> {
    source: R,
    entries: Vec<Entry>,
    /// Bytes inflated so far, all parts together.
    unpacked: u64,
    pub limits: Limits,
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    b.get(at..at + 2)
        .map_or(0, |x| u16::from_le_bytes([x[0], x[1]]))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .map_or(0, |x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 8).map_or(0, |x| {
        let mut a = [0u8; 8];
        a.copy_from_slice(x);
        u64::from_le_bytes(a)
    })
}

const NOT_A_ZIP: &str = "not an .xlsx workbook (no zip directory: a CSV or another file renamed?)";

fn read_at<R: Read + Seek>(source: &mut R, at: u64, len: usize) -> io::Result<Vec<u8>> {
    source.seek(SeekFrom::Start(at))?;
    let mut buf = vec![0u8; len];
    source.read_exact(&mut buf)?;
    Ok(buf)
}

impl<R: Read + Seek> Archive<R> {
    /// Reads the directory of the archive in `source`.
    pub fn open(mut source: R, limits: Limits) -> Result<Archive<R>, String> {
        let failed = |e: io::Error| e.to_string();
        let len = source.seek(SeekFrom::End(0)).map_err(failed)?;
        if len > limits.file_bytes {
            return Err(format!(
                "the workbook is {len} bytes, more than the {} a workbook may have \
                 (wengang's limit; save the sheet as CSV)",
                limits.file_bytes
            ));
        }
        // The end record: 22 bytes and a comment of at most 65,535.
        let tail_len = len.min(22 + 65_535);
        let tail = read_at(&mut source, len - tail_len, tail_len as usize).map_err(failed)?;
        let end = (0..tail.len().saturating_sub(21))
            .rev()
            .find(|&i| {
                u32_at(&tail, i) == 0x0605_4b50
                    && i + 22 + usize::from(u16_at(&tail, i + 20)) == tail.len()
            })
            .ok_or_else(|| NOT_A_ZIP.to_owned())?;
        let end_at = len - tail_len + end as u64;
        let eocd = &tail[end..];
        if u16_at(eocd, 4) != 0 || u16_at(eocd, 6) != 0 {
            return Err("a zip archive on several disks is not read".to_owned());
        }
        let mut count = u64::from(u16_at(eocd, 10));
        let mut directory_bytes = u64::from(u32_at(eocd, 12));
        let mut directory_at = u64::from(u32_at(eocd, 16));
        if count == 0xFFFF || directory_bytes == 0xFFFF_FFFF || directory_at == 0xFFFF_FFFF {
            // ZIP64: a locator right before the end record points at the
            // ZIP64 end record, which has the full sizes.
            let locator = end_at
                .checked_sub(20)
                .and_then(|at| read_at(&mut source, at, 20).ok())
                .filter(|l| u32_at(l, 0) == 0x0706_4b50)
                .ok_or_else(|| "a damaged ZIP64 end record".to_owned())?;
            let record = read_at(&mut source, u64_at(&locator, 8), 56)
                .ok()
                .filter(|r| u32_at(r, 0) == 0x0606_4b50)
                .ok_or_else(|| "a damaged ZIP64 end record".to_owned())?;
            count = u64_at(&record, 32);
            directory_bytes = u64_at(&record, 40);
            directory_at = u64_at(&record, 48);
        }
        if count > limits.entries {
            return Err(format!(
                "the workbook has {count} parts, more than {} (wengang's limit)",
                limits.entries
            ));
        }
        if directory_bytes > limits.directory_bytes
            || directory_at.saturating_add(directory_bytes) > len
        {
            return Err(format!(
                "a zip directory of {directory_bytes} bytes (wengang's limit is {}, and it must \
                 lie within the file): a damaged workbook",
                limits.directory_bytes
            ));
        }
        let directory =
            read_at(&mut source, directory_at, directory_bytes as usize).map_err(failed)?;
        let mut entries = Vec::with_capacity(count as usize);
        let mut at = 0usize;
        for _ in 0..count {
            let header = directory
                .get(at..at + 46)
                .filter(|h| u32_at(h, 0) == 0x0201_4b50)
                .ok_or_else(|| "a damaged zip directory".to_owned())?;
            let name_len = usize::from(u16_at(header, 28));
            let extra_len = usize::from(u16_at(header, 30));
            let comment_len = usize::from(u16_at(header, 32));
            let name = directory
                .get(at + 46..at + 46 + name_len)
                .ok_or_else(|| "a damaged zip directory".to_owned())?;
            let extra = directory
                .get(at + 46 + name_len..at + 46 + name_len + extra_len)
                .unwrap_or_default();
            let mut entry = Entry {
                name: String::from_utf8_lossy(name).into_owned(),
                method: u16_at(header, 10),
                flags: u16_at(header, 8),
                crc: u32_at(header, 16),
                compressed: u64::from(u32_at(header, 20)),
                size: u64::from(u32_at(header, 24)),
                offset: u64::from(u32_at(header, 42)),
            };
            zip64_sizes(&mut entry, extra);
            entries.push(entry);
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive {
            source,
            entries,
            unpacked: 0,
            limits,
        })
    }

    /// Is there a part of this name (case as given, or any case)?
    fn find(&self, name: &str) -> Option<usize> {
        let name = name.trim_start_matches('/');
        self.entries
            .iter()
            .position(|e| e.name == name)
            .or_else(|| {
                self.entries
                    .iter()
                    .position(|e| e.name.eq_ignore_ascii_case(name))
            })
    }

    /// Does the archive have this part?
    pub fn has(&self, name: &str) -> bool {
        self.find(name).is_some()
    }

    /// The part named `name`, inflated as it is read, at most `limit`
    /// bytes (and within the workbook's total); `None` when there is none.
    pub fn part(&mut self, name: &str, limit: u64) -> Result<Option<Part<'_>>, String> {
        let Some(i) = self.find(name) else {
            return Ok(None);
        };
        let entry = self.entries[i].clone();
        if entry.flags & 1 != 0 {
            return Err(format!(
                "{}: encrypted (a workbook with a password is not read)",
                entry.name
            ));
        }
        let local = read_at(&mut self.source, entry.offset, 30)
            .ok()
            .filter(|h| u32_at(h, 0) == 0x0403_4b50)
            .ok_or_else(|| format!("{}: a damaged zip entry", entry.name))?;
        // Saturating: an offset from a ZIP64 field can be anything; past
        // the end it is a read error, never an overflow.
        let data_at = entry
            .offset
            .saturating_add(30)
            .saturating_add(u64::from(u16_at(&local, 26)))
            .saturating_add(u64::from(u16_at(&local, 28)));
        self.source
            .seek(SeekFrom::Start(data_at))
            .map_err(|e| e.to_string())?;
        let raw = (&mut self.source).take(entry.compressed);
        let inflated: Box<dyn Read + '_> = match entry.method {
            0 => Box::new(raw),
            8 => Box::new(flate2::bufread::DeflateDecoder::new(
                BufReader::with_capacity(1 << 16, raw),
            )),
            m => {
                return Err(format!(
                    "{}: compression method {m} (only stored and deflated parts are read)",
                    entry.name
                ))
            }
        };
        Ok(Some(Part {
            inner: inflated,
            crc: crc32fast::Hasher::new(),
            read: 0,
            limit,
            unpacked: &mut self.unpacked,
            total: self.limits.unpacked_bytes,
            entry,
            checked: false,
        }))
    }
}

/// Sizes and offset from a ZIP64 extra field, where the directory says
/// 0xFFFFFFFF.
fn zip64_sizes(entry: &mut Entry, mut extra: &[u8]) {
    while extra.len() >= 4 {
        let id = u16_at(extra, 0);
        let len = usize::from(u16_at(extra, 2));
        let Some(data) = extra.get(4..4 + len) else {
            return;
        };
        if id == 1 {
            let mut at = 0;
            for field in [&mut entry.size, &mut entry.compressed, &mut entry.offset] {
                if *field == 0xFFFF_FFFF {
                    *field = u64_at(data, at);
                    at += 8;
                }
            }
            return;
        }
        extra = &extra[4 + len..];
    }
}

/// One part being inflated.
pub struct Part<'a> {
    inner: Box<dyn Read + 'a>,
    crc: crc32fast::Hasher,
    read: u64,
    limit: u64,
    unpacked: &'a mut u64,
    total: u64,
    entry: Entry,
    /// The checksum and size were checked (at the end).
    checked: bool,
}

impl Read for Part<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        *self.unpacked += n as u64;
        if self.read > self.limit {
            return Err(io::Error::other(format!(
                "unpacks to more than {} bytes (wengang's limit for this part)",
                self.limit
            )));
        }
        if *self.unpacked > self.total {
            return Err(io::Error::other(format!(
                "the workbook unpacks to more than {} bytes (wengang's limit for a workbook)",
                self.total
            )));
        }
        if n == 0 && !buf.is_empty() && !self.checked {
            self.checked = true;
            let crc = std::mem::take(&mut self.crc).finalize();
            if crc != self.entry.crc || self.read != self.entry.size {
                return Err(io::Error::other(
                    "damaged (its size or checksum is not the one the zip directory gives)",
                ));
            }
        } else {
            self.crc.update(&buf[..n]);
        }
        Ok(n)
    }
}
