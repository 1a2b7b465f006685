//! The XML of a workbook's parts, read as tags and text with every piece
//! bounded: a tag, a run of text (kept or skipped) or a CDATA section
//! longer than [`Reader::max_token`] bytes is an error, so no part can make
//! the reader hold more than that, however it is built (a 3 GiB cell, a
//! 3 GiB run of white space between rows). No DTD is read (no entity can
//! expand); the five predefined entities and character references are.
//!
//! What SpreadsheetML needs and no more: namespace prefixes are dropped
//! from names (`x:c` is `c`), comments and processing instructions are
//! skipped, an empty element (`<c/>`) is a start and an end.

use std::borrow::Cow;
use std::io::BufRead;

/// The longest tag, run of text or CDATA section: 1 MiB. A cell holds at
/// most 32,767 characters (Excel's limit), under 330 KB even written as
/// character references.
pub const MAX_TOKEN_BYTES: usize = 1 << 20;

/// What [`Reader::next`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    /// A start tag (or an empty element, whose [`Token::End`] follows):
    /// [`Reader::name`] and [`Reader::attr`] read it.
    Start,
    /// An end tag: [`Reader::name`] is its name.
    End,
    /// The end of the part.
    Eof,
}

/// Tags and text of one part.
pub struct Reader<R> {
    input: R,
    /// The current tag, between `<` and `>` (an end tag's `/` dropped).
    tag: Vec<u8>,
    /// Text kept since [`Reader::keep_text`] (raw: entities not decoded).
    text: Vec<u8>,
    keep: bool,
    /// An empty element's end, due next.
    pending_end: bool,
    /// See [`MAX_TOKEN_BYTES`]; less in tests.
    pub max_token: usize,
}

fn too_long(what: &str, limit: usize) -> String {
    format!("{what} longer than {limit} bytes (the limit of one cell or tag)")
}

impl<R: BufRead> Reader<R> {
    pub fn new(input: R) -> Reader<R> {
        Reader {
            input,
            tag: Vec::new(),
            text: Vec::new(),
            keep: false,
            pending_end: false,
            max_token: MAX_TOKEN_BYTES,
        }
    }

    /// Starts keeping text (and CDATA) from here, cleared.
    pub fn keep_text(&mut self) {
        self.keep = true;
        self.text.clear();
    }

    /// Stops keeping text; what was kept is returned, raw.
    pub fn take_text(&mut self) -> &[u8] {
        self.keep = false;
        &self.text
    }

    /// The next tag (text between tags is kept or skipped on the way).
    pub fn next_token(&mut self) -> Result<Token, String> {
        if self.pending_end {
            self.pending_end = false;
            return Ok(Token::End);
        }
        let mut run = 0usize;
        loop {
            let max = self.max_token;
            let keep = self.keep;
            let buf = fill(&mut self.input)?;
            if buf.is_empty() {
                return Ok(Token::Eof);
            }
            if buf[0] != b'<' {
                let n = memchr::memchr(b'<', buf).unwrap_or(buf.len());
                run += n;
                if run > max || keep && self.text.len() + n > max {
                    return Err(too_long("text", max));
                }
                if keep {
                    self.text.extend_from_slice(&buf[..n]);
                }
                self.input.consume(n);
                continue;
            }
            self.input.consume(1);
            run = 0;
            match fill(&mut self.input)?.first() {
                Some(b'?') => self.skip_until(b"?>")?,
                Some(b'!') => {
                    if let Some(token) = self.declaration()? {
                        return Ok(token);
                    }
                }
                Some(b'/') => {
                    self.input.consume(1);
                    self.read_tag()?;
                    return Ok(Token::End);
                }
                Some(_) => {
                    self.read_tag()?;
                    if self.tag.last() == Some(&b'/') {
                        self.tag.pop();
                        self.pending_end = true;
                    }
                    return Ok(Token::Start);
                }
                None => return Err("the part ends inside a tag".to_owned()),
            }
        }
    }

    /// `<!--…-->` and `<![CDATA[…]]>` (its text kept like any other);
    /// a DTD is refused.
    fn declaration(&mut self) -> Result<Option<Token>, String> {
        let mut head = [0u8; 8];
        let mut got = 0;
        while got < head.len() {
            let buf = fill(&mut self.input)?;
            let Some(&b) = buf.first() else { break };
            head[got] = b;
            got += 1;
            self.input.consume(1);
            if &head[..got] == b"!--" {
                self.skip_until(b"-->")?;
                return Ok(None);
            }
        }
        if &head[..got] == b"![CDATA[" {
            self.cdata()?;
            return Ok(None);
        }
        Err(
            "a declaration (<!DOCTYPE or another) that a workbook does not have: not read \
             (an entity could expand without end)"
                .to_owned(),
        )
    }

