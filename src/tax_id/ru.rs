//! Russia (RUS): the INN.

use super::scheme::{digit, digits_only, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// ИНН (Идентификационный номер налогоплательщика, taxpayer identification number): 10 digits
/// for an organisation, the last a check digit (weights 2, 4, 10, 3, 5, 9, 4, 6, 8; sum mod 11,
/// then mod 10), or 12 digits for a person, the last two check digits (weights 7, 2, 4, 10, 3,
/// 5, 9, 4, 6, 8 over the first ten, then 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 over the first
/// eleven, each sum mod 11, then mod 10). Spaces are ignored.
pub(crate) const INN: Scheme =
    Scheme { module: "ru.inn", name: "ИНН", compact: inn_compact, validate: inn_validate };

const COMPANY_WEIGHTS: [u32; 9] = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const PERSON_WEIGHTS: [u32; 11] = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

fn inn_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" ").map(Compact::strip)
}

fn inn_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    let valid = match b {
        [body @ .., check] if b.len() == 10 => check_digit(body, &COMPANY_WEIGHTS) == digit(*check),
        [body @ .., first, second] if b.len() == 12 => {
            // The first check digit weighs the first ten digits with the last ten weights.
            check_digit(body, &PERSON_WEIGHTS[1..]) == digit(*first)
                && check_digit(&b[..11], &PERSON_WEIGHTS) == digit(*second)
        }
        _ => return Err(Fault::Length),
    };
    if valid {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

fn check_digit(digits: &[u8], weights: &[u32]) -> u32 {
    weighted_sum(digits, weights) % 11 % 10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(INN.check("123456789047", None), Ok(()));
        assert_eq!(INN.check("1234567894", None), Ok(()));
        assert_eq!(INN.check("123456789037", None), Err(Fault::Checksum));
        assert_eq!(INN.check("1234567895", None), Err(Fault::Checksum));
        assert_eq!(INN.check("12345678904", None), Err(Fault::Length));
        assert_eq!(INN.check("12345678904A", None), Err(Fault::Format));
    }
}
