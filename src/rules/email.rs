//! ## What it does
//! Checks `email`: it must be a `local@domain` address (`invalid_email`) —
//! a dot-atom local part (RFC 5322 atext, dots only between atoms) and a
//! domain of at least two LDH labels (letters, digits, hyphens; no hyphen at
//! either end; 1 to 63 characters), within RFC 5321's lengths (local part at
//! most 64, address at most 254) — and entirely lowercase
//! (`email_not_lowercase`). With suggestions on, the lowercase address is suggested.
//!
//! ## Why
//! `format: email`, and "must be all lowercase" or a validation error is
//! returned (spec §1.4; S1, S2, S4, S6).
//!
//! ## Example
//! Invalid: `"Maria.Garcia@Example.com"` (not lowercase), `"maria@localhost"`. Valid: `"maria.garcia@example.com"`.

use super::{Applies, Check, Rule};
use crate::context::Context;
use crate::model::{Field, StrKind};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;
use crate::wording::Wording;

pub(crate) const RULE: Rule = Rule {
    name: "email",
    doc: include_str!("email.rs"),
    codes: &[Code::InvalidEmail, Code::EmailNotLowercase],
    summary: "Emails must be local@domain addresses, all lowercase.",
    source: "spec §1.4 (S1 format: email, S2, S4, S6 lowercase)",
    check: Check::field(Applies::EMAIL, check),
};

fn is_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&b)
}

fn is_label(l: &[u8]) -> bool {
    (1..=63).contains(&l.len())
        && l.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-')
        && l[0] != b'-'
        && l[l.len() - 1] != b'-'
}

/// Whether `s` is a `local@domain` address (case-insensitive).
pub(crate) fn is_email(s: &str) -> bool {
    // RFC 5321 §4.5.3.1: an address of at most 254 octets, a local part of at most 64.
    if s.len() > 254 {
        return false;
    }
    let Some(at) = s.bytes().position(|b| b == b'@') else {
        return false;
    };
    let (local, domain) = (&s[..at], &s[at + 1..]);
    if domain.contains('@') {
        return false;
    }
    if local.len() > 64 {
        return false;
    }
    dot_separated(local.as_bytes(), 1, |atom| atom.iter().all(|&b| is_atext(b)))
        && dot_separated(domain.as_bytes(), 2, is_label)
}

/// Whether `s` is at least `min_parts` dot-separated parts, each non-empty and `part_ok`
/// (one pass, no allocation).
fn dot_separated(s: &[u8], min_parts: usize, part_ok: impl Fn(&[u8]) -> bool) -> bool {
    let mut parts = 0;
    for part in s.split(|&b| b == b'.') {
        if part.is_empty() || !part_ok(part) {
            return false;
        }
        parts += 1;
    }
    parts >= min_parts
}

fn check(loc: &Loc<'_>, field: Field<'_>, _: &Context, sink: &mut Sink) {
    let Field::Str { value: Some(s), kind: StrKind::Email, .. } = field else {
        return;
    };
    if !is_email(s) {
        sink.emit(
            Code::InvalidEmail,
            loc,
            Wording::Named("`", "` must be an email address of the form local@domain.tld, in ASCII."),
        );
    } else if s.bytes().any(|b| b.is_ascii_uppercase()) {
        sink.emit_suggesting(
            Code::EmailNotLowercase,
            loc,
            Wording::Named("`", "` must be entirely lowercase."),
            || Some(s.to_ascii_lowercase()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::is_email;

    #[test]
    fn emails() {
        for ok in ["a@b.co", "maria.garcia@example.com", "x+tag@sub.example-1.org", "A@B.CO", "o'neil@x.ie"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a@b",
            "@b.co",
            "a@.co",
            "a@b.",
            "a..b@c.co",
            ".a@b.co",
            "a.@b.co",
            "a@b..co",
            "a@-b.co",
            "a@b-.co",
            "a b@c.co",
            "a@b@c.co",
            "maría@x.co",
            "a@x_y.co",
            "\"a\"@b.co",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        assert!(!is_email(&format!("a@{}.co", "x".repeat(64))));
        assert!(is_email(&format!("{}@b.co", "x".repeat(64))));
        assert!(!is_email(&format!("{}@b.co", "x".repeat(65))));
        assert!(!is_email(&format!("a@{}.co", vec!["x".repeat(63); 4].join("."))));
    }
}
