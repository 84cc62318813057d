//! Germany (DEU): the Steuer-IdNr and the Steuernummer.

use super::scheme::{digits_only, is_digits, mod_11_10_checksum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Separators ignored in German tax numbers.
const SEPARATORS: &[u8] = b" -./,";

/// Steuerliche Identifikationsnummer (IdNr): 11 digits, the first not `0`. Among the first ten
/// digits exactly one value occurs more than once, and it occurs two or three times. The last
/// digit is an ISO 7064 Mod 11, 10 check digit. Spaces and `-./,` are ignored.
pub(crate) const IDNR: Scheme = Scheme {
    module: "de.idnr",
    name: "Steuerliche Identifikationsnummer",
    compact: de_compact,
    validate: idnr_validate,
};

/// Steuernummer (St.-Nr.): the regional form of 10 or 11 digits, or the nationwide form of
/// 13 digits, laid out as one of the Länder's formats (tax office, district, serial number,
/// check digit, with fixed digits where a Land has them). Every 10- or 11-digit string fits
/// some Land's regional format; a 13-digit number must start with a Land's prefix and have `0`
/// after the tax office digits. The check digit itself is not verified (it differs by Land).
/// Spaces and `-./,` are ignored.
pub(crate) const STNR: Scheme =
    Scheme { module: "de.stnr", name: "Steuernummer", compact: de_compact, validate: stnr_validate };

fn de_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, SEPARATORS).map(Compact::strip)
}

fn idnr_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if b.len() != 11 {
        return Err(Fault::Length);
    }
    if !is_digits(b) || b.first() == Some(&b'0') || !one_digit_repeated(b.get(..10).unwrap_or_default()) {
        return Err(Fault::Format);
    }
    if mod_11_10_checksum(b) == 1 {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

/// Exactly one digit value occurs more than once, and it occurs two or three times.
fn one_digit_repeated(digits: &[u8]) -> bool {
    let mut counts = [0usize; 10];
    for &d in digits {
        if let Some(c) = counts.get_mut(usize::from(d.wrapping_sub(b'0'))) {
            *c += 1;
        }
    }
    let mut repeated = counts.iter().filter(|&&c| c > 1);
    matches!((repeated.next(), repeated.next()), (Some(2 | 3), None))
}

fn stnr_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    if !matches!(b.len(), 10 | 11 | 13) {
        return Err(Fault::Length);
    }
    if LAENDER.iter().any(|land| fits(b, land.regional) || fits(b, land.national)) {
        Ok(())
    } else {
        Err(Fault::Format)
    }
}

/// The digits fit the layout: as many of them, and equal wherever the layout has a digit.
fn fits(digits: &[u8], layout: &[u8]) -> bool {
    digits.len() == layout.len() && digits.iter().zip(layout).all(|(&d, &l)| !l.is_ascii_digit() || d == l)
}

/// A Land's Steuernummer layouts. Letters stand for any digit: `F` the tax office
/// (Finanzamt), `B` the district (Bezirk), `U` the serial number, `P` the check digit.
/// Digits are fixed.
struct Land {
    /// The form used within the Land (10 or 11 digits).
    regional: &'static [u8],
    /// The nationwide form (13 digits: Land prefix, tax office, `0`, the rest).
    national: &'static [u8],
}

/// The Steuernummer layouts per Land (source: python-stdnum 2.2 `stdnum/de/stnr.py`,
/// after https://de.wikipedia.org/wiki/Steuernummer).
const LAENDER: [Land; 16] = [
    Land { regional: b"FFBBBUUUUP", national: b"28FF0BBBUUUUP" }, // Baden-Württemberg
    Land { regional: b"FFFBBBUUUUP", national: b"9FFF0BBBUUUUP" }, // Bayern
    Land { regional: b"FFBBBUUUUP", national: b"11FF0BBBUUUUP" }, // Berlin
    Land { regional: b"0FFBBBUUUUP", national: b"30FF0BBBUUUUP" }, // Brandenburg
    Land { regional: b"FFBBBUUUUP", national: b"24FF0BBBUUUUP" }, // Bremen
    Land { regional: b"FFBBBUUUUP", national: b"22FF0BBBUUUUP" }, // Hamburg
    Land { regional: b"0FFBBBUUUUP", national: b"26FF0BBBUUUUP" }, // Hessen
    Land { regional: b"0FFBBBUUUUP", national: b"40FF0BBBUUUUP" }, // Mecklenburg-Vorpommern
    Land { regional: b"FFBBBUUUUP", national: b"23FF0BBBUUUUP" }, // Niedersachsen
    Land { regional: b"FFFBBBBUUUP", national: b"5FFF0BBBBUUUP" }, // Nordrhein-Westfalen
    Land { regional: b"FFBBBUUUUP", national: b"27FF0BBBUUUUP" }, // Rheinland-Pfalz
    Land { regional: b"0FFBBBUUUUP", national: b"10FF0BBBUUUUP" }, // Saarland
    Land { regional: b"2FFBBBUUUUP", national: b"32FF0BBBUUUUP" }, // Sachsen
    Land { regional: b"1FFBBBUUUUP", national: b"31FF0BBBUUUUP" }, // Sachsen-Anhalt
    Land { regional: b"FFBBBUUUUP", national: b"21FF0BBBUUUUP" }, // Schleswig-Holstein
    Land { regional: b"1FFBBBUUUUP", national: b"41FF0BBBUUUUP" }, // Thüringen
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(IDNR.check("36 574 261 809", None), Ok(()));
        assert_eq!(IDNR.check("36574261890", None), Err(Fault::Checksum));
        assert_eq!(IDNR.check("36554266806", None), Err(Fault::Format));
        assert_eq!(IDNR.check("06574261809", None), Err(Fault::Format));
        assert_eq!(IDNR.check("3657426180", None), Err(Fault::Length));
        assert_eq!(STNR.check("18181508155", None), Ok(()));
        assert_eq!(STNR.check("201/123/12340", None), Ok(()));
        assert_eq!(STNR.check("4151081508156", None), Ok(()));
        assert_eq!(STNR.check("136695978", None), Err(Fault::Length));
        assert_eq!(STNR.check("4151181508156", None), Err(Fault::Format));
        assert_eq!(STNR.check("1234567890123", None), Err(Fault::Format));
    }
}
