//! Property tests for `create-individual-v2` (issue #2, "Tests and docs").
//!
//! 1. A generator of VALID requests, built as typed `CreateIndividualV2` values and sent both
//!    typed and as their serde_json serialisation: the report is valid with no violation at
//!    all, and the typed and JSON reports are equal.
//! 2. "Break exactly one rule": every mutation of a generated valid request (as JSON, or as raw
//!    text for duplicate members) yields exactly its expected (code, path) pairs, with the
//!    status the contract gives the codes; the same content sent typed (where it can be
//!    represented) gives the same report; suggestions change nothing but the suggestions.
//!    A coverage test checks that the mutations produce every code of the contract.
//! 3. Two deterministic tests on JSON integers beyond f64's range (valid JSON, which must give
//!    `out_of_range` at the member, or nothing inside `meta_data`, not `malformed_json`).
//!
//! Every expectation here comes from the contract (issue #2), not from the library: country,
//! phone and subdivision facts are listed in a table whose entries are checked against the
//! library's data once (`country_table_is_consistent`), ages are computed with an independent
//! calendar, statuses and severities come from the code list.

mod common;
use common::{
    char_prefix, civil_from_days, config, days_from_civil, e, edit, insert_char, insert_item, js, remove, set, split,
    Rng, FORBIDDEN,
};
use kyc_rules::model::{
    AddressV2, BasicInfoV2, EmploymentStatus, FinancialProfileV2, Gender, TaxInfo, VerificationType,
};
use kyc_rules::subdivision::SubdivisionCheck;
use kyc_rules::tax_id;
use kyc_rules::{
    phone, subdivision, validate, Catalog, Client, Context, CreateIndividualV2, Date, IdSet, In, Options, Report,
    Request, RequestKind, Severity,
};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::TestCaseError;
use serde_json::{json, Map, Value};

const KIND: RequestKind = RequestKind::CreateIndividualV2;
const TODAY: &str = "2026-11-26";

fn today() -> Date {
    Date::parse(TODAY).expect("today")
}

fn ctx_today() -> Context {
    Context::on(today())
}

// ---------------------------------------------------------------------------
// Facts: consistent (country, phone, subdivision) rows.

/// One country of residence with numbers libphonenumber resolves to it and ISO 3166-2 codes
/// valid for it (its own, or the code ISO also lists it under: `US-PR` for PRI).
#[derive(Debug)]
struct Row {
    alpha3: &'static str,
    alpha2: &'static str,
    phones: &'static [&'static str],
    subdivisions: &'static [&'static str],
    cities: &'static [&'static str],
    postal_codes: &'static [&'static str],
}

const ROWS: &[Row] = &[
    Row {
        alpha3: "USA",
        alpha2: "US",
        phones: &["+14155552671", "+12015550123", "+13125550199"],
        subdivisions: &["US-CA", "US-NY", "US-TX", "US-DC", "US-PR"],
        cities: &["San Francisco", "New York", "Austin"],
        postal_codes: &["94103", "10001", "73301-0001"],
    },
    Row {
        alpha3: "CAN",
        alpha2: "CA",
        phones: &["+14165550123", "+15062345678", "+16045550123"],
        subdivisions: &["CA-ON", "CA-QC", "CA-BC"],
        cities: &["Toronto", "Montreal", "Vancouver"],
        postal_codes: &["M5V 2T6", "H2X 1Y4"],
    },
    Row {
        alpha3: "MEX",
        alpha2: "MX",
        phones: &["+522221234567", "+522001234567"],
        subdivisions: &["MX-CMX", "MX-JAL", "MX-NLE"],
        cities: &["Ciudad de Mexico", "Guadalajara"],
        postal_codes: &["06600", "44100"],
    },
    Row {
        alpha3: "GBR",
        alpha2: "GB",
        phones: &["+447400123456", "+441212345678"],
        subdivisions: &["GB-LND", "GB-MAN", "GB-EDH"],
        cities: &["London", "Manchester", "Edinburgh"],
        postal_codes: &["SW1A 1AA", "M1 1AE"],
    },
    Row {
        alpha3: "DEU",
        alpha2: "DE",
        phones: &["+4930123456", "+4915123456789"],
        subdivisions: &["DE-BE", "DE-BY", "DE-HH"],
        cities: &["Berlin", "Muenchen"],
        postal_codes: &["10115", "80331"],
    },
    Row {
        alpha3: "FRA",
        alpha2: "FR",
        phones: &["+33123456789", "+33612345678"],
        subdivisions: &["FR-75C", "FR-IDF", "FR-69", "FR-69M"],
        cities: &["Paris", "Lyon"],
        postal_codes: &["75001", "69001"],
    },
    Row {
        alpha3: "PRI",
        alpha2: "PR",
        phones: &["+17872345678", "+17875550123"],
        subdivisions: &["US-PR"],
        cities: &["San Juan"],
        postal_codes: &["00901"],
    },
    Row {
        alpha3: "HKG",
        alpha2: "HK",
        phones: &["+85221234567", "+85251234567"],
        subdivisions: &["CN-HK"],
        cities: &["Hong Kong"],
        postal_codes: &["999077"],
    },
    Row {
        alpha3: "ESP",
        alpha2: "ES",
        phones: &["+34612345678", "+34810123456"],
        subdivisions: &["ES-MD", "ES-M", "ES-CT", "ES-B"],
        cities: &["Madrid", "Barcelona"],
        postal_codes: &["28013", "08001"],
    },
    Row {
        alpha3: "BRA",
        alpha2: "BR",
        phones: &["+551123456789", "+5511961234567"],
        subdivisions: &["BR-SP", "BR-RJ"],
        cities: &["Sao Paulo", "Rio de Janeiro"],
        postal_codes: &["01310-100"],
    },
    Row {
        alpha3: "AUS",
        alpha2: "AU",
        phones: &["+61412345678", "+61212345678"],
        subdivisions: &["AU-NSW", "AU-VIC"],
        cities: &["Sydney", "Melbourne"],
        postal_codes: &["2000", "3000"],
    },
];

/// Jersey: no ISO 3166-2 subdivisions and no alias code; +44 7797 is Jersey, not GB.
const JERSEY_PHONES: &[&str] = &["+447797712345", "+441534456789"];

/// Whether ISO makes `code` valid for `row`'s country: its own prefix, or a listed alias.
fn subdivision_fits(row: &Row, code: &str) -> bool {
    code.strip_prefix(row.alpha2).is_some_and(|rest| rest.starts_with('-')) || row.subdivisions.contains(&code)
}

#[test]
fn country_table_is_consistent() {
    for row in ROWS {
        for p in row.phones {
            assert_eq!(phone::region_for_number(p), Some(row.alpha2), "{p} for {}", row.alpha3);
        }
        for s in row.subdivisions {
            assert!(subdivision::is_known(s), "{s}");
            assert_eq!(subdivision::check(row.alpha3, s), SubdivisionCheck::Valid, "{s} for {}", row.alpha3);
            assert!(subdivision_fits(row, s));
        }
        // The codes the mutations use as "certainly not ISO 3166-2".
        assert!(!subdivision::is_known(&format!("{}-Q9Q", row.alpha2)));
    }
    for p in JERSEY_PHONES {
        assert_eq!(phone::region_for_number(p), Some("JE"), "{p}");
    }
}

// ---------------------------------------------------------------------------
// An independent proleptic Gregorian calendar (Howard Hinnant's algorithms).

/// On 2026-11-26, the youngest valid birth date (18 today) and the oldest (120, 121 tomorrow).
fn youngest_valid() -> i64 {
    days_from_civil(2008, 11, 26)
}
fn oldest_valid() -> i64 {
    days_from_civil(1905, 11, 27)
}

#[test]
fn calendar_round_trips() {
    for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (1905, 11, 27), (2008, 11, 26), (1, 1, 1), (9999, 12, 31)] {
        assert_eq!(civil_from_days(days_from_civil(y, m, d)), format!("{y:04}-{m:02}-{d:02}"));
    }
    assert_eq!(civil_from_days(days_from_civil(2008, 11, 26) + 1), "2008-11-27");
    assert_eq!(civil_from_days(days_from_civil(2024, 2, 28) + 1), "2024-02-29");
}

// ---------------------------------------------------------------------------
// The valid generator.

fn ascii_name() -> BoxedStrategy<String> {
    prop_oneof![
        4 => "[A-Z][a-z]{1,11}",
        1 => "O'[A-Z][a-z]{2,8}",
        1 => "[A-Z][a-z]{2,8}-[A-Z][a-z]{2,8}",
        1 => "[A-Z][a-z]{1,6} [A-Z][a-z]{1,8}",
    ]
    .boxed()
}

/// Letters and accented forms that all decompose (NFKD) to the plain letter.
const ACCENTS: &[(char, &[char])] = &[
    ('a', &['á', 'à', 'ä', 'â', 'ã']),
    ('e', &['é', 'è', 'ë', 'ê']),
    ('i', &['í', 'ï', 'î']),
    ('o', &['ó', 'ö', 'ô', 'õ']),
    ('u', &['ú', 'ü', 'û']),
    ('n', &['ñ']),
    ('c', &['ç', 'č']),
    ('s', &['š', 'ś']),
    ('z', &['ž', 'ź']),
    ('y', &['ý', 'ÿ']),
];

