//! Ecuador (ECU): the CI (cédula) and the RUC.

use super::scheme::{digit, digits_of_length, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// CI (Cédula de identidad): ten digits. The first two are the province, 01 to 24, 30 or 50;
/// the third is 0 to 6. The digits weighted 2, 1, 2, 1, … (a product above 9 counting as its
/// digit sum) add up to a multiple of 10. Spaces and `-` are ignored.
pub(crate) const CI: Scheme =
    Scheme { module: "ec.ci", name: "Cédula de identidad", compact: ec_compact, validate: ci_validate };

/// RUC (Registro Único de Contribuyentes): thirteen digits, starting with a province (01 to 24,
/// 30 or 50). By the third digit:
/// - 0 to 5, a person: a valid CI followed by an establishment number other than 000;
/// - 6, a public body: the first nine digits weighted 3, 2, 7, 6, 5, 4, 3, 2, 1 sum to a
///   multiple of 11 and the establishment number (last four) is not 0000; failing that, it is
///   accepted as a person's RUC as above;
/// - 9, a company: either the public-body rule, or the first ten digits weighted 4, 3, 2, 7, 6,
///   5, 4, 3, 2, 1 sum to a multiple of 11 with an establishment number (last three) not 000;
/// - 7 or 8: refused.
///
/// Spaces and `-` are ignored.
pub(crate) const RUC: Scheme =
    Scheme { module: "ec.ruc", name: "Registro Único de Contribuyentes", compact: ec_compact, validate: ruc_validate };

fn ec_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(|c| c.upper().strip())
}

/// The first two digits name a province (or one of the two special codes).
fn province_ok(b: &[u8]) -> bool {
    match b.get(..2) {
        Some(p) => (b"01".as_slice()..=b"24".as_slice()).contains(&p) || p == b"30" || p == b"50",
        None => false,
    }
}

fn ci_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    validate_ci(number.as_bytes())
}

/// The CI rules on ten bytes.
fn validate_ci(b: &[u8]) -> Outcome {
    digits_of_length(b, 10)?;
    if !province_ok(b) || b.get(2).is_some_and(|&c| c > b'6') {
        return Err(Fault::Component);
    }
    let sum: u32 = b
        .iter()
        .zip([2, 1].into_iter().cycle())
        .map(|(&d, w)| match digit(d) * w {
            x if x > 9 => x - 9,
            x => x,
        })
        .sum();
    if sum % 10 == 0 {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

fn ruc_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    digits_of_length(b, 13)?;
    if !province_ok(b) {
        return Err(Fault::Component);
    }
    match b.get(2) {
        Some(b'0'..=b'5') => natural_ruc(b),
        Some(b'6') => public_ruc(b).or_else(|_| natural_ruc(b)),
        Some(b'9') => public_ruc(b).or_else(|_| juridical_ruc(b)),
        _ => Err(Fault::Component),
    }
}

/// A person's RUC: a CI and an establishment number.
fn natural_ruc(b: &[u8]) -> Outcome {
    if b.ends_with(b"000") {
        return Err(Fault::Component);
    }
    validate_ci(b.get(..10).unwrap_or(b))
}

/// A public body's RUC.
fn public_ruc(b: &[u8]) -> Outcome {
    if b.ends_with(b"0000") {
        return Err(Fault::Component);
    }
    if weighted_sum(b, &[3, 2, 7, 6, 5, 4, 3, 2, 1]) % 11 != 0 {
        return Err(Fault::Checksum);
    }
    Ok(())
}

/// A company's RUC.
fn juridical_ruc(b: &[u8]) -> Outcome {
    if b.ends_with(b"000") {
        return Err(Fault::Component);
    }
    if weighted_sum(b, &[4, 3, 2, 7, 6, 5, 4, 3, 2, 1]) % 11 != 0 {
        return Err(Fault::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ci_documented_examples() {
        assert_eq!(CI.check("171430710-3", None), Ok(()));
        assert_eq!(CI.check("1714307104", None), Err(Fault::Checksum));
        assert_eq!(CI.check("171430710", None), Err(Fault::Length));
        assert_eq!(CI.check("2514307103", None), Err(Fault::Component));
        assert_eq!(CI.check("1774307103", None), Err(Fault::Component));
        assert_eq!(CI.check("17143A7103", None), Err(Fault::Format));
    }

    #[test]
    fn ruc_documented_examples() {
        assert_eq!(RUC.check("1792060346-001", None), Ok(()));
        assert_eq!(RUC.check("1714307103001", None), Ok(()));
        assert_eq!(RUC.check("1714307103000", None), Err(Fault::Component));
        assert_eq!(RUC.check("1763154690001", None), Err(Fault::Checksum));
        assert_eq!(RUC.check("179206034601", None), Err(Fault::Length));
        assert_eq!(RUC.check("1782060346001", None), Err(Fault::Component));
    }
}
