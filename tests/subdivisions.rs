//! ISO 3166-2 subdivision table and the country rules of `kyc_rules::subdivision`.

use kyc_rules::subdivision::{
    alias_codes, check, countries_without_subdivisions, has_own_subdivisions, is_known, suggest, table_len,
    SubdivisionCheck,
};

#[test]
fn table_has_all_iso_codes() {
    assert_eq!(table_len(), 5046);
}

#[test]
fn known_codes_are_exact() {
    assert!(is_known("US-CA"));
    assert!(is_known("FR-75C"));
    assert!(!is_known("FR-75")); // Paris became FR-75C
    assert!(is_known("IN-CG"));
    assert!(!is_known("IN-CT")); // Chhattisgarh's old code
    assert!(!is_known("us-ca"));
    assert!(!is_known("CA"));
    assert!(!is_known("US-XX"));
    assert!(!is_known(""));
    assert!(!is_known("US-CA "));
}

#[test]
fn codes_of_the_country_are_valid() {
    assert_eq!(check("USA", "US-CA"), SubdivisionCheck::Valid);
    assert_eq!(check("FRA", "FR-75C"), SubdivisionCheck::Valid);
    assert_eq!(check("IND", "IN-CG"), SubdivisionCheck::Valid);
    // A parent country's listing of a territory is its own code too.
    assert_eq!(check("USA", "US-PR"), SubdivisionCheck::Valid);
    assert_eq!(check("CHN", "CN-HK"), SubdivisionCheck::Valid);
}

#[test]
fn unknown_codes() {
    for code in ["us-ca", "CA", "US-XX", "", "US-", "USCA", "FR-75", "IN-CT"] {
        assert_eq!(check("USA", code), SubdivisionCheck::Unknown, "{code:?}");
    }
}

#[test]
fn codes_of_another_country_mismatch() {
    assert_eq!(check("MEX", "US-CA"), SubdivisionCheck::CountryMismatch);
    assert_eq!(check("USA", "CA-ON"), SubdivisionCheck::CountryMismatch);
    // "US-PR" is Puerto Rico's alias, not Mexico's; a territory does not own its parent's codes.
    assert_eq!(check("MEX", "US-PR"), SubdivisionCheck::CountryMismatch);
    assert_eq!(check("PRI", "US-CA"), SubdivisionCheck::CountryMismatch);
    assert_eq!(check("PRI", "PR-01"), SubdivisionCheck::Unknown);
}

#[test]
fn territories_listed_under_another_country_are_valid() {
    let cases = [
        ("PRI", "US-PR"),
        ("HKG", "CN-HK"),
        ("ABW", "NL-AW"),
        ("REU", "FR-974"),
        ("GLP", "FR-971"),
        ("MTQ", "FR-972"),
        ("GUF", "FR-973"),
        ("MYT", "FR-976"),
        ("ASM", "US-AS"),
        ("GUM", "US-GU"),
        ("MNP", "US-MP"),
        ("VIR", "US-VI"),
        ("UMI", "US-UM"),
        ("MAC", "CN-MO"),
        ("TWN", "CN-TW"),
        ("CUW", "NL-CW"),
        ("SXM", "NL-SX"),
        ("BES", "NL-BQ1"),
        ("ALA", "FI-01"),
        ("SJM", "NO-21"),
        ("SJM", "NO-22"),
        ("BLM", "FR-BL"),
        ("MAF", "FR-MF"),
        ("NCL", "FR-NC"),
        ("PYF", "FR-PF"),
        ("SPM", "FR-PM"),
        ("ATF", "FR-TF"),
        ("WLF", "FR-WF"),
    ];
    for (country, code) in cases {
        assert_eq!(check(country, code), SubdivisionCheck::Valid, "{country} {code}");
        assert!(alias_codes(country).contains(&code), "{country} {code}");
    }
    assert_eq!(alias_codes("SJM"), ["NO-21", "NO-22"]);
    assert_eq!(alias_codes("BES"), ["NL-BQ1", "NL-BQ2", "NL-BQ3"]);
    assert!(alias_codes("USA").is_empty());
    // Territories with subdivisions of their own keep them.
    assert_eq!(check("TWN", "TW-TPE"), SubdivisionCheck::Valid);
    assert_eq!(check("UMI", "UM-67"), SubdivisionCheck::Valid);
    assert_eq!(check("WLF", "WF-UV"), SubdivisionCheck::Valid);
}

#[test]
fn countries_without_anything_to_check_are_unverified() {
    for country in ["JEY", "GGY", "IMN", "VAT", "AIA", "ATA", "ESH"] {
        for code in ["JE-01", "GB-LND", "US-CA", "", "anything", "CA"] {
            assert_eq!(check(country, code), SubdivisionCheck::Unverified, "{country} {code}");
        }
    }
}

#[test]
fn unknown_countries() {
    assert_eq!(check("XXX", "US-CA"), SubdivisionCheck::CountryMismatch);
    assert_eq!(check("XXX", "US-XX"), SubdivisionCheck::Unknown);
    assert_eq!(check("usa", "US-CA"), SubdivisionCheck::CountryMismatch);
    assert_eq!(check("", ""), SubdivisionCheck::Unknown);
    assert!(!has_own_subdivisions("XXX"));
    assert_eq!(suggest("XXX", "CA"), None);
}

#[test]
fn forty_nine_countries_have_no_subdivisions_of_their_own() {
    let without: Vec<&str> = countries_without_subdivisions().collect();
    assert_eq!(without.len(), 49);
    for c in ["PRI", "HKG", "ABW", "REU", "JEY", "GGY", "IMN", "VAT", "ATA", "SJM"] {
        assert!(without.contains(&c), "{c}");
        assert!(!has_own_subdivisions(c), "{c}");
    }
    for c in ["USA", "FRA", "TWN", "UMI", "BES", "WLF", "GBR", "CHN"] {
        assert!(!without.contains(&c), "{c}");
        assert!(has_own_subdivisions(c), "{c}");
    }
    // Of the 49, those with an alias code are checked against it; the rest are unverified.
    let unverified = without.iter().filter(|c| check(c, "").eq(&SubdivisionCheck::Unverified)).count();
    let aliased = without.iter().filter(|c| !alias_codes(c).is_empty()).count();
    assert_eq!(unverified + aliased, 49);
    assert_eq!(aliased, 23);
}

#[test]
fn suggest_adds_the_country_prefix() {
    assert_eq!(suggest("USA", "CA"), Some("US-CA"));
    assert_eq!(suggest("FRA", "75C"), Some("FR-75C"));
    assert_eq!(suggest("GBR", "LND"), Some("GB-LND"));
    assert_eq!(suggest("MEX", "CA"), None); // MX-CA does not exist
    assert_eq!(suggest("USA", "XX"), None);
    assert_eq!(suggest("USA", "US-CA"), None);
    assert_eq!(suggest("USA", "ca"), None);
    assert_eq!(suggest("USA", ""), None);
    assert_eq!(suggest("PRI", "PR"), None);
    assert_eq!(suggest("JEY", "01"), None);
}

/// Every country here is one `isocountry` (used elsewhere for alpha-3 validation) knows.
#[test]
fn countries_are_isocountry_countries() {
    for alpha3 in countries_without_subdivisions() {
        assert!(isocountry::CountryCode::for_alpha3(alpha3).is_ok(), "{alpha3}");
    }
}
