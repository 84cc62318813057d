//! Spain (ESP): the NIF, the DNI and the NIE.

use super::scheme::{digit, is_digits, number, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Número de Identificación Fiscal (NIF): 9 characters, seven digits between a first and a last
/// character. By the first character it is checked as:
/// a DNI (a digit: see [`DNI`]); a NIE (`X`, `Y`, `Z`: see [`NIE`]); a number for minors and
/// people without DNI or NIE (`K`, `L`, `M`: the DNI check letter of the seven digits); or a
/// CIF for legal entities (`A`–`H`, `J`, `N`, `P`–`S`, `U`–`W`: the last character is the Luhn
/// check digit of the seven digits, or the letter `JABCDEFGHI` at that digit's place). Any other
/// first character is refused. Spaces and `-` are ignored, letters are read as capitals and a
/// leading `ES` is dropped.
pub(crate) const NIF: Scheme =
    Scheme {
        module: "es.nif", name: "Número de Identificación Fiscal", compact: nif_compact, validate: nif_validate
    };

/// Documento Nacional de Identidad (DNI): eight digits and a check letter, the letter at the
/// place of the number modulo 23 in `TRWAGMYFPDXBNJZSQVHLCKE`. Spaces and `-` are ignored and
/// letters are read as capitals.
pub(crate) const DNI: Scheme =
    Scheme { module: "es.dni", name: "Documento Nacional de Identidad", compact: dni_compact, validate: dni_validate };

/// Número de Identidad de Extranjero (NIE): `X`, `Y` or `Z`, seven digits and a check letter,
/// computed as for a DNI with `X`, `Y`, `Z` read as the digits 0, 1, 2. Spaces and `-` are
/// ignored and letters are read as capitals.
pub(crate) const NIE: Scheme = Scheme {
    module: "es.nie",
    name: "Número de Identidad de Extranjero",
    compact: dni_compact,
    validate: nie_validate,
};

/// The DNI check letters, by the number modulo 23.
const DNI_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// The CIF check letters, by the Luhn check digit.
const CIF_LETTERS: &[u8; 10] = b"JABCDEFGHI";

/// The first letters of a CIF (the kind of legal entity).
const CIF_KINDS: &[u8] = b"ABCDEFGHJNPQRSUVW";

/// Digits only, and at least one (python-stdnum's `isdigits`).
fn all_digits(b: &[u8]) -> bool {
    !b.is_empty() && is_digits(b)
}

/// Everything but the first and the last character (empty when there are fewer than three).
fn middle(b: &[u8]) -> &[u8] {
    match b {
        [_, middle @ .., _] => middle,
        _ => &[],
    }
}

/// The DNI check letter of a number.
fn dni_letter(value: u64) -> u8 {
    // The remainder is below 23, so the index is in range and the narrowing exact.
    DNI_LETTERS.get((value % 23) as usize).copied().unwrap_or(0)
}

/// The Luhn check digit that completes `digits`.
fn luhn_check_digit(digits: &[u8]) -> u32 {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let v = digit(d);
            if i % 2 == 0 {
                v * 2 / 10 + v * 2 % 10
            } else {
                v
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

fn dni_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(|c| c.upper().strip())
}

fn nif_compact(number: &str) -> Option<Compact> {
    dni_compact(number).map(|c| c.strip_prefix(b"ES"))
}

fn dni_validate(compact: &Compact, _today: Option<Date>) -> Outcome {
    let b = compact.as_bytes();
    let body = b.split_last().map_or(&[][..], |(_, body)| body);
    if !all_digits(body) {
        return Err(Fault::Format);
    }
    if b.len() != 9 {
        return Err(Fault::Length);
    }
    if b.last() == Some(&dni_letter(number(body))) {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

fn nie_validate(compact: &Compact, _today: Option<Date>) -> Outcome {
    let b = compact.as_bytes();
    let prefix = match b.first() {
        Some(b'X') => 0,
        Some(b'Y') => 1,
        Some(b'Z') => 2,
        _ => return Err(Fault::Format),
    };
    let digits = middle(b);
    if !all_digits(digits) {
        return Err(Fault::Format);
    }
    if b.len() != 9 {
        return Err(Fault::Length);
    }
    if b.last() == Some(&dni_letter(prefix * 10_000_000 + number(digits))) {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

/// A CIF (company number), as python-stdnum's `es.cif` decides.
fn cif_validate(b: &[u8]) -> Outcome {
    let digits = middle(b);
    if !all_digits(digits) {
        return Err(Fault::Format);
    }
    if b.len() != 9 {
        return Err(Fault::Length);
    }
    if !b.first().is_some_and(|k| CIF_KINDS.contains(k)) {
        return Err(Fault::Format);
    }
    let check = luhn_check_digit(digits);
    let as_digit = char::from_digit(check, 10).map(|c| c as u8);
    let as_letter = CIF_LETTERS.get(check as usize).copied();
    match b.last() {
        Some(&last) if Some(last) == as_digit || Some(last) == as_letter => Ok(()),
        _ => Err(Fault::Checksum),
    }
}

fn nif_validate(compact: &Compact, today: Option<Date>) -> Outcome {
    let b = compact.as_bytes();
    let digits = middle(b);
    if !all_digits(digits) {
        return Err(Fault::Format);
    }
    if b.len() != 9 {
        return Err(Fault::Length);
    }
    match b.first() {
        Some(b'K' | b'L' | b'M') if b.last() == Some(&dni_letter(number(digits))) => Ok(()),
        Some(b'K' | b'L' | b'M') => Err(Fault::Checksum),
        Some(b'0'..=b'9') => dni_validate(compact, today),
        Some(b'X' | b'Y' | b'Z') => nie_validate(compact, today),
        _ => cif_validate(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(DNI.check("54362315-K", None), Ok(()));
        assert_eq!(DNI.check("54362315Z", None), Err(Fault::Checksum));
        assert_eq!(DNI.check("54362315", None), Err(Fault::Length));
        assert_eq!(NIE.check("x-2482300w", None), Ok(()));
        assert_eq!(NIE.check("x-2482300a", None), Err(Fault::Checksum));
        assert_eq!(NIE.check("X2482300", None), Err(Fault::Length));
        assert_eq!(NIF.check("ES B-58378431", None), Ok(()));
        assert_eq!(NIF.check("B64717838", None), Ok(()));
        assert_eq!(NIF.check("B64717839", None), Err(Fault::Checksum));
        assert_eq!(NIF.check("54362315K", None), Ok(()));
        assert_eq!(NIF.check("X-5253868-R", None), Ok(()));
        assert_eq!(NIF.check("M-1234567-L", None), Ok(()));
        assert_eq!(NIF.check("J99216582", None), Ok(()));
        assert_eq!(NIF.check("J99216587", None), Err(Fault::Checksum));
        assert_eq!(NIF.check("I99216582", None), Err(Fault::Format));
    }

    /// A K, L or M NIF with the wrong DNI letter is a checksum fault (python-stdnum 2.2's answer;
    /// mutation testing, tax 6/16: the arm saying so deleted passed, the CIF check answering).
    #[test]
    fn klm_numbers_with_the_wrong_letter() {
        for number in ["M-1234567-X", "K1234567X", "L1234567A"] {
            assert_eq!(NIF.check(number, None), Err(Fault::Checksum), "{number}");
        }
    }
}
