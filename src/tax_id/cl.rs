//! Chile (CHL): the RUT (and RUN).

use super::scheme::{digit, is_digits, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// RUT/RUN (Rol Único Tributario / Nacional): seven or eight digits followed by a check
/// character, a digit or `K`. The check value is the sum of the digits weighted 9, 8, 7, 6, 5, 4
/// (repeating) from the right, modulo 11, with 10 written `K`. Spaces, `-` and `.` are ignored,
/// letters are read as capitals and a leading `CL` country prefix is dropped.
pub(crate) const RUT: Scheme =
    Scheme { module: "cl.rut", name: "Rol Único Tributario / Nacional", compact: rut_compact, validate: rut_validate };

fn rut_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -.").map(|c| c.upper().strip().strip_prefix(b"CL"))
}

fn rut_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !(8..=9).contains(&b.len()) {
        return Err(Fault::Length);
    }
    let Some((&check, body)) = b.split_last() else {
        return Err(Fault::Length);
    };
    if !is_digits(body) {
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
    let sum: u32 = body.iter().rev().zip([9, 8, 7, 6, 5, 4].into_iter().cycle()).map(|(&d, w)| digit(d) * w).sum();
    b"0123456789K".get((sum % 11) as usize).copied().unwrap_or(b'?')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(RUT.check("76086428-5", None), Ok(()));
        assert_eq!(RUT.check("CL 12531909-2", None), Ok(()));
        assert_eq!(RUT.check("cl12.531.909-2", None), Ok(()));
        assert_eq!(RUT.check("12531909-3", None), Err(Fault::Checksum));
        assert_eq!(RUT.check("76086A28-5", None), Err(Fault::Format));
        assert_eq!(RUT.check("086428-5", None), Err(Fault::Length));
        assert_eq!(RUT.check("6.086.428-4", None), Ok(()));
        assert_eq!(RUT.check("60864285", None), Err(Fault::Checksum));
    }
}
