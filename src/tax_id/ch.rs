//! Switzerland (CHE): the social security number.

use super::scheme::{digit, digits_only, ean_check_digit, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// AHV/AVS number (Sozialversicherungsnummer): 13 characters starting `756`, with an EAN-13 check
/// digit. Spaces and `.` are ignored. Quirk kept from python-stdnum: after the 13-character check,
/// `-` signs are dropped and what is left is checked as an EAN of 8, 12, 13 or 14 digits, so a
/// 13-character form with dashes in it can pass.
pub(crate) const SSN: Scheme =
    Scheme { module: "ch.ssn", name: "social security number", compact: ssn_compact, validate: ssn_validate };

fn ssn_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" .").map(Compact::strip)
}

fn ssn_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if b.len() != 13 {
        return Err(Fault::Length);
    }
    if !b.starts_with(b"756") {
        return Err(Fault::Component);
    }
    // The EAN check compacts again (removing ` ` and `-`); most numbers have neither left.
    if !b.iter().any(|&c| c == b' ' || c == b'-') {
        return ean_valid(b);
    }
    let ean = Compact::clean(number.as_str(), b" -").ok_or(Fault::Length)?.strip();
    ean_valid(ean.as_bytes())
}

/// An EAN-8, -12, -13 or -14 with a matching check digit.
fn ean_valid(b: &[u8]) -> Outcome {
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    let Some((&check, body)) = b.split_last().filter(|_| matches!(b.len(), 8 | 12 | 13 | 14)) else {
        return Err(Fault::Length);
    };
    if ean_check_digit(body) == digit(check) {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(SSN.check("7569217076985", None), Ok(()));
        assert_eq!(SSN.check("756.9217.0769.85", None), Ok(()));
        assert_eq!(SSN.check("756.9217.0769.84", None), Err(Fault::Checksum));
        assert_eq!(SSN.check("123.4567.8910.19", None), Err(Fault::Component));
        assert_eq!(SSN.check("756.9217.0769", None), Err(Fault::Length));
    }

    /// The dash quirk (python-stdnum's): thirteen characters with a `-` pass when the digits
    /// left form a valid EAN (here an EAN-12), and fail as that EAN would (mutation testing: a
    /// fast path that sent dashed numbers to the EAN check unchanged passed every fixture).
    #[test]
    fn dashed_forms_are_checked_as_the_ean_left() {
        let body = b"75612345678";
        let ean12 = format!("756-{}{}", std::str::from_utf8(&body[3..]).unwrap(), ean_check_digit(body));
        assert_eq!(ean12.len(), 13);
        assert_eq!(SSN.check(&ean12, None), Ok(()));
        let wrong = format!("{}{}", &ean12[..12], (ean_check_digit(body) + 1) % 10);
        assert_eq!(SSN.check(&wrong, None), Err(Fault::Checksum));
        // Two dashes leave eleven digits: no EAN has that length.
        assert_eq!(SSN.check("756-1234-5678", None), Err(Fault::Length));
    }
}
