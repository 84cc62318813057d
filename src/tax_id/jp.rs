//! Japan (JPN): the individual number (My Number).

use super::scheme::{digit, digits_of_length, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// IN (individual number, 個人番号, "My Number"): 12 digits, the last a check digit: with the
/// first eleven digits weighted 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 and their sum `s`, it is
/// `(11 - s mod 11)`, with 10 and 11 written as 0. Spaces and `-` are ignored.
pub(crate) const IN: Scheme =
    Scheme { module: "jp.in_", name: "individual number", compact: in_compact, validate: in_validate };

/// Weights of the first eleven digits.
const WEIGHTS: [u32; 11] = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

fn in_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b"- ").map(Compact::strip)
}

/// The check digit that completes the first eleven digits.
fn check_digit(body: &[u8]) -> u32 {
    (11 - weighted_sum(body, &WEIGHTS) % 11) % 11 % 10
}

fn in_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    digits_of_length(b, 12)?;
    match b.split_last() {
        Some((&last, body)) if digit(last) == check_digit(body) => Ok(()),
        _ => Err(Fault::Checksum),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(IN.check("6214 9832 0257", None), Ok(()));
        assert_eq!(IN.check("6214 9832 0258", None), Err(Fault::Checksum));
        assert_eq!(IN.check("6214 9832 025", None), Err(Fault::Length));
        assert_eq!(IN.check("6214 9832 025A", None), Err(Fault::Format));
    }
}
