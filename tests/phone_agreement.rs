//! `kyc_rules::phone` agrees with libphonenumber (python-phonenumbers 9.0.43) on the region of
//! every example number of its metadata, and on thousands of variations of them; and on whether
//! a number is possible, for every example number, one digit short and one digit long, also
//! through `kyc_rules::validate` (`invalid_phone`).
//!
//! The fixtures are written by `scripts/gen_tables.py`: `e164<TAB>region<TAB>note`, where region
//! is what python-phonenumbers' `region_code_for_number(parse(e164))` answers (empty for None,
//! for the non-geographic "001" and when `parse` fails); and `phone_possible.tsv`:
//! `e164<TAB>result<TAB>note`, where result is python-phonenumbers'
//! `is_possible_number_with_reason(parse(e164, None))` or `parse:<error>` when `parse` fails.

use kyc_rules::phone::{matches_country, possibility, region_for_number, PhoneMatch, Possibility};
use kyc_rules::{validate, Code, Context, Date, Options, Request, RequestKind};

const EXAMPLES: &str = include_str!("data/phone_examples.tsv");
const VARIANTS: &str = include_str!("data/phone_variants.tsv");
const POSSIBLE: &str = include_str!("data/phone_possible.tsv");

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
    // 1,141 example numbers.
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
    assert_eq!(region_for_number("+2908123"), Some("TA")); // 4 national digits
    assert_eq!(region_for_number("+29081234"), Some("TA"));
    assert_eq!(region_for_number("+6837012"), Some("NU"));
    assert_eq!(region_for_number("+6907290"), Some("TK"));
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
        "+12",                 // parse: too short
        "+1",                  // parse: too short
        "+28",                 // parse: too short (before it looks for a calling code; 28 is none)
        "+2",                  // parse: too short (2 is no calling code)
        "+01234567890",        // leading 0
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
    assert_eq!(region_for_number("+3312345678901234567"), Some("FR")); // 17 national digits
    assert_eq!(region_for_number("+33123456789012345678"), None); // 18: parse fails
    assert_eq!(region_for_number("+331"), None); // 1 national digit: parse fails
    assert_eq!(region_for_number("+3312"), Some("FR"));
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
    assert_eq!(matches_country("+999", "USA"), PhoneMatch::Mismatch);
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

/// The data lines of `phone_possible.tsv`: number, python-phonenumbers' answer, origin.
fn possible_lines() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    POSSIBLE.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).map(|line| {
        let mut fields = line.split('\t');
        let number = fields.next().unwrap();
        let result = fields.next().expect("result column");
        (number, result, fields.next().unwrap_or_default())
    })
}

/// What `possibility` answers for python-phonenumbers' result (`parse`'s three "too short"
/// failures are one answer).
fn expected_possibility(result: &str) -> Possibility {
    match result {
        "IS_POSSIBLE" => Possibility::Possible,
        "IS_POSSIBLE_LOCAL_ONLY" => Possibility::LocalOnly,
        "TOO_SHORT" | "parse:TOO_SHORT_NSN" | "parse:TOO_SHORT_AFTER_IDD" | "parse:NOT_A_NUMBER" => {
            Possibility::TooShort
        }
        "TOO_LONG" | "parse:TOO_LONG" => Possibility::TooLong,
        "INVALID_LENGTH" => Possibility::InvalidLength,
        "parse:INVALID_COUNTRY_CODE" => Possibility::UnknownCallingCode,
        other => panic!("unknown result {other:?}"),
    }
}

