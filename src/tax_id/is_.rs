//! Iceland (ISL): the kennitala.

use super::scheme::{date, is_digits, pair, weighted_sum, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Kennitala (personal and organisation ID number): 10 digits `DDMMYY` `RR` `C` `Z`. `DDMMYY`
/// must be a real day (for organisations 40 is added to the day), `Z` gives the century (`9`:
/// 1900s, `0`: 2000s; other digits are refused), and the digits weighted 3 2 7 6 5 4 3 2 1 sum to
/// a multiple of 11 (`C` is the check digit). `-` and surrounding spaces are ignored. There is no
/// bound on the date against today.
pub(crate) const KENNITALA: Scheme =
    Scheme { module: "is_.kennitala", name: "kennitala", compact: kennitala_compact, validate: kennitala_validate };

const WEIGHTS: [u32; 9] = [3, 2, 7, 6, 5, 4, 3, 2, 1];

fn kennitala_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b"-").map(|c| c.upper().strip())
}

fn kennitala_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    let [d0, d1, m0, m1, y0, y1, _, _, _, z] = *b else {
        return Err(Fault::Format);
    };
    let century = match z {
        b'9' => 1900,
        b'0' => 2000,
        _ => return Err(Fault::Format),
    };
    if !matches!(d0, b'0'..=b'7') || !matches!(m0, b'0' | b'1') || !is_digits(b) {
        return Err(Fault::Format);
    }
    let day = pair(d0, d1);
    let day = if day >= 40 { day - 40 } else { day };
    date(century + pair(y0, y1), pair(m0, m1), day).ok_or(Fault::Component)?;
    if weighted_sum(b, &WEIGHTS) % 11 == 0 {
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
        assert_eq!(KENNITALA.check("450401-3150", None), Ok(()));
        assert_eq!(KENNITALA.check("120174-3399", None), Ok(()));
        assert_eq!(KENNITALA.check("530575-0299", None), Err(Fault::Checksum));
        assert_eq!(KENNITALA.check("320174-3399", None), Err(Fault::Component));
        assert_eq!(KENNITALA.check("120174-3391", None), Err(Fault::Format));
    }

    /// A company's day is 40 more than the day: 40 is day 0, which does not exist
    /// (python-stdnum 2.2's answer; mutation testing, tax 9/16: `day - 40` made `day / 40` passed).
    #[test]
    fn day_forty_is_day_zero() {
        assert_eq!(KENNITALA.check("4001700029", None), Err(Fault::Component));
    }
}