    /// Skips past `end`, holding nothing; bounded like any token.
    fn skip_until(&mut self, end: &[u8]) -> Result<(), String> {
        let mut matched = 0;
        let mut seen = 0usize;
        loop {
            let buf = fill(&mut self.input)?;
            if buf.is_empty() {
                return Err("the part ends inside a comment or instruction".to_owned());
            }
            let mut used = 0;
            for &b in buf {
                used += 1;
                if seen + used > self.max_token {
                    return Err(too_long("a comment or instruction", self.max_token));
                }
                matched = if b == end[matched] {
                    matched + 1
                } else if b == end[0] {
                    1
                } else {
                    0
                };
                if matched == end.len() {
                    self.input.consume(used);
                    return Ok(());
                }
            }
            seen += used;
            self.input.consume(used);
        }
    }

    /// The text of a CDATA section (after `<![CDATA[`), up to `]]>`.
    fn cdata(&mut self) -> Result<(), String> {
        let mut section = Vec::new();
        loop {
            let buf = fill(&mut self.input)?;
            if buf.is_empty() {
                return Err("the part ends inside a CDATA section".to_owned());
            }
            let b = buf[0];
            self.input.consume(1);
            section.push(b);
            if section.ends_with(b"]]>") {
                section.truncate(section.len() - 3);
                break;
            }
            if section.len() > self.max_token {
                return Err(too_long("a CDATA section", self.max_token));
            }
        }
        if self.keep {
            if self.text.len() + section.len() > self.max_token {
                return Err(too_long("text", self.max_token));
            }
            // Kept as text: its `&` and `<` are not markup.
            for b in section {
                match b {
                    b'&' => self.text.extend_from_slice(b"&amp;"),
                    b'<' => self.text.extend_from_slice(b"&lt;"),
                    _ => self.text.push(b),
                }
            }
        }
        Ok(())
    }

    /// Reads a tag's bytes up to its `>` (outside quoted values).
    fn read_tag(&mut self) -> Result<(), String> {
        self.tag.clear();
        let mut quote: Option<u8> = None;
        loop {
            let max = self.max_token;
            let buf = fill(&mut self.input)?;
            if buf.is_empty() {
                return Err("the part ends inside a tag".to_owned());
            }
            let mut used = 0;
            let mut done = false;
            while used < buf.len() {
                let rest = &buf[used..];
                let found = match quote {
                    Some(q) => memchr::memchr(q, rest),
                    None => memchr::memchr3(b'>', b'"', b'\'', rest),
                };
                let Some(i) = found else {
                    used = buf.len();
                    break;
                };
                let b = rest[i];
                used += i + 1;
                match quote {
                    Some(_) => quote = None,
                    None if b == b'>' => {
                        done = true;
                        break;
                    }
                    None => quote = Some(b),
                }
            }
            let take = if done { used - 1 } else { used };
            if self.tag.len() + take > max {
                return Err(too_long("a tag", max));
            }
            self.tag.extend_from_slice(&buf[..take]);
            self.input.consume(used);
            if done {
                return Ok(());
            }
        }
    }

    /// The current tag's name, without a namespace prefix.
    pub fn name(&self) -> &[u8] {
        let end = self
            .tag
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/')
            .unwrap_or(self.tag.len());
        local(&self.tag[..end])
    }

    /// The value of the current tag's attribute named `key` (without a
    /// prefix), entities decoded; `None` when it has none.
    pub fn attr(&self, key: &[u8]) -> Result<Option<Cow<'_, str>>, String> {
        let mut rest = &self.tag[..];
        let name_end = rest
            .iter()
            .position(|b| b.is_ascii_whitespace())
            .unwrap_or(rest.len());
        rest = &rest[name_end..];
        loop {
            rest = trim_start(rest);
            if rest.is_empty() {
                return Ok(None);
            }
            let eq = rest
                .iter()
                .position(|b| *b == b'=')
                .ok_or_else(|| "an attribute without a value".to_owned())?;
            let name = trim_end(&rest[..eq]);
            rest = trim_start(&rest[eq + 1..]);
            let quote = match rest.first() {
                Some(q @ (b'"' | b'\'')) => *q,
                _ => return Err("an attribute value without quotes".to_owned()),
            };
            let close = rest[1..]
                .iter()
                .position(|b| *b == quote)
                .ok_or_else(|| "an attribute value never closed".to_owned())?;
            let value = &rest[1..1 + close];
            rest = &rest[close + 2..];
            if local(name) == key {
                let mut out = String::new();
                decode(value, &mut out)?;
                return Ok(Some(Cow::Owned(out)));
            }
        }
    }
}

/// The next bytes of `input` (empty at its end).
fn fill<R: BufRead>(input: &mut R) -> Result<&[u8], String> {
    loop {
        match input.fill_buf() {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.to_string()),
            // Asked again below: the borrow cannot leave the loop.
            Ok(_) => break,
        }
    }
    input.fill_buf().map_err(|e| e.to_string())
}