/// `possibility` gives python-phonenumbers' answer for every example number of every region
/// and non-geographic entity, each one digit short and one digit long, and each with a match of
/// its main region's national prefix pattern in front.
#[test]
fn possibility_agrees_with_libphonenumber() {
    let mut failures = Vec::new();
    let mut seen = std::collections::BTreeMap::new();
    for (number, result, origin) in possible_lines() {
        let expected = expected_possibility(result);
        let got = possibility(number);
        if got != expected {
            failures.push(format!("{number} ({origin}): {got:?}, python-phonenumbers {result}"));
        }
        *seen.entry(result).or_insert(0) += 1;
    }
    let lines: usize = seen.values().sum();
    assert!(failures.is_empty(), "{} of {lines} disagree:\n{}", failures.len(), failures.join("\n"));
    // 1,141 example numbers, each also one digit short and long (fewer where those coincide).
    assert!(lines > 3_000, "only {lines} lines");
    for result in ["IS_POSSIBLE", "IS_POSSIBLE_LOCAL_ONLY", "TOO_SHORT", "TOO_LONG", "INVALID_LENGTH"] {
        assert!(seen.get(result).is_some_and(|&n| n > 10), "{result}: {seen:?}");
    }
    for origin in ["example", "example, one digit short", "example, one digit long"] {
        let n = possible_lines().filter(|(_, _, o)| o.ends_with(&format!(" {origin}"))).count();
        assert!(n > 1_000, "{n} lines of {origin}");
    }
}

/// A valid create-individual-v2 request (the documented example) with `+14155552671` as its
/// phone and the United States as country of residence.
const CREATE_BODY: &str = r#"{"verification_type": "STANDARD", "basic_info": {"first_name": "Maria", "middle_name": "Elena", "last_name": "Garcia", "dob": "1990-04-15", "email": "maria.garcia@example.com", "phone": "+14155552671", "country_of_residence": "USA", "primary_nationality": "USA", "secondary_nationality": "MEX", "gender": "FEMALE", "tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "123-45-6789"}]}, "address": {"street_line_1": "123 Market Street", "street_line_2": "Apt 4B", "city": "San Francisco", "subdivision_code": "US-CA", "postal_code": "94103", "country": "USA"}, "financial_profile": {"employment_status": "EMPLOYED", "occupation_id": 42, "purpose_id": 3, "purpose_remarks": "Personal remittances to family", "source_of_funds_description": "Monthly salary from employment", "source_of_fund_ids": [1, 5], "monthly_volume_usd": 5000}, "meta_data": {"reference": "client-ref-abc-001"}}"#;

