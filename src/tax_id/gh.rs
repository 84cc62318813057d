//! Ghana (GHA): the Taxpayer Identification Number.

use super::scheme::{is_digits, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// TIN (Taxpayer Identification Number): 11 characters: a letter for the kind of taxpayer
/// (`P` individual, `C` company, `G` government, `Q` foreign mission, `V` other institution),
/// `00`, seven digits and a check character. With characters 2 to 10 weighted 1 to 9 and their
/// sum `s`, the check is `s mod 11`, written `X` when it is 10. Case is ignored, and so are
/// spaces.
pub(crate) const TIN: Scheme =
    Scheme { module: "gh.tin", name: "Taxpayer Identification Number", compact: tin_compact, validate: tin_validate };

/// Weights of the characters after the kind letter, up to the check.
const WEIGHTS: [u32; 9] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

fn tin_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" ").map(Compact::upper)
}

/// The check character for the nine digits between the kind letter and the check.
fn check_char(digits: &[u8]) -> u8 {
    match weighted_sum(digits, &WEIGHTS) % 11 {
        10 => b'X',
        // Below 10 here, so one ASCII digit.
        s => b'0' + u8::try_from(s).unwrap_or(0),
    }
}

fn tin_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if b.len() != 11 {
        return Err(Fault::Length);
    }
    let [b'P' | b'C' | b'G' | b'Q' | b'V', b'0', b'0', rest @ .., check] = b else {
        return Err(Fault::Format);
    };
    if !rest.iter().chain([check]).all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()) {
        return Err(Fault::Format);
    }
    // The digits the check is computed over: a letter among them is refused (python-stdnum
    // fails on it with a non-validation error, which `is_valid` does not survive either).
    let Some(digits) = b.get(1..10).filter(|d| is_digits(d)) else {
        return Err(Fault::Format);
    };
    if *check != check_char(digits) {
        return Err(Fault::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(TIN.check("C0000803561", None), Ok(()));
        assert_eq!(TIN.check("c 0000 803561", None), Ok(()));
        assert_eq!(TIN.check("C0000803562", None), Err(Fault::Checksum));
        assert_eq!(TIN.check("C000080356", None), Err(Fault::Length));
        assert_eq!(TIN.check("X0000803561", None), Err(Fault::Format));
        assert_eq!(TIN.check("C00008035A1", None), Err(Fault::Format));
    }
}
