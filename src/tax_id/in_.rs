//! India (IND): the PAN and the Aadhaar number.

use super::scheme::{is_digits, verhoeff_checksum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// PAN (Permanent Account Number): 10 characters: 5 letters, the fourth a known holder type
/// (`A`, `B`, `C`, `F`, `G`, `H`, `J`, `K`, `L`, `P` or `T`), a four-digit serial other than
/// `0000` and a letter. The final letter is a check character whose algorithm is not published,
/// so it is not verified. Spaces and `-` are ignored; lowercase is accepted.
pub(crate) const PAN: Scheme =
    Scheme { module: "in_.pan", name: "Permanent Account Number", compact: pan_compact, validate: pan_validate };

/// Aadhaar: 12 digits, the first 2 to 9, the last a Verhoeff check digit; a number that reads
/// the same backwards is refused. Spaces and `-` are ignored (`2341 2341 2346`).
pub(crate) const AADHAAR: Scheme =
    Scheme { module: "in_.aadhaar", name: "Aadhaar", compact: aadhaar_compact, validate: aadhaar_validate };

/// The holder types a PAN's fourth letter may name, sorted.
const HOLDER_TYPES: [u8; 11] = *b"ABCFGHJKLPT";

fn pan_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(|c| c.upper().strip())
}

fn pan_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let Ok(b) = <&[u8; 10]>::try_from(number.as_bytes()) else {
        return Err(Fault::Length);
    };
    let (letters, rest) = b.split_at(5);
    let (serial, last) = rest.split_at(4);
    if !letters.iter().chain(last).all(u8::is_ascii_uppercase) || !is_digits(serial) {
        return Err(Fault::Format);
    }
    if HOLDER_TYPES.binary_search(&b[3]).is_err() || serial == b"0000" {
        return Err(Fault::Component);
    }
    Ok(())
}

fn aadhaar_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(Compact::strip)
}

fn aadhaar_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if b.len() != 12 {
        return Err(Fault::Length);
    }
    if !is_digits(b) || matches!(b.first(), Some(b'0' | b'1')) {
        return Err(Fault::Format);
    }
    if b.iter().eq(b.iter().rev()) {
        return Err(Fault::Format);
    }
    if verhoeff_checksum(b) != 0 {
        return Err(Fault::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(PAN.check("ACUPA7085R", None), Ok(()));
        assert_eq!(PAN.check("acupa-7085r", None), Ok(()));
        assert_eq!(PAN.check("ACUPA7085RR", None), Err(Fault::Length));
        assert_eq!(PAN.check("ABMPA32111", None), Err(Fault::Format));
        assert_eq!(PAN.check("ABMXA3211G", None), Err(Fault::Component));
        assert_eq!(PAN.check("ACUPA0000R", None), Err(Fault::Component));
        assert_eq!(AADHAAR.check("234123412346", None), Ok(()));
        assert_eq!(AADHAAR.check("2341 2341 2346", None), Ok(()));
        assert_eq!(AADHAAR.check("234123412347", None), Err(Fault::Checksum));
        assert_eq!(AADHAAR.check("123412341234", None), Err(Fault::Format));
        assert_eq!(AADHAAR.check("643343121", None), Err(Fault::Length));
        assert_eq!(AADHAAR.check("222222222222", None), Err(Fault::Format));
    }
}
