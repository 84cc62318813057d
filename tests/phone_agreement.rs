//! `kyc_rules::phone` agrees with libphonenumber (python-phonenumbers 9.0.43) on the region of
//! every example number of its metadata, and on thousands of variations of them.
//!
//! The fixtures are written by `scripts/gen_tables.py`: `e164<TAB>region<TAB>note`, where region
//! is what python-phonenumbers' `region_code_for_number(parse(e164))` answers (empty for None
//! and for the non-geographic "001").

use kyc_rules::phone::{matches_country, region_for_number, PhoneMatch};

const EXAMPLES: &str = include_str!("data/phone_examples.tsv");
const VARIANTS: &str = include_str!("data/phone_variants.tsv");

/// Checks every data line; returns how many there were.
fn check_fixture(name: &str, text: &str) -> usize {
    let mut lines = 0;
    let mut failures = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let mut fields = line.split('\t');
        let number = fields.next().unwrap();
        let expected = fields.next().expect("region column");
        let expected = (!expected.is_empty()).then_some(expected);
        let got = region_for_number(number);
        if got != expected {
            failures.push(format!("{line}: got {got:?}"));
        }
        lines += 1;
    }
    assert!(failures.is_empty(), "{name}: {} of {lines} disagree:\n{}", failures.len(), failures.join("\n"));
    lines
}

#[test]
fn agrees_with_libphonenumber_on_every_example_number() {
    // 1,141 example numbers, of which 8 have fewer than 8 digits.
    let n = check_fixture("phone_examples.tsv", EXAMPLES);
    assert!(n >= 1_100, "only {n} example lines");
}

#[test]
fn agrees_with_libphonenumber_on_variations() {
    let n = check_fixture("phone_variants.tsv", VARIANTS);
    assert!(n >= 5_000, "only {n} variant lines");
}

/// `matches_country` agrees with `region_for_number` on every fixture number: `Match` for the
/// country of the region (AC and TA are SHN), `Mismatch` for a country of another calling code.
#[test]
fn matches_country_agrees_with_the_fixtures() {
    let mut checked = 0;
    for line in EXAMPLES.lines().chain(VARIANTS.lines()).filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let mut fields = line.split('\t');
        let (number, region) = (fields.next().unwrap(), fields.next().unwrap());
        let iso = match region {
            "" | "XK" => continue,
            "AC" | "TA" => "SH",
            r => r,
        };
        let alpha3 = isocountry::CountryCode::for_alpha2(iso).unwrap_or_else(|_| panic!("{iso}")).alpha3();
        assert_eq!(matches_country(number, alpha3), PhoneMatch::Match, "{line}");
        let other = if number.starts_with("+33") { "DEU" } else { "FRA" };
        assert_eq!(matches_country(number, other), PhoneMatch::Mismatch, "{line}");
        checked += 1;
    }
    assert!(checked > 5_000, "{checked}");
}

#[test]
fn fixtures_cover_every_kind_of_answer() {
    let regions =
        |text: &'static str| text.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split('\t').nth(1));
    let all: Vec<&str> = regions(EXAMPLES).chain(regions(VARIANTS)).collect();
    assert!(all.len() > 2_000);
    for r in ["US", "CA", "PR", "GB", "JE", "GG", "IM", "RU", "KZ", "IT", "VA", "AC", "TA", "XK", ""] {
        assert!(all.contains(&r), "no line resolving to {r:?}");
    }
}

#[test]
fn known_regions() {
    assert_eq!(region_for_number("+14165550123"), Some("CA")); // Toronto
    assert_eq!(region_for_number("+14155552671"), Some("US")); // San Francisco
    assert_eq!(region_for_number("+17875550123"), Some("PR"));
    assert_eq!(region_for_number("+447797123456"), Some("JE")); // Jersey mobile
    assert_eq!(region_for_number("+447400123456"), Some("GB"));
    assert_eq!(region_for_number("+77012345678"), Some("KZ"));
    assert_eq!(region_for_number("+74951234567"), Some("RU"));
    assert_eq!(region_for_number("+33612345678"), Some("FR"));
    assert_eq!(region_for_number("+390669812345"), Some("VA"));
    assert_eq!(region_for_number("+390612345678"), Some("IT"));
    assert_eq!(region_for_number("+2908123"), None); // 7 digits: below the E.164 shape here
    assert_eq!(region_for_number("+29081234"), Some("TA"));
}

#[test]
fn national_prefix_is_stripped_like_parse_does() {
    // libphonenumber's parse drops a trunk prefix left in an international number.
    assert_eq!(region_for_number("+4407797123456"), Some("JE"));
    assert_eq!(region_for_number("+114165550123"), Some("CA"));
    assert_eq!(region_for_number("+784951234567"), Some("RU"));
}

