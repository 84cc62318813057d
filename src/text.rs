//! Character-level predicates shared by the rules (spec §1.6).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Empty, or only whitespace (any Unicode white space).
pub(crate) fn is_blank(s: &str) -> bool {
    // Most strings start with a visible ASCII character: decided without decoding.
    match s.as_bytes().first() {
        Some(b) if b.is_ascii_graphic() => false,
        _ => s.chars().all(char::is_whitespace),
    }
}

/// C0/C1 controls (U+0000–U+001F, U+007F–U+009F) and bidi embeddings,
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069).
pub(crate) fn is_forbidden_char(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether the string holds any character of [`is_forbidden_char`].
pub(crate) fn has_forbidden_chars(s: &str) -> bool {
    // Every forbidden character is ASCII or starts with byte 0xC2 or 0xE2 in UTF-8, so most
    // strings are cleared without decoding: eight printable ASCII bytes at a time, then one
    // table lookup per remaining byte. Only a suspect string is decoded.
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let suspect = chunks.by_ref().any(|c| {
        let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        !all_printable_ascii(word)
    }) || chunks.remainder().iter().any(|&b| SUSPECT[usize::from(b)]);
    suspect && s.chars().any(is_forbidden_char)
}

/// Whether all eight bytes of `word` are in 0x20..=0x7E (SWAR: no byte has the high bit,
/// none is below 0x20, none is 0x7F).
fn all_printable_ascii(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    let del = word ^ (ONES * 0x7f);
    let is_del = del.wrapping_sub(ONES) & !del & HIGH;
    (word & HIGH) | below_space | is_del == 0
}

/// Bytes that may start a forbidden character.
static SUSPECT: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2;
        b += 1;
    }
    t
};

/// Neither blank nor holding forbidden characters: the string-level rules
/// that came first have nothing to say, so format and semantic rules may look at it.
pub(crate) fn is_clean(s: &str) -> bool {
    !is_blank(s) && !has_forbidden_chars(s)
}

/// The ASCII fold of a Latin string (NFKD, combining marks removed), if the result is ASCII.
/// `María` gives `Maria`; `Мария` gives nothing.
pub(crate) fn ascii_fold(s: &str) -> Option<String> {
    let folded: String = s.nfkd().filter(|c| !is_combining_mark(*c)).collect();
    folded.is_ascii().then_some(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank() {
        assert!(is_blank(""));
        assert!(is_blank(" \t\u{3000}"));
        assert!(!is_blank(" a "));
    }

    #[test]
    fn forbidden() {
        for s in ["a\u{0}b", "\u{1f}", "\u{7f}", "\u{85}", "\u{9f}", "a\u{202e}b", "\u{2066}", "\u{2069}"] {
            assert!(has_forbidden_chars(s), "{s:?}");
        }
        for s in ["María", "\u{a0}", "\u{202f}", "\u{2065}", "\u{206a}", "€", "ok"] {
            assert!(!has_forbidden_chars(s), "{s:?}");
        }
    }

    #[test]
    fn forbidden_characters_are_found_at_every_position_of_every_length() {
        for len in 1..30 {
            for at in 0..len {
                for bad in ['\u{0}', '\u{1f}', '\u{7f}', '\u{85}', '\u{202e}'] {
                    let s: String = (0..len).map(|i| if i == at { bad } else { 'a' }).collect();
                    assert!(has_forbidden_chars(&s), "{s:?}");
                }
                let s: String = (0..len).map(|i| if i == at { 'é' } else { '~' }).collect();
                assert!(!has_forbidden_chars(&s), "{s:?}");
            }
        }
        assert!(!has_forbidden_chars(""));
    }

    #[test]
    fn word_scan_agrees_with_the_byte_table() {
        // Every byte value in every position of an eight-byte word, among printable neighbours.
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut w = [b'a'; 8];
                w[pos] = b;
                let word = u64::from_le_bytes(w);
                let printable = (0x20..=0x7e).contains(&b);
                assert_eq!(all_printable_ascii(word), printable, "byte {b:#04x} at {pos}");
            }
        }
        assert!(has_forbidden_chars("a long ASCII string\u{7f}"));
        assert!(has_forbidden_chars("12345678\u{202e}"));
        assert!(!has_forbidden_chars("12345678María"));
    }

    #[test]
    fn folds() {
        assert_eq!(ascii_fold("María").as_deref(), Some("Maria"));
        assert_eq!(ascii_fold("Ærøskøbing"), None);
        assert_eq!(ascii_fold("Straße"), None);
        assert_eq!(ascii_fold("Мария"), None);
        assert_eq!(ascii_fold("Ｍaria").as_deref(), Some("Maria"));
    }
}
