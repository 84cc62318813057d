//! South Korea (KOR): the resident registration number.

use super::scheme::{date, digit, digits_only, pair, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Resident registration number (주민등록번호): 13 digits `YYMMDD` `S` `PP` `NNN` `C`. `YYMMDD` must
/// be a real day in the century `S` gives (`1`, `2`, `5`, `6`: 1900s; `3`, `4`, `7`, `8`: 2000s;
/// `0`, `9`: 1800s), the place-of-birth code `PP` must be at most 96, and `C` is the check digit
/// (11 − Σ digit × weight mod 11) mod 10 with weights 2 3 4 5 6 7 8 9 2 3 4 5. `-` and
/// surrounding spaces are ignored. Like python-stdnum's default (`allow_future=True`), a birth
/// date after today is not refused, so `today` is not used.
pub(crate) const RRN: Scheme =
    Scheme { module: "kr.rrn", name: "resident registration number", compact: rrn_compact, validate: rrn_validate };

const WEIGHTS: [u32; 12] = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

fn rrn_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b"-").map(Compact::strip)
}

fn rrn_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    let Ok(digits) = <[u8; 13]>::try_from(b) else {
        return Err(Fault::Length);
    };
    let [y0, y1, m0, m1, d0, d1, s, p0, p1, .., check] = digits;
    let century = match s {
        b'1' | b'2' | b'5' | b'6' => 1900,
        b'3' | b'4' | b'7' | b'8' => 2000,
        _ => 1800,
    };
    date(century + pair(y0, y1), pair(m0, m1), pair(d0, d1)).ok_or(Fault::Component)?;
    if pair(p0, p1) > 96 {
        return Err(Fault::Component);
    }
    if digit(check) == (11 - weighted_sum(&digits, &WEIGHTS) % 11) % 10 {
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
        assert_eq!(RRN.check("971013-9019902", None), Ok(()));
        assert_eq!(RRN.check("971013-9019903", None), Err(Fault::Checksum));
        assert_eq!(RRN.check("971313-9019902", None), Err(Fault::Component));
        assert_eq!(RRN.check("971013-9979902", None), Err(Fault::Component));
        assert_eq!(RRN.check("971013-901990", None), Err(Fault::Length));
    }

    /// Century digit 3 is the 2000s, where 29 February 2000 exists, and 96 is the last place of
    /// birth (python-stdnum 2.2's answers; mutation testing, tax 10/16: the 2000s arm deleted
    /// and `> 96` made `>= 96` passed).
    #[test]
    fn the_2000s_and_the_last_place_of_birth() {
        assert_eq!(RRN.check("000229-3019902", None), Ok(()));
        assert_eq!(RRN.check("971013-9969900", None), Ok(()));
    }
}
