//! Netherlands (NLD): the BSN.

use super::scheme::{digit, digits_only, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// BSN (Burgerservicenummer): 9 digits, not all zero; a shorter number is first padded with leading
/// zeros to 9 digits. The "eleven test" must hold: the digits weighted 9, 8, ..., 2 and the last digit
/// weighted −1 sum to a multiple of 11. Spaces, `-` and `.` are ignored.
pub(crate) const BSN: Scheme =
    Scheme { module: "nl.bsn", name: "Burgerservicenummer", compact: bsn_compact, validate: bsn_validate };

/// The length a BSN is padded to.
const WIDTH: usize = 9;

fn bsn_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -.").map(Compact::strip).and_then(|c| c.zfill(WIDTH))
}

fn bsn_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) || b.iter().all(|&c| c == b'0') {
        return Err(Fault::Format);
    }
    let (Some((&check, body)), WIDTH) = (b.split_last(), b.len()) else {
        return Err(Fault::Length);
    };
    let weighted: u32 = body.iter().zip((2..=9).rev()).map(|(&d, w)| digit(d) * w).sum();
    if weighted % 11 == digit(check) {
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
        assert_eq!(BSN.check("1112.22.333", None), Ok(()));
        assert_eq!(BSN.check("1112.52.333", None), Err(Fault::Checksum));
        assert_eq!(BSN.check("1112223334", None), Err(Fault::Length));
        assert_eq!(BSN.check("000000000", None), Err(Fault::Format));
    }

    #[test]
    fn padding() {
        assert_eq!(bsn_compact("12").map(|c| c.as_str().to_owned()).as_deref(), Some("000000012"));
        assert_eq!(bsn_compact("+12").map(|c| c.as_str().to_owned()).as_deref(), Some("+00000012"));
        assert_eq!(bsn_compact("").map(|c| c.as_str().to_owned()).as_deref(), Some("000000000"));
        assert_eq!(bsn_compact("+").map(|c| c.as_str().to_owned()).as_deref(), Some("+00000000"));
    }
}
