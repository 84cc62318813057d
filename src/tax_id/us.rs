//! United States (USA): the SSN and the ITIN.

use super::scheme::{is_digits, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// SSN (Social Security Number), in the one written form the contract accepts: `AAA-GG-SSSS`,
/// nine digits with a `-` after the third and the fifth, and nothing else (no spaces, no
/// unformatted `AAAGGSSSS`). The area `AAA` is not 000, 666 or 900–999 (never issued), the
/// group `GG` is not 00 and the serial `SSSS` is not 0000. There is no check digit. This is
/// deliberately stricter than python-stdnum's `us.ssn`, which also takes the digits without
/// dashes and refuses three publicised numbers.
pub(crate) const SSN: Scheme =
    Scheme { module: "us.ssn", name: "Social Security Number", compact: ssn_compact, validate: ssn_validate };

fn ssn_compact(number: &str) -> Option<Compact> {
    Compact::from_bytes(number.as_bytes())
}

fn ssn_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if b.len() != 11 {
        return Err(Fault::Length);
    }
    let [a1, a2, a3, b'-', g1, g2, b'-', s1, s2, s3, s4] = *b else {
        return Err(Fault::Format);
    };
    let (area, group, serial) = ([a1, a2, a3], [g1, g2], [s1, s2, s3, s4]);
    if !(is_digits(&area) && is_digits(&group) && is_digits(&serial)) {
        return Err(Fault::Format);
    }
    if area == *b"000" || area == *b"666" || a1 == b'9' || group == *b"00" || serial == *b"0000" {
        return Err(Fault::Component);
    }
    Ok(())
}

/// ITIN (Individual Taxpayer Identification Number): nine digits `9AA-GG-SSSS`, written without
/// dashes or with a `-` after the third digit, after the fifth, or both (`9129-03456` is refused).
/// The first digit is 9 and the two digits after the area (the group) are 70–99 except 89 and 93.
/// There is no check digit. Surrounding spaces are ignored.
///
/// The compact form is the number without its dashes, except when dashes stand where the written
/// form does not allow them: then it is the number as written, so that it fails the check.
pub(crate) const ITIN: Scheme = Scheme {
    module: "us.itin",
    name: "Individual Taxpayer Identification Number",
    compact: itin_compact,
    validate: itin_validate,
};

fn itin_compact(number: &str) -> Option<Compact> {
    let compact = Compact::clean(number, b"-")?.strip();
    let written = number.trim_matches(' ').as_bytes();
    if compact.len() == 9 && is_digits(compact.as_bytes()) && !nine_digits_with_dashes(written) {
        // The digits would pass, but the dashes are misplaced: keep them in, so the number fails.
        return Compact::from_bytes(written);
    }
    Some(compact)
}

/// `AAA-GG-SSSS` in digits, either dash optional.
fn nine_digits_with_dashes(s: &[u8]) -> bool {
    let (Some(area), Some(rest)) = (s.get(..3), s.get(3..)) else {
        return false;
    };
    let rest = rest.strip_prefix(b"-").unwrap_or(rest);
    let (Some(group), Some(rest)) = (rest.get(..2), rest.get(2..)) else {
        return false;
    };
    let serial = rest.strip_prefix(b"-").unwrap_or(rest);
    serial.len() == 4 && is_digits(area) && is_digits(group) && is_digits(serial)
}

fn itin_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if b.len() != 9 || !is_digits(b) {
        return Err(Fault::Format);
    }
    let (first, group) = (b.first(), b.get(3..5));
    let group_ok =
        matches!(group, Some(&[g1, g2]) if (b'7'..=b'9').contains(&g1) && [g1, g2] != *b"89" && [g1, g2] != *b"93");
    if first != Some(&b'9') || !group_ok {
        return Err(Fault::Component);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssn_strict_form() {
        assert_eq!(SSN.check("536-90-4399", None), Ok(()));
        assert_eq!(SSN.check("123-45-6789", None), Ok(()));
        assert_eq!(SSN.check("899-99-9999", None), Ok(()));
        // The publicised numbers python-stdnum refuses are not special here.
        assert_eq!(SSN.check("078-05-1120", None), Ok(()));
        for (bad, fault) in [
            ("536904399", Fault::Length),
            (" 536-90-4399", Fault::Length),
            ("536-90-4399 ", Fault::Length),
            ("1112-23333", Fault::Length),
            ("12-345-6789", Fault::Format),
            ("123 45 6789", Fault::Format),
            ("123-45-678a", Fault::Format),
            ("123.45.6789", Fault::Format),
            ("000-12-3456", Fault::Component),
            ("666-12-3456", Fault::Component),
            ("900-12-3456", Fault::Component),
            ("999-12-3456", Fault::Component),
            ("123-00-4567", Fault::Component),
            ("123-45-0000", Fault::Component),
            ("", Fault::Length),
        ] {
            assert_eq!(SSN.check(bad, None), Err(fault), "{bad:?}");
        }
        assert_eq!((SSN.compact)(" 536-90-4399").map(|c| c.len()), Some(12));
    }

    #[test]
    fn itin_documented_examples() {
        assert_eq!(ITIN.check("912-90-3456", None), Ok(()));
        assert_eq!(ITIN.check("912903456", None), Ok(()));
        assert_eq!(ITIN.check(" 91290-3456 ", None), Ok(()));
        assert_eq!(ITIN.check("9129-03456", None), Err(Fault::Format));
        assert_eq!(ITIN.check("-912903456", None), Err(Fault::Format));
        assert_eq!(ITIN.check("912--90-3456", None), Err(Fault::Format));
        assert_eq!(ITIN.check("123-45-6789", None), Err(Fault::Component));
        assert_eq!(ITIN.check("912-93-4567", None), Err(Fault::Component));
        assert_eq!(ITIN.check("912-89-4567", None), Err(Fault::Component));
        assert_eq!(ITIN.check("912-69-4567", None), Err(Fault::Component));
        let compact = |s: &str| (ITIN.compact)(s).map(|c| c.as_str().to_owned());
        assert_eq!(compact(" 912-90-3456 ").as_deref(), Some("912903456"));
        assert_eq!(compact("12-3").as_deref(), Some("123"));
        // Nine digits with misplaced dashes keep them (python-stdnum's compact drops them).
        assert_eq!(compact("1234-56-789").as_deref(), Some("1234-56-789"));
    }
}
