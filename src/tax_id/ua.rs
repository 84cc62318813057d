//! Ukraine (UKR): the RNTRC (РНОКПП).

use super::scheme::{is_digits, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// RNTRC / РНОКПП (Registration number of the taxpayer's registration card): 10 digits, the
/// last a check digit: (Σ digit × weight over the first nine, weights −1 5 7 9 4 6 10 5 7)
/// mod 11, then mod 10. Spaces are ignored.
pub(crate) const RNTRC: Scheme =
    Scheme { module: "ua.rntrc", name: "individual taxpayer number", compact: rntrc_compact, validate: rntrc_validate };

const WEIGHTS: [i32; 9] = [-1, 5, 7, 9, 4, 6, 10, 5, 7];

fn rntrc_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" ").map(Compact::strip)
}

fn rntrc_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let Ok([body @ .., check]) = <[u8; 10]>::try_from(number.as_bytes()) else {
        return Err(Fault::Length);
    };
    if !is_digits(&body) || !check.is_ascii_digit() {
        return Err(Fault::Format);
    }
    let value = |d: u8| i32::from(d.wrapping_sub(b'0'));
    let total: i32 = body.iter().zip(WEIGHTS).map(|(&d, w)| w * value(d)).sum();
    if value(check) == total.rem_euclid(11) % 10 {
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
        assert_eq!(RNTRC.check("1759013776", None), Ok(()));
        assert_eq!(RNTRC.check("1759013770", None), Err(Fault::Checksum));
        assert_eq!(RNTRC.check("12345", None), Err(Fault::Length));
        assert_eq!(RNTRC.check("175901377A", None), Err(Fault::Format));
    }
}
