//! Viet Nam (VNM): the MST (tax code).

use super::scheme::{digit, is_digits, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// MST (Mã số thuế, the enterprise/tax code): 10 digits, or 13 for a branch (the 10-digit code
/// of the parent and a 3-digit branch number, not `000`). Digits 3 to 9 may not all be 0. The
/// tenth digit is a check digit: with the first nine weighted 31, 29, 23, 19, 17, 13, 7, 5, 3
/// and their sum `s`, it is `10 - s mod 11` (no code is valid when that is 10).
/// Spaces, `-` and `.` are ignored.
pub(crate) const MST: Scheme =
    Scheme { module: "vn.mst", name: "Mã số thuế", compact: mst_compact, validate: mst_validate };

/// Weights of the first nine digits.
const WEIGHTS: [u32; 9] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

fn mst_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -.").map(Compact::strip)
}

/// The check value for the first nine digits (10 when no digit completes them).
fn check_value(body: &[u8]) -> u32 {
    10 - weighted_sum(body, &WEIGHTS) % 11
}

fn mst_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if b.len() != 10 && b.len() != 13 {
        return Err(Fault::Length);
    }
    if !is_digits(b) {
        return Err(Fault::Format);
    }
    let (Some(head), Some(serial), Some(&check)) = (b.get(..9), b.get(2..9), b.get(9)) else {
        return Err(Fault::Length);
    };
    if serial.iter().all(|&c| c == b'0') {
        return Err(Fault::Component);
    }
    if b.len() == 13 && b.ends_with(b"000") {
        return Err(Fault::Component);
    }
    if digit(check) != check_value(head) {
        return Err(Fault::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(MST.check("0100233488", None), Ok(()));
        assert_eq!(MST.check("0314409058-002", None), Ok(()));
        assert_eq!(MST.check("0314409058-000", None), Err(Fault::Component));
        assert_eq!(MST.check("12345", None), Err(Fault::Length));
        assert_eq!(MST.check("0100233480", None), Err(Fault::Checksum));
    }
}
