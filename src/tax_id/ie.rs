//! Ireland (IRL): the PPS number.

use super::scheme::{digit, is_digits, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// PPS number (Personal Public Service Number): 7 digits, a check letter `A`–`W`, and optionally one
/// more letter out of `A B H W T X`. The check letter is `WABCDEFGHIJKLMNOPQRSTUV`[Σ mod 23], where Σ
/// is the digits weighted 8, 7, ..., 2, plus, in the 2013 format (final letter `A`, `B` or `H`), 9 times
/// that letter's place in the same alphabet; an old-format final `W`, `T` or `X` is not part of the
/// check. Spaces and `-` are ignored; letters may be lowercase.
pub(crate) const PPS: Scheme =
    Scheme { module: "ie.pps", name: "Personal Public Service Number", compact: pps_compact, validate: pps_validate };

/// The check letters, by remainder modulo 23.
const ALPHABET: &[u8; 23] = b"WABCDEFGHIJKLMNOPQRSTUV";

fn pps_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(|c| c.upper().strip())
}

fn pps_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let Some((digits, rest)) = number.as_bytes().split_at_checked(7) else {
        return Err(Fault::Format);
    };
    let (check, suffix) = match *rest {
        [check] => (check, None),
        [check, suffix @ (b'A' | b'B' | b'H' | b'W' | b'T' | b'X')] => (check, Some(suffix)),
        _ => return Err(Fault::Format),
    };
    if !is_digits(digits) || !(b'A'..=b'W').contains(&check) {
        return Err(Fault::Format);
    }
    let weighted: u32 = digits.iter().zip((2..=8).rev()).map(|(&d, w)| digit(d) * w).sum();
    let extra = match suffix {
        Some(letter @ (b'A' | b'B' | b'H')) => 9 * place(letter),
        _ => 0,
    };
    if ALPHABET.get(((weighted + extra) % 23) as usize) == Some(&check) {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

/// A letter's place in [`ALPHABET`] (0 when it is not there).
fn place(letter: u8) -> u32 {
    ALPHABET.iter().zip(0..).find_map(|(&c, i)| (c == letter).then_some(i)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(PPS.check("6433435F", None), Ok(()));
        assert_eq!(PPS.check("6433435FT", None), Ok(()));
        assert_eq!(PPS.check("6433435fw", None), Ok(()));
        assert_eq!(PPS.check("6433435E", None), Err(Fault::Checksum));
        assert_eq!(PPS.check("6433435OA", None), Ok(()));
        assert_eq!(PPS.check("6433435IH", None), Ok(()));
        assert_eq!(PPS.check("6433435VH", None), Err(Fault::Checksum));
        assert_eq!(PPS.check("6433435FC", None), Err(Fault::Format));
        assert_eq!(PPS.check("643343F", None), Err(Fault::Format));
    }
}
