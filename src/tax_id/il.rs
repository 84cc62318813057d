//! Israel (ISR): the identity number (Teudat Zehut).

use super::scheme::{is_digits, luhn_valid, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Identity number (Mispar Zehut, מספר זהות): up to 9 digits, left-padded with zeros to 9, not
/// all zeros; the last digit is a Luhn check digit. Spaces and `-` are ignored, and shorter
/// numbers are taken with leading zeros (`3933742-3` is `039337423`).
pub(crate) const IDNR: Scheme =
    Scheme { module: "il.idnr", name: "identity number", compact: idnr_compact, validate: idnr_validate };

/// The width numbers are padded to.
const WIDTH: usize = 9;

fn idnr_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(Compact::strip).and_then(|c| c.zfill(WIDTH))
}

fn idnr_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if b.len() > WIDTH {
        return Err(Fault::Length);
    }
    if !is_digits(b) || b.iter().all(|&c| c == b'0') {
        return Err(Fault::Format);
    }
    if !luhn_valid(b) {
        return Err(Fault::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(IDNR.check("3933742-3", None), Ok(()));
        assert_eq!((IDNR.compact)("3933742-3").unwrap().as_str(), "039337423");
        assert_eq!(IDNR.check("3933742-2", None), Err(Fault::Checksum));
        assert_eq!(IDNR.check("490154203237518", None), Err(Fault::Length));
        assert_eq!(IDNR.check("", None), Err(Fault::Format));
        assert_eq!(IDNR.check("000-000", None), Err(Fault::Format));
    }

    #[test]
    fn zero_fill_keeps_sign() {
        assert_eq!((IDNR.compact)("+123").unwrap().as_str(), "+00000123");
        assert_eq!((IDNR.compact)("").unwrap().as_str(), "000000000");
        assert_eq!((IDNR.compact)("1234567890").unwrap().as_str(), "1234567890");
    }
}