/// A Latin name with one accented letter, and its ASCII original as the `_en` companion.
fn accented_name() -> impl Strategy<Value = (String, String)> {
    ("[A-Z][a-z]{2,10}", any::<Index>(), any::<Index>()).prop_map(|(base, pos, variant)| {
        let chars: Vec<char> = base.chars().collect();
        let candidates: Vec<usize> =
            (0..chars.len()).filter(|&i| ACCENTS.iter().any(|(a, _)| *a == chars[i])).collect();
        if candidates.is_empty() {
            return (format!("{base}é"), format!("{base}e"));
        }
        let i = candidates[pos.index(candidates.len())];
        let variants = ACCENTS.iter().find(|(a, _)| *a == chars[i]).map(|(_, v)| *v).unwrap_or(&['é']);
        let mut out = chars;
        out[i] = variants[variant.index(variants.len())];
        (out.into_iter().collect(), base)
    })
}

const LATIN_NAMES: &[(&str, &str)] = &[
    ("María", "Maria"),
    ("Zoë", "Zoe"),
    ("José", "Jose"),
    ("François", "Francois"),
    ("Müller", "Mueller"),
    ("Øyvind", "Oyvind"),
    ("Łukasz", "Lukasz"),
    ("Şükrü", "Sukru"),
    ("Þórunn", "Thorunn"),
    ("Dvořák", "Dvorak"),
    ("Núñez", "Nunez"),
    ("Ægir", "Aegir"),
    ("García Márquez", "Garcia Marquez"),
];

/// A name and its optional `_en` companion (always present when the name is not ASCII).
fn name() -> BoxedStrategy<(String, Option<String>)> {
    prop_oneof![
        4 => ascii_name().prop_map(|n| (n, None)),
        1 => ascii_name().prop_map(|n| (n.clone(), Some(n))),
        2 => select(LATIN_NAMES).prop_map(|(n, en)| (n.to_owned(), Some(en.to_owned()))),
        2 => accented_name().prop_map(|(n, en)| (n, Some(en))),
    ]
    .boxed()
}

const LATIN_STREETS: &[(&str, &str)] = &[
    ("Calle Año Nuevo 5", "Calle Ano Nuevo 5"),
    ("Hauptstraße 12", "Hauptstrasse 12"),
    ("Rue de l'Église 3", "Rue de l'Eglise 3"),
    ("Åsgatan 7", "Asgatan 7"),
    ("Avenida São João 400", "Avenida Sao Joao 400"),
];

fn street_line_1() -> BoxedStrategy<(String, Option<String>)> {
    prop_oneof![
        3 => "[1-9][0-9]{0,3} (Market|Main|Oak|High|King) (Street|Road|Avenue|Lane)".prop_map(|s| (s, None)),
        1 => select(LATIN_STREETS).prop_map(|(s, en)| (s.to_owned(), Some(en.to_owned()))),
    ]
    .boxed()
}

const LATIN_STREET_2: &[(&str, &str)] =
    &[("2º piso", "2 piso"), ("Bâtiment B", "Batiment B"), ("Hinterhof, 3. Stock links", "Hinterhof, 3. Stock links")];

fn street_line_2() -> BoxedStrategy<(String, Option<String>)> {
    prop_oneof![
        3 => "(Apt|Suite|Unit|Floor) [1-9][0-9]{0,2}[A-Z]?".prop_map(|s| (s, None)),
        1 => select(LATIN_STREET_2).prop_map(|(s, en)| (s.to_owned(), Some(en.to_owned()))),
    ]
    .boxed()
}

/// A birth date that makes the person 18 to 120 on 2026-11-26, edges included.
fn dob() -> BoxedStrategy<String> {
    const EDGES: &[&str] = &[
        "2008-11-26", // 18 today
        "1905-11-27", // 120, 121 tomorrow
        "2008-11-25",
        "1906-11-26",
        "2008-02-29", // leap-day births
        "2004-02-29",
        "2000-02-29",
        "1908-02-29",
        "1906-02-28",
        "1999-12-31",
    ];
    prop_oneof![
        3 => (oldest_valid()..=youngest_valid()).prop_map(civil_from_days),
        1 => select(EDGES).prop_map(str::to_owned),
    ]
    .boxed()
}

fn email() -> &'static str {
    "[a-z][a-z0-9]{0,9}([._+-][a-z0-9]{1,6})?@[a-z]([a-z0-9-]{0,8}[a-z0-9])?\\.(com|org|net|co\\.uk|de|fr|mx)"
}

fn tax(country: &str, document_type: &str, id: String) -> TaxInfo {
    TaxInfo {
        country_code: Some(country.to_owned()),
        document_type: Some(document_type.to_owned()),
        document_id: Some(id),
    }
}

/// A valid US SSN: area 001-899 but not 666, group 01-99, serial 0001-9999.
fn ssn() -> impl Strategy<Value = String> {
    ((1u32..=899).prop_filter("area 666", |a| *a != 666), 1u32..=99, 1u32..=9999)
        .prop_map(|(a, g, s)| format!("{a:03}-{g:02}-{s:04}"))
}

/// Every valid number of the tax-ID fixtures (python-stdnum 2.2, `tests/data/tax_ids/`) as a
/// `tax_info` entry under the first name of its scheme (or `TIN`), kept when it is valid on
/// this file's today (the fixtures were made on another day, and some schemes hold a birth date).
fn fixture_tax_entries() -> Vec<TaxInfo> {
    static ENTRIES: std::sync::OnceLock<Vec<TaxInfo>> = std::sync::OnceLock::new();
    ENTRIES
        .get_or_init(|| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tax_ids");
            let mut out = Vec::new();
            for country in tax_id::COUNTRIES {
                for entry in country.entries() {
                    let file = if country.code() == "SVK" { "sk.rc" } else { entry.scheme().module() };
                    let name = entry.names().first().copied().unwrap_or(tax_id::GENERIC);
                    let text = std::fs::read_to_string(dir.join(format!("{file}.tsv"))).unwrap();
                    for line in text.lines().filter(|l| l.starts_with("1\t")) {
                        let id = line.rsplit('\t').next().unwrap();
                        if matches!(tax_id::check(country.code(), name, id, Some(today())), tax_id::Verdict::Valid(_)) {
                            out.push(tax(country.code(), name, id.to_owned()));
                        }
                    }
                }
            }
            assert!(out.len() > 10_000, "{} valid fixture numbers", out.len());
            out
        })
        .clone()
}

fn tax_entry() -> BoxedStrategy<TaxInfo> {
    prop_oneof![
        3 => ssn().prop_map(|id| tax("USA", "SSN", id)),
        3 => select(fixture_tax_entries()),
        // Countries outside the tax-ID table: any document type, nothing checked.
        1 => "[A-Z][A-Z0-9]{4,12}".prop_map(|id| tax("FJI", "TIN", id)),
        1 => "[A-Z]{2}[0-9]{6}".prop_map(|id| tax("NPL", "PASSPORT", id)),
    ]
    .boxed()
}

/// 1 to 4 entries with unique document_ids (later repeats dropped).
fn tax_infos() -> impl Strategy<Value = Vec<TaxInfo>> {
    prop::collection::vec(tax_entry(), 1..5).prop_map(|entries| {
        let mut out: Vec<TaxInfo> = Vec::new();
        for e in entries {
            if !out.iter().any(|o| o.document_id == e.document_id) {
                out.push(e);
            }
        }
        out
    })
}

fn id() -> BoxedStrategy<u64> {
    prop_oneof![3 => 1u64..200, 1 => 1u64..=u64::MAX].boxed()
}

/// Unique IDs >= 1, in any order.
fn source_ids() -> impl Strategy<Value = Vec<u64>> {
    prop::collection::btree_set(id(), 1..5).prop_map(|s| s.into_iter().collect::<Vec<_>>()).prop_shuffle()
}

fn free_text() -> &'static str {
    "[A-Za-z0-9][A-Za-z0-9 ,.'()-]{0,40}"
}

const NATIONALITIES: &[&str] = &[
    "USA", "MEX", "CAN", "GBR", "DEU", "FRA", "ESP", "BRA", "AUS", "IND", "CHN", "JPN", "ALA", "CIV", "PRI", "HKG",
    "JEY", "ZAF", "NGA", "ARG", "ATA", "UMI",
];

/// meta_data is free-form: any keys, any values (no floats: serde_json does not promise
/// exact float round trips without its float_roundtrip feature).
fn meta_data() -> BoxedStrategy<Option<Map<String, Value>>> {
    let leaf = prop_oneof![
        any::<String>().prop_map(Value::String),
        Just(json!("")),
        Just(json!("   ")),
        Just(json!("a\u{202e}b\u{0}c")),
        Just(json!(1.5)),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<bool>().prop_map(Value::Bool),
        Just(Value::Null),
    ];
    let value = leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    let key = prop_oneof![3 => "[a-z_]{1,12}", 1 => any::<String>()];
    proptest::option::of(prop::collection::btree_map(key, value, 0..4).prop_map(|m| m.into_iter().collect())).boxed()
}

/// A valid request, the row its country comes from, and a context it is valid in.
#[derive(Debug, Clone)]
struct Valid {
    req: CreateIndividualV2,
    row: usize,
    ctx: Context,
}

impl Valid {
    fn json(&self) -> Value {
        serde_json::to_value(&self.req).expect("serialise")
    }
    fn bi(&self) -> &BasicInfoV2 {
        self.req.basic_info.as_ref().expect("basic_info")
    }
    fn ad(&self) -> &AddressV2 {
        self.req.address.as_ref().expect("address")
    }
    fn fp(&self) -> &FinancialProfileV2 {
        self.req.financial_profile.as_ref().expect("financial_profile")
    }
    fn row(&self) -> &'static Row {
        &ROWS[self.row]
    }
    /// Personal data that no message may repeat.
    fn secrets(&self) -> Vec<String> {
        let bi = self.bi();
        let mut s = vec![bi.email.clone().unwrap_or_default(), bi.phone.clone().unwrap_or_default()];
        s.push(bi.dob.clone().unwrap_or_default());
        s.extend(bi.tax_info.iter().flatten().filter_map(|t| t.document_id.clone()));
        s
    }
}

