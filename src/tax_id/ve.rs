//! Venezuela (VEN): the RIF.

use super::scheme::{is_digits, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// RIF (Registro de Información Fiscal): a letter for the kind of holder (`V` Venezuelan, `E`
/// foreign person, `J` company, `P` passport, `G` government) and nine digits, the last a check
/// digit. The check value is the letter's weight (V 4, E 8, J 12, P 16, G 20) plus the eight
/// digits weighted 3, 2, 7, 6, 5, 4, 3, 2, modulo 11, looked up in `00987654321`. Spaces and `-`
/// are ignored and letters are read as capitals.
pub(crate) const RIF: Scheme =
    Scheme { module: "ve.rif", name: "Registro de Información Fiscal", compact: rif_compact, validate: rif_validate };

fn rif_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(|c| c.upper().strip())
}

/// The weight of each kind-of-holder letter.
fn kind_weight(letter: u8) -> Option<u32> {
    match letter {
        b'V' => Some(4),
        b'E' => Some(8),
        b'J' => Some(12),
        b'P' => Some(16),
        b'G' => Some(20),
        _ => None,
    }
}

fn rif_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if b.len() != 10 {
        return Err(Fault::Length);
    }
    let Some((&kind, digits)) = b.split_first() else {
        return Err(Fault::Length);
    };
    let weight = kind_weight(kind).ok_or(Fault::Component)?;
    if !is_digits(digits) {
        return Err(Fault::Format);
    }
    let (body, check) = digits.split_at(8);
    let sum = weight + weighted_sum(body, &[3, 2, 7, 6, 5, 4, 3, 2]);
    let expected = b"00987654321".get((sum % 11) as usize).copied();
    if check.first().copied() == expected {
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
        assert_eq!(RIF.check("V-11470283-4", None), Ok(()));
        assert_eq!(RIF.check("v114702834", None), Ok(()));
        assert_eq!(RIF.check("V-11470283-3", None), Err(Fault::Checksum));
        assert_eq!(RIF.check("X-11470283-4", None), Err(Fault::Component));
        assert_eq!(RIF.check("V-1147028A-4", None), Err(Fault::Format));
        assert_eq!(RIF.check("V-1147028-4", None), Err(Fault::Length));
    }
}
