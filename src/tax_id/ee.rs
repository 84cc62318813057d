//! Estonia (EST): the isikukood.

use super::scheme::{date, digit, digits_only, pair, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Isikukood (personal identification code): 11 digits `G` `YYMMDD` `NNN` `C`. `G` gives the
/// century and sex (`1`–`2`: 1800s, `3`–`4`: 1900s, `5`–`6`: 2000s, `7`–`8`: 2100s; `0` and `9`
/// are refused), `YYMMDD` must be a real day, and `C` is the check digit: Σ digit × weight
/// (weights 1 2 3 4 5 6 7 8 9 1) mod 11, or when that is 10, the sum again with weights
/// 3 4 5 6 7 8 9 1 2 3, mod 11, where 10 becomes 0. Spaces are ignored. There is no bound on the
/// date against today.
pub(crate) const IK: Scheme = Scheme { module: "ee.ik", name: "isikukood", compact: ik_compact, validate: ik_validate };

fn ik_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" ").map(Compact::strip)
}

fn ik_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let digits = eleven_digits(number)?;
    birth_date(&digits).ok_or(Fault::Component)?;
    checksum(&digits)
}

/// The compact form as 11 ASCII digits (the Estonian and Lithuanian codes share this shape).
pub(crate) fn eleven_digits(number: &Compact) -> Result<[u8; 11], Fault> {
    let b = number.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    <[u8; 11]>::try_from(b).map_err(|_| Fault::Length)
}

/// The birth date a code's first seven digits give, when they name one.
pub(crate) fn birth_date(digits: &[u8; 11]) -> Option<Date> {
    let [g, y0, y1, m0, m1, d0, d1, ..] = *digits;
    let century = match g {
        b'1' | b'2' => 1800,
        b'3' | b'4' => 1900,
        b'5' | b'6' => 2000,
        b'7' | b'8' => 2100,
        _ => return None,
    };
    date(century + pair(y0, y1), pair(m0, m1), pair(d0, d1))
}

/// Whether the last digit is the check digit of the first ten.
pub(crate) fn checksum(digits: &[u8; 11]) -> Outcome {
    let [body @ .., check] = *digits;
    if digit(check) == check_digit(&body) {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

/// The check digit of ten digits: Σ digit × weight mod 11 with weights cycling 1..=9 from 1, or
/// from 3 when the first remainder is 10; then mod 10.
fn check_digit(body: &[u8; 10]) -> u32 {
    let remainder = |offset: usize| -> u32 {
        let weights = (1..=9u32).cycle().skip(offset);
        body.iter().zip(weights).map(|(&d, w)| digit(d) * w).sum::<u32>() % 11
    };
    match remainder(0) {
        10 => remainder(2) % 10,
        check => check,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(IK.check("36805280109", None), Ok(()));
        assert_eq!(IK.check("36805280108", None), Err(Fault::Checksum));
        assert_eq!(IK.check("96805280109", None), Err(Fault::Component));
        assert_eq!(IK.check("3680528010", None), Err(Fault::Length));
        assert_eq!(IK.check("3680528010A", None), Err(Fault::Format));
    }
}