#[derive(Debug, Clone)]
struct Place {
    row: usize,
    phone: Index,
    subdivision: Index,
    city: Index,
    postal: Index,
}

fn place() -> impl Strategy<Value = Place> {
    (0..ROWS.len(), any::<Index>(), any::<Index>(), any::<Index>(), any::<Index>())
        .prop_map(|(row, phone, subdivision, city, postal)| Place { row, phone, subdivision, city, postal })
}

fn pick<T: Copy>(xs: &[T], i: &Index) -> T {
    xs[i.index(xs.len())]
}

fn employment() -> impl Strategy<Value = EmploymentStatus> {
    select(EmploymentStatus::WIRE).prop_map(EmploymentStatus::from_wire)
}

fn valid() -> impl Strategy<Value = Valid> {
    let names = (name(), proptest::option::of(name()), name());
    let streets = (street_line_1(), proptest::option::of(street_line_2()));
    let person = (
        dob(),
        email(),
        select(NATIONALITIES),
        proptest::option::of(select(NATIONALITIES)),
        proptest::option::of(prop_oneof![Just(Gender::Male), Just(Gender::Female)]),
        tax_infos(),
    );
    let money = (
        employment(),
        id(),
        id(),
        proptest::option::of(free_text()),
        source_ids(),
        proptest::option::of(free_text()),
        prop_oneof![Just(0u64), 0u64..100_000, any::<u64>()],
    );
    let other = (
        prop_oneof![Just(VerificationType::Standard), Just(VerificationType::Reliance)],
        meta_data(),
        any::<Option<bool>>(),
        0u8..3,
        prop::collection::vec(1u64..=u64::MAX, 0..4),
    );
    (names, streets, place(), person, money, other).prop_map(
        |(
            ((first, first_en), middle, (last, last_en)),
            ((s1, s1_en), s2),
            place,
            (dob, email, primary, secondary, gender, tax_info),
            (employment_status, occupation, purpose, purpose_remarks, sources, sof_description, volume),
            (verification, meta_data, reliance, catalog_mode, extras),
        )| {
            let row = &ROWS[place.row];
            let basic_info = BasicInfoV2 {
                first_name: Some(first),
                first_name_en: first_en,
                middle_name: middle.as_ref().map(|m| m.0.clone()),
                middle_name_en: middle.and_then(|m| m.1),
                last_name: Some(last),
                last_name_en: last_en,
                dob: Some(dob),
                email: Some(email),
                phone: Some(pick(row.phones, &place.phone).to_owned()),
                country_of_residence: Some(row.alpha3.to_owned()),
                primary_nationality: Some(primary.to_owned()),
                secondary_nationality: secondary.map(str::to_owned),
                gender,
                tax_info: Some(tax_info),
            };
            let address = AddressV2 {
                street_line_1: Some(s1),
                street_line_1_en: s1_en,
                street_line_2: s2.as_ref().map(|s| s.0.clone()),
                street_line_2_en: s2.and_then(|s| s.1),
                city: Some(pick(row.cities, &place.city).to_owned()),
                subdivision_code: Some(pick(row.subdivisions, &place.subdivision).to_owned()),
                postal_code: Some(pick(row.postal_codes, &place.postal).to_owned()),
                country: Some(row.alpha3.to_owned()),
            };
            let catalog = match catalog_mode {
                0 => None,
                1 => Some(Catalog {
                    occupation_ids: Some(std::iter::once(occupation).chain(extras.iter().copied()).collect()),
                    purpose_ids: Some(std::iter::once(purpose).chain(extras.iter().copied()).collect()),
                    source_of_fund_ids: Some(sources.iter().chain(extras.iter()).copied().collect()),
                }),
                _ => Some(Catalog {
                    occupation_ids: Some(std::iter::once(occupation).collect()),
                    purpose_ids: None,
                    source_of_fund_ids: None,
                }),
            };
            let reliance = match (&verification, reliance) {
                (VerificationType::Reliance, Some(false)) => Some(true),
                (_, r) => r,
            };
            let ctx = Context {
                client: reliance.map(|r| Client { reliance_enabled: Some(r), selfie_required: None }),
                catalog,
                ..ctx_today()
            };
            let req = CreateIndividualV2 {
                verification_type: Some(verification),
                basic_info: Some(basic_info),
                address: Some(address),
                financial_profile: Some(FinancialProfileV2 {
                    employment_status: Some(employment_status),
                    occupation_id: Some(occupation),
                    purpose_id: Some(purpose),
                    purpose_remarks: purpose_remarks.map(|s| s.trim_end().to_owned() + "."),
                    source_of_fund_ids: Some(sources),
                    source_of_funds_description: sof_description.map(|s| s.trim_end().to_owned() + "."),
                    monthly_volume_usd: Some(volume),
                }),
                meta_data,
            };
            Valid { req, row: place.row, ctx }
        },
    )
}

fn json_report(body: &[u8], ctx: &Context, options: &Options) -> Report {
    validate(Request::json(KIND, body), ctx, options)
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn generated_requests_are_valid_typed_and_as_json(v in valid()) {
        let bi = v.bi();
        let number = bi.phone.as_deref().unwrap_or_default();
        prop_assert_eq!(phone::region_for_number(number), Some(v.row().alpha2), "phone {}", number);

        let typed = validate(Request::create_individual_v2(&v.req), &v.ctx, &Options::default());
        prop_assert!(typed.violations.is_empty(), "typed request: {:?}", typed.violations);
        prop_assert!(typed.valid);
        prop_assert_eq!(typed.status, 200);

        let compact = serde_json::to_vec(&v.req).expect("serialise");
        let back: CreateIndividualV2 = serde_json::from_slice(&compact).expect("round trip");
        prop_assert_eq!(&back, &v.req, "the test's serialisation does not round-trip");
        prop_assert_eq!(&json_report(&compact, &v.ctx, &Options::default()), &typed);

        let pretty = serde_json::to_vec_pretty(&v.req).expect("serialise");
        prop_assert_eq!(&json_report(&pretty, &v.ctx, &Options::default()), &typed);

        // Suggestions and the body limit (exactly the body's size) change nothing.
        let options = Options::default().with_suggestions(true).with_max_body_bytes(compact.len());
        prop_assert_eq!(&json_report(&compact, &v.ctx, &options), &typed);
        prop_assert_eq!(&validate(Request::create_individual_v2(&v.req), &v.ctx, &options), &typed);

        // With an empty context (no today, client or catalogue) the request is still valid.
        let bare = Context::default();
        prop_assert_eq!(&json_report(&compact, &bare, &Options::default()), &typed);
    }
}

// ---------------------------------------------------------------------------
// "Break exactly one rule".

/// The contract's status of a code (issue #2); `None` for warnings.
fn spec_status(code: &str) -> Option<u16> {
    match code {
        "malformed_json" => Some(400),
        "payload_too_large" => Some(413),
        "reliance_not_enabled" => Some(423),
        "unknown_field" | "v1_field" | "duplicate_item" | "subdivision_unverified" => None,
        _ => Some(422),
    }
}

enum Body {
    Json(Value),
    Raw(String),
}

