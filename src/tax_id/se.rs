//! Sweden (SWE): the personnummer.

use super::scheme::{date, is_digits, luhn_valid, pair, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Personnummer: `YYMMDD-NNNC` (11 characters) or `YYYYMMDD-NNNC` (13), where the separator is
/// `-`, or `+` for people aged 100 or more; the last digit is a Luhn check digit over the last ten
/// digits. The date part must be a real day. With a two-digit year the century is the latest one
/// that does not put the birth date's year after today's year (one century earlier with `+`);
/// with no `today` given the century is left open, so 29 February passes whenever the two-digit
/// year is divisible by 4. Spaces and `:` are ignored; a 10- or 12-digit number without separator
/// gets a `-` before its last four digits, and `-`/`+` elsewhere than the separator's place are
/// dropped.
pub(crate) const PERSONNUMMER: Scheme = Scheme {
    module: "se.personnummer",
    name: "personnummer",
    compact: personnummer_compact,
    validate: personnummer_validate,
};

fn personnummer_compact(number: &str) -> Option<Compact> {
    let cleaned = Compact::clean(number, b" :")?;
    let b = cleaned.as_bytes();
    let len = b.len();
    let insert_dash = matches!(len, 10 | 12) && !matches!(b.get(len - 5), Some(b'-' | b'+'));
    // The separator's place: before the last four digits when one is inserted, else the
    // fifth character from the end (the whole text is the tail when shorter than five).
    let split = if insert_dash { len - 4 } else { len.saturating_sub(5) };
    let (head, tail) = b.split_at(split);
    let head = head.iter().copied().filter(|&c| c != b'-' && c != b'+');
    let dash = insert_dash.then_some(b'-');
    let mut buf = [0u8; Compact::CAPACITY];
    let mut n = 0;
    for c in head.chain(dash).chain(tail.iter().copied()) {
        *buf.get_mut(n)? = c;
        n += 1;
    }
    Compact::from_bytes(buf.get(..n)?)
}

fn personnummer_validate(number: &Compact, today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !matches!(b.len(), 11 | 13) {
        return Err(Fault::Length);
    }
    let (head, rest) = b.split_at(b.len() - 5);
    let [sep, n0, n1, n2, check] = *rest else {
        return Err(Fault::Length);
    };
    if !matches!(sep, b'-' | b'+') || !is_digits(head) || !is_digits(&[n0, n1, n2, check]) {
        return Err(Fault::Format);
    }
    // head is YYMMDD or YYYYMMDD; the Luhn digits are YYMMDD and the last four.
    let (year, yymmdd) = match *head {
        [c0, c1, y0, y1, m0, m1, d0, d1] => (Some(pair(c0, c1) * 100 + pair(y0, y1)), [y0, y1, m0, m1, d0, d1]),
        [y0, y1, m0, m1, d0, d1] => (full_year(pair(y0, y1), sep == b'+', today), [y0, y1, m0, m1, d0, d1]),
        _ => return Err(Fault::Length),
    };
    let [y0, y1, m0, m1, d0, d1] = yymmdd;
    let year = year.ok_or(Fault::Component)?;
    date(year, pair(m0, m1), pair(d0, d1)).ok_or(Fault::Component)?;
    let digits = [y0, y1, m0, m1, d0, d1, n0, n1, n2, check];
    if luhn_valid(&digits) {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

/// The four-digit year of a two-digit one: the latest year ending in `yy` that is not after
/// today's year, a century earlier for a `+` separator. `None` when no year 1 or later results.
/// Without today, 2000 + `yy`: a leap year whenever any year ending in `yy` is one.
fn full_year(yy: u32, plus: bool, today: Option<Date>) -> Option<u32> {
    let Some(today) = today else {
        return Some(2000 + yy);
    };
    let this_year = u32::from(today.year());
    let mut century = this_year / 100;
    if yy > this_year % 100 {
        century = century.checked_sub(1)?;
    }
    if plus {
        century = century.checked_sub(1)?;
    }
    Some(century * 100 + yy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_and_its_compact_form_may_differ_as_in_python_stdnum() {
        // python-stdnum: compact("00440-6190225") == "004406190225"; is_valid of the first is
        // False, of the second True (found by the tax_id fuzz target).
        let today = Date::new(2026, 12, 1);
        assert_eq!(
            PERSONNUMMER.compact("00440-6190225").map(|c| c.as_str().to_owned()).as_deref(),
            Some("004406190225")
        );
        assert!(PERSONNUMMER.check("00440-6190225", today).is_err());
        assert_eq!(PERSONNUMMER.check("004406190225", today), Ok(()));
    }

    #[test]
    fn documented_examples() {
        let today = Date::new(2026, 12, 1);
        assert_eq!(PERSONNUMMER.check("880320-0016", today), Ok(()));
        assert_eq!(PERSONNUMMER.check("8803200016", today), Ok(()));
        assert_eq!(PERSONNUMMER.check("19880320-0016", today), Ok(()));
        assert_eq!(PERSONNUMMER.check("880320-0018", today), Err(Fault::Checksum));
        assert_eq!(PERSONNUMMER.check("8803200-16", today), Err(Fault::Format));
        assert_eq!(PERSONNUMMER.check("881320-0016", today), Err(Fault::Component));
        assert_eq!(PERSONNUMMER.check("88032000", today), Err(Fault::Length));
        assert_eq!(
            (PERSONNUMMER.compact)("19880320 0016").map(|c| c.as_str().to_owned()).as_deref(),
            Some("19880320-0016")
        );
    }
}