/// Through `validate`: for every line of `phone_possible.tsv`, put in the example request, the
/// report has `invalid_phone` (at `/basic_info/phone`) exactly when python-phonenumbers does not
/// call the number possible, for a known calling code; `phone_country_mismatch` only for a
/// possible number that `matches_country` says is not the United States', or for an unassigned
/// calling code; and nothing else.
#[test]
fn invalid_phone_is_reported_exactly_when_libphonenumber_says_not_possible() {
    let ctx = Context::on(Date::parse("2026-11-26").unwrap());
    let opts = Options::default();
    assert!(validate(Request::json(RequestKind::CreateIndividualV2, CREATE_BODY.as_bytes()), &ctx, &opts).valid);
    let mut failures = Vec::new();
    let mut counts = [0; 3]; // invalid, mismatch, neither
    for (number, result, origin) in possible_lines() {
        let body = CREATE_BODY.replacen("+14155552671", number, 1);
        let report = validate(Request::json(RequestKind::CreateIndividualV2, body.as_bytes()), &ctx, &opts);
        let got: Vec<(Code, &str)> = report.violations.iter().map(|v| (v.code, v.path())).collect();
        let want = match result {
            "IS_POSSIBLE" if matches_country(number, "USA") == PhoneMatch::Mismatch => {
                vec![(Code::PhoneCountryMismatch, "/basic_info/phone")]
            }
            "IS_POSSIBLE" => vec![],
            "parse:INVALID_COUNTRY_CODE" => vec![(Code::PhoneCountryMismatch, "/basic_info/phone")],
            _ => vec![(Code::InvalidPhone, "/basic_info/phone")],
        };
        counts[match want.first() {
            Some((Code::InvalidPhone, _)) => 0,
            Some(_) => 1,
            None => 2,
        }] += 1;
        if got != want {
            failures.push(format!("{number} ({origin}, {result}): {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} disagree:\n{}", failures.len(), failures.join("\n"));
    assert!(counts.iter().all(|&n| n > 10), "{counts:?}");
}

#[test]
fn possibility_examples() {
    // Numbers shorter than the old fixed minimum of 8 digits: Niue, Tokelau, Tristan da Cunha.
    assert_eq!(possibility("+6837012"), Possibility::Possible);
    assert_eq!(possibility("+6907290"), Possibility::Possible);
    assert_eq!(possibility("+2908123"), Possibility::Possible);
    assert_eq!(possibility("+14155552671"), Possibility::Possible);
    assert_eq!(possibility("+114155552671"), Possibility::Possible); // trunk prefix 1 left in
    assert_eq!(possibility("+1415555267"), Possibility::TooShort);
    assert_eq!(possibility("+141555526712"), Possibility::TooLong);
    assert_eq!(possibility("+15552671"), Possibility::LocalOnly);
    assert_eq!(possibility("+712345678901"), Possibility::InvalidLength); // Russia: 10 or 14
    assert_eq!(possibility("+999"), Possibility::UnknownCallingCode);
    assert_eq!(possibility("+99912345678"), Possibility::UnknownCallingCode);
    assert_eq!(possibility("+99"), Possibility::TooShort); // parse: too short whatever it is
    assert_eq!(possibility("+1"), Possibility::TooShort);
    assert_eq!(possibility("+331"), Possibility::TooShort); // 1 national digit
    assert_eq!(possibility("+33123456789012345678"), Possibility::TooLong); // parse: too long
    for bad in ["", "+", "14155552671", "+1 4155552671", "+01234567890", "+1415555267a", "++14155552671"] {
        assert_eq!(possibility(bad), Possibility::NotE164, "{bad:?}");
    }
    assert_eq!(possibility("+\u{ff11}4155552671"), Possibility::NotE164); // full-width digit one
    assert!(possibility("+14155552671").is_possible());
    assert!(!possibility("+15552671").is_possible());
}

/// Transform rules: Argentina (`0 11 15 ...` becomes `9 11 ...`), Madagascar (7 digits gain
/// `20`), San Marino (6 digits gain `0549`), Norfolk Island (5 digits gain `3`), Gabon (`0`
/// dropped before some prefixes only); and Japan's carrier prefix `0037680`, which brings 23
/// national digits down to 16.
#[test]
fn national_prefix_transform_rules() {
    assert_eq!(possibility("+540111512345678"), Possibility::Possible);
    assert_eq!(possibility("+2617123456"), Possibility::Possible);
    assert_eq!(possibility("+378812345"), Possibility::Possible);
    assert_eq!(possibility("+67212345"), Possibility::Possible);
    assert_eq!(possibility("+241060123456"), Possibility::Possible);
    assert_eq!(possibility("+8100376801234567890123456"), Possibility::Possible);
    assert_eq!(region_for_number("+8100376801234567890123456"), Some("JP"));
}

/// The longest national number `parse` accepts: 24 digits, which Japan's national prefix for
/// parsing (`0037680`, seven digits) brings down to 17, the most `parse` keeps. One digit more
/// is too long whatever is stripped. python-phonenumbers 9.0.43: `parse("+81" + "0037680" +
/// "3" * 17)` is a Japanese number of 17 national digits, possible; with 18 threes it raises
/// TOO_LONG.
#[test]
fn the_longest_national_number_parse_accepts() {
    let number = |threes: usize| format!("+810037680{}", "3".repeat(threes));
    assert_eq!(region_for_number(&number(17)), Some("JP"));
    assert_eq!(possibility(&number(17)), Possibility::Possible);
    assert_eq!(matches_country(&number(17), "JPN"), PhoneMatch::Match);
    assert_eq!(region_for_number(&number(18)), None);
    assert_eq!(possibility(&number(18)), Possibility::TooLong);
}
