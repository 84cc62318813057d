//! Poland (POL): the PESEL and the NIP.

use super::scheme::{date, digit, digits_only, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// PESEL (Powszechny Elektroniczny System Ewidencji Ludności): 11 digits `YYMMDDSSSSC`. The check digit
/// `C` makes the digits weighted 1, 3, 7, 9, 1, 3, 7, 9, 1, 3, 1 sum to a multiple of 10. `YYMMDD` must
/// be a real birth date, the century coded in the month (+0: 1900s, +20: 2000s, +40: 2100s, +60: 2200s,
/// +80: 1800s). Spaces and `-` are ignored; no bound against today.
pub(crate) const PESEL: Scheme =
    Scheme { module: "pl.pesel", name: "PESEL", compact: pesel_compact, validate: pesel_validate };

/// NIP (Numer Identyfikacji Podatkowej): 10 digits; the first nine weighted 6, 5, 7, 2, 3, 4, 5, 6, 7
/// sum, modulo 11, to the last digit. Spaces, `-` and a leading `PL` (any case) are ignored.
pub(crate) const NIP: Scheme =
    Scheme { module: "pl.nip", name: "Numer Identyfikacji Podatkowej", compact: nip_compact, validate: nip_validate };

fn pesel_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(|c| c.upper().strip())
}

fn pesel_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    let [y0, y1, m0, m1, d0, d1, _, _, _, _, check] = *b else {
        return Err(Fault::Length);
    };
    let sum = weighted_sum(b, &[1, 3, 7, 9, 1, 3, 7, 9, 1, 3]);
    if (10 - sum % 10) % 10 != digit(check) {
        return Err(Fault::Checksum);
    }
    birth_date([y0, y1], [m0, m1], [d0, d1]).map(|_| ()).ok_or(Fault::Component)
}

/// The birth date of a PESEL's year, month (with the century added) and day digits.
fn birth_date(year: [u8; 2], month: [u8; 2], day: [u8; 2]) -> Option<Date> {
    let two = |[a, b]: [u8; 2]| digit(a) * 10 + digit(b);
    let month = two(month);
    let century = match month / 20 {
        0 => 1900,
        1 => 2000,
        2 => 2100,
        3 => 2200,
        _ => 1800,
    };
    date(century + two(year), month % 20, two(day))
}

fn nip_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(|c| c.upper().strip().strip_prefix(b"PL"))
}

fn nip_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    let [_, _, _, _, _, _, _, _, _, check] = *b else {
        return Err(Fault::Length);
    };
    if weighted_sum(b, &[6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 == digit(check) {
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
        assert_eq!(PESEL.check("44051401359", None), Ok(()));
        assert_eq!(PESEL.check("44051401358", None), Err(Fault::Checksum));
        assert_eq!(PESEL.check("02381307589", None), Err(Fault::Component));
        assert_eq!(NIP.check("PL 8567346215", None), Ok(()));
        assert_eq!(NIP.check("pl-856-734-62-15", None), Ok(()));
        assert_eq!(NIP.check("PL 8567346216", None), Err(Fault::Checksum));
        assert_eq!(NIP.check("856734621", None), Err(Fault::Length));
    }
}
