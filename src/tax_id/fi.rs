//! Finland (FIN): the henkilötunnus.

use super::scheme::{date, is_digits, number, pair, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Henkilötunnus (HETU, personal identity code): 11 characters `DDMMYY` `C` `NNN` `K`. `C` gives
/// the century (`+`: 1800s; `-`, `Y`, `X`, `W`, `V`, `U`: 1900s; `A`–`F`: 2000s), `DDMMYY` must be
/// a real day, the individual number `NNN` must be 002–899 (900–999 are temporary codes and are
/// refused), and `K` is the check character: `DDMMYYNNN` mod 31 picked from
/// `0123456789ABCDEFHJKLMNPRSTUVWXY`. Letters may be lowercase; surrounding spaces are ignored.
/// There is no bound on the date against today.
pub(crate) const HETU: Scheme =
    Scheme { module: "fi.hetu", name: "henkilötunnus", compact: hetu_compact, validate: hetu_validate };

const CHECK_CHARACTERS: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

fn hetu_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b"").map(|c| c.upper().strip())
}

fn hetu_validate(hetu: &Compact, _today: Option<Date>) -> Outcome {
    let [d0, d1, m0, m1, y0, y1, sign, i0, i1, i2, check] = *hetu.as_bytes() else {
        return Err(Fault::Format);
    };
    let century = century(sign).ok_or(Fault::Format)?;
    let well_formed = matches!(d0, b'0'..=b'3')
        && matches!(m0, b'0' | b'1')
        && is_digits(&[d1, m1, y0, y1, i0, i1, i2])
        && CHECK_CHARACTERS.contains(&check);
    if !well_formed {
        return Err(Fault::Format);
    }
    date(century + pair(y0, y1), pair(m0, m1), pair(d0, d1)).ok_or(Fault::Component)?;
    if !(2..900).contains(&number(&[i0, i1, i2])) {
        return Err(Fault::Component);
    }
    let value = number(&[d0, d1, m0, m1, y0, y1, i0, i1, i2]);
    // value % 31 < 31, so the lookup always succeeds.
    let expected = usize::try_from(value % 31).ok().and_then(|i| CHECK_CHARACTERS.get(i));
    if expected == Some(&check) {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

/// The first year of the century a century sign stands for.
fn century(sign: u8) -> Option<u32> {
    match sign {
        b'+' => Some(1800),
        b'-' | b'Y' | b'X' | b'W' | b'V' | b'U' => Some(1900),
        b'A'..=b'F' => Some(2000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(HETU.check("131052-308T", None), Ok(()));
        assert_eq!(HETU.check("131052a308t", None), Ok(()));
        assert_eq!(HETU.check("131052-308U", None), Err(Fault::Checksum));
        assert_eq!(HETU.check("310252-308Y", None), Err(Fault::Component));
        assert_eq!(HETU.check("131052-908T", None), Err(Fault::Component));
        assert_eq!(HETU.check("131052G308T", None), Err(Fault::Format));
    }

    /// A day or month that cannot start a real one is a format fault before any date is looked at,
    /// and `+` is the 1800s (python-stdnum 2.2's answers; mutation testing, tax 6/16: the
    /// well-formedness test's `&&` made `||` and the `+` arm deleted passed).
    #[test]
    fn malformed_days_and_months_and_the_1800s() {
        assert_eq!(HETU.check("451052-308T", None), Err(Fault::Format));
        assert_eq!(HETU.check("132052-308T", None), Err(Fault::Format));
        assert_eq!(HETU.check("131052+308T", None), Ok(()));
    }
}
