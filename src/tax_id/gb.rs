//! United Kingdom (GBR): the Unique Taxpayer Reference.

use super::scheme::{is_digits, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// UTR (Unique Taxpayer Reference): 10 digits, the FIRST a check digit over the other nine:
/// with those weighted 6, 7, 8, 9, 10, 5, 4, 3, 2 and their sum `s`, it is the `s mod 11`-th
/// character of `21987654321`. Spaces are ignored, and so are any leading `K`s (of either case;
/// a trailing `K`, as in some written forms, is not accepted).
pub(crate) const UTR: Scheme =
    Scheme { module: "gb.utr", name: "Unique Taxpayer Reference", compact: utr_compact, validate: utr_validate };

/// Weights of the nine digits after the check digit.
const WEIGHTS: [u32; 9] = [6, 7, 8, 9, 10, 5, 4, 3, 2];
/// The check digit for each remainder of the weighted sum.
const CHECK: &[u8; 11] = b"21987654321";

fn utr_compact(number: &str) -> Option<Compact> {
    // Spaces removed, uppercased, then leading `K`s dropped: the same as dropping the leading
    // run of spaces and `K`/`k` first, which keeps long padded input within a `Compact`.
    let rest = number.trim_start_matches([' ', 'K', 'k']);
    Compact::clean(rest, b" ").map(Compact::upper)
}

/// The check digit for the nine digits after it.
fn check_digit(body: &[u8]) -> Option<u8> {
    let index = usize::try_from(weighted_sum(body, &WEIGHTS) % 11).ok()?;
    CHECK.get(index).copied()
}

fn utr_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !is_digits(b) {
        return Err(Fault::Format);
    }
    if b.len() != 10 {
        return Err(Fault::Length);
    }
    match b.split_first() {
        Some((&check, body)) if Some(check) == check_digit(body) => Ok(()),
        _ => Err(Fault::Checksum),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(UTR.check("1955839661", None), Ok(()));
        assert_eq!(UTR.check("k 19558 39661", None), Ok(()));
        assert_eq!(UTR.check("KK1955839661", None), Ok(()));
        assert_eq!(UTR.check("2955839661", None), Err(Fault::Checksum));
        assert_eq!(UTR.check("1955839661K", None), Err(Fault::Format));
        assert_eq!(UTR.check("195583966", None), Err(Fault::Length));
        assert_eq!(UTR.check(&format!("{}1955839661", "k K".repeat(15)), None), Ok(()));
    }
}