struct Case {
    name: String,
    body: Body,
    ctx: Context,
    options: Options,
    expected: Vec<(&'static str, String)>,
    /// With suggestions on: the suggestion expected at each path (every other violation has
    /// none). `None`: suggestions are not checked for this case.
    suggestions: Option<Vec<(String, Option<String>)>>,
    secrets: Vec<String>,
    /// The member a generic mutation changed ("" for hand-written ones).
    target: String,
}

impl Case {
    fn new(v: &Valid, name: impl Into<String>, body: Value, expected: Vec<(&'static str, String)>) -> Case {
        Case {
            name: name.into(),
            body: Body::Json(body),
            ctx: v.ctx.clone(),
            options: Options::default(),
            expected,
            suggestions: Some(Vec::new()),
            secrets: v.secrets(),
            target: String::new(),
        }
    }
    fn raw(v: &Valid, name: impl Into<String>, text: String, expected: Vec<(&'static str, String)>) -> Case {
        Case { body: Body::Raw(text), ..Case::new(v, name, Value::Null, expected) }
    }
    fn ctx(mut self, ctx: Context) -> Case {
        self.ctx = ctx;
        self
    }
    fn options(mut self, options: Options) -> Case {
        self.options = options;
        self
    }
    fn suggest(mut self, path: &str, suggestion: Option<&str>) -> Case {
        self.suggestions.get_or_insert_with(Vec::new).push((path.to_owned(), suggestion.map(str::to_owned)));
        self
    }
    fn unchecked_suggestions(mut self) -> Case {
        self.suggestions = None;
        self
    }
}

fn run(case: &Case) -> Result<(), TestCaseError> {
    let bytes = match &case.body {
        Body::Json(v) => serde_json::to_vec(v).expect("serialise"),
        Body::Raw(s) => s.clone().into_bytes(),
    };
    let name = &case.name;
    let report = json_report(&bytes, &case.ctx, &case.options);
    let pairs = |r: &Report| -> Vec<(String, String)> {
        r.violations.iter().map(|v| (v.code.as_str().to_owned(), v.path().to_owned())).collect()
    };
    let mut got = pairs(&report);
    got.sort();
    let mut want: Vec<(String, String)> = case.expected.iter().map(|(c, p)| ((*c).to_owned(), p.clone())).collect();
    want.sort();
    prop_assert_eq!(&got, &want, "mutation `{}`: violations", name);

    let status = expected_status(&case.expected);
    prop_assert_eq!(report.status, status, "mutation `{}`: status", name);
    prop_assert_eq!(report.valid, status == 200, "mutation `{}`: valid", name);
    for v in &report.violations {
        let code = v.code.as_str();
        let want_severity = if spec_status(code).is_some() { Severity::Error } else { Severity::Warning };
        prop_assert_eq!(v.severity, want_severity, "mutation `{}`: severity of {}", name, code);
        prop_assert_eq!(v.status, spec_status(code), "mutation `{}`: status of {}", name, code);
        prop_assert_eq!(v.location, In::Body, "mutation `{}`", name);
        prop_assert!(v.suggestion.is_none(), "mutation `{}`: suggestion while off", name);
        prop_assert!(
            v.message().ends_with('.') && v.message().len() > 10,
            "mutation `{}`: message {:?}",
            name,
            v.message()
        );
        for s in case.secrets.iter().filter(|s| s.len() >= 6) {
            prop_assert!(
                !v.message().contains(s.as_str()),
                "mutation `{}`: the message of {} repeats a value",
                name,
                code
            );
        }
    }

    // Deterministic.
    prop_assert_eq!(&json_report(&bytes, &case.ctx, &case.options), &report, "mutation `{}`: determinism", name);

    // The same content, typed (when the JSON is exactly what a typed request serialises to;
    // a typed request has no body, so no body size).
    let sized = case.expected.iter().any(|(c, _)| *c == "payload_too_large");
    if let (Body::Json(value), false) = (&case.body, sized) {
        if let Ok(typed) = serde_json::from_value::<CreateIndividualV2>(value.clone()) {
            if serde_json::to_value(&typed).ok().as_ref() == Some(value) {
                let t = validate(Request::create_individual_v2(&typed), &case.ctx, &case.options);
                prop_assert_eq!(&t, &report, "mutation `{}`: typed and JSON reports differ", name);
            }
        }
    }

    // Suggestions on: same violations, in the same order; suggestions only where derived.
    let with = json_report(&bytes, &case.ctx, &case.options.clone().with_suggestions(true));
    prop_assert_eq!(pairs(&with), pairs(&report), "mutation `{}`: suggestions changed the violations", name);
    prop_assert_eq!(with.status, report.status);
    if let Some(expected) = &case.suggestions {
        for v in &with.violations {
            let want = expected.iter().find(|(p, _)| *p == v.path()).and_then(|(_, s)| s.clone());
            prop_assert_eq!(&v.suggestion, &want, "mutation `{}`: suggestion at {} ({})", name, v.path(), v.code);
        }
    }
    Ok(())
}

// JSON editing helpers: tests/common.

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The JSON text of `v` with `key: dup` appended to the object at `target` (a second
/// occurrence when `key` is already there).
fn text_with_member(v: &Value, target: &str, key: &str, dup: &Value) -> String {
    fn write(v: &Value, ptr: &str, target: &str, key: &str, dup: &Value, out: &mut String) {
        match v {
            Value::Object(m) => {
                out.push('{');
                let mut first = true;
                for (k, c) in m {
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    out.push_str(&js(k));
                    out.push(':');
                    write(c, &format!("{ptr}/{}", escape(k)), target, key, dup, out);
                }
                if ptr == target {
                    if !first {
                        out.push(',');
                    }
                    out.push_str(&js(key));
                    out.push(':');
                    out.push_str(&js(dup));
                }
                out.push('}');
            }
            Value::Array(a) => {
                out.push('[');
                for (i, c) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(c, &format!("{ptr}/{i}"), target, key, dup, out);
                }
                out.push(']');
            }
            other => out.push_str(&js(other)),
        }
    }
    let mut out = String::new();
    write(v, "", target, key, dup, &mut out);
    out
}

/// Members the contract requires, with array indices written `*`.
const REQUIRED: &[&str] = &[
    "/verification_type",
    "/basic_info",
    "/address",
    "/financial_profile",
    "/basic_info/first_name",
    "/basic_info/last_name",
    "/basic_info/dob",
    "/basic_info/email",
    "/basic_info/phone",
    "/basic_info/country_of_residence",
    "/basic_info/primary_nationality",
    "/basic_info/tax_info",
    "/basic_info/tax_info/*/country_code",
    "/basic_info/tax_info/*/document_type",
    "/basic_info/tax_info/*/document_id",
    "/address/street_line_1",
    "/address/city",
    "/address/subdivision_code",
    "/address/postal_code",
    "/address/country",
    "/financial_profile/employment_status",
    "/financial_profile/occupation_id",
    "/financial_profile/purpose_id",
    "/financial_profile/source_of_fund_ids",
    "/financial_profile/monthly_volume_usd",
];

const ID_MEMBERS: &[&str] =
    &["/financial_profile/occupation_id", "/financial_profile/purpose_id", "/financial_profile/source_of_fund_ids/*"];

fn pattern(ptr: &str) -> String {
    ptr.split('/')
        .map(|seg| if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) { "*" } else { seg })
        .collect::<Vec<_>>()
        .join("/")
}

fn is_item(ptr: &str) -> bool {
    split(ptr).1.bytes().all(|b| b.is_ascii_digit())
}

/// Every member and array item, outside meta_data's contents.
fn members(v: &Value, ptr: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                let p = format!("{ptr}/{k}");
                out.push(p.clone());
                if p != "/meta_data" {
                    members(c, &p, out);
                }
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                let p = format!("{ptr}/{i}");
                out.push(p.clone());
                members(c, &p, out);
            }
        }
        _ => {}
    }
}

const BLANKS: &[&str] = &["", " ", "   ", "\u{3000}", "\u{a0} "];

/// Mutations that apply to every member of a kind: remove, null, wrong type, empty, control
/// characters, out-of-range numbers.
fn generic_cases(v: &Valid, base: &Value, rng: &mut Rng, out: &mut Vec<Case>) {
    let mut all = Vec::new();
    members(base, "", &mut all);
    for p in &all {
        let start = out.len();
        generic_member_cases(v, base, p, rng, out);
        for c in &mut out[start..] {
            c.target.clone_from(p);
        }
    }
}

fn generic_member_cases(v: &Valid, base: &Value, p: &str, rng: &mut Rng, out: &mut Vec<Case>) {
    {
        let value = base.pointer(p).expect("member").clone();
        let pat = pattern(p);
        let required = REQUIRED.contains(&pat.as_str());
        let item = is_item(p);

        // Remove.
        if item {
            let (array, _) = split(p);
            let len = base.pointer(array).and_then(Value::as_array).map_or(0, Vec::len);
            let expected = if len == 1 { vec![e("too_few_items", array)] } else { vec![] };
            out.push(Case::new(v, format!("remove item {p}"), edit(base, |j| remove(j, p)), expected));
        } else {
            let base_member = p.strip_suffix("_en").and_then(|b| base.pointer(b)).and_then(Value::as_str);
            let (expected, check_suggestions) = if required {
                (vec![e("required", p)], true)
            } else if base_member.is_some_and(|b| !b.is_ascii()) {
                (vec![e("transliteration_required", p)], false)
            } else {
                (vec![], true)
            };
            let case = Case::new(v, format!("remove {p}"), edit(base, |j| remove(j, p)), expected);
            out.push(if check_suggestions { case } else { case.unchecked_suggestions() });
        }

        // Null: absent for a required member, a type error otherwise (items included).
        let expected = if required && !item { e("required", p) } else { e("invalid_type", p) };
        out.push(Case::new(v, format!("null {p}"), edit(base, |j| set(j, p, Value::Null)), vec![expected]));

        // Every wrong JSON type (serde reports a negative integer, a positive one and a
        // fraction to different visitor methods, so all three are tried; a negative integer
        // in an integer member is out of range, below).
        let wrong = match &value {
            Value::String(_) => vec![json!(7), json!(-7), json!(2.5), json!(true), json!([]), json!({}), json!(["x"])],
            Value::Number(n) => {
                vec![json!(n.to_string()), json!(true), json!(3400.5), json!(-2.5), json!([1]), json!({})]
            }
            Value::Object(_) => vec![json!("x"), json!(1), json!(-1), json!(2.5), json!([]), json!(false)],
            Value::Array(_) => vec![json!({}), json!("1"), json!(1), json!(-1), json!(2.5), json!(true)],
            other => panic!("unexpected value at {p}: {other}"),
        };
        for wrong in wrong {
            out.push(Case::new(
                v,
                format!("wrong type {p} = {wrong}"),
                edit(base, |j| set(j, p, wrong)),
                vec![e("invalid_type", p)],
            ));
        }

        match &value {
            Value::String(s) => {
                let blank = *rng.pick(BLANKS);
                out.push(Case::new(
                    v,
                    format!("blank {p} = {blank:?}"),
                    edit(base, |j| set(j, p, json!(blank))),
                    vec![e("empty", p)],
                ));
                let c = *rng.pick(FORBIDDEN);
                let dirty = insert_char(s, c, rng);
                out.push(Case::new(
                    v,
                    format!("character U+{:04X} in {p}", c as u32),
                    edit(base, |j| set(j, p, json!(dirty))),
                    vec![e("invalid_characters", p)],
                ));
            }
            Value::Number(_) => {
                let is_id = ID_MEMBERS.contains(&pat.as_str());
                out.push(Case::new(
                    v,
                    format!("{p} = -1"),
                    edit(base, |j| set(j, p, json!(-1))),
                    vec![e("out_of_range", p)],
                ));
                out.push(Case::new(
                    v,
                    format!("{p} = 2^64"),
                    edit(base, |j| set(j, p, json!(18_446_744_073_709_551_616.0_f64))),
                    vec![e("out_of_range", p)],
                ));
                let expected = if is_id { vec![e("out_of_range", p)] } else { vec![] };
                out.push(Case::new(v, format!("{p} = 0"), edit(base, |j| set(j, p, json!(0))), expected));
                if !is_id {
                    out.push(Case::new(
                        v,
                        format!("{p} = u64::MAX"),
                        edit(base, |j| set(j, p, json!(u64::MAX))),
                        vec![],
                    ));
                }
            }
            _ => {}
        }
    }
}

