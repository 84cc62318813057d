//! ## What it does
//! Reports a phone number that libphonenumber does not call possible
//! (`invalid_phone`). It must be E.164: a `+`, then the country calling code
//! and the number, digits only (no spaces, dashes or brackets), the first not
//! 0. And its national number (after the calling code, without a national
//! trunk prefix left in it, which libphonenumber's `parse` drops: `+44 0 20...`)
//! must have one of the possible lengths of its calling code's main region:
//! `isPossibleNumberWithReason(parse(phone))` is `IS_POSSIBLE`. Too short, too
//! long, between two possible lengths, or the length of a local number dialled
//! without its area code are all invalid. There is no fixed range of 8 to 15
//! digits: the lengths come from libphonenumber's metadata, so 7-digit numbers
//! of Niue, Tokelau or Tristan da Cunha are valid. A number whose calling code
//! is not assigned is reported as `phone_country_mismatch`, not here.
//!
//! ## Why
//! `phone` is "E.164 format" (spec §1.5; S1, S6-V1), and the provider checks
//! phone numbers with libphonenumber, which rejects a number that is not
//! possible (issue #10).
//!
//! ## Example
//! Invalid: `"+1 415 555 2671"`, `"4155552671"`, `"+1415555267"` (9 digits
//! after +1, where US numbers have 10), `"+15552671"` (a US number without its
//! area code). Valid: `"+14155552671"`, `"+6837012"` (Niue, 4 digits after
//! +683).

use super::{Applies, Check, Rule};
use crate::context::Context;
use crate::model::{Field, StrKind};
use crate::phone::{possibility, Possibility};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;
use crate::wording::Wording;

pub(crate) const RULE: Rule = Rule {
    name: "invalid_phone",
    doc: include_str!("invalid_phone.rs"),
    codes: &[Code::InvalidPhone],
    summary: "Phone numbers must be E.164 (+ and digits) with a possible length for their calling code.",
    source: "spec §1.5 (S1 E.164); libphonenumber's possible lengths (issue #10)",
    check: Check::field(Applies::PHONE, check),
};

fn check(loc: &Loc<'_>, field: Field<'_>, _: &Context, sink: &mut Sink) {
    if let Field::Str { value: Some(s), kind: StrKind::Phone, .. } = field {
        if let Some(problem) = problem(possibility(s)) {
            sink.emit(Code::InvalidPhone, loc, Wording::About2(" ", problem));
        }
    }
}

/// What is wrong with a number of this possibility (`None`: nothing this rule reports; an
/// unassigned calling code is `phone_country_mismatch`'s).
fn problem(p: Possibility) -> Option<&'static str> {
    Some(match p {
        Possibility::Possible | Possibility::UnknownCallingCode => return None,
        Possibility::NotE164 => {
            "must be in E.164 format: + and the country calling code, then the number, digits only, without spaces."
        }
        Possibility::TooShort => "has too few digits for a number of its country calling code.",
        Possibility::TooLong => "has too many digits for a number of its country calling code.",
        Possibility::InvalidLength => "does not have a possible number of digits for its country calling code.",
        Possibility::LocalOnly => {
            "has the length of a local number without its area code; give the full number with its country calling code."
        }
    })
}

#[cfg(test)]
mod tests {
    use super::problem;
    use crate::phone::possibility;

    #[test]
    fn reported_numbers() {
        for ok in ["+14155552671", "+6837012", "+6907290", "+2908123", "+99912345678", "+999"] {
            assert_eq!(problem(possibility(ok)), None, "{ok}");
        }
        for bad in [
            "14155552671",
            "+1 4155552671",
            "+0123456789",
            "+1415555267a",
            "++14155552671",
            "+",
            "",
            "+1",
            "+99",
            "+1415555267",
            "+141555526712",
            "+15552671",
            "+712345678901",
            "+1234567890123456",
        ] {
            assert!(problem(possibility(bad)).is_some(), "{bad}");
        }
    }
}
