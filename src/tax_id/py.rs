//! Paraguay (PRY): the RUC.

use super::scheme::{digit, is_digits, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// RUC (Registro Único de Contribuyentes): one to nine digits, the last a check digit over those
/// before it weighted 2, 3, 4, … from the right: minus the sum modulo 11, with 10 written 0.
/// There is no lower bound on the length (a lone `0` passes, as in python-stdnum). Spaces and `-`
/// are ignored.
pub(crate) const RUC: Scheme =
    Scheme {
        module: "py.ruc", name: "Registro Único de Contribuyentes", compact: ruc_compact, validate: ruc_validate
    };

fn ruc_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(|c| c.upper().strip())
}

fn ruc_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if b.len() > 9 {
        return Err(Fault::Length);
    }
    let Some((&check, body)) = b.split_last() else {
        return Err(Fault::Format);
    };
    if !is_digits(b) {
        return Err(Fault::Format);
    }
    let sum: u32 = body.iter().rev().zip(2..).map(|(&d, w)| digit(d) * w).sum();
    if digit(check) == (11 - sum % 11) % 11 % 10 {
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
        assert_eq!(RUC.check("80028061-0", None), Ok(()));
        assert_eq!(RUC.check("9991603", None), Ok(()));
        assert_eq!(RUC.check("2660-3", None), Ok(()));
        assert_eq!(RUC.check("0", None), Ok(()));
        assert_eq!(RUC.check("800532492", None), Err(Fault::Checksum));
        assert_eq!(RUC.check("80123456789", None), Err(Fault::Length));
        assert_eq!(RUC.check("8002806A-0", None), Err(Fault::Format));
        assert_eq!(RUC.check("", None), Err(Fault::Format));
    }
}