fn other_row(rng: &mut Rng, current: usize) -> &'static Row {
    let i = (current + 1 + rng.below(ROWS.len() - 1)) % ROWS.len();
    &ROWS[i]
}

fn context_with(v: &Valid, f: impl FnOnce(&mut Context)) -> Context {
    let mut c = v.ctx.clone();
    f(&mut c);
    c
}

fn ids(xs: impl IntoIterator<Item = u64>) -> Option<IdSet> {
    Some(xs.into_iter().collect())
}

/// The hand-written mutations of the code list.
fn crafted_cases(v: &Valid, base: &Value, rng: &mut Rng, out: &mut Vec<Case>) {
    let row = v.row();
    let bi = v.bi();
    let ad = v.ad();
    let fp = v.fp();
    let tax = bi.tax_info.as_deref().unwrap_or_default();
    let sources = fp.source_of_fund_ids.as_deref().unwrap_or_default();
    let sub = ad.subdivision_code.clone().unwrap_or_default();
    let phone_now = bi.phone.clone().unwrap_or_default();
    let email_now = bi.email.clone().unwrap_or_default();
    let mut add = |c: Case| out.push(c);

    // Enums, case-sensitive.
    for bad in ["female", "Male", "M", "OTHER"] {
        add(Case::new(
            v,
            format!("gender {bad}"),
            edit(base, |j| set(j, "/basic_info/gender", json!(bad))),
            vec![e("invalid_enum", "/basic_info/gender")],
        ));
    }
    add(Case::new(
        v,
        "verification_type standard",
        edit(base, |j| set(j, "/verification_type", json!("standard"))),
        vec![e("invalid_enum", "/verification_type")],
    ));
    add(Case::new(
        v,
        "employment_status employed",
        edit(base, |j| set(j, "/financial_profile/employment_status", json!("employed"))),
        vec![e("invalid_enum", "/financial_profile/employment_status")],
    ));

    // Countries. An invalid residence silences address_country_mismatch and
    // phone_country_mismatch (one violation per cause).
    let bad_country = *rng.pick(&["usa", "US", "XKX", "Usa", "USAA", "ANT", "ÜSA"]);
    for p in ["/basic_info/country_of_residence", "/basic_info/primary_nationality", "/address/country"] {
        add(Case::new(
            v,
            format!("{p} = {bad_country}"),
            edit(base, |j| set(j, p, json!(bad_country))),
            vec![e("invalid_country", p)],
        ));
    }
    add(Case::new(
        v,
        "secondary_nationality XKX",
        edit(base, |j| set(j, "/basic_info/secondary_nationality", json!("XKX"))),
        vec![e("invalid_country", "/basic_info/secondary_nationality")],
    ));
    // An invalid tax country silences the SSN format check of the same entry.
    let i = rng.below(tax.len());
    add(Case::new(
        v,
        "tax country usa with a bad SSN",
        edit(base, |j| {
            set(
                j,
                &format!("/basic_info/tax_info/{i}"),
                json!({"country_code": "usa", "document_type": "SSN", "document_id": "666-12-3456"}),
            )
        }),
        vec![e("invalid_country", &format!("/basic_info/tax_info/{i}/country_code"))],
    ));
    // An invalid address country: the subdivision is only checked for existence.
    let foreign = other_row(rng, v.row);
    add(Case::new(
        v,
        "address country usa, foreign subdivision",
        edit(base, |j| {
            set(j, "/address/country", json!("usa"));
            set(j, "/address/subdivision_code", json!(foreign.subdivisions[0]));
        }),
        vec![e("invalid_country", "/address/country")],
    ));

    // Residence vs address vs phone.
    let other = other_row(rng, v.row);
    let other_phone = *rng.pick(other.phones);
    let other_sub = *rng.pick(other.subdivisions);
    add(Case::new(
        v,
        format!("residence {}", other.alpha3),
        edit(base, |j| set(j, "/basic_info/country_of_residence", json!(other.alpha3))),
        vec![e("address_country_mismatch", "/address/country"), e("phone_country_mismatch", "/basic_info/phone")],
    ));
    add(Case::new(
        v,
        format!("residence and phone {}", other.alpha3),
        edit(base, |j| {
            set(j, "/basic_info/country_of_residence", json!(other.alpha3));
            set(j, "/basic_info/phone", json!(other_phone));
        }),
        vec![e("address_country_mismatch", "/address/country")],
    ));
    add(Case::new(
        v,
        format!("address country and subdivision {} {other_sub}", other.alpha3),
        edit(base, |j| {
            set(j, "/address/country", json!(other.alpha3));
            set(j, "/address/subdivision_code", json!(other_sub));
        }),
        vec![e("address_country_mismatch", "/address/country")],
    ));
    let mut expected = vec![e("address_country_mismatch", "/address/country")];
    if !subdivision_fits(other, &sub) {
        expected.push(e("subdivision_country_mismatch", "/address/subdivision_code"));
    }
    add(Case::new(
        v,
        format!("address country {} only", other.alpha3),
        edit(base, |j| set(j, "/address/country", json!(other.alpha3))),
        expected,
    ));
    add(Case::new(
        v,
        format!("everything {} but the phone", other.alpha3),
        edit(base, |j| {
            set(j, "/basic_info/country_of_residence", json!(other.alpha3));
            set(j, "/address/country", json!(other.alpha3));
            set(j, "/address/subdivision_code", json!(other_sub));
        }),
        vec![e("phone_country_mismatch", "/basic_info/phone")],
    ));
    add(Case::new(
        v,
        format!("phone {other_phone}"),
        edit(base, |j| set(j, "/basic_info/phone", json!(other_phone))),
        vec![e("phone_country_mismatch", "/basic_info/phone")],
    ));

    // Phone format (no mismatch is reported for a malformed number).
    let at = 2 + rng.below(phone_now.len() - 2);
    let spaced = format!("{} {}", &phone_now[..at], &phone_now[at..]);
    let digits = &phone_now[1..];
    for (what, bad) in [
        ("spaces", spaced),
        ("00 prefix", format!("00{digits}")),
        ("no plus", digits.to_owned()),
        ("too short", "+1234567".to_owned()),
        ("too long", format!("+{}", "1".repeat(16))),
        ("fullwidth digit", format!("+{}{}", '\u{ff11}', &phone_now[2..])),
        ("dashes", format!("{}-{}", &phone_now[..at], &phone_now[at..])),
    ] {
        add(Case::new(
            v,
            format!("phone {what}"),
            edit(base, |j| set(j, "/basic_info/phone", json!(bad))),
            vec![e("invalid_phone", "/basic_info/phone")],
        ));
    }

    // Subdivisions.
    let candidates: Vec<&str> =
        ROWS.iter().flat_map(|r| r.subdivisions.iter().copied()).filter(|c| !subdivision_fits(row, c)).collect();
    let foreign_sub = *rng.pick(&candidates);
    add(Case::new(
        v,
        format!("subdivision {foreign_sub}"),
        edit(base, |j| set(j, "/address/subdivision_code", json!(foreign_sub))),
        vec![e("subdivision_country_mismatch", "/address/subdivision_code")],
    ));
    let (prefix, bare) = sub.split_once('-').expect("a full code");
    let suggestion = (prefix == row.alpha2).then_some(sub.as_str());
    add(Case::new(
        v,
        format!("bare subdivision {bare}"),
        edit(base, |j| set(j, "/address/subdivision_code", json!(bare))),
        vec![e("unknown_subdivision", "/address/subdivision_code")],
    )
    .suggest("/address/subdivision_code", suggestion));
    let unknown = format!("{}-Q9Q", row.alpha2);
    for bad in [sub.to_lowercase(), unknown] {
        add(Case::new(
            v,
            format!("subdivision {bad}"),
            edit(base, |j| set(j, "/address/subdivision_code", json!(bad))),
            vec![e("unknown_subdivision", "/address/subdivision_code")],
        ));
    }
    // Jersey: nothing to verify a subdivision against (a warning), and +44 7797 is Jersey's.
    let jersey_phone = *rng.pick(JERSEY_PHONES);
    let jersey = |sub: Value| {
        edit(base, |j| {
            set(j, "/basic_info/country_of_residence", json!("JEY"));
            set(j, "/basic_info/phone", json!(jersey_phone));
            set(j, "/address/country", json!("JEY"));
            set(j, "/address/subdivision_code", sub);
        })
    };
    add(Case::new(v, "Jersey", jersey(json!(sub)), vec![e("subdivision_unverified", "/address/subdivision_code")]));
    add(Case::new(
        v,
        "Jersey, St Helier",
        jersey(json!("St Helier")),
        vec![e("subdivision_unverified", "/address/subdivision_code")],
    ));
    add(Case::new(v, "Jersey, blank subdivision", jersey(json!(" ")), vec![e("empty", "/address/subdivision_code")]));
    add(Case::new(
        v,
        "Jersey, GB phone",
        edit(&jersey(json!(sub)), |j| set(j, "/basic_info/phone", json!("+447400123456"))),
        vec![
            e("subdivision_unverified", "/address/subdivision_code"),
            e("phone_country_mismatch", "/basic_info/phone"),
        ],
    ));
    // Antarctica: no calling code of its own, so no phone mismatch; no subdivisions.
    add(Case::new(
        v,
        "Antarctica",
        edit(base, |j| {
            set(j, "/basic_info/country_of_residence", json!("ATA"));
            set(j, "/address/country", json!("ATA"));
        }),
        vec![e("subdivision_unverified", "/address/subdivision_code")],
    ));

    // tax_info.
    let k = rng.below(tax.len());
    let at = k + 1 + rng.below(tax.len() - k);
    let copy = serde_json::to_value(&tax[k]).expect("serialise");
    add(Case::new(
        v,
        format!("tax_info {k} repeated at {at}"),
        edit(base, |j| insert_item(j, "/basic_info/tax_info", at, copy.clone())),
        vec![e("duplicate_document_id", &format!("/basic_info/tax_info/{at}/document_id"))],
    ));
    let n = tax.len();
    let same_id = json!({"country_code": "FJI", "document_type": "TIN", "document_id": tax[k].document_id});
    add(Case::new(
        v,
        "tax_info document_id repeated twice under another country",
        edit(base, |j| {
            insert_item(j, "/basic_info/tax_info", n, same_id.clone());
            insert_item(j, "/basic_info/tax_info", n + 1, same_id.clone());
        }),
        vec![
            e("duplicate_document_id", &format!("/basic_info/tax_info/{n}/document_id")),
            e("duplicate_document_id", &format!("/basic_info/tax_info/{}/document_id", n + 1)),
        ],
    ));
    add(Case::new(
        v,
        "tax_info []",
        edit(base, |j| set(j, "/basic_info/tax_info", json!([]))),
        vec![e("too_few_items", "/basic_info/tax_info")],
    ));
    let i = rng.below(tax.len());
    let entry = format!("/basic_info/tax_info/{i}");
    let id_path = format!("{entry}/document_id");
    let area9 = format!("9{:02}-12-3456", rng.below(100));
    for bad in [
        "666-12-3456",
        "000-12-3456",
        area9.as_str(),
        "123-00-4567",
        "123-45-0000",
        "123456789",
        "12-345-6789",
        "123-45-678",
    ] {
        let body =
            edit(base, |j| set(j, &entry, json!({"country_code": "USA", "document_type": "SSN", "document_id": bad})));
        add(Case::new(v, format!("SSN {bad}"), body, vec![e("invalid_tax_id", &id_path)]));
    }
    // The number is judged by the scheme its type selects: a valid SSN is no ITIN, and a country
    // outside the tax-ID table checks nothing.
    for (country, doc, want) in [("USA", "ITIN", vec![e("invalid_tax_id", &id_path)]), ("FJI", "SSN", vec![])] {
        let body = edit(base, |j| {
            set(j, &entry, json!({"country_code": country, "document_type": doc, "document_id": "123-45-6789"}))
        });
        add(Case::new(v, format!("{country} {doc} 123-45-6789 is not checked as an SSN"), body, want));
    }
    let fullwidth = json!({"country_code": "USA", "document_type": "SSN", "document_id": "123-45-678\u{ff19}"});
    add(Case::new(
        v,
        "SSN with a fullwidth digit",
        edit(base, |j| set(j, &entry, fullwidth)),
        vec![e("non_ascii", &id_path)],
    )
    .suggest(&id_path, Some("123-45-6789")));

    // Ages (today 2026-11-26): 18 on the 18th birthday, at most 120.
    let young = civil_from_days(rng.in_range(youngest_valid() + 1, days_from_civil(2026, 11, 26)));
    let future = civil_from_days(rng.in_range(days_from_civil(2026, 11, 27), days_from_civil(2300, 1, 1)));
    let old = civil_from_days(rng.in_range(days_from_civil(1000, 1, 1), oldest_valid() - 1));
    for dob in [
        young.as_str(),
        future.as_str(),
        old.as_str(),
        "2008-11-27",
        "1905-11-26",
        "2026-11-27",
        "2026-11-26",
        "2012-02-29",
    ] {
        add(Case::new(
            v,
            format!("dob {dob}"),
            edit(base, |j| set(j, "/basic_info/dob", json!(dob))),
            vec![e("age_out_of_range", "/basic_info/dob")],
        ));
    }
    // Without today the age rule is off.
    let no_today = context_with(v, |c| c.today = None);
    add(Case::new(v, "dob 17 without today", edit(base, |j| set(j, "/basic_info/dob", json!(young))), vec![])
        .ctx(no_today));
    // A 29 February birthday falls on 1 March in common years.
    let leap = edit(base, |j| set(j, "/basic_info/dob", json!("2008-02-29")));
    let on = |d: &str| context_with(v, |c| c.today = Some(Date::parse(d).expect("date")));
    add(Case::new(v, "leap-day birth, 2026-02-28", leap.clone(), vec![e("age_out_of_range", "/basic_info/dob")])
        .ctx(on("2026-02-28")));
    add(Case::new(v, "leap-day birth, 2026-03-01", leap.clone(), vec![]).ctx(on("2026-03-01")));
    add(Case::new(v, "leap-day birth, 2028-02-29", leap, vec![]).ctx(on("2028-02-29")));
    for bad in [
        "2023-02-29",
        "1990-13-01",
        "1990-4-15",
        "15/04/1990",
        "1990-04-15T00:00:00Z",
        "0000-01-01",
        "\u{ff11}990-04-15",
    ] {
        add(Case::new(
            v,
            format!("dob {bad}"),
            edit(base, |j| set(j, "/basic_info/dob", json!(bad))),
            vec![e("invalid_date", "/basic_info/dob")],
        ));
    }

    // Email.
    let letters: Vec<usize> =
        email_now.char_indices().filter(|(_, c)| c.is_ascii_lowercase()).map(|(i, _)| i).collect();
    let u = *rng.pick(&letters);
    let upper = format!("{}{}{}", &email_now[..u], email_now[u..=u].to_ascii_uppercase(), &email_now[u + 1..]);
    add(Case::new(
        v,
        format!("email {upper}"),
        edit(base, |j| set(j, "/basic_info/email", json!(upper))),
        vec![e("email_not_lowercase", "/basic_info/email")],
    )
    .suggest("/basic_info/email", Some(&email_now)));
    for bad in [
        "maria.garcia@localhost",
        "a..b@example.com",
        "no-at-sign.example.com",
        "A@localhost",
        "maría@example.com",
        "a@-x.com",
        "a b@example.com",
    ] {
        add(Case::new(
            v,
            format!("email {bad}"),
            edit(base, |j| set(j, "/basic_info/email", json!(bad))),
            vec![e("invalid_email", "/basic_info/email")],
        ));
    }

    // Transliteration companions.
    for (base_ptr, value, fold) in [
        ("/basic_info/first_name", "María", Some("Maria")),
        ("/basic_info/middle_name", "Søren", None),
        ("/basic_info/last_name", "Zoë", Some("Zoe")),
        ("/address/street_line_1", "Calle Año Nuevo 5", Some("Calle Ano Nuevo 5")),
        ("/address/street_line_2", "Bâtiment B", Some("Batiment B")),
    ] {
        let companion = format!("{base_ptr}_en");
        let body = edit(base, |j| {
            set(j, base_ptr, json!(value));
            if j.pointer(&companion).is_some() {
                remove(j, &companion);
            }
        });
        add(Case::new(
            v,
            format!("{base_ptr} {value} without companion"),
            body,
            vec![e("transliteration_required", &companion)],
        )
        .suggest(&companion, fold));
        add(Case::new(
            v,
            format!("{companion} not ASCII"),
            edit(base, |j| set(j, &companion, json!("Zoë"))),
            vec![e("transliteration_not_ascii", &companion)],
        ));
        add(Case::new(
            v,
            format!("{companion} ASCII for an ASCII base"),
            edit(base, |j| {
                set(j, base_ptr, json!("Maria"));
                set(j, &companion, json!("Maria"));
            }),
            vec![],
        ));
    }

    // Non-ASCII in ASCII-only members; members with a format code report that code instead.
    let doc_type = format!("/basic_info/tax_info/{i}/document_type");
    for (p, value, fold) in [
        ("/address/city", "Zürich".to_owned(), Some("Zurich".to_owned())),
        ("/address/postal_code", "\u{ff17}5001".to_owned(), Some("75001".to_owned())),
        ("/address/subdivision_code", format!("{sub}é"), Some(format!("{sub}e"))),
        (doc_type.as_str(), "NIÉ".to_owned(), Some("NIE".to_owned())),
        ("/financial_profile/purpose_remarks", "Remesas — familia".to_owned(), None),
        (
            "/financial_profile/source_of_funds_description",
            "Salário mensal".to_owned(),
            Some("Salario mensal".to_owned()),
        ),
    ] {
        add(Case::new(v, format!("{p} not ASCII"), edit(base, |j| set(j, p, json!(value))), vec![e("non_ascii", p)])
            .suggest(p, fold.as_deref()));
    }
    for (p, value, code) in [
        ("/basic_info/gender", "MÁLE", "invalid_enum"),
        ("/verification_type", "STÄNDARD", "invalid_enum"),
        ("/basic_info/country_of_residence", "MÉX", "invalid_country"),
        ("/address/country", "ÇAN", "invalid_country"),
    ] {
        add(Case::new(v, format!("{p} {value}"), edit(base, |j| set(j, p, json!(value))), vec![e(code, p)]));
    }

    // Numbers.
    add(Case::new(
        v,
        "monthly_volume_usd 3400.5",
        edit(base, |j| set(j, "/financial_profile/monthly_volume_usd", json!(3400.5))),
        vec![e("invalid_type", "/financial_profile/monthly_volume_usd")],
    ));
    add(Case::new(
        v,
        "monthly_volume_usd \"5000\"",
        edit(base, |j| set(j, "/financial_profile/monthly_volume_usd", json!("5000"))),
        vec![e("invalid_type", "/financial_profile/monthly_volume_usd")],
    ));
    add(Case::new(
        v,
        "occupation_id 0",
        edit(base, |j| set(j, "/financial_profile/occupation_id", json!(0))),
        vec![e("out_of_range", "/financial_profile/occupation_id")],
    ));
    add(Case::new(
        v,
        "source_of_fund_ids []",
        edit(base, |j| set(j, "/financial_profile/source_of_fund_ids", json!([]))),
        vec![e("too_few_items", "/financial_profile/source_of_fund_ids")],
    ));
    let k = rng.below(sources.len());
    let at = k + 1 + rng.below(sources.len() - k);
    add(Case::new(
        v,
        format!("source_of_fund_ids {k} repeated at {at}"),
        edit(base, |j| insert_item(j, "/financial_profile/source_of_fund_ids", at, json!(sources[k]))),
        vec![e("duplicate_item", &format!("/financial_profile/source_of_fund_ids/{at}"))],
    ));

    // Unknown and V1 members (warnings; the request stays valid).
    let unknown_name = *rng.pick(&["zip", "nickname", "First_name", "first name", "tax_infos", "x"]);
    for object in ["", "/basic_info", "/address", "/financial_profile", "/basic_info/tax_info/0"] {
        let p = format!("{object}/{}", escape(unknown_name));
        add(Case::new(
            v,
            format!("unknown member {p}"),
            edit(base, |j| set(j, &p, json!("?"))),
            vec![e("unknown_field", &p)],
        ));
    }
    add(Case::new(
        v,
        "unknown member with / and ~",
        edit(base, |j| {
            if let Some(Value::Object(m)) = j.pointer_mut("/address") {
                m.insert("a/b~c".to_owned(), json!(1));
            }
        }),
        vec![e("unknown_field", "/address/a~1b~0c")],
    ));
    add(Case::new(
        v,
        "tin at the top level",
        edit(base, |j| set(j, "/tin", json!("123"))),
        vec![e("unknown_field", "/tin")],
    ));
    // V1 names are V1 names only where V1 had them.
    for p in ["/basic_info/street", "/address/tin", "/financial_profile/nationality", "/basic_info/tax_info/0/tin"] {
        add(Case::new(
            v,
            format!("V1 name in the wrong object {p}"),
            edit(base, |j| set(j, p, json!("x"))),
            vec![e("unknown_field", p)],
        ));
    }
    for p in [
        "/basic_info/tin",
        "/basic_info/nationality",
        "/address/street",
        "/address/state",
        "/financial_profile/source_of_fund_id",
    ] {
        add(Case::new(v, format!("V1 member {p}"), edit(base, |j| set(j, p, json!("x"))), vec![e("v1_field", p)]));
    }

    // Client settings.
    let disabled =
        context_with(v, |c| c.client = Some(Client { reliance_enabled: Some(false), selfie_required: None }));
    let enabled = context_with(v, |c| c.client = Some(Client { reliance_enabled: Some(true), selfie_required: None }));
    let reliance = edit(base, |j| set(j, "/verification_type", json!("RELIANCE")));
    let standard = edit(base, |j| set(j, "/verification_type", json!("STANDARD")));
    add(Case::new(v, "RELIANCE, disabled", reliance.clone(), vec![e("reliance_not_enabled", "/verification_type")])
        .ctx(disabled.clone()));
    add(Case::new(v, "RELIANCE, enabled", reliance.clone(), vec![]).ctx(enabled));
    add(Case::new(v, "STANDARD, disabled", standard, vec![]).ctx(disabled.clone()));
    add(Case::new(
        v,
        "RELIANCE, disabled, and city missing (423 first)",
        edit(&reliance, |j| remove(j, "/address/city")),
        vec![e("reliance_not_enabled", "/verification_type"), e("required", "/address/city")],
    )
    .ctx(disabled));

    // Catalogue references.
    let occ = fp.occupation_id.unwrap_or_default();
    let purpose = fp.purpose_id.unwrap_or_default();
    let full = Catalog {
        occupation_ids: ids([occ]),
        purpose_ids: ids([purpose]),
        source_of_fund_ids: ids(sources.iter().copied()),
    };
    let with_catalog = |cat: Catalog| context_with(v, |c| c.catalog = Some(cat));
    add(Case::new(
        v,
        "catalogue without the occupation",
        base.clone(),
        vec![e("unknown_reference", "/financial_profile/occupation_id")],
    )
    .ctx(with_catalog(Catalog { occupation_ids: ids([occ ^ 1, occ.wrapping_add(7)]), ..full.clone() })));
    add(Case::new(
        v,
        "catalogue without the purpose",
        base.clone(),
        vec![e("unknown_reference", "/financial_profile/purpose_id")],
    )
    .ctx(with_catalog(Catalog { purpose_ids: Some(IdSet::default()), ..full.clone() })));
    let missing = rng.below(sources.len());
    add(Case::new(
        v,
        format!("catalogue without source {missing}"),
        base.clone(),
        vec![e("unknown_reference", &format!("/financial_profile/source_of_fund_ids/{missing}"))],
    )
    .ctx(with_catalog(Catalog {
        source_of_fund_ids: ids(sources.iter().copied().filter(|&s| s != sources[missing])),
        ..full.clone()
    })));
    add(Case::new(v, "catalogue with every ID", base.clone(), vec![]).ctx(with_catalog(full.clone())));
    add(Case::new(
        v,
        "occupation 0 with a catalogue",
        edit(base, |j| set(j, "/financial_profile/occupation_id", json!(0))),
        vec![e("out_of_range", "/financial_profile/occupation_id")],
    )
    .ctx(with_catalog(full)));

    // Duplicate members (raw text): the first occurrence is the one checked.
    for (object, key, dup) in [
        ("", "verification_type", json!("nonsense")),
        ("/basic_info", "email", json!(12)),
        ("/address", "city", json!("")),
        ("/financial_profile", "occupation_id", json!(-5)),
        ("/basic_info/tax_info/0", "document_id", Value::Null),
    ] {
        if base.pointer(object).is_some_and(Value::is_object) {
            let p = format!("{object}/{key}");
            add(Case::raw(
                v,
                format!("duplicate {p}"),
                text_with_member(base, object, key, &dup),
                vec![e("duplicate_key", &p)],
            ));
        }
    }
    // A duplicate written with an escape is still a duplicate.
    let marked = text_with_member(base, "/address", "city", &json!("DUP-MARK-7"));
    let escaped = marked.replace("\"city\":\"DUP-MARK-7\"", "\"\\u0063ity\":\"DUP-MARK-7\"");
    assert_ne!(marked, escaped);
    add(Case::raw(v, "duplicate /address/city, escaped", escaped, vec![e("duplicate_key", "/address/city")]));
    // Long lists (the duplicate checks switch strategy beyond 16 items).
    let no_catalog = context_with(v, |c| c.catalog = None);
    let long_ids: Vec<u64> = (0..40).map(|i| 1_000 + i * 7).collect();
    let repeat_at = 20 + rng.below(20);
    let mut ids_with_repeat = long_ids.clone();
    ids_with_repeat.insert(repeat_at, long_ids[rng.below(repeat_at)]);
    add(Case::new(
        v,
        "long source_of_fund_ids with a repeat",
        edit(base, |j| set(j, "/financial_profile/source_of_fund_ids", json!(ids_with_repeat))),
        vec![e("duplicate_item", &format!("/financial_profile/source_of_fund_ids/{repeat_at}"))],
    )
    .ctx(no_catalog.clone()));
    add(Case::new(
        v,
        "long source_of_fund_ids",
        edit(base, |j| set(j, "/financial_profile/source_of_fund_ids", json!(long_ids))),
        vec![],
    )
    .ctx(no_catalog));
    let long_tax: Vec<Value> = (0..30)
        .map(|i| 10_000_000_000u64 + i)
        .map(|id| json!({"country_code": "DEU", "document_type": "TIN", "document_id": id.to_string()}))
        .collect();
    let repeat_at = 17 + rng.below(13);
    let mut tax_with_repeat = long_tax.clone();
    tax_with_repeat.insert(repeat_at, long_tax[rng.below(repeat_at)].clone());
    add(Case::new(
        v,
        "long tax_info with a repeat",
        edit(base, |j| set(j, "/basic_info/tax_info", json!(tax_with_repeat))),
        vec![e("duplicate_document_id", &format!("/basic_info/tax_info/{repeat_at}/document_id"))],
    ));
    let with_zip = edit(base, |j| set(j, "/address/zip", json!("94103")));
    add(Case::raw(
        v,
        "unknown member twice",
        text_with_member(&with_zip, "/address", "zip", &json!("x")),
        vec![e("unknown_field", "/address/zip"), e("duplicate_key", "/address/zip")],
    ));
    let meta_key = base
        .get("meta_data")
        .and_then(Value::as_object)
        .and_then(|m| m.keys().next().cloned())
        .unwrap_or_else(|| "ref".to_owned());
    let with_meta = edit(base, |j| {
        if !j.get("meta_data").and_then(Value::as_object).is_some_and(|m| m.contains_key(&meta_key)) {
            let mut m = Map::new();
            m.insert(meta_key.clone(), json!(1));
            set(j, "/meta_data", Value::Object(m));
        }
    });
    add(Case::raw(
        v,
        "duplicate meta_data member",
        text_with_member(&with_meta, "/meta_data", &meta_key, &json!("\u{202e}")),
        vec![e("duplicate_key", &format!("/meta_data/{}", escape(&meta_key)))],
    ));
    // meta_data contents are free-form.
    add(Case::new(
        v,
        "meta_data with blanks and controls",
        edit(base, |j| {
            set(
                j,
                "/meta_data",
                json!({
                    "": "", " ": "  ", "c": "\u{0}\u{202e}", "n": null,
                    "é": ["MÁLE", -1, 3400.5], "tin": {"state": "usa"}
                }),
            );
        }),
        vec![],
    ));

    // Syntax and size: only that one violation.
    let text = serde_json::to_string(base).expect("serialise");
    let cut = 1 + rng.below(text.len() - 1);
    let wrong_types = js(&edit(base, |j| {
        set(j, "/address/city", json!(5));
        set(j, "/basic_info/gender", json!("female"));
    }));
    let bad_texts = [
        ("truncated", char_prefix(&text, cut).to_owned()),
        ("trailing garbage", format!("{text}}}")),
        ("top-level array", format!("[{text}]")),
        ("top-level string", "\"text\"".to_owned()),
        ("top-level null", "null".to_owned()),
        ("empty body", String::new()),
        ("wrong types and truncated", char_prefix(&wrong_types, wrong_types.len() - 1).to_owned()),
    ];
    for (what, t) in bad_texts {
        add(Case::raw(v, format!("malformed: {what}"), t, vec![e("malformed_json", "")]));
    }
    let broken = edit(base, |j| remove(j, "/address/city"));
    let len = serde_json::to_vec(&broken).expect("serialise").len();
    add(Case::new(v, "body one byte over the limit", broken.clone(), vec![e("payload_too_large", "")])
        .options(Options::default().with_max_body_bytes(len - 1)));
    add(Case::new(v, "body at the limit", broken, vec![e("required", "/address/city")])
        .options(Options::default().with_max_body_bytes(len)));
}

