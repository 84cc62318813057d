//! Pakistan (PAK): the CNIC.

use super::scheme::{is_digits, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// CNIC (Computerised National Identity Card number): 13 digits. The first digit is the
/// province (1 to 7) and the last encodes the holder's gender (odd: male, even: female), so it
/// may not be 0. There is no check digit. `-` is ignored, and spaces only around the number.
pub(crate) const CNIC: Scheme = Scheme {
    module: "pk.cnic",
    name: "Computerised National Identity Card",
    compact: cnic_compact,
    validate: cnic_validate,
};

fn cnic_compact(number: &str) -> Option<Compact> {
    // `-` removed, then spaces stripped from the ends: the same as trimming both from the ends
    // first, which keeps long space-padded input within a `Compact`.
    Compact::clean(number.trim_matches([' ', '-']), b"-")
}

fn cnic_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !is_digits(b) {
        return Err(Fault::Format);
    }
    if b.len() != 13 {
        return Err(Fault::Length);
    }
    let province_known = matches!(b.first(), Some(b'1'..=b'7'));
    let gender_known = matches!(b.last(), Some(b'1'..=b'9'));
    if !(province_known && gender_known) {
        return Err(Fault::Component);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(CNIC.check("34201-0891231-8", None), Ok(()));
        assert_eq!(CNIC.check("42201-0397640-8", None), Ok(()));
        assert_eq!(CNIC.check("42201-0397640-0", None), Err(Fault::Component));
        assert_eq!(CNIC.check("82201-0397640-8", None), Err(Fault::Component));
        assert_eq!(CNIC.check("42201 0397640 8", None), Err(Fault::Format));
        assert_eq!(CNIC.check(" 42201-0397640-8 ", None), Ok(()));
        assert_eq!(CNIC.check("42201-0397640", None), Err(Fault::Length));
        assert_eq!(CNIC.check(&format!("{}- 42201-0397640-8 -{}", " ".repeat(30), " ".repeat(30)), None), Ok(()));
        assert_eq!((CNIC.compact)("- 4 -2-").unwrap().as_str(), "4 2");
    }
}
