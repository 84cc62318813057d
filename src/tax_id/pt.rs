//! Portugal (PRT): the NIF.

use super::scheme::{digit, digits_only, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Número de identificação fiscal (NIF, NIPC): 9 digits, the first not `0`. The last is a check
/// digit: 11 minus the sum of the first eight weighted 9 down to 2, modulo 11, with 10 read as 0.
/// Spaces, `-` and `.` are ignored, and a leading `PT` (any case) is dropped.
pub(crate) const NIF: Scheme =
    Scheme {
        module: "pt.nif", name: "Número de identificação fiscal", compact: nif_compact, validate: nif_validate
    };

fn nif_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -.").map(|c| c.upper().strip().strip_prefix(b"PT"))
}

fn nif_validate(compact: &Compact, _today: Option<Date>) -> Outcome {
    let b = compact.as_bytes();
    if !digits_only(b) || b.first() == Some(&b'0') {
        return Err(Fault::Format);
    }
    let Some((&check, body)) = b.split_last().filter(|_| b.len() == 9) else {
        return Err(Fault::Length);
    };
    let sum: u32 = body.iter().zip((2..=9).rev()).map(|(&d, w)| digit(d) * w).sum();
    if (11 - sum % 11) % 11 % 10 == digit(check) {
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
        assert_eq!(NIF.check("PT 501 964 843", None), Ok(()));
        assert_eq!(NIF.check("501964842", None), Err(Fault::Checksum));
        assert_eq!(NIF.check("50196484", None), Err(Fault::Length));
        assert_eq!(NIF.check("001964843", None), Err(Fault::Format));
    }
}
