//! The .xlsx reader's XML tokenizer (`batch::xml`) alone, on any bytes.
//!
//! Bytes: a mode byte (bits 0–3: the buffer the reader sees at a time,
//! 1 to 16 bytes; bits 4–7: the token limit, 8 × 2^k bytes), then the part.
//!
//! Invariants: nothing panics. The tokens, names, attributes, kept text
//! and errors are the same whether the part arrives in buffers of a few
//! bytes or whole (no token depends on where a read ends). Every name
//! and kept text is within the token limit; a part of n bytes gives at
//! most n + 1 tokens; after the end comes only the end. Decoded text has
//! no CR left (XML's line ends), and OOXML's escapes undo without
//! panicking.
#![no_main]

use std::io::BufReader;

use libfuzzer_sys::fuzz_target;
use wengang_engine::batch::xml::{self, Reader, Token};

/// What a walk over a part saw, in order.
fn walk<R: std::io::BufRead>(input: R, len: usize, max_token: usize) -> Vec<String> {
    let mut r = Reader::new(input);
    r.max_token = max_token;
    let mut seen = Vec::new();
    // A tag takes at least two bytes (`<>`); an empty element's end none
    // (it follows its start); the end none.
    for _ in 0..len + 2 {
        match r.next_token() {
            Err(e) => {
                seen.push(format!("error: {e}"));
                return seen;
            }
            Ok(Token::Eof) => {
                seen.push("eof".to_owned());
                // The end stays the end.
                assert_eq!(r.next_token(), Ok(Token::Eof));
                return seen;
            }
            Ok(Token::Start) => {
                let name = r.name().to_vec();
                assert!(name.len() <= max_token);
                assert!(!name.contains(&b':'), "a prefix is dropped");
                let attrs: Vec<_> = [&b"r"[..], b"t", b"v", b"Id"]
                    .iter()
                    .map(|key| r.attr(key).map(|v| v.map(|v| v.into_owned())))
                    .collect();
                if name == b"t" || name == b"v" {
                    r.keep_text();
                }
                seen.push(format!("<{} {attrs:?}", String::from_utf8_lossy(&name)));
            }
            Ok(Token::End) => {
                let name = r.name().to_vec();
                assert!(name.len() <= max_token);
                let mut text = None;
                if name == b"t" || name == b"v" {
                    let raw = r.take_text().to_vec();
                    assert!(raw.len() <= max_token, "kept {} > {max_token}", raw.len());
                    let mut decoded = String::new();
                    let d = xml::decode(&raw, &mut decoded).map(|()| {
                        assert!(!decoded.contains('\r'), "line ends are normalised");
                        xml::unescape_ooxml(&decoded).into_owned()
                    });
                    text = Some(d);
                }
                seen.push(format!("{}> {text:?}", String::from_utf8_lossy(&name)));
            }
        }
    }
    panic!("more tokens than a part of {len} bytes can hold");
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, part)) = data.split_first() else {
        return;
    };
    let buffer = usize::from(mode & 15) + 1;
    let max_token = 8usize << (mode >> 4);
    let whole = walk(part, part.len(), max_token);
    let pieces = walk(
        BufReader::with_capacity(buffer, part),
        part.len(),
        max_token,
    );
    assert_eq!(whole, pieces, "buffers of {buffer} bytes");
});
