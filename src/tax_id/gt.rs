//! Guatemala (GTM): the NIT.

use super::scheme::{digit, is_digits, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// NIT (Número de Identificación Tributaria): 2 to 12 characters after leading zeros are dropped,
/// digits followed by a check character that is a digit or `K` (for 10). The check value is
/// minus the sum of the digits weighted 2, 3, 4, … from the right, modulo 11. Spaces and `-` are
/// ignored, leading zeros are dropped and letters are read as capitals.
pub(crate) const NIT: Scheme = Scheme {
    module: "gt.nit",
    name: "Número de Identificación Tributaria",
    compact: nit_compact,
    validate: nit_validate,
};

fn nit_compact(number: &str) -> Option<Compact> {
    // The leading zeros (with the separators among them) go first, so that any number of them fits.
    let rest = number.trim_start_matches(['0', ' ', '-']);
    Compact::clean(rest, b" -").map(|c| c.upper().strip())
}

fn nit_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !(2..=12).contains(&b.len()) {
        return Err(Fault::Length);
    }
    let Some((&check, body)) = b.split_last() else {
        return Err(Fault::Length);
    };
    if !is_digits(body) || !(check == b'K' || check.is_ascii_digit()) {
        return Err(Fault::Format);
    }
    if check == check_character(body) {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

/// The check character for the digits before it: a digit, or `K` for 10.
fn check_character(body: &[u8]) -> u8 {
    let sum: u32 = body.iter().rev().zip(2..).map(|(&d, w)| digit(d) * w).sum();
    match (11 - sum % 11) % 11 {
        10 => b'K',
        // At most 9 here, so the narrowing is exact.
        c => b'0' + c as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(NIT.check("576937-K", None), Ok(()));
        assert_eq!(NIT.check("7108-0", None), Ok(()));
        assert_eq!(NIT.check("8977112-0", None), Err(Fault::Checksum));
        assert_eq!(NIT.check("1", None), Err(Fault::Length));
        assert_eq!(NIT.check("000039525-0", None), Ok(()));
        assert_eq!(NIT.check("3952A-6", None), Err(Fault::Format));
        assert_eq!(NIT.check(&format!("{}576937-K", "0".repeat(40)), None), Ok(()));
    }
}
