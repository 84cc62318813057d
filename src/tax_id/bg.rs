//! Bulgaria (BGR): the EGN.

use super::scheme::{date, digit, digits_only, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// EGN (Единен граждански номер, unified civil number): 10 digits `YYMMDDSSSC`. `YYMMDD` must be a real
/// birth date, the century coded in the month (+0: 1900s, +20: 1800s, +40: 2000s); no bound against
/// today. The check digit `C` is the first nine digits weighted 2, 4, 8, 5, 10, 9, 7, 3, 6, summed,
/// modulo 11, modulo 10. Spaces, `-` and `.` are ignored.
pub(crate) const EGN: Scheme =
    Scheme {
        module: "bg.egn", name: "Единен граждански номер", compact: egn_compact, validate: egn_validate
    };

fn egn_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -.").map(|c| c.upper().strip())
}

fn egn_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    let [y0, y1, m0, m1, d0, d1, _, _, _, check] = *b else {
        return Err(Fault::Length);
    };
    let two = |a: u8, b: u8| digit(a) * 10 + digit(b);
    let (year, month) = match two(m0, m1) {
        m @ 41.. => (2000, m - 40),
        m @ 21..=40 => (1800, m - 20),
        m => (1900, m),
    };
    date(year + two(y0, y1), month, two(d0, d1)).ok_or(Fault::Component)?;
    if weighted_sum(b, &[2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11 % 10 == digit(check) {
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
        assert_eq!(EGN.check("8032056031", None), Ok(()));
        assert_eq!(EGN.check("7552A10004", None), Err(Fault::Format));
        assert_eq!(EGN.check("8019010008", None), Err(Fault::Component));
        assert_eq!(EGN.check("803205603", None), Err(Fault::Length));
    }

    /// The month's century offsets (+40: the 2000s, +20: the 1800s) are taken off before the
    /// date is checked, as python-stdnum does: 30 February is no date in any century, 28
    /// February is (mutation testing found the offsets untested: `m / 40` passed every fixture).
    #[test]
    fn century_months_are_real_months() {
        let egn = |yymmdd: &str| {
            let first: Vec<u8> = format!("{yymmdd}123").into_bytes();
            let check = weighted_sum(&first, &[2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11 % 10;
            format!("{yymmdd}123{check}")
        };
        for (yymmdd, want) in [
            ("054228", Ok(())),
            ("054230", Err(Fault::Component)),
            ("055231", Ok(())),
            ("055331", Err(Fault::Component)),
            ("852228", Ok(())),
            ("852230", Err(Fault::Component)),
            ("853231", Ok(())),
            ("850228", Ok(())),
            ("850230", Err(Fault::Component)),
        ] {
            assert_eq!(EGN.check(&egn(yymmdd), None), want, "{yymmdd}");
        }
    }
}