/// Two generic mutations in unrelated subtrees (financial_profile, and basic_info or address
/// away from the cross-checked country, phone and subdivision) break both rules, and only them.
fn combined_cases(v: &Valid, generic: &[Case], rng: &mut Rng, n: usize) -> Vec<Case> {
    const CROSS_CHECKED: &[&str] =
        &["/basic_info/country_of_residence", "/basic_info/phone", "/address/country", "/address/subdivision_code"];
    let firsts: Vec<&Case> = generic.iter().filter(|c| c.target.starts_with("/financial_profile/")).collect();
    let seconds: Vec<&Case> = generic
        .iter()
        .filter(|c| c.target.starts_with("/basic_info/") || c.target.starts_with("/address/"))
        .filter(|c| !CROSS_CHECKED.iter().any(|x| c.target.starts_with(x)))
        .collect();
    let mut out = Vec::new();
    for _ in 0..n {
        let (a, b) = (*rng.pick(&firsts), *rng.pick(&seconds));
        let (Body::Json(ja), Body::Json(jb)) = (&a.body, &b.body) else { continue };
        let top = b.target.split('/').nth(1).expect("a top-level member");
        let mut merged = ja.clone();
        let object = merged.as_object_mut().expect("an object");
        match jb.get(top) {
            Some(x) => object.insert(top.to_owned(), x.clone()),
            None => object.remove(top),
        };
        let expected = a.expected.iter().chain(&b.expected).cloned().collect();
        let mut case = Case::new(v, format!("{} + {}", a.name, b.name), merged, expected);
        case.suggestions = match (&a.suggestions, &b.suggestions) {
            (Some(x), Some(y)) => Some(x.iter().chain(y).cloned().collect()),
            _ => None,
        };
        out.push(case);
    }
    out
}

