//! Brazil (BRA): the CPF.

use super::scheme::{digits_only, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// CPF (Cadastro de Pessoas Físicas): eleven digits, not all zero, the last two being mod-11
/// check digits: the first over the nine leading digits weighted 10 down to 2, the second over
/// those nine weighted 11 down to 3 plus twice the first check digit (each is 11 minus the sum
/// modulo 11, with 10 and 11 written 0). Other repeated digits such as `111.111.111-11` pass, as
/// in python-stdnum. Spaces, `-` and `.` are ignored.
pub(crate) const CPF: Scheme =
    Scheme { module: "br.cpf", name: "Cadastro de Pessoas Físicas", compact: cpf_compact, validate: cpf_validate };

fn cpf_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -.").map(Compact::strip)
}

fn cpf_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) || b.iter().all(|&c| c == b'0') {
        return Err(Fault::Format);
    }
    if b.len() != 11 {
        return Err(Fault::Length);
    }
    let (body, check) = b.split_at(9);
    if check != check_digits(body) {
        return Err(Fault::Checksum);
    }
    Ok(())
}

/// The two check digits for the nine leading digits, as ASCII.
fn check_digits(body: &[u8]) -> [u8; 2] {
    let d1 = mod_11_value(weighted_sum(body, &[10, 9, 8, 7, 6, 5, 4, 3, 2]));
    let d2 = mod_11_value(weighted_sum(body, &[11, 10, 9, 8, 7, 6, 5, 4, 3]) + 2 * d1);
    [ascii_digit(d1), ascii_digit(d2)]
}

/// 11 minus the sum modulo 11, with 10 and 11 counted as 0.
fn mod_11_value(sum: u32) -> u32 {
    (11 - sum % 11) % 11 % 10
}

/// The ASCII digit of a value below 10.
fn ascii_digit(value: u32) -> u8 {
    // Below 10, so the narrowing is exact.
    b'0' + (value % 10) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(CPF.check("390.533.447-05", None), Ok(()));
        assert_eq!(CPF.check("111.111.111-11", None), Ok(()));
        assert_eq!(CPF.check("231.002.999-00", None), Err(Fault::Checksum));
        assert_eq!(CPF.check("390.533.447=0", None), Err(Fault::Format));
        assert_eq!(CPF.check("000.000.000-00", None), Err(Fault::Format));
        assert_eq!(CPF.check("3905334470", None), Err(Fault::Length));
        assert_eq!(CPF.check("", None), Err(Fault::Format));
    }
}
