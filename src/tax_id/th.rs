//! Thailand (THA): the personal identification number.

use super::scheme::{digit, digits_of_length, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// PIN (personal identification number, เลขประจำตัวประชาชน): 13 digits. The first digit (the
/// person's category) may not be 0 or 9. The last digit is a check digit: with the first twelve
/// digits weighted 13, 12, …, 2 and their sum `s`, it is `(11 - s mod 11) mod 10`.
/// Spaces and `-` are ignored.
pub(crate) const PIN: Scheme =
    Scheme { module: "th.pin", name: "personal identification number", compact: pin_compact, validate: pin_validate };

/// Weights of the first twelve digits.
const WEIGHTS: [u32; 12] = [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2];

fn pin_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(Compact::strip)
}

/// The check digit that completes the first twelve digits.
fn check_digit(body: &[u8]) -> u32 {
    (11 - weighted_sum(body, &WEIGHTS) % 11) % 10
}

fn pin_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    digits_of_length(b, 13)?;
    let Some((&last, body)) = b.split_last() else {
        return Err(Fault::Length);
    };
    if matches!(body.first(), Some(b'0' | b'9')) {
        return Err(Fault::Component);
    }
    if digit(last) != check_digit(body) {
        return Err(Fault::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(PIN.check("1-2345-45678-78-1", None), Ok(()));
        assert_eq!(PIN.check("3100600445635", None), Ok(()));
        assert_eq!(PIN.check("1-2345-45678-78-2", None), Err(Fault::Checksum));
        assert_eq!(PIN.check("0100600445635", None), Err(Fault::Component));
        assert_eq!(PIN.check("310060044563", None), Err(Fault::Length));
        assert_eq!(PIN.check("310060044563A", None), Err(Fault::Format));
    }
}