#[test]
fn no_region() {
    assert_eq!(region_for_number("+99912345678"), None); // unassigned
    assert_eq!(region_for_number("+01234567890"), None); // calling codes never start with 0
    assert_eq!(region_for_number("+80012345678"), None); // non-geographic ("001")
    assert_eq!(region_for_number("+88213456789"), None);
    assert_eq!(region_for_number("+11234567890"), None); // +1 number no NANP region claims
}

#[test]
fn only_the_e164_shape_is_resolved() {
    for bad in [
        "",
        "+",
        "14155552671",         // no plus
        "+1234567",            // 7 digits
        "+1234567890123456",   // 16 digits
        "+1 4155552671",       // space
        "+1415555267a",        // letter
        "++14155552671",       // two pluses
        "+\u{ff11}4155552671", // full-width digit one
    ] {
        assert_eq!(region_for_number(bad), None, "{bad:?}");
        assert_eq!(matches_country(bad, "USA"), PhoneMatch::NotApplicable, "{bad:?}");
    }
    assert_eq!(region_for_number("+33123456"), Some("FR")); // 8 digits
    assert_eq!(region_for_number("+331234567890123"), Some("FR")); // 15 digits
}

#[test]
fn matches_country_rules() {
    assert_eq!(matches_country("+14165550123", "USA"), PhoneMatch::Mismatch);
    assert_eq!(matches_country("+14165550123", "CAN"), PhoneMatch::Match);
    assert_eq!(matches_country("+14155552671", "USA"), PhoneMatch::Match);
    assert_eq!(matches_country("+17875550123", "PRI"), PhoneMatch::Match);
    assert_eq!(matches_country("+17875550123", "USA"), PhoneMatch::Mismatch);
    assert_eq!(matches_country("+447797123456", "JEY"), PhoneMatch::Match);
    assert_eq!(matches_country("+447797123456", "GBR"), PhoneMatch::Mismatch);
    assert_eq!(matches_country("+77012345678", "KAZ"), PhoneMatch::Match);
    assert_eq!(matches_country("+77012345678", "RUS"), PhoneMatch::Mismatch);
    assert_eq!(matches_country("+33612345678", "FRA"), PhoneMatch::Match);
    assert_eq!(matches_country("+33612345678", "DEU"), PhoneMatch::Mismatch);
    // Ascension and Tristan da Cunha are part of Saint Helena (SHN) in ISO 3166-1.
    assert_eq!(matches_country("+24761234", "SHN"), PhoneMatch::Match);
    assert_eq!(matches_country("+29081234", "SHN"), PhoneMatch::Match);
    // Kosovo is no ISO 3166-1 country.
    assert_eq!(matches_country("+38343201234", "SRB"), PhoneMatch::Mismatch);
}

#[test]
fn countries_without_a_calling_code_are_not_applicable() {
    for country in ["ATA", "BVT", "SGS", "HMD", "PCN", "ATF", "UMI"] {
        for number in ["+14155552671", "+99912345678", "+6723212345", "+80012345678"] {
            assert_eq!(matches_country(number, country), PhoneMatch::NotApplicable, "{country} {number}");
        }
    }
}

#[test]
fn unassigned_and_non_geographic_codes_mismatch() {
    assert_eq!(matches_country("+99912345678", "USA"), PhoneMatch::Mismatch);
    assert_eq!(matches_country("+01234567890", "USA"), PhoneMatch::Mismatch);
    assert_eq!(matches_country("+80012345678", "USA"), PhoneMatch::Mismatch);
    assert_eq!(matches_country("+88213456789", "DEU"), PhoneMatch::Mismatch);
}

#[test]
fn unresolved_numbers_depend_on_the_calling_code() {
    // +1 123...: no NANP region claims it; USA and CAN use +1, France does not.
    assert_eq!(region_for_number("+11234567890"), None);
    assert_eq!(matches_country("+11234567890", "USA"), PhoneMatch::NotApplicable);
    assert_eq!(matches_country("+11234567890", "CAN"), PhoneMatch::NotApplicable);
    assert_eq!(matches_country("+11234567890", "PRI"), PhoneMatch::NotApplicable);
    assert_eq!(matches_country("+11234567890", "FRA"), PhoneMatch::Mismatch);
}

#[test]
fn unknown_country_is_not_applicable() {
    assert_eq!(matches_country("+14155552671", "XXX"), PhoneMatch::NotApplicable);
    assert_eq!(matches_country("+14155552671", "usa"), PhoneMatch::NotApplicable);
}
