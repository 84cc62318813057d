//! Denmark (DNK): the CPR-nummer.

use super::scheme::{date, digits_only, pair, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// CPR-nummer (Det Centrale Personregister): 10 digits `DDMMYY` + 4 serial digits. The first six
/// are the birth date; the century follows from the first serial digit and the two-digit year
/// (`0`–`3`: 1900s; `4` and `9`: 1900s from year 37, else 2000s; `5`–`8`: 1800s from year 58,
/// else 2000s). The date must be a real day and not after today (with no `today` given, any real
/// date passes). There is no check digit: the old mod-11 rule is not applied, as numbers issued
/// since 2007 need not satisfy it. Spaces and `-` are ignored.
pub(crate) const CPR: Scheme =
    Scheme { module: "dk.cpr", name: "CPR-nummer", compact: cpr_compact, validate: cpr_validate };

fn cpr_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(Compact::strip)
}

fn cpr_validate(number: &Compact, today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    let [d0, d1, m0, m1, y0, y1, serial, _, _, _] = *b else {
        return Err(Fault::Length);
    };
    let yy = pair(y0, y1);
    let century = match serial {
        b'5'..=b'8' if yy >= 58 => 1800,
        b'0'..=b'3' => 1900,
        b'4' | b'9' if yy >= 37 => 1900,
        _ => 2000,
    };
    let born = date(century + yy, pair(m0, m1), pair(d0, d1)).ok_or(Fault::Component)?;
    match today {
        Some(today) if born > today => Err(Fault::Component),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        let today = Date::new(2026, 12, 1);
        assert_eq!(CPR.check("211062-5629", today), Ok(()));
        assert_eq!(CPR.check(" 2110625629 ", None), Ok(()));
        assert_eq!(CPR.check("511062-5629", today), Err(Fault::Component));
        assert_eq!(CPR.check("2110525629", today), Err(Fault::Component));
        assert_eq!(CPR.check("2110525629", None), Ok(()));
        assert_eq!(CPR.check("21106256", today), Err(Fault::Length));
        assert_eq!(CPR.check("21106A5629", today), Err(Fault::Format));
        assert_eq!(CPR.check("", today), Err(Fault::Format));
    }

    /// Serial digits 4 and 9 give the 2000s below year 37 (a later year then lies in the future,
    /// and 29 February 2000 exists), the 1900s from 37; a birth date of today is valid, of
    /// tomorrow not. python-stdnum 2.2's answers on 2026-12-02.
    #[test]
    fn serial_4_and_9_centuries_and_a_birth_today() {
        let today = Date::new(2026, 12, 2);
        for serial in ["4000", "9000"] {
            let check = |ddmmyy: &str| CPR.check(&format!("{ddmmyy}{serial}"), today);
            assert_eq!(check("010136"), Err(Fault::Component), "{serial}");
            assert_eq!(check("010137"), Ok(()), "{serial}");
            assert_eq!(check("290200"), Ok(()), "{serial}");
        }
        assert_eq!(CPR.check("0101304000", today), Err(Fault::Component));
        assert_eq!(CPR.check("021226-4000", today), Ok(()));
        assert_eq!(CPR.check("031226-4000", today), Err(Fault::Component));
    }
}
