//! Kenya (KEN): the KRA PIN.

use super::scheme::{is_digits, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// PIN (KRA personal identification number): 11 characters, a letter `A` (individuals) or `P`
/// (others), nine digits and a final letter; no check digit is known. Case is ignored, and so
/// are spaces and `-`. As in python-stdnum, `|` is also accepted as the first character (its
/// pattern reads `[A|P]`).
pub(crate) const PIN: Scheme = Scheme {
    module: "ke.pin",
    name: "KRA personal identification number",
    compact: pin_compact,
    validate: pin_validate,
};

fn pin_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(Compact::strip).map(Compact::upper)
}

fn pin_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if b.len() != 11 {
        return Err(Fault::Length);
    }
    match b {
        [b'A' | b'P' | b'|', digits @ .., last] if is_digits(digits) && last.is_ascii_uppercase() => Ok(()),
        _ => Err(Fault::Format),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(PIN.check("P051365947M", None), Ok(()));
        assert_eq!(PIN.check("a004416331m", None), Ok(()));
        assert_eq!(PIN.check("|004416331M", None), Ok(()));
        assert_eq!(PIN.check("12345", None), Err(Fault::Length));
        assert_eq!(PIN.check("V1234567890", None), Err(Fault::Format));
        assert_eq!(PIN.check("A0044163311", None), Err(Fault::Format));
    }
}
