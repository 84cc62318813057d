//! Romania (ROU): the CNP.

use super::scheme::{date, digit, digits_only, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// CNP (Cod Numeric Personal): 13 digits `SYYMMDDJJNNNC`. `S` (sex and century) is 1–9: 1/2 for the
/// 1900s, 3/4 for the 1800s, 5/6 for the 2000s, and 7–9 (residents, foreigners) read as the 1900s;
/// `YYMMDD` must be a real date (no bound against today). `JJ` is a county code: 01–48, 51, 52, 70 or
/// 80–83. The check digit `C` is the first twelve digits weighted 2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9,
/// summed, modulo 11 (10 gives 1). Spaces and `-` are ignored.
pub(crate) const CNP: Scheme =
    Scheme { module: "ro.cnp", name: "Cod Numeric Personal", compact: cnp_compact, validate: cnp_validate };

fn cnp_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(Compact::strip)
}

fn cnp_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    if b.first() == Some(&b'0') {
        return Err(Fault::Component);
    }
    let [sex, y0, y1, m0, m1, d0, d1, j0, j1, _, _, _, check] = *b else {
        return Err(Fault::Length);
    };
    let two = |a: u8, b: u8| digit(a) * 10 + digit(b);
    let century = match sex {
        b'3' | b'4' => 1800,
        b'5' | b'6' => 2000,
        _ => 1900,
    };
    date(century + two(y0, y1), two(m0, m1), two(d0, d1)).ok_or(Fault::Component)?;
    if !matches!(two(j0, j1), 1..=48 | 51 | 52 | 70 | 80..=83) {
        return Err(Fault::Component);
    }
    let sum = weighted_sum(b, &[2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11;
    if (if sum == 10 { 1 } else { sum }) == digit(check) {
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
        assert_eq!(CNP.check("1630615123457", None), Ok(()));
        assert_eq!(CNP.check("0800101221142", None), Err(Fault::Component));
        assert_eq!(CNP.check("1632215123457", None), Err(Fault::Component));
        assert_eq!(CNP.check("1630615993454", None), Err(Fault::Component));
        assert_eq!(CNP.check("1630615123458", None), Err(Fault::Checksum));
        assert_eq!(CNP.check("163061512345", None), Err(Fault::Length));
    }
}
