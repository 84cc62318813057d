//! ISO 3166-2 subdivision codes (`"US-CA"`, `"FR-75C"`, `"IN-CG"`) and whether one fits a
//! country.
//!
//! The data is iso-codes 4.20.1 (5,046 codes), as shipped in the `pycountry` 26.2.16 wheel; see
//! `src/data/subdivisions.rs` for checksums and `scripts/README.md` for how it is regenerated.
//!
//! Two ISO facts shape [`check`]:
//!
//! * 49 countries have no ISO 3166-2 subdivisions of their own (`PRI`, `HKG`, `JEY`, ...).
//! * ISO 3166-1 lists several territories "also as a subdivision of" another country: Puerto
//!   Rico is also `US-PR`, Hong Kong `CN-HK`, Aruba `NL-AW`, Réunion `FR-974`, Taiwan `CN-TW`,
//!   and so on.  Such a code is valid for the territory itself too.
//!
//! Every function here is allocation-free: lookups are binary searches over sorted static
//! tables.  Codes and country codes are compared exactly (case-sensitively).

use crate::data::subdivisions::{Country, COUNTRIES, SUBDIVISIONS};

/// The verdict of [`check`] for a subdivision code given with a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubdivisionCheck {
    /// The code is an ISO 3166-2 code of the country, or one under which ISO also lists the
    /// country (`"US-PR"` for `PRI`).
    Valid,
    /// The code is not an ISO 3166-2 code at all (`"US-XX"`, `"us-ca"`, a bare `"CA"`).
    Unknown,
    /// The code exists but belongs to another country (`"US-CA"` with `MEX`).
    CountryMismatch,
    /// The country has no ISO 3166-2 subdivisions and no alias code, so no value can be
    /// verified (`JEY`, `GGY`, `IMN`, `VAT`, ...).
    Unverified,
}

/// Is `code` one of the 5,046 ISO 3166-2 subdivision codes?
///
/// Exact and case-sensitive: `"US-CA"` is known; `"us-ca"`, `"CA"` and `"US-XX"` are not.
#[must_use]
pub fn is_known(code: &str) -> bool {
    // Codes are sorted, so each country prefix's codes are one run: search only that run.
    let b = code.as_bytes();
    if b.len() < 4 || !b[0].is_ascii_uppercase() || !b[1].is_ascii_uppercase() {
        return false;
    }
    let slot = usize::from(b[0] - b'A') * 26 + usize::from(b[1] - b'A');
    let (start, end) = PREFIX_RUNS[slot];
    SUBDIVISIONS.get(usize::from(start)..usize::from(end)).is_some_and(|run| run.binary_search(&code).is_ok())
}

/// For every two-letter prefix `AA`..`ZZ`, the range of `SUBDIVISIONS` that starts with it,
/// computed at compile time from the sorted table.
static PREFIX_RUNS: [(u16, u16); 26 * 26] = prefix_runs();

const fn prefix_runs() -> [(u16, u16); 26 * 26] {
    let mut runs = [(0u16, 0u16); 26 * 26];
    let mut i = 0;
    while i < SUBDIVISIONS.len() {
        let b = SUBDIVISIONS[i].as_bytes();
        let slot = (b[0] - b'A') as usize * 26 + (b[1] - b'A') as usize;
        if runs[slot].1 == 0 {
            runs[slot].0 = i as u16;
        }
        runs[slot].1 = i as u16 + 1;
        i += 1;
    }
    runs
}
const _: () = assert!(SUBDIVISIONS.len() < u16::MAX as usize, "offsets must fit in u16");

