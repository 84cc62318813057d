//! Argentina (ARG): the CUIT (and CUIL) and the DNI.

use super::scheme::{digit, digits_of_length, digits_only, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// CUIT/CUIL (Código Único de Identificación Tributaria / Laboral): eleven digits. The first two
/// give the kind of holder and must be 20, 23, 24 or 27 (people), 30, 33 or 34 (companies) or
/// 50, 51 or 55 (international). The last is a mod-11 check digit over the ten before it
/// weighted 5, 4, 3, 2, 7, 6, 5, 4, 3, 2: 11 minus the sum modulo 11, where 11 is written 0 and
/// 10 is written 9. Spaces and `-` are ignored.
pub(crate) const CUIT: Scheme = Scheme {
    module: "ar.cuit",
    name: "tax and labour identification code",
    compact: cuit_compact,
    validate: cuit_validate,
};

/// The kinds of holder a CUIT may start with.
const CUIT_KINDS: [&[u8]; 10] = [b"20", b"23", b"24", b"27", b"30", b"33", b"34", b"50", b"51", b"55"];

fn cuit_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(Compact::strip)
}

fn cuit_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    digits_of_length(b, 11)?;
    let (body, check) = b.split_at(10);
    if !CUIT_KINDS.contains(&&body[..2]) {
        return Err(Fault::Component);
    }
    let expected = match 11 - weighted_sum(body, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11 {
        11 => 0,
        10 => 9,
        d => d,
    };
    if check.iter().map(|&c| digit(c)).eq([expected]) {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

/// DNI (Documento Nacional de Identidad): seven or eight digits, with no check digit. Spaces and
/// `.` are ignored.
pub(crate) const DNI: Scheme =
    Scheme { module: "ar.dni", name: "Documento Nacional de Identidad", compact: dni_compact, validate: dni_validate };

fn dni_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" .").map(Compact::strip)
}

fn dni_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    if !(7..=8).contains(&b.len()) {
        return Err(Fault::Length);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuit_documented_examples() {
        assert_eq!(CUIT.check("20-05536168-2", None), Ok(()));
        assert_eq!(CUIT.check("20267565393", None), Ok(()));
        assert_eq!(CUIT.check("20267565392", None), Err(Fault::Checksum));
        assert_eq!(CUIT.check("21267565393", None), Err(Fault::Component));
        assert_eq!(CUIT.check("2026756539A", None), Err(Fault::Format));
        assert_eq!(CUIT.check("2026756539", None), Err(Fault::Length));
    }

    #[test]
    fn dni_documented_examples() {
        assert_eq!(DNI.check("20.123.456", None), Ok(()));
        assert_eq!(DNI.check("1234567", None), Ok(()));
        assert_eq!(DNI.check("2012345699", None), Err(Fault::Length));
        assert_eq!(DNI.check("20-123-456", None), Err(Fault::Format));
        assert_eq!(DNI.check("", None), Err(Fault::Format));
    }
}
