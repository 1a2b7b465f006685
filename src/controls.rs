//! 控制字符 — characters that change what a reader sees without being
//! seen: refused in text fields (validation) and escaped wherever text
//! from a file is echoed (stderr, the CLI's messages).
//!
//! The set: the C0 controls U+0000–U+001F (tab and line breaks too: a
//! name, bank or signatory never needs them; white space at either end is
//! trimmed before this check), DEL U+007F, the C1 controls U+0080–U+009F,
//! the line and paragraph separators U+2028 and U+2029, and the
//! bidirectional formatting characters that reorder what follows them:
//! U+061C, U+200E, U+200F, U+202A–U+202E and U+2066–U+2069 (a name with
//! U+202E shows its end backwards, so `公司ABC` can read as `CBA司公`).

use std::borrow::Cow;
use std::fmt::Write as _;

/// Is `c` one of the characters this module refuses?
pub fn is_control(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1F}'
            | '\u{7F}'..='\u{9F}'
            | '\u{61C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// Is `c` a bidirectional formatting character (the rest are controls)?
pub fn is_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Bytes that may start one of the characters: C0 and DEL (ASCII), and
/// the lead bytes 0xC2 (C1), 0xD8 (U+061C) and 0xE2 (U+2000–U+2FFF).
const MAY_START: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[0x7F] = true;
    table[0xC2] = true;
    table[0xD8] = true;
    table[0xE2] = true;
    table
};

/// Might the eight bytes of `word` start one of the characters? `true`
/// for every byte of [`MAY_START`] and a few more (any lead byte from 0xC2
/// to 0xE2: accented Latin, Cyrillic, some punctuation), never `false` for
/// one of them; CJK text (lead bytes from 0xE3) and plain ASCII pass in
/// about two operations a byte.
fn word_may_start(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // ASCII bytes below 0x20 (a borrow only adds false positives).
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    // DEL.
    let del = {
        let x = word ^ (ONES * 0x7F);
        x.wrapping_sub(ONES) & !x & HIGH
    };
    // Bytes 0xC2..=0xE2: with the high bit flipped, 0x42..=0x62 among the
    // bytes that had it (the classic "has a byte between m and n").
    let flipped = word ^ HIGH;
    let low = flipped & LOW7;
    let leads =
        (ONES * (127 + 0x63)).wrapping_sub(low) & !flipped & (low + ONES * (127 - 0x41)) & HIGH;
    below_space | del | leads != 0
}

/// The first control character in `text`, with its position (1-based,
/// in characters), or `None`. A word test eight bytes at a time;
/// characters are decoded only past a byte that may start one.
pub fn first_control(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut words = bytes.chunks_exact(8);
    let mut suspect = false;
    for chunk in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if word_may_start(u64::from_le_bytes(word)) {
            suspect = true;
            break;
        }
    }
    suspect = suspect || words.remainder().iter().any(|&b| MAY_START[usize::from(b)]);
    if !suspect {
        return None;
    }
    text.chars()
        .enumerate()
        .find(|(_, c)| is_control(*c))
        .map(|(i, c)| (i + 1, c))
}

/// The longest text echoed whole, in characters.
pub const MAX_SHOWN_CHARS: usize = 200;

/// Text from a file as a message may show it: control characters as
/// `\u{1B}` (so an escape sequence cannot reach a terminal, and a line
/// break cannot forge a line of its own), a backslash as `\\` (so the
/// escapes are unambiguous), and cut after [`MAX_SHOWN_CHARS`] characters
/// with `…` and the full length. Unchanged (borrowed) in the usual case.
pub fn shown(text: &str) -> Cow<'_, str> {
    shown_up_to(text, MAX_SHOWN_CHARS)
}

/// [`shown`], cut after `max` characters.
pub fn shown_up_to(text: &str, max: usize) -> Cow<'_, str> {
    let long = text.len() > max && text.chars().nth(max).is_some();
    if !long && first_control(text).is_none() && !text.contains('\\') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().min(4 * max) + 32);
    for c in text.chars().take(max) {
        if c == '\\' {
            out.push_str("\\\\");
        } else if is_control(c) {
            let _ = write!(out, "\\u{{{:X}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    if long {
        let _ = write!(out, "… ({} characters in all)", text.chars().count());
    }
    Cow::Owned(out)
}

/// `U+202E`: how a message names a character.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_refused_characters_and_no_others() {
        for c in [
            '\0', '\u{7}', '\t', '\n', '\r', '\u{1B}', '\u{7F}', '\u{80}', '\u{9F}', '\u{61C}',
            '\u{200E}', '\u{200F}', '\u{2028}', '\u{2029}', '\u{202A}', '\u{202E}', '\u{2066}',
            '\u{2069}',
        ] {
            assert!(is_control(c), "{c:?}");
            let text = format!("苏州{c}公司");
            assert_eq!(first_control(&text), Some((3, c)), "{c:?}");
            let long = format!("abcdefghijklmnopqrstuvwxyz{c}");
            assert_eq!(first_control(&long), Some((27, c)), "{c:?}");
        }
        for c in [
            ' ', 'a', '~', '\u{A0}', '\u{A9}', '\u{600}', '\u{200B}', '\u{2010}', '\u{201C}',
            '\u{2030}', '\u{2065}', '\u{206A}', '苏', '（', '\u{3000}',
        ] {
            assert!(!is_control(c), "{c:?}");
            assert_eq!(
                first_control(&format!("苏州{c}公司有限责任")),
                None,
                "{c:?}"
            );
        }
        assert!(is_bidi('\u{202E}') && !is_bidi('\u{1B}'));
    }

    #[test]
    fn every_byte_that_starts_a_refused_character_is_in_the_table() {
        for c in (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| is_control(*c))
        {
            let mut buf = [0u8; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(MAY_START[usize::from(lead)], "{c:?}");
        }
    }

    #[test]
    fn the_word_test_misses_no_byte_of_the_table() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut word = [b'a'; 8];
                word[at] = b;
                let flagged = word_may_start(u64::from_le_bytes(word));
                if MAY_START[usize::from(b)] {
                    assert!(flagged, "{b:#x} at {at}");
                }
                // Plain ASCII and the bytes of CJK text are never flagged.
                if (0x20..0x7F).contains(&b) || b >= 0xE3 || (0x80..0xC0).contains(&b) {
                    assert!(!flagged, "{b:#x} at {at}");
                }
            }
        }
    }

    #[test]
    fn shown_text_escapes_controls_and_cuts_long_text() {
        assert!(matches!(shown("苏州示例"), Cow::Borrowed(_)));
        assert_eq!(shown("a\u{1B}[31mb\nc"), "a\\u{1B}[31mb\\u{A}c");
        assert_eq!(shown("a\\u{1B}"), "a\\\\u{1B}");
        assert_eq!(shown("x\u{202E}y"), "x\\u{202E}y");
        let long = "名".repeat(1000);
        let cut = shown(&long);
        assert!(cut.starts_with(&"名".repeat(200)));
        assert!(cut.ends_with("… (1000 characters in all)"), "{cut}");
        assert_eq!(code_point('\u{1B}'), "U+001B");
        assert_eq!(code_point('\u{202E}'), "U+202E");
    }
}
