//! Norway (NOR): the fødselsnummer.

use super::scheme::{date, digit, is_digits, number, pair, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Fødselsnummer (birth number, also D- and H-numbers): 11 digits, `DDMMYY`, three individual
/// digits and two mod-11 check digits (weights 3 7 6 1 8 9 4 5 2, then 5 4 3 2 7 6 5 4 3 2; a check value of
/// 10 is never valid). The date part must be a real day after taking 40 off a day above 40
/// (D-number) or a month above 40 (H-number); a day of 80 or more (FH-number) is refused. The
/// century follows from the individual digits and the year (000–499: 1900s; 500–749 with year
/// 54–99: 1800s; 500–999 with year 00–39: 2000s; 900–999 with year 40–99: 1900s; anything else
/// is refused). The birth date must not be after today (with no `today` given, any real date
/// passes). Spaces, `-` and `:` are ignored.
pub(crate) const FODSELSNUMMER: Scheme = Scheme {
    module: "no.fodselsnummer",
    name: "fødselsnummer",
    compact: fodselsnummer_compact,
    validate: fodselsnummer_validate,
};

const WEIGHTS_1: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const WEIGHTS_2: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

fn fodselsnummer_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -:")
}

fn fodselsnummer_validate(number: &Compact, today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    let Ok(digits) = <[u8; 11]>::try_from(b) else {
        return Err(Fault::Length);
    };
    if !is_digits(&digits) {
        return Err(Fault::Format);
    }
    let [.., check1, check2] = digits;
    if Some(digit(check1)) != check_digit(&digits, &WEIGHTS_1)
        || Some(digit(check2)) != check_digit(&digits, &WEIGHTS_2)
    {
        return Err(Fault::Checksum);
    }
    let born = birth_date(&digits).ok_or(Fault::Component)?;
    match today {
        Some(today) if born > today => Err(Fault::Component),
        _ => Ok(()),
    }
}

/// `(11 − Σ digit × weight) mod 11` over the leading digits, when it is a single digit.
fn check_digit(digits: &[u8], weights: &[u32]) -> Option<u32> {
    let check = (11 - weighted_sum(digits, weights) % 11) % 11;
    (check < 10).then_some(check)
}

/// The birth date of a fødselsnummer, when its parts name one.
fn birth_date(digits: &[u8; 11]) -> Option<Date> {
    let [d0, d1, m0, m1, y0, y1, i0, i1, i2, _, _] = *digits;
    let mut day = pair(d0, d1);
    let mut month = pair(m0, m1);
    let yy = pair(y0, y1);
    let individual = number(&[i0, i1, i2]);
    if day >= 80 {
        return None;
    }
    if day > 40 {
        day -= 40;
    }
    if month > 40 {
        month -= 40;
    }
    let century = match individual {
        0..=499 => 1900,
        500..=749 if yy >= 54 => 1800,
        500..=999 if yy < 40 => 2000,
        900..=999 => 1900,
        _ => return None,
    };
    date(century + yy, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        let today = Date::new(2026, 12, 1);
        assert_eq!(FODSELSNUMMER.check("151086 95088", today), Ok(()));
        assert_eq!(FODSELSNUMMER.check("15108695077", today), Err(Fault::Checksum));
        assert_eq!(FODSELSNUMMER.check("1510869508", today), Err(Fault::Length));
        assert_eq!(FODSELSNUMMER.check("1510869508A", today), Err(Fault::Format));
    }
}
