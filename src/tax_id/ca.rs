//! Canada (CAN): the SIN.

use super::scheme::{digits_of_length, luhn_checksum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// SIN (Social Insurance Number): nine digits that pass the Luhn check; the first digit is not
/// 0 or 8 (never assigned). Spaces and `-` are ignored.
pub(crate) const SIN: Scheme =
    Scheme { module: "ca.sin", name: "Social Insurance Number", compact: sin_compact, validate: sin_validate };

fn sin_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b"- ").map(Compact::strip)
}

fn sin_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    digits_of_length(b, 9)?;
    if matches!(b.first(), Some(b'0' | b'8')) {
        return Err(Fault::Component);
    }
    if luhn_checksum(b) != 0 {
        return Err(Fault::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(SIN.check("123-456-782", None), Ok(()));
        assert_eq!(SIN.check("046 454 286", None), Err(Fault::Component));
        assert_eq!(SIN.check("999-999-999", None), Err(Fault::Checksum));
        assert_eq!(SIN.check("12345678Z", None), Err(Fault::Format));
        assert_eq!(SIN.check("823456785", None), Err(Fault::Component));
        assert_eq!(SIN.check("12345678", None), Err(Fault::Length));
    }
}
