//! Lithuania (LTU): the asmens kodas.

use super::ee;
use super::scheme::{Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Asmens kodas (personal code): 11 digits built like the Estonian isikukood. The first digit
/// gives the century and sex (`1`–`8`, with `YYMMDD` after it a real day), or is `9` for the
/// special codes whose date part is not checked (`0` is refused); the last digit is the check
/// digit: Σ digit × weight (weights 1 2 3 4 5 6 7 8 9 1) mod 11, or when that is 10, the sum again
/// with weights 3 4 5 6 7 8 9 1 2 3, mod 11, where 10 becomes 0. Spaces are ignored. There is no
/// bound on the date against today.
pub(crate) const ASMENS: Scheme =
    Scheme { module: "lt.asmens", name: "asmens kodas", compact: asmens_compact, validate: asmens_validate };

fn asmens_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" ").map(Compact::strip)
}

fn asmens_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let digits = ee::eleven_digits(number)?;
    let [first, ..] = digits;
    if first != b'9' {
        ee::birth_date(&digits).ok_or(Fault::Component)?;
    }
    ee::checksum(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(ASMENS.check("33309240064", None), Ok(()));
        assert_eq!(ASMENS.check("33309240164", None), Err(Fault::Checksum));
        assert_eq!(ASMENS.check("9 0000000009", None), Ok(()));
        assert_eq!(ASMENS.check("03309240064", None), Err(Fault::Component));
        assert_eq!(ASMENS.check("3330924006", None), Err(Fault::Length));
    }
}
