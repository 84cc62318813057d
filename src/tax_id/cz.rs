//! Czechia (CZE): the birth number.

use super::scheme::{date, digit, digits_only, number, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Rodné číslo (birth number): `YYMMDDSSS` or `YYMMDDSSSC`. `YYMMDD` must be a real birth date; women
/// have 50 added to the month, and 20 may be added when the serials run out. Ten-digit numbers are
/// from 1954 on (`YY` 54–99: 1900s, 00–53: 2000s) and their tenth digit is the first nine digits modulo
/// 11, modulo 10. Nine-digit numbers (no check digit) were issued until 1953 only (`YY` 80–99 are read
/// as the 1800s). Spaces and `/` are ignored. No bound against today. Slovakia's number is the same.
pub(crate) const RC: Scheme =
    Scheme { module: "cz.rc", name: "Rodné číslo", compact: rc_compact, validate: rc_validate };

fn rc_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" /").map(|c| c.upper().strip())
}

fn rc_validate(compact: &Compact, _today: Option<Date>) -> Outcome {
    let b = compact.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    let (&[y0, y1, m0, m1, d0, d1, ..], 9 | 10) = (b, b.len()) else {
        return Err(Fault::Length);
    };
    let two = |a: u8, b: u8| digit(a) * 10 + digit(b);
    let yy = two(y0, y1);
    let year = match (b.len(), yy) {
        (9, 80..) => 1800 + yy,
        (9, 54..) => return Err(Fault::Length),
        (9, _) => 1900 + yy,
        (_, ..=53) => 2000 + yy,
        _ => 1900 + yy,
    };
    date(year, two(m0, m1) % 50 % 20, two(d0, d1)).ok_or(Fault::Component)?;
    match b.split_at_checked(9) {
        Some((body, &[check])) if number(body) % 11 % 10 != u64::from(digit(check)) => Err(Fault::Checksum),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(RC.check("710319/2745", None), Ok(()));
        assert_eq!(RC.check("991231123", None), Ok(()));
        assert_eq!(RC.check("7103192746", None), Err(Fault::Checksum));
        assert_eq!(RC.check("1103492745", None), Err(Fault::Component));
        assert_eq!(RC.check("590312/123", None), Err(Fault::Length));
        assert_eq!(RC.check("71031927456", None), Err(Fault::Length));
    }

    /// The century comes from the length as well as the year: `00` is 1900 in the nine-digit
    /// form (before 1954) and 2000 in the ten-digit one, and only 2000 had a 29 February.
    /// python-stdnum 2.2's answers (mutation testing, tax 4/16: either arm deleted passed every
    /// fixture).
    #[test]
    fn year_00_is_1900_or_2000_by_length() {
        assert_eq!(RC.check("000229123", None), Err(Fault::Component));
        assert_eq!(RC.check("000228123", None), Ok(()));
        assert_eq!(RC.check("0002291234", None), Ok(()));
        assert_eq!(RC.check("0052291239", None), Ok(()));
    }
}