fn all_cases(v: &Valid, seed: u64) -> Vec<Case> {
    let base = v.json();
    let mut rng = Rng(seed);
    let mut out = Vec::new();
    generic_cases(v, &base, &mut rng, &mut out);
    let combined = combined_cases(v, &out, &mut rng, 16);
    out.extend(combined);
    crafted_cases(v, &base, &mut rng, &mut out);
    out
}

/// Every code of issue #2 for this request kind.
const CONTRACT_CODES: &[&str] = &[
    "malformed_json",
    "payload_too_large",
    "duplicate_key",
    "required",
    "invalid_type",
    "empty",
    "invalid_enum",
    "invalid_country",
    "invalid_date",
    "too_few_items",
    "too_many_items",
    "out_of_range",
    "unknown_field",
    "v1_field",
    "invalid_characters",
    "transliteration_required",
    "transliteration_not_ascii",
    "non_ascii",
    "duplicate_document_id",
    "invalid_tax_id",
    "unknown_subdivision",
    "subdivision_country_mismatch",
    "subdivision_unverified",
    "address_country_mismatch",
    "age_out_of_range",
    "email_not_lowercase",
    "invalid_email",
    "invalid_phone",
    "phone_country_mismatch",
    "duplicate_item",
    "unknown_reference",
    "reliance_not_enabled",
];

