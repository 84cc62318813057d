//! Austria (AUT): the Abgabenkontonummer.

use super::scheme::{digit, digits_of_length, Compact, Fault, Outcome, Scheme};
use super::tables::AT_OFFICES;
use crate::date::Date;

/// Abgabenkontonummer (Austrian tax identification number): 9 digits, the first two a known
/// tax office number (Finanzamtsnummer), then the Steuernummer whose last digit checks the
/// first eight: digits in odd positions (1st, 3rd, ...) count as they are, the others doubled
/// with the digits of the product added; the check digit brings the sum to a multiple of 10.
/// Spaces, `-`, `.`, `/` and `,` are ignored (`59-119/9013`).
pub(crate) const TIN: Scheme =
    Scheme { module: "at.tin", name: "Abgabenkontonummer", compact: tin_compact, validate: tin_validate };

fn tin_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -./,").map(Compact::strip)
}

fn tin_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    digits_of_length(b, 9)?;
    if tin_check_digit(&b[..8]) != digit(b[8]) {
        return Err(Fault::Checksum);
    }
    let office = digit(b[0]) * 10 + digit(b[1]);
    let known = u8::try_from(office).is_ok_and(|o| AT_OFFICES.binary_search(&o).is_ok());
    if known {
        Ok(())
    } else {
        Err(Fault::Component)
    }
}

/// The check digit over the first eight digits.
fn tin_check_digit(digits: &[u8]) -> u32 {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let v = digit(d);
            if i % 2 == 1 {
                let doubled = v * 2;
                doubled / 10 + doubled % 10
            } else {
                v
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(TIN.check("59-119/9013", None), Ok(()));
        assert_eq!(TIN.check("591199013", None), Ok(()));
        assert_eq!(TIN.check("59-119/9014", None), Err(Fault::Checksum));
        assert_eq!(TIN.check("59-119/901", None), Err(Fault::Length));
        assert_eq!(TIN.check("59-119/901A", None), Err(Fault::Format));
        // Office 01 does not exist; 019990019 has a correct check digit.
        assert_eq!(TIN.check("019990019", None), Err(Fault::Component));
    }
}
