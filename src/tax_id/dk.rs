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
}
