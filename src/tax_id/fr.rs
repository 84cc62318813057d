//! France (FRA): the numéro fiscal de référence and the NIR.

use super::scheme::{is_digits, number, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Numéro fiscal de référence (NIF, SPI): 13 digits starting with `0`, `1`, `2` or `3`; the last
/// three are the first ten taken as a number, modulo 511 (zero-padded). Spaces are ignored.
pub(crate) const NIF: Scheme =
    Scheme { module: "fr.nif", name: "Numéro fiscal de référence", compact: nif_compact, validate: nif_validate };

/// NIR (numéro d'inscription au répertoire, the social security number): 15 characters, all
/// digits except that the department (characters 6–7) may be `2A` or `2B` (Corsica). The last two
/// digits are 97 minus the first thirteen (with `2A` read as `19` and `2B` as `18`) modulo 97.
/// The sex, birth month and place are not checked further. Spaces and `.` are ignored and
/// letters are read as capitals.
pub(crate) const NIR: Scheme = Scheme {
    module: "fr.nir",
    name: "Numéro d'inscription au répertoire",
    compact: nir_compact,
    validate: nir_validate,
};

/// Digits only, and at least one (python-stdnum's `isdigits`).
fn all_digits(b: &[u8]) -> bool {
    !b.is_empty() && is_digits(b)
}

fn nif_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" ").map(Compact::strip)
}

fn nif_validate(compact: &Compact, _today: Option<Date>) -> Outcome {
    let b = compact.as_bytes();
    if !all_digits(b) {
        return Err(Fault::Format);
    }
    if !matches!(b.first(), Some(b'0'..=b'3')) {
        return Err(Fault::Component);
    }
    if b.len() != 13 {
        return Err(Fault::Length);
    }
    let (body, check) = b.split_at(10);
    if number(body) % 511 == number(check) {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

fn nir_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" .").map(|c| c.strip().upper())
}

fn nir_validate(compact: &Compact, _today: Option<Date>) -> Outcome {
    let b = compact.as_bytes();
    let head = b.get(..5).unwrap_or(b);
    let department = b.get(5..7).or_else(|| b.get(5..)).unwrap_or_default();
    let tail = b.get(7..).unwrap_or_default();
    if !all_digits(head) || !all_digits(tail) {
        return Err(Fault::Format);
    }
    let department_value = match department {
        b"2A" => 19,
        b"2B" => 18,
        d if all_digits(d) => number(d),
        _ => return Err(Fault::Format),
    };
    if b.len() != 15 {
        return Err(Fault::Length);
    }
    let (Some(rest), Some(check)) = (b.get(7..13), b.get(13..15)) else {
        return Err(Fault::Length);
    };
    let value = (number(head) * 100 + department_value) * 1_000_000 + number(rest);
    if 97 - value % 97 == number(check) {
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
        assert_eq!(NIF.check("30 23 217 600 053", None), Ok(()));
        assert_eq!(NIF.check("3023217600054", None), Err(Fault::Checksum));
        assert_eq!(NIF.check("302321760005", None), Err(Fault::Length));
        assert_eq!(NIF.check("4023217600053", None), Err(Fault::Component));
        assert_eq!(NIR.check("2 95 10 99 126 111 93", None), Ok(()));
        assert_eq!(NIR.check("295109912611199", None), Err(Fault::Checksum));
        assert_eq!(NIR.check("253072b07300470", None), Ok(()));
        assert_eq!(NIR.check("253072A07300443", None), Ok(()));
        assert_eq!(NIR.check("253072C07300443", None), Err(Fault::Format));
        assert_eq!(NIR.check("6546546546546703", None), Err(Fault::Length));
    }

    /// A letter in the first five characters or after the department is a format fault, even
    /// when the other part is all digits (python-stdnum 2.2's answers; mutation testing, tax
    /// 7/16: the two tests' `||` made `&&` passed).
    #[test]
    fn letters_outside_the_department() {
        assert_eq!(NIR.check("X95109912611193", None), Err(Fault::Format));
        assert_eq!(NIR.check("2951099126111X3", None), Err(Fault::Format));
    }
}
