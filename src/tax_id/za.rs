//! South Africa (ZAF): the identity number and the tax reference number.

use super::scheme::{date, digit, digits_of_length, digits_only, luhn_valid, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Identity number (South African ID): 13 digits `YYMMDD` `SSSS` `C` `A` `Z`. `YYMMDD` must be a
/// real day, its century being the latest that does not put the birth year after today's year
/// (with no `today` given the century is left open, so 29 February passes whenever `YY` is
/// divisible by 4); `C` (citizenship) must be `0` (citizen) or `1` (resident); the whole number
/// must pass the Luhn check. Spaces are ignored.
pub(crate) const IDNR: Scheme =
    Scheme { module: "za.idnr", name: "identity document number", compact: idnr_compact, validate: idnr_validate };

/// Tax Identification Number (Tax Reference Number): 10 digits starting with 0, 1, 2, 3 or 9,
/// passing the Luhn check. Spaces, `-` and `/` are ignored.
pub(crate) const TIN: Scheme =
    Scheme { module: "za.tin", name: "Tax Identification Number", compact: tin_compact, validate: tin_validate };

fn idnr_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" ")
}

fn idnr_validate(number: &Compact, today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    let [y0, y1, m0, m1, d0, d1, _, _, _, _, citizenship, _, _] = *b else {
        return Err(Fault::Length);
    };
    let year = full_year(digit(y0) * 10 + digit(y1), today).ok_or(Fault::Component)?;
    date(year, digit(m0) * 10 + digit(m1), digit(d0) * 10 + digit(d1)).ok_or(Fault::Component)?;
    if !matches!(citizenship, b'0' | b'1') {
        return Err(Fault::Component);
    }
    luhn(b)
}

/// The four-digit year of a two-digit one: the latest year ending in `yy` that is not after
/// today's year (`None` when that is before year 1). Without today, 2000 + `yy`: a leap year
/// whenever any year ending in `yy` is one.
fn full_year(yy: u32, today: Option<Date>) -> Option<u32> {
    let Some(today) = today else {
        return Some(2000 + yy);
    };
    let this_year = u32::from(today.year());
    let year = this_year / 100 * 100 + yy;
    if year > this_year {
        year.checked_sub(100)
    } else {
        Some(year)
    }
}

fn tin_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -/").map(|c| c.upper().strip())
}

fn tin_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    digits_of_length(b, 10)?;
    if !matches!(b.first(), Some(b'0'..=b'3' | b'9')) {
        return Err(Fault::Component);
    }
    luhn(b)
}

/// The Luhn check over all digits.
fn luhn(digits: &[u8]) -> Outcome {
    if luhn_valid(digits) {
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
        let today = Date::new(2026, 12, 1);
        assert_eq!(IDNR.check("7503305044089", today), Ok(()));
        assert_eq!(IDNR.check("8503305044089", today), Err(Fault::Checksum));
        assert_eq!(IDNR.check("9002295044085", today), Err(Fault::Component));
        assert_eq!(IDNR.check("7503305044289", today), Err(Fault::Component));
        assert_eq!(IDNR.check("750330504408", today), Err(Fault::Length));
        assert_eq!(TIN.check("0001339050", None), Ok(()));
        assert_eq!(TIN.check("0001/339-050", None), Ok(()));
        assert_eq!(TIN.check("0001339051", None), Err(Fault::Checksum));
        assert_eq!(TIN.check("4001339050", None), Err(Fault::Component));
        assert_eq!(TIN.check("000133905", None), Err(Fault::Length));
    }
}
