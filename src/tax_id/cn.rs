//! China (CHN): the Resident Identity Card number.

use super::scheme::{date, digit, is_digits, number as value, Compact, Fault, Outcome, Scheme};
use super::tables::CN_REGIONS;
use crate::date::Date;

/// RIC (Resident Identity Card number): 18 characters: a six-digit address code, the birth date
/// as `YYYYMMDD`, a three-digit sequence number and a check character. The first 17 digits, read
/// as a base-13 number `n`, give the check `(1 - 2n) mod 11` (`X` for 10). The date must be real
/// and the address code one that names a county in python-stdnum's region table, for a county
/// that existed in the year of birth where the table dates it. Nothing inside the number is
/// ignored (no separators); surrounding spaces are, and a lowercase `x` is accepted.
pub(crate) const RIC: Scheme =
    Scheme { module: "cn.ric", name: "Resident Identity Card number", compact: ric_compact, validate: ric_validate };

fn ric_compact(number: &str) -> Option<Compact> {
    Compact::from_bytes(number.as_bytes()).map(|c| c.upper().strip())
}

fn ric_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let Ok(b) = <&[u8; 18]>::try_from(number.as_bytes()) else {
        return Err(Fault::Length);
    };
    let (body, check) = b.split_at(17);
    if !is_digits(body) {
        return Err(Fault::Format);
    }
    if check != [ric_check_char(body)] {
        return Err(Fault::Checksum);
    }
    let Some(birth) = date(value(&b[6..10]) as u32, value(&b[10..12]) as u32, value(&b[12..14]) as u32) else {
        return Err(Fault::Component);
    };
    if county_existed(value(&b[..6]) as u32, birth.year()) {
        Ok(())
    } else {
        Err(Fault::Component)
    }
}

/// The check character for the 17 digits before it.
fn ric_check_char(digits: &[u8]) -> u8 {
    // 17 digits read in base 13 stay below 13^17 < 2^64: one remainder at the end, not one a digit.
    let n = (digits.iter().fold(0u64, |acc, &d| acc.wrapping_mul(13).wrapping_add(u64::from(digit(d)))) % 11) as u32;
    // (1 - 2n) mod 11, kept non-negative: 23 ≡ 1 (mod 11) and 2n ≤ 20.
    match (23 - 2 * n) % 11 {
        10 => b'X',
        c => b'0' + c as u8,
    }
}

/// The address code names a county that existed in `year`.
fn county_existed(code: u32, year: u16) -> bool {
    let start = CN_REGIONS.partition_point(|&(c, _, _)| c < code);
    CN_REGIONS
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&(c, _, _)| c == code)
        .any(|&(_, first, last)| (first..=last).contains(&year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(RIC.check("360426199101010071", None), Ok(()));
        assert_eq!(RIC.check(" 360426199101010071 ", None), Ok(()));
        assert_eq!(RIC.check("360426199101010072", None), Err(Fault::Checksum));
        assert_eq!(RIC.check("3604261991010100", None), Err(Fault::Length));
        assert_eq!(RIC.check("360426 99101010071", None), Err(Fault::Format));
    }

    #[test]
    fn county_years() {
        // 110103 (Chongwen district) existed until 2010; 110111 (Fangshan) from 1986.
        assert!(county_existed(110103, 2010));
        assert!(!county_existed(110103, 2011));
        assert!(!county_existed(110111, 1985));
        assert!(county_existed(110111, 1986));
        assert!(county_existed(110000, 1));
        assert!(!county_existed(119999, 2000));
        assert!(!county_existed(0, 2000));
        assert!(!county_existed(999_999, 2000));
    }
}
