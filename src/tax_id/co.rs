//! Colombia (COL): the NIT.

use super::scheme::{digit, is_digits, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// NIT (Número de Identificación Tributaria): 8 to 16 digits, the last a check digit. The check
/// value is the sum of the digits before it, from the right, weighted 3, 7, 13, 17, 19, 23, 29,
/// 37, 41, 43, 47, 53, 59, 67, 71, modulo 11; 0 and 1 stand as they are, any other value v gives
/// the digit 11 − v. Spaces, `.`, `,` and `-` are ignored.
pub(crate) const NIT: Scheme = Scheme {
    module: "co.nit",
    name: "Número de Identificación Tributaria",
    compact: nit_compact,
    validate: nit_validate,
};

const WEIGHTS: [u32; 15] = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

fn nit_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b".,- ").map(|c| c.upper().strip())
}

fn nit_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !(8..=16).contains(&b.len()) {
        return Err(Fault::Length);
    }
    if !is_digits(b) {
        return Err(Fault::Format);
    }
    let Some((&check, body)) = b.split_last() else {
        return Err(Fault::Length);
    };
    let sum: u32 = body.iter().rev().zip(WEIGHTS).map(|(&d, w)| digit(d) * w).sum();
    let expected = match sum % 11 {
        v @ 0..=1 => v,
        v => 11 - v,
    };
    if digit(check) == expected {
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
        assert_eq!(NIT.check("213.123.432-1", None), Ok(()));
        assert_eq!(NIT.check("2131234321", None), Ok(()));
        assert_eq!(NIT.check("2131234325", None), Err(Fault::Checksum));
        assert_eq!(NIT.check("213123432A", None), Err(Fault::Format));
        assert_eq!(NIT.check("2131234", None), Err(Fault::Length));
    }
}