/// Does subdivision `code` fit the country `country_alpha3` (an ISO 3166-1 alpha-3 code)?
///
/// * A country with neither subdivisions of its own nor an alias code: [`Unverified`], for any
///   `code` (ISO gives nothing to verify against).
/// * Otherwise an unknown `code` is [`Unknown`]; a known one is [`Valid`] when it starts with
///   the country's alpha-2 code and `-`, or is one of the codes under which ISO also lists the
///   country (`"US-PR"` for `PRI`, `"CN-HK"` for `HKG`, `"NL-AW"` for `ABW`, ...); any other
///   known code is [`CountryMismatch`].
/// * `country_alpha3` not an ISO 3166-1 alpha-3 code (including lower case): [`Unknown`] when
///   `code` is unknown, else [`CountryMismatch`].
///
/// [`Valid`]: SubdivisionCheck::Valid
/// [`Unknown`]: SubdivisionCheck::Unknown
/// [`CountryMismatch`]: SubdivisionCheck::CountryMismatch
/// [`Unverified`]: SubdivisionCheck::Unverified
#[must_use]
pub fn check(country_alpha3: &str, code: &str) -> SubdivisionCheck {
    let country = country(country_alpha3);
    if let Some(c) = country {
        if !c.own_subdivisions && c.aliases.is_empty() {
            return SubdivisionCheck::Unverified;
        }
    }
    if !is_known(code) {
        return SubdivisionCheck::Unknown;
    }
    match country {
        Some(c) if belongs_to(c, code) => SubdivisionCheck::Valid,
        _ => SubdivisionCheck::CountryMismatch,
    }
}

/// A correction for a code given without its country prefix: `suggest("USA", "CA")` is
/// `Some("US-CA")`.
///
/// Returns `"<alpha-2>-<code>"` when that is an ISO 3166-2 code (hence one of the country's
/// own), else `None`; also `None` for an unknown country.  Case-sensitive like [`is_known`].
#[must_use]
pub fn suggest(country_alpha3: &str, code: &str) -> Option<&'static str> {
    let alpha2 = country(country_alpha3)?.alpha2;
    let wanted = || alpha2.bytes().chain(Some(b'-')).chain(code.bytes());
    let index = SUBDIVISIONS.binary_search_by(|entry| entry.bytes().cmp(wanted())).ok()?;
    SUBDIVISIONS.get(index).copied()
}

/// Does ISO 3166-2 list subdivisions of the country itself (codes with its alpha-2 prefix)?
///
/// `false` for the 49 countries without any (see [`countries_without_subdivisions`]) and for
/// anything that is not an ISO 3166-1 alpha-3 code.  `PRI` is `false` although `"US-PR"` is
/// valid for it.
#[must_use]
pub fn has_own_subdivisions(country_alpha3: &str) -> bool {
    country(country_alpha3).is_some_and(|c| c.own_subdivisions)
}

/// The codes of another country under which ISO also lists `country_alpha3`, sorted:
/// `["US-PR"]` for `PRI`, `["NO-21", "NO-22"]` for `SJM`, `["CN-TW"]` for `TWN`; empty for
/// most countries and for unknown ones.  These codes are [`SubdivisionCheck::Valid`] for it.
#[must_use]
pub fn alias_codes(country_alpha3: &str) -> &'static [&'static str] {
    country(country_alpha3).map_or(&[], |c| c.aliases)
}

/// The alpha-3 codes of the 49 ISO 3166-1 countries without ISO 3166-2 subdivisions of their
/// own, in alphabetical order.
pub fn countries_without_subdivisions() -> impl Iterator<Item = &'static str> {
    COUNTRIES.iter().filter(|c| !c.own_subdivisions).map(|c| c.alpha3)
}

/// The number of ISO 3166-2 codes in the table (5,046).
#[must_use]
pub fn table_len() -> usize {
    SUBDIVISIONS.len()
}

/// The ISO 3166-1 alpha-2 code of `alpha3` by the same iso-codes data (`"USA"` -> `"US"`).
pub(crate) fn alpha2_of(alpha3: &str) -> Option<&'static str> {
    country(alpha3).map(|c| c.alpha2)
}

/// Whether `alpha3` is one of the 249 uppercase ISO 3166-1 alpha-3 codes (binary search, no allocation).
pub(crate) fn is_country(alpha3: &str) -> bool {
    alpha3.len() == 3 && country(alpha3).is_some()
}

