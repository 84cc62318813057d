//! ## What it does
//! Reports a phone number that is not E.164 (`invalid_phone`): a `+`, then
//! 8 to 15 digits, the first not 0, and nothing else (no spaces, dashes or
//! brackets).
//!
//! ## Why
//! `phone` is "E.164 format" (spec §1.5; S1, S6-V1).
//!
//! ## Example
//! Invalid: `"+1 415 555 2671"`, `"4155552671"`. Valid: `"+14155552671"`.

use super::{subject, Applies, Check, Rule};
use crate::context::Context;
use crate::model::{Field, StrKind};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "invalid_phone",
    doc: include_str!("invalid_phone.rs"),
    codes: &[Code::InvalidPhone],
    summary: "Phone numbers must be E.164: + and 8 to 15 digits.",
    source: "spec §1.5 (S1 E.164)",
    check: Check::field(Applies::PHONE, check),
};

/// Whether `s` is `+` followed by 8 to 15 digits, the first not 0.
pub(crate) fn is_e164(s: &str) -> bool {
    let Some(digits) = s.strip_prefix('+') else {
        return false;
    };
    (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
}

fn check(loc: &Loc<'_>, field: Field<'_>, _: &Context, sink: &mut Sink) {
    if let Field::Str { value: Some(s), kind: StrKind::Phone, .. } = field {
        if !is_e164(s) {
            sink.emit(
                Code::InvalidPhone,
                loc,
                format!("{} must be in E.164 format: + and the country code, then the number, 8 to 15 digits in all, without spaces.", subject(loc)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_e164;

    #[test]
    fn e164() {
        assert!(is_e164("+14155552671"));
        assert!(is_e164("+12345678"));
        assert!(is_e164("+123456789012345"));
        for bad in [
            "14155552671",
            "+1 4155552671",
            "+1234567",
            "+1234567890123456",
            "+0123456789",
            "+1415555267a",
            "++14155552671",
        ] {
            assert!(!is_e164(bad), "{bad}");
        }
    }
}
