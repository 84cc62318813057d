//! Malaysia (MYS): the NRIC number.

use super::scheme::{date, digit, is_digits, Compact, Fault, Outcome, Scheme};
use super::tables::MY_BIRTH_PLACES;
use crate::date::Date;

/// NRIC (National Registration Identity Card number): 12 digits: the birth date as `YYMMDD`,
/// which must be a real date in the 1900s or the 2000s, a known two-digit birth-place code
/// (a state or a country of birth) and four more digits. Spaces, `-` and `*` are ignored
/// (`770305-02-1234`).
pub(crate) const NRIC: Scheme = Scheme {
    module: "my.nric",
    name: "National Registration Identity Card",
    compact: nric_compact,
    validate: nric_validate,
};

fn nric_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -*").map(Compact::strip)
}

fn nric_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    let &[y1, y2, m1, m2, d1, d2, p1, p2, _, _, _, _] = b else {
        return Err(Fault::Length);
    };
    if !is_digits(b) {
        return Err(Fault::Format);
    }
    let pair = |a: u8, b: u8| digit(a) * 10 + digit(b);
    let (year, month, day) = (pair(y1, y2), pair(m1, m2), pair(d1, d2));
    if date(1900 + year, month, day).is_none() && date(2000 + year, month, day).is_none() {
        return Err(Fault::Component);
    }
    let place = u8::try_from(pair(p1, p2)).unwrap_or(u8::MAX);
    if MY_BIRTH_PLACES.binary_search(&place).is_err() {
        return Err(Fault::Component);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(NRIC.check("770305-02-1234", None), Ok(()));
        assert_eq!(NRIC.check("771305-02-1234", None), Err(Fault::Component));
        assert_eq!(NRIC.check("770305-17-1234", None), Err(Fault::Component));
        assert_eq!(NRIC.check("770305-02-123", None), Err(Fault::Length));
        assert_eq!(NRIC.check("770305-02-123A", None), Err(Fault::Format));
        // 29 February: 2000 is a leap year where 1900 is not.
        assert_eq!(NRIC.check("000229-02-1234", None), Ok(()));
    }
}
