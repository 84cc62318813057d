//! Calendar dates (`YYYY-MM-DD`) without a clock.
//!
//! The library never reads the time: "today" always comes in through
//! [`Context`](crate::Context). This type parses the wire format strictly
//! (four-digit year, two-digit month and day, a real calendar date) and
//! computes whole-year ages.

use std::fmt;
use std::str::FromStr;

/// A proleptic Gregorian calendar date, years 0001 to 9999.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a string is not a `YYYY-MM-DD` date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not ten characters of the form `YYYY-MM-DD`.
    #[error("expected a date of the form YYYY-MM-DD")]
    Format,
    /// Well formed, but no such day (`2023-02-29`, `2024-13-01`, year 0000).
    #[error("no such calendar date")]
    NotADay,
}

impl Date {
    /// The date, if it is a real calendar day.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses the strict wire form `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format);
        }
        let num = |r: std::ops::Range<usize>| -> Result<u16, DateError> {
            b[r].iter().try_fold(0u16, |acc, &c| {
                if c.is_ascii_digit() {
                    Ok(acc * 10 + u16::from(c - b'0'))
                } else {
                    Err(DateError::Format)
                }
            })
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        // m and d are at most 99, so the narrowing cannot lose information.
        Date::new(y, m as u8, d as u8).ok_or(DateError::NotADay)
    }

    /// The date of a day count since 1970-01-01 (for callers that hold a clock).
    pub fn from_days_since_unix_epoch(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(u16::try_from(y).ok()?, m as u8, d as u8)
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }
    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// The day of the month, 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Whole years from `self` (a birth date) to `on`; negative when `on` is earlier.
    ///
    /// A person is 18 on their 18th birthday. A 29 February birthday falls on
    /// 1 March in years that are not leap years: no date of such a year lies between
    /// 28 February and 1 March, so comparing with 29 February already says so.
    pub fn age_on(self, on: Date) -> i32 {
        let years = i32::from(on.year) - i32::from(self.year);
        if (on.month, on.day) < (self.month, self.day) {
            years - 1
        } else {
            years
        }
    }
}

fn is_leap(y: u16) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Debug` shows the date as `Display` does, not its fields (test from mutation testing).
    #[test]
    fn debug_is_the_iso_form() {
        let date = Date::parse("2026-02-03").unwrap();
        assert_eq!(format!("{date:?}"), "2026-02-03");
        assert_eq!(format!("{date}"), "2026-02-03");
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn parses_strictly() {
        assert_eq!(d("2024-02-29").to_string(), "2024-02-29");
        assert_eq!(Date::parse("2023-02-29"), Err(DateError::NotADay));
        assert_eq!(Date::parse("1900-02-29"), Err(DateError::NotADay));
        assert!(Date::parse("2000-02-29").is_ok());
        assert_eq!(Date::parse("0000-01-01"), Err(DateError::NotADay));
        assert_eq!(Date::parse("2024-13-01"), Err(DateError::NotADay));
        assert_eq!(Date::parse("2024-04-31"), Err(DateError::NotADay));
        for bad in [
            "2024-1-01",
            "2024/01/01",
            "2024/01-01",
            "2024-01/01",
            "20240101",
            "2024-01-01T00",
            "+024-01-01",
            "２０２４-01-01",
            "",
        ] {
            assert_eq!(Date::parse(bad), Err(DateError::Format), "{bad}");
        }
    }

    #[test]
    fn ages_count_whole_years() {
        assert_eq!(d("2008-11-26").age_on(d("2026-11-26")), 18);
        assert_eq!(d("2008-11-27").age_on(d("2026-11-26")), 17);
        assert_eq!(d("2030-01-01").age_on(d("2026-11-26")), -4);
        // Leap-day birthdays fall on 1 March in common years.
        assert_eq!(d("2008-02-29").age_on(d("2026-02-28")), 17);
        assert_eq!(d("2008-02-29").age_on(d("2026-03-01")), 18);
        assert_eq!(d("2008-02-29").age_on(d("2028-02-29")), 20);
        // Other birthdays on a 29th, and other February birthdays, in a year that is not leap
        // (tests from mutation testing).
        assert_eq!(d("2008-01-29").age_on(d("2026-01-30")), 18);
        assert_eq!(d("2008-01-29").age_on(d("2026-01-28")), 17);
        assert_eq!(d("2008-02-10").age_on(d("2026-02-20")), 18);
        assert_eq!(d("2008-02-10").age_on(d("2026-02-09")), 17);
    }

    /// The simplified comparison agrees with the rule as stated (a leap-day birthday moved to
    /// 1 March in common years) on every day of 2025 to 2029, and the accessors give the parts.
    #[test]
    fn leap_day_birthdays_on_every_day_of_five_years() {
        let dob = d("2008-02-29");
        let (mut on, end) = (d("2025-01-01"), d("2030-01-01"));
        while on != end {
            let birthday = if is_leap(on.year()) { (2, 29) } else { (3, 1) };
            let want = i32::from(on.year()) - 2008 - i32::from((on.month(), on.day()) < birthday);
            assert_eq!(dob.age_on(on), want, "{on:?}");
            on = next_day(on);
        }
        assert_eq!((on.year(), on.month(), on.day()), (2030, 1, 1));
    }

    /// The day after `d`, by the calendar rules alone (an oracle independent of civil_from_days).
    fn next_day(d: Date) -> Date {
        if d.day < days_in_month(d.year, d.month) {
            Date { day: d.day + 1, ..d }
        } else if d.month < 12 {
            Date { month: d.month + 1, day: 1, ..d }
        } else {
            Date { year: d.year + 1, month: 1, day: 1 }
        }
    }

    #[test]
    fn unix_days_walk_the_calendar_day_by_day() {
        // From 0001-01-01 (day -719,162) to 9999-12-31, every day follows the one before.
        let first = Date::from_days_since_unix_epoch(-719_162).unwrap();
        assert_eq!(first.to_string(), "0001-01-01");
        let mut expected = first;
        for days in -719_161..=2_932_896 {
            expected = next_day(expected);
            assert_eq!(Date::from_days_since_unix_epoch(days), Some(expected), "day {days}");
        }
        assert_eq!(expected.to_string(), "9999-12-31");
        assert_eq!(Date::from_days_since_unix_epoch(2_932_897), None, "year 10000");
        assert_eq!(Date::from_days_since_unix_epoch(-719_163), None, "year 0");
    }

    #[test]
    fn converts_unix_days() {
        assert_eq!(Date::from_days_since_unix_epoch(0), Some(d("1970-01-01")));
        assert_eq!(Date::from_days_since_unix_epoch(20_418), Some(d("2025-11-26")));
        assert_eq!(Date::from_days_since_unix_epoch(-1), Some(d("1969-12-31")));
        assert_eq!(Date::from_days_since_unix_epoch(i64::MAX), None);
    }
}