#[test]
fn mutations_cover_every_code() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut covered = std::collections::BTreeSet::new();
    for seed in 0..4 {
        let v = valid().new_tree(&mut runner).expect("a value").current();
        let cases = all_cases(&v, seed);
        assert!(cases.len() > 300, "only {} cases", cases.len());
        covered.extend(cases.iter().flat_map(|c| c.expected.iter().map(|(code, _)| *code)));
    }
    let missing: Vec<&str> = CONTRACT_CODES.iter().copied().filter(|c| !covered.contains(c)).collect();
    // No array of this request kind has an upper bound, so nothing can have too many items.
    assert_eq!(missing, ["too_many_items"]);
    let unknown: Vec<&str> = covered.iter().copied().filter(|c| !CONTRACT_CODES.contains(c)).collect();
    assert!(unknown.is_empty(), "{unknown:?}");
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn each_mutation_breaks_exactly_its_rule(v in valid(), seed in any::<u64>()) {
        // The base itself is valid in its context (checked here too: mutations start from it).
        let base = serde_json::to_vec(&v.req).expect("serialise");
        let report = json_report(&base, &v.ctx, &Options::default());
        prop_assert!(report.violations.is_empty(), "{:?}", report.violations);
        for case in all_cases(&v, seed) {
            run(&case)?;
        }
    }
}

// ---------------------------------------------------------------------------
// Numbers beyond f64's range. Any JSON integer literal is JSON (RFC 8259 §6 sets no range),
// so a body holding one is not `malformed_json`.

const EXAMPLE: &str = include_str!("../examples/create-individual-v2.json");

fn example_with(member: &str, value: &str) -> String {
    let name = member.split(':').next().expect("a member");
    let body = EXAMPLE.replacen(member, &format!("{name}: {value}"), 1);
    assert_ne!(body, EXAMPLE, "{member} is not in the example");
    body
}

fn pairs_of(report: &Report) -> Vec<(&'static str, &str)> {
    report.violations.iter().map(|v| (v.code.as_str(), v.path())).collect()
}

/// "`out_of_range`: ... an integer that does not fit in u64": also one too large for an f64
/// (310 digits and more), not `malformed_json` for the whole body.
#[test]
fn integers_beyond_f64_are_out_of_range() {
    let example = json_report(EXAMPLE.as_bytes(), &ctx_today(), &Options::default());
    assert!(example.violations.is_empty(), "{:?}", example.violations);
    for digits in [25, 309, 310, 400] {
        let big = format!("1{}", "0".repeat(digits - 1));
        for (member, path) in [
            ("\"monthly_volume_usd\": 5000", "/financial_profile/monthly_volume_usd"),
            ("\"occupation_id\": 42", "/financial_profile/occupation_id"),
        ] {
            let body = example_with(member, &big);
            let report = json_report(body.as_bytes(), &ctx_today(), &Options::default());
            assert_eq!(pairs_of(&report), [("out_of_range", path)], "{path} = a {digits}-digit integer");
            assert_eq!(report.status, 422);
        }
    }
}

/// `meta_data` is free-form, and the same number as an unknown member is accepted: a huge
/// integer inside `meta_data` must not make the body `malformed_json`.
#[test]
fn meta_data_holds_any_json_integer() {
    let big = format!("1{}", "0".repeat(399));
    let body = example_with("\"city\": \"San Francisco\"", &format!("\"San Francisco\", \"zip\": {big}"));
    let report = json_report(body.as_bytes(), &ctx_today(), &Options::default());
    assert_eq!(pairs_of(&report), [("unknown_field", "/address/zip")], "a 400-digit unknown member");
    let body = example_with("\"reference\": \"client-ref-abc-001\"", &format!("\"client-ref-abc-001\", \"n\": {big}"));
    let report = json_report(body.as_bytes(), &ctx_today(), &Options::default());
    assert_eq!(pairs_of(&report), [] as [(&str, &str); 0], "a 400-digit integer in meta_data");
    assert!(report.valid);
}

/// 200 without errors; else the first of 400, 413, 403, 409, 423, 422 among the errors.
fn expected_status(expected: &[(&str, String)]) -> u16 {
    let statuses: Vec<u16> = expected.iter().filter_map(|(c, _)| spec_status(c)).collect();
    [400, 413, 403, 409, 423, 422].into_iter().find(|s| statuses.contains(s)).unwrap_or(200)
}
