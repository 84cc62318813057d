//! Australia (AUS): the Tax File Number.

use super::scheme::{is_digits, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// TFN (Tax File Number): 8 or 9 digits whose sum weighted 1, 4, 3, 7, 5, 8, 6, 9, 10 is a
/// multiple of 11 (the last digit acts as the check). Spaces are ignored.
pub(crate) const TFN: Scheme =
    Scheme { module: "au.tfn", name: "Tax File Number", compact: tfn_compact, validate: tfn_validate };

/// Weights of the digits, first to last.
const WEIGHTS: [u32; 9] = [1, 4, 3, 7, 5, 8, 6, 9, 10];

fn tfn_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" ").map(Compact::strip)
}

fn tfn_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !is_digits(b) {
        return Err(Fault::Format);
    }
    if b.len() != 8 && b.len() != 9 {
        return Err(Fault::Length);
    }
    if weighted_sum(b, &WEIGHTS) % 11 != 0 {
        return Err(Fault::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(TFN.check("123 456 782", None), Ok(()));
        assert_eq!(TFN.check("999 999 999", None), Err(Fault::Checksum));
        assert_eq!(TFN.check("123-456-782", None), Err(Fault::Format));
        assert_eq!(TFN.check("1234567", None), Err(Fault::Length));
    }
}