fn country(alpha3: &str) -> Option<&'static Country> {
    let slot = alpha3_slot(alpha3.as_bytes())?;
    let index = usize::from(*COUNTRY_BY_ALPHA3.get(slot)?);
    COUNTRIES.get(index.checked_sub(1)?)
}

/// `AAA`..`ZZZ` to 0..17,576; `None` for anything else.
const fn alpha3_slot(b: &[u8]) -> Option<usize> {
    if b.len() != 3 || !b[0].is_ascii_uppercase() || !b[1].is_ascii_uppercase() || !b[2].is_ascii_uppercase() {
        return None;
    }
    Some(((b[0] - b'A') as usize * 26 + (b[1] - b'A') as usize) * 26 + (b[2] - b'A') as usize)
}

/// For every uppercase triple, 1 + its index in `COUNTRIES`, or 0: one load per lookup,
/// built at compile time from the generated table (17.5 KB).
static COUNTRY_BY_ALPHA3: [u8; 26 * 26 * 26] = country_index();
const _: () = assert!(COUNTRIES.len() < 256, "indices must fit in a u8");

const fn country_index() -> [u8; 26 * 26 * 26] {
    let mut table = [0u8; 26 * 26 * 26];
    let mut i = 0;
    while i < COUNTRIES.len() {
        if let Some(slot) = alpha3_slot(COUNTRIES[i].alpha3.as_bytes()) {
            // 249 countries: i + 1 fits in a u8.
            table[slot] = (i + 1) as u8;
        }
        i += 1;
    }
    table
}

fn belongs_to(country: &Country, code: &str) -> bool {
    let own = code.strip_prefix(country.alpha2).is_some_and(|rest| rest.starts_with('-'));
    own || country.aliases.contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_runs_find_exactly_the_table() {
        for code in SUBDIVISIONS {
            assert!(is_known(code), "{code}");
            for probe in [format!("{code}X"), code[..code.len() - 1].to_owned(), code.to_lowercase()] {
                assert_eq!(is_known(&probe), SUBDIVISIONS.binary_search(&probe.as_str()).is_ok(), "{probe}");
            }
        }
        for probe in ["", "U", "US", "US-", "ZZ-1", "A1-B", "-US", "éé-1"] {
            assert_eq!(is_known(probe), SUBDIVISIONS.binary_search(&probe).is_ok(), "{probe}");
        }
    }

    #[test]
    fn tables_are_sorted_and_unique() {
        assert!(SUBDIVISIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(COUNTRIES.windows(2).all(|w| w[0].alpha3 < w[1].alpha3));
    }

    /// The table agrees with `isocountry`, which the rest of the library uses for alpha-3.
    #[test]
    fn countries_agree_with_isocountry() {
        assert_eq!(COUNTRIES.len(), 249);
        for c in &COUNTRIES {
            let iso = isocountry::CountryCode::for_alpha3(c.alpha3).expect(c.alpha3);
            assert_eq!(iso.alpha2(), c.alpha2);
            let back = isocountry::CountryCode::for_alpha2(c.alpha2).expect(c.alpha2);
            assert_eq!(back.alpha3(), c.alpha3);
        }
    }

    /// Exactly the same codes as `isocountry::for_alpha3` on every uppercase triple.
    #[test]
    fn is_country_agrees_with_isocountry_on_every_triple() {
        let mut n = 0;
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                for c in b'A'..=b'Z' {
                    let code = [a, b, c];
                    let code = std::str::from_utf8(&code).unwrap();
                    let iso = isocountry::CountryCode::for_alpha3(code).is_ok();
                    assert_eq!(is_country(code), iso, "{code}");
                    n += usize::from(iso);
                }
            }
        }
        assert_eq!(n, 249);
        assert!(!is_country("usa") && !is_country("US") && !is_country("USAA") && !is_country(""));
    }

    #[test]
    fn aliases_are_known_codes_of_another_country() {
        for c in &COUNTRIES {
            for code in c.aliases {
                assert!(is_known(code), "{code}");
                assert!(!code.starts_with(c.alpha2), "{code}");
            }
        }
    }
}
