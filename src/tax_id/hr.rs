//! Croatia (HRV): the OIB.

use super::scheme::{digits_only, mod_11_10_checksum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// OIB (Osobni identifikacijski broj): 11 digits, the last an ISO 7064 Mod 11, 10 check digit.
/// Spaces, `-` and a leading `HR` (any case) are ignored.
pub(crate) const OIB: Scheme =
    Scheme { module: "hr.oib", name: "Osobni identifikacijski broj", compact: oib_compact, validate: oib_validate };

fn oib_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(|c| c.upper().strip().strip_prefix(b"HR"))
}

fn oib_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    if b.len() != 11 {
        return Err(Fault::Length);
    }
    if mod_11_10_checksum(b) == 1 {
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
        assert_eq!(OIB.check("HR 33392005961", None), Ok(()));
        assert_eq!(OIB.check("hr33392005961", None), Ok(()));
        assert_eq!(OIB.check("33392005962", None), Err(Fault::Checksum));
        assert_eq!(OIB.check("3339200596", None), Err(Fault::Length));
    }
}