fn local(name: &[u8]) -> &[u8] {
    match name.iter().rposition(|b| *b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

fn trim_end(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    &bytes[..end]
}

/// Appends XML text (UTF-8, entities and character references decoded,
/// line ends normalised as XML does: CR LF and lone CR are LF).
pub fn decode(raw: &[u8], out: &mut String) -> Result<(), String> {
    let text = std::str::from_utf8(raw).map_err(|e| {
        format!(
            "not UTF-8 text (byte {} of a cell or name)",
            e.valid_up_to()
        )
    })?;
    if !text.contains(['&', '\r']) {
        out.push_str(text);
        return Ok(());
    }
    let mut rest = text;
    while let Some(i) = rest.find(['&', '\r']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if let Some(after) = rest.strip_prefix('\r') {
            out.push('\n');
            rest = after.strip_prefix('\n').unwrap_or(after);
            continue;
        }
        let end = rest
            .find(';')
            .filter(|&e| e <= 12)
            .ok_or_else(|| "a `&` that starts no entity".to_owned())?;
        let entity = &rest[1..end];
        let c = match entity {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let number = if let Some(hex) = entity.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = entity.strip_prefix('#') {
                    dec.parse::<u32>().ok()
                } else {
                    None
                };
                number
                    .and_then(char::from_u32)
                    .ok_or_else(|| format!("an unknown entity `&{entity};`"))?
            }
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Ok(())
}

/// Undoes OOXML's `_xHHHH_` escapes in cell text (how Excel writes a
/// character XML cannot hold, such as a control character; `_x005F_` is
/// the underscore itself). Unchanged when there is none.
pub fn unescape_ooxml(text: &str) -> Cow<'_, str> {
    if !text.contains("_x") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("_x") {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let escaped = rest
            .get(2..6)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .filter(|_| rest.as_bytes().get(6) == Some(&b'_'))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32);
        match escaped {
            Some(c) => {
                out.push(c);
                rest = &rest[7..];
            }
            None => {
                out.push_str("_x");
                rest = &rest[2..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(xml: &str) -> Result<Vec<String>, String> {
        let mut r = Reader::new(xml.as_bytes());
        let mut out = Vec::new();
        loop {
            match r.next_token()? {
                Token::Start => {
                    let name = String::from_utf8_lossy(r.name()).into_owned();
                    let v = r.attr(b"v")?.map(|v| format!("[{v}]")).unwrap_or_default();
                    if name == "t" {
                        r.keep_text();
                    }
                    out.push(format!("<{name}{v}"));
                }
                Token::End => {
                    let name = String::from_utf8_lossy(r.name()).into_owned();
                    if name == "t" {
                        let mut text = String::new();
                        decode(r.take_text(), &mut text)?;
                        out.push(format!("'{text}'"));
                    }
                    out.push(format!("{name}>"));
                }
                Token::Eof => return Ok(out),
            }
        }
    }

    #[test]
    fn tags_text_and_entities() {
        let got = tokens(
            "<?xml version=\"1.0\"?><!-- a > comment --><x:a v='1 &amp; 2' w=\">\"><t>a&lt;b&#x4E2D;&#22269;\r\n</t>\
             <b/><t><![CDATA[<&>]]></t></x:a>",
        )
        .unwrap();
        assert_eq!(
            got,
            [
                "<a[1 & 2]",
                "<t",
                "'a<b中国\n'",
                "t>",
                "<b",
                "b>",
                "<t",
                "'<&>'",
                "t>",
                "a>"
            ]
        );
    }

    #[test]
    fn every_token_is_bounded() {
        let limit = |xml: String| {
            let mut r = Reader::new(xml.as_bytes());
            r.max_token = 64;
            loop {
                match r.next_token() {
                    Ok(Token::Eof) => return Ok(()),
                    Ok(Token::Start) if r.name() == b"t" => r.keep_text(),
                    Ok(_) => {}
                    Err(e) => return Err(e),
                }
            }
        };
        let long = "x".repeat(100);
        assert!(limit(format!("<a>{long}</a>"))
            .unwrap_err()
            .contains("longer than 64"));
        assert!(
            limit(format!("<a>{}</a>", " ".repeat(100))).is_err(),
            "white space too"
        );
        assert!(limit(format!("<a v=\"{long}\"/>")).is_err());
        assert!(limit(format!(
            "<a><t>{}</t></a>",
            "y".repeat(40) + "<b/>" + &"y".repeat(40)
        ))
        .is_err());
        assert!(limit(format!("<a><!--{long}--></a>")).is_err());
        assert!(limit(format!("<a><t><![CDATA[{long}]]></t></a>")).is_err());
        assert!(limit(format!("<a>{}</a>", "x".repeat(60))).is_ok());
    }

    #[test]
    fn a_dtd_and_broken_markup_are_errors() {
        assert!(tokens("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>").is_err());
        assert!(tokens("<a").is_err());
        assert!(tokens("<a><t>&bogus;</t></a>").is_err());
        assert!(tokens("<a><t>&#xD800;</t></a>").is_err());
        assert!(tokens("<a v=1/>").is_err());
        assert!(tokens("<a><t>\u{0}</t></a>").is_ok());
    }

    #[test]
    fn ooxml_escapes() {
        assert_eq!(unescape_ooxml("a_x000D_b"), "a\rb");
        assert_eq!(unescape_ooxml("_x005F_x000D_"), "_x000D_");
        assert_eq!(unescape_ooxml("_x00_ and _xZZZZ_"), "_x00_ and _xZZZZ_");
        assert!(matches!(unescape_ooxml("plain"), Cow::Borrowed(_)));
    }
}
