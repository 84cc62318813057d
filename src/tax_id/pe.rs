//! Peru (PER): the CUI (DNI) and the RUC.

use super::scheme::{digit, digits_of_length, is_digits, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// CUI/DNI (Cédula Única de Identidad): eight digits, optionally followed by a check character.
/// With the sum of the eight digits weighted 3, 2, 7, 6, 5, 4, 3, 2 modulo 11 as the index, the
/// check may be either the digit from `65432110987` or the letter from `KJIHGFEDCBA`. Spaces and
/// `-` are ignored and letters are read as capitals.
pub(crate) const CUI: Scheme =
    Scheme { module: "pe.cui", name: "Cédula Única de Identidad", compact: cui_compact, validate: cui_validate };

fn cui_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(|c| c.strip().upper())
}

fn cui_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !(8..=9).contains(&b.len()) {
        return Err(Fault::Length);
    }
    let (body, check) = b.split_at(8);
    if !is_digits(body) {
        return Err(Fault::Format);
    }
    let Some(&check) = check.first() else {
        return Ok(());
    };
    let index = (weighted_sum(body, &[3, 2, 7, 6, 5, 4, 3, 2]) % 11) as usize;
    if b"65432110987".get(index) == Some(&check) || b"KJIHGFEDCBA".get(index) == Some(&check) {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

/// RUC (Registro Único de Contribuyentes): eleven digits starting with 10, 15, 17 (people) or 20
/// (companies). The last is a check digit over the ten before it weighted 5, 4, 3, 2, 7, 6, 5, 4,
/// 3, 2: 11 minus the sum modulo 11, with 10 and 11 written 0 and 1. Spaces are ignored.
pub(crate) const RUC: Scheme =
    Scheme {
        module: "pe.ruc", name: "Registro Único de Contribuyentes", compact: ruc_compact, validate: ruc_validate
    };

fn ruc_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" ").map(Compact::strip)
}

fn ruc_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    digits_of_length(b, 11)?;
    let (body, check) = b.split_at(10);
    if !matches!(body.get(..2), Some(b"10" | b"15" | b"17" | b"20")) {
        return Err(Fault::Component);
    }
    let expected = (11 - weighted_sum(body, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11) % 10;
    if check.iter().map(|&c| digit(c)).eq([expected]) {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cui_documented_examples() {
        assert_eq!(CUI.check("10117410", None), Ok(()));
        assert_eq!(CUI.check("10117410-2", None), Ok(()));
        assert_eq!(CUI.check("10117410-3", None), Err(Fault::Checksum));
        assert_eq!(CUI.check("1011741", None), Err(Fault::Length));
        assert_eq!(CUI.check("1011741A", None), Err(Fault::Format));
    }

    #[test]
    fn cui_check_letter() {
        // The letter beside the digit 2 in the two check tables is G.
        assert_eq!(CUI.check("10117410-g", None), Ok(()));
        assert_eq!(CUI.check("10117410-J", None), Err(Fault::Checksum));
    }

    #[test]
    fn ruc_documented_examples() {
        assert_eq!(RUC.check("20512333797", None), Ok(()));
        assert_eq!(RUC.check("10054148289", None), Ok(()));
        assert_eq!(RUC.check("20512333798", None), Err(Fault::Checksum));
        assert_eq!(RUC.check("30512333797", None), Err(Fault::Component));
        assert_eq!(RUC.check("2051233379", None), Err(Fault::Length));
        assert_eq!(RUC.check("2051233379A", None), Err(Fault::Format));
    }
}
