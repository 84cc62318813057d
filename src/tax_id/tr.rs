//! Turkey (TUR): the T.C. Kimlik No.

use super::scheme::{digit, is_digits, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// T.C. Kimlik No. (Turkish personal identification number): 11 digits, not starting with 0. The
/// tenth digit is (10 − (3 × the sum of digits 1, 3, 5, 7, 9 + the sum of digits 2, 4, 6, 8))
/// mod 10, the eleventh is the sum of the first ten digits mod 10. Only surrounding spaces are
/// ignored.
pub(crate) const TCKIMLIK: Scheme =
    Scheme { module: "tr.tckimlik", name: "T.C. Kimlik No.", compact: tckimlik_compact, validate: tckimlik_validate };

fn tckimlik_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b"").map(Compact::strip)
}

fn tckimlik_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !matches!(b.first(), Some(b'1'..=b'9')) || !is_digits(b) {
        return Err(Fault::Format);
    }
    let Ok([body @ .., check1, check2]) = <[u8; 11]>::try_from(b) else {
        return Err(Fault::Length);
    };
    let (odd, even) =
        body.iter().enumerate().fold(
            (0, 0),
            |(odd, even), (i, &d)| {
                if i % 2 == 0 {
                    (odd + digit(d), even)
                } else {
                    (odd, even + digit(d))
                }
            },
        );
    let first = (10 - (3 * odd + even) % 10) % 10;
    let second = (first + odd + even) % 10;
    if (digit(check1), digit(check2)) == (first, second) {
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
        assert_eq!(TCKIMLIK.check("17291716060", None), Ok(()));
        assert_eq!(TCKIMLIK.check("17291716050", None), Err(Fault::Checksum));
        assert_eq!(TCKIMLIK.check("07291716060", None), Err(Fault::Format));
        assert_eq!(TCKIMLIK.check("1729171606", None), Err(Fault::Length));
        assert_eq!(TCKIMLIK.check("", None), Err(Fault::Format));
    }
}
