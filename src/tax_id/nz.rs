//! New Zealand (NZL): the IRD number.

use super::scheme::{digit, is_digits, number, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// IRD number (Inland Revenue Department number): 8 or 9 digits, between 10,000,001 and
/// 149,999,999. The last digit is a check digit over the others, taken as 8 digits (a leading
/// zero added to a 7-digit body): it is `-s mod 11` for their sum `s` weighted 3, 2, 7, 6, 5, 4,
/// 3, 2, or, when that is 10, the same with weights 7, 4, 3, 2, 5, 2, 7, 6 (no number is valid
/// when that is 10 again). Case is ignored, and so are spaces, `-` and a leading `NZ`.
pub(crate) const IRD: Scheme =
    Scheme { module: "nz.ird", name: "IRD number", compact: ird_compact, validate: ird_validate };

/// First-choice weights of the 8 body digits.
const PRIMARY: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
/// Weights used when the first choice gives 10.
const SECONDARY: [u32; 8] = [7, 4, 3, 2, 5, 2, 7, 6];

/// The separators that are ignored.
const SEPARATORS: &[u8] = b" -";

fn ird_compact(number: &str) -> Option<Compact> {
    Compact::clean(without_country(number), SEPARATORS).map(Compact::upper)
}

/// `number` after a leading `NZ` (either case, separators allowed around its letters), else
/// all of it. Dropping it before compacting keeps long padded input within a `Compact`.
fn without_country(number: &str) -> &str {
    let mut kept = number.bytes().enumerate().filter(|(_, c)| !SEPARATORS.contains(c));
    match (kept.next(), kept.next()) {
        (Some((_, b'N' | b'n')), Some((z, b'Z' | b'z'))) => number.get(z + 1..).unwrap_or(number),
        _ => number,
    }
}

/// `-Σ digit × weight mod 11` over `body` (7 or 8 digits) read as 8 digits with leading zeros.
fn negated_sum(body: &[u8], weights: &[u32; 8]) -> u32 {
    let skip = weights.len().saturating_sub(body.len());
    let sum = weighted_sum(body, weights.get(skip..).unwrap_or(&[]));
    (11 - sum % 11) % 11
}

/// The check value for the body (10 when no digit completes it).
fn check_value(body: &[u8]) -> u32 {
    match negated_sum(body, &PRIMARY) {
        10 => negated_sum(body, &SECONDARY),
        s => s,
    }
}

fn ird_validate(compact: &Compact, _today: Option<Date>) -> Outcome {
    let b = compact.as_bytes();
    if b.len() != 8 && b.len() != 9 {
        return Err(Fault::Length);
    }
    if !is_digits(b) {
        return Err(Fault::Format);
    }
    if !(10_000_001..150_000_000).contains(&number(b)) {
        return Err(Fault::Component);
    }
    match b.split_last() {
        Some((&last, body)) if digit(last) == check_value(body) => Ok(()),
        _ => Err(Fault::Checksum),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(IRD.check("4909185-0", None), Ok(()));
        assert_eq!(IRD.check("NZ 49-098-576", None), Ok(()));
        assert_eq!(IRD.check("nz49098576", None), Ok(()));
        assert_eq!(IRD.check("n-Z 49098576", None), Ok(()));
        assert_eq!(IRD.check(&format!("{}NZ{}49098576", " ".repeat(20), "-".repeat(20)), None), Ok(()));
        assert_eq!((IRD.compact)("NZNZ1").unwrap().as_str(), "NZ1");
        assert_eq!(IRD.check("136410133", None), Err(Fault::Checksum));
        assert_eq!(IRD.check("9125568", None), Err(Fault::Length));
        assert_eq!(IRD.check("150000000", None), Err(Fault::Component));
        assert_eq!(IRD.check("10000000", None), Err(Fault::Component));
    }
}
