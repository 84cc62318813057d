//! Character-level predicates shared by the rules (spec §1.6).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Empty, or only whitespace (any Unicode white space).
pub(crate) fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// C0/C1 controls (U+0000–U+001F, U+007F–U+009F) and bidi embeddings,
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069).
pub(crate) fn is_forbidden_char(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether the string holds any character of [`is_forbidden_char`].
pub(crate) fn has_forbidden_chars(s: &str) -> bool {
    // Every forbidden character is ASCII or starts with byte 0xC2 or 0xE2 in UTF-8, so most
    // strings are cleared by one table lookup per byte, without decoding.
    s.bytes().any(|b| SUSPECT[usize::from(b)]) && s.chars().any(is_forbidden_char)
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
    fn folds() {
        assert_eq!(ascii_fold("María").as_deref(), Some("Maria"));
        assert_eq!(ascii_fold("Ærøskøbing"), None);
        assert_eq!(ascii_fold("Straße"), None);
        assert_eq!(ascii_fold("Мария"), None);
        assert_eq!(ascii_fold("Ｍaria").as_deref(), Some("Maria"));
    }
}
