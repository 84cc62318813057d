//! Belgium (BEL): the national number.

use super::scheme::{digits_only, number, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// National number (Rijksregisternummer / numéro de registre national): 11 digits `YYMMDDSSSCC`, not all
/// zero. The check number `CC` is 97 minus the first nine digits modulo 97; for people born since 2000
/// the first nine digits are taken with a `2` in front. The 2000s reading is only tried when `20YY` is
/// not after today's year (with no `today` given, it is always tried). The month `MM` must be 00–12
/// (00 stands for an unknown month or an exhausted day counter); the day is not checked. Spaces, `-`
/// and `.` are ignored.
pub(crate) const NN: Scheme =
    Scheme { module: "be.nn", name: "national number", compact: nn_compact, validate: nn_validate };

fn nn_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -.").map(Compact::strip)
}

fn nn_validate(compact: &Compact, today: Option<Date>) -> Outcome {
    let b = compact.as_bytes();
    if !digits_only(b) || b.iter().all(|&c| c == b'0') {
        return Err(Fault::Format);
    }
    let [y0, y1, m0, m1, _, _, _, _, _, c0, c1] = *b else {
        return Err(Fault::Length);
    };
    let body = b.get(..9).map_or(0, number);
    let check = number(&[c0, c1]);
    let year = number(&[y0, y1]);
    let may_be_2000s = !matches!(today, Some(today) if 2000 + year > u64::from(today.year()));
    let matches = |body: u64| 97 - body % 97 == check;
    if !(matches(body) || may_be_2000s && matches(2_000_000_000 + body)) {
        return Err(Fault::Checksum);
    }
    if number(&[m0, m1]) > 12 {
        return Err(Fault::Component);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        let today = Date::new(2026, 12, 1);
        assert_eq!(NN.check("85 07 30 033 28", today), Ok(()));
        assert_eq!(NN.check("17 07 30 033 84", today), Ok(()));
        assert_eq!(NN.check("12345678901", today), Err(Fault::Checksum));
        assert_eq!(NN.check("00000000000", today), Err(Fault::Format));
    }

    #[test]
    fn born_since_2000_depends_on_today() {
        // 2017: a 2000s number only once 2017 has come.
        assert_eq!(NN.check("17073003384", Date::new(2016, 12, 31)), Err(Fault::Checksum));
        assert_eq!(NN.check("17073003384", Date::new(2017, 1, 1)), Ok(()));
        assert_eq!(NN.check("17073003384", None), Ok(()));
    }
}
