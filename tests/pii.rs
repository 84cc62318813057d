//! No personal data in reports (issue #6): for requests filled with random,
//! unique strings of 3 or more characters from varied alphabets (Latin with and
//! without diacritics, Cyrillic, Greek, CJK, Arabic, Devanagari, emoji, strings
//! with control, zero-width and bidi characters, and email-, phone-, date- and
//! UUID-shaped strings), no violation message, path or message parameter, no
//! `{:?}` of the report and no HTTP answer built from it (problem details, the
//! provider's body) contains any of them, whether the request is sent as JSON
//! or typed. With
//! suggestions on (opt-in), a value may appear in a `suggestion` and nowhere
//! else; `{:?}` still shows none. Truncated bodies (`malformed_json`) quote
//! nothing either.
//!
//! Each member is absent, a known-valid value (so that the rules behind the
//! format checks run too), or one of the random strings; only the random
//! strings are looked for, since a valid value such as `USA` legitimately
//! appears in messages ("such as USA").
//!
//! ASCII random strings always hold a lowercase letter, an uppercase letter and
//! a digit in a row, which no message template contains, so that a hit is a
//! leak and not an English word (a random `the` would be found in every message).

use kyc_rules::{validate, AttachIndividualV2, Context, CreateIndividualV2, Options, Report, Request, RequestKind};
use proptest::collection::{hash_set, vec};
use proptest::prelude::*;
use serde_json::{json, Value};

/// One random string; every alphabet gives at least 3 characters.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{0,4}[a-z][A-Z][0-9][a-zA-Z0-9 .,'-]{0,8}",
        "[a-zA-Z]{0,6}[À-ÖØ-öø-ÿ][a-zA-ZÀ-ÖØ-öø-ÿ]{1,8}",
        "[А-Яа-яЁё]{3,12}",
        "[Α-Ωα-ω]{3,12}",
        "[\u{4e00}-\u{9fa5}]{3,8}",
        "[\u{0621}-\u{064a}]{3,10}",
        "[\u{0905}-\u{0939}]{3,8}",
        "[\u{1f600}-\u{1f64f}]{3,5}",
        "[a-z]{2}[\u{0}-\u{1f}\u{7f}-\u{9f}\u{200b}-\u{200f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{feff}][a-z]{2,6}",
        " [a-z]{1,3}[A-Z][0-9] ",
        "[a-z]{2,8}[A-Z][0-9]@[a-z]{3,8}\\.(com|org|io)",
        "[a-z]{3,8}[0-9]{2}@[a-z]{3,8}\\.com",
        "\\+[1-9][0-9]{7,15}",
        "(19[0-9]{2}|20[0-4][0-9])-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])",
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        "[0-9]{3}-[0-9]{2}-[0-9]{4}",
        "[A-Z]{2}-[A-Z][0-9][a-z]",
        "/[a-z][A-Z][0-9][a-zA-Z0-9_]{3,12}\\.pdf",
    ]
}

/// A member of a request: where it goes and a valid value for it.
type Slot = (&'static str, &'static str);

const CREATE_SLOTS: &[Slot] = &[
    ("/verification_type", "STANDARD"),
    ("/basic_info/first_name", "Maria"),
    ("/basic_info/first_name_en", "Maria"),
    ("/basic_info/middle_name", "Elena"),
    ("/basic_info/middle_name_en", "Elena"),
    ("/basic_info/last_name", "Garcia"),
    ("/basic_info/last_name_en", "Garcia"),
    ("/basic_info/dob", "1990-04-15"),
    ("/basic_info/email", "maria.garcia@example.com"),
    ("/basic_info/phone", "+14155552671"),
    ("/basic_info/country_of_residence", "USA"),
    ("/basic_info/primary_nationality", "USA"),
    ("/basic_info/secondary_nationality", "MEX"),
    ("/basic_info/gender", "FEMALE"),
    ("/basic_info/tax_info/0/country_code", "USA"),
    ("/basic_info/tax_info/0/document_type", "SSN"),
    ("/basic_info/tax_info/0/document_id", "123-45-6789"),
    ("/basic_info/tax_info/1/country_code", "MEX"),
    ("/basic_info/tax_info/1/document_type", "RFC"),
    ("/basic_info/tax_info/1/document_id", "GAMA900415AB1"),
    ("/address/street_line_1", "123 Market Street"),
    ("/address/street_line_1_en", "123 Market Street"),
    ("/address/street_line_2", "Apt 4B"),
    ("/address/street_line_2_en", "Apt 4B"),
    ("/address/city", "San Francisco"),
    ("/address/subdivision_code", "US-CA"),
    ("/address/postal_code", "94103"),
    ("/address/country", "USA"),
    ("/financial_profile/employment_status", "EMPLOYED"),
    ("/financial_profile/purpose_remarks", "Personal remittances"),
    ("/financial_profile/source_of_funds_description", "Monthly salary"),
    ("/meta_data/reference", "client-ref-abc-001"),
    ("/meta_data/note", "note"),
];

/// Integer members of a create request and a valid value for each.
const CREATE_NUMBERS: &[(&str, u64)] = &[
    ("/financial_profile/occupation_id", 42),
    ("/financial_profile/purpose_id", 3),
    ("/financial_profile/source_of_fund_ids/0", 1),
    ("/financial_profile/source_of_fund_ids/1", 5),
    ("/financial_profile/monthly_volume_usd", 5000),
];

const ATTACH_SLOTS: &[Slot] = &[
    ("/customer_id", "55bd6b4e-c20a-4cc8-9535-91d5557a67d9"), // the path parameter, not the body
    ("/identifying_documents/0/type", "SELFIE"),
    ("/identifying_documents/0/files/0/uri", "/AbAcQ4hn_0652746727637.pdf"),
    ("/identifying_documents/1/type", "DRIVERS_LICENSE"),
    ("/identifying_documents/1/number", "DL987654321"),
    ("/identifying_documents/1/country", "USA"),
    ("/identifying_documents/1/state", "US-CA"),
    ("/identifying_documents/1/issue_date", "2019-06-01"),
    ("/identifying_documents/1/expiry_date", "2029-06-01"),
    ("/identifying_documents/1/files/0/uri", "/AbAcQ4hn_0652746727638.pdf"),
    ("/identifying_documents/1/files/0/side", "FRONT"),
    ("/identifying_documents/1/files/1/uri", "/XyZ123mn_0652746727639.pdf"),
    ("/identifying_documents/1/files/1/side", "BACK"),
    ("/address_documents/0/type", "BANK_STATEMENT"),
    ("/address_documents/0/country", "USA"),
    ("/address_documents/0/issue_date", "2026-01-15"),
    ("/address_documents/0/files/0/uri", "/PoAdef45_0652746727640.pdf"),
    ("/tos_policies_value", "e9414388-fbdf-4407-b5c2-bc39eae3645b"),
];

const CREATE_CONTEXT: &str = r#"{"today": "2026-11-26", "client": {"reliance_enabled": false},
    "catalog": {"occupation_ids": [1, 42], "purpose_ids": [1, 3], "source_of_fund_ids": [1, 5]}}"#;

const ATTACH_CONTEXT: &str = r#"{"today": "2026-11-26", "client": {"selfie_required": true},
    "customer": {"customer_type": "INDIVIDUAL", "api_version": "v2", "status": "INCOMPLETE", "country_of_residence": "USA",
                 "file_uris": ["/AbAcQ4hn_0652746727637.pdf", "/AbAcQ4hn_0652746727638.pdf",
                               "/XyZ123mn_0652746727639.pdf", "/PoAdef45_0652746727640.pdf"],
                 "attach_in_flight": false}}"#;

/// What a slot holds: nothing, its valid value, or its random string.
#[derive(Debug, Clone, Copy)]
enum Fill {
    Absent,
    Valid,
    Random,
}

fn fill() -> impl Strategy<Value = Fill> {
    prop_oneof![1 => Just(Fill::Absent), 2 => Just(Fill::Valid), 5 => Just(Fill::Random)]
}

/// Sets `pointer` in `root`, creating the objects and arrays on the way.
fn set(root: &mut Value, pointer: &str, v: Value) {
    let tokens: Vec<&str> = pointer[1..].split('/').collect();
    let mut node = root;
    for (i, t) in tokens.iter().enumerate() {
        // Containers on the way are created; earlier array items stay null until set.
        let empty = match tokens.get(i + 1) {
            None => Value::Null,
            Some(n) if n.parse::<usize>().is_ok() => json!([]),
            Some(_) => json!({}),
        };
        let slot = match t.parse::<usize>() {
            Ok(k) => {
                let items = node.as_array_mut().expect("an array");
                while items.len() <= k {
                    items.push(Value::Null);
                }
                &mut items[k]
            }
            Err(_) => node.as_object_mut().expect("an object").entry(*t).or_insert(Value::Null),
        };
        if slot.is_null() {
            *slot = empty;
        }
        node = slot;
    }
    *node = v;
}

/// A request: its body, its `customer_id`, and the random strings it holds.
struct Built {
    body: Value,
    customer_id: Option<String>,
    secrets: Vec<String>,
}

fn build(slots: &[Slot], values: &[String], fills: &[Fill]) -> Built {
    let mut body = json!({});
    let mut customer_id = None;
    let mut secrets = Vec::new();
    for (((pointer, valid), random), fill) in slots.iter().zip(values).zip(fills) {
        let v = match fill {
            Fill::Absent => continue,
            Fill::Valid => valid.to_string(),
            Fill::Random => {
                secrets.push(random.clone());
                random.clone()
            }
        };
        if *pointer == "/customer_id" {
            customer_id = Some(v);
        } else {
            set(&mut body, pointer, Value::String(v));
        }
    }
    // Arrays whose earlier items were left out have null placeholders: drop them.
    prune_nulls(&mut body);
    Built { body, customer_id, secrets }
}

fn prune_nulls(v: &mut Value) {
    match v {
        Value::Array(items) => {
            items.retain(|i| !i.is_null());
            items.iter_mut().for_each(prune_nulls);
        }
        Value::Object(members) => members.values_mut().for_each(prune_nulls),
        _ => {}
    }
}

/// Asserts that none of the secrets shows in the report except in suggestions.
fn assert_no_secrets(report: &Report, secrets: &[String], what: &str) -> Result<(), TestCaseError> {
    let debug = format!("{report:?}");
    let mut without_suggestions = report.clone();
    for v in &mut without_suggestions.violations {
        v.suggestion = None;
    }
    let serialised = serde_json::to_string(&without_suggestions).expect("report JSON");
    // What a server answers with: RFC 9457 problem details, and the provider's own body.
    let http = format!(
        "{} {}",
        serde_json::to_string(&report.to_problem_details(kyc_rules::http::DEFAULT_TYPE_BASE)).expect("problem JSON"),
        serde_json::to_string(&report.to_provider_body()).expect("provider body JSON"),
    );
    for s in secrets {
        let escaped = serde_json::to_string(s).expect("string JSON");
        let escaped = &escaped[1..escaped.len() - 1];
        for v in &report.violations {
            prop_assert!(
                !v.message().contains(s.as_str()),
                "{what}: {} message repeats {s:?}: {}",
                v.code,
                v.message()
            );
            prop_assert!(!v.path().contains(s.as_str()), "{what}: {} path repeats {s:?}", v.code);
        }
        prop_assert!(!debug.contains(s.as_str()), "{what}: {{:?}} of the report repeats {s:?}");
        prop_assert!(!serialised.contains(escaped), "{what}: the report's JSON repeats {s:?} outside suggestions");
        prop_assert!(!http.contains(escaped), "{what}: an HTTP answer repeats {s:?}");
        for v in &report.violations {
            for (name, p) in v.params() {
                prop_assert!(!p.contains(s.as_str()), "{what}: {} parameter {name} repeats {s:?}", v.code);
            }
        }
    }
    Ok(())
}

fn with_customer_id<'a>(r: Request<'a>, id: Option<&'a str>) -> Request<'a> {
    match id {
        Some(id) => r.with_customer_id(id),
        None => r,
    }
}

/// Validates the request as JSON and typed, with suggestions off and on, and a
/// truncated copy of its body; checks every report.
fn check(kind: RequestKind, built: &Built, ctx: &Context, cut: prop::sample::Index) -> Result<(), TestCaseError> {
    let json = serde_json::to_vec(&built.body).expect("body JSON");
    let with_id = |r| with_customer_id(r, built.customer_id.as_deref());
    let create: Option<CreateIndividualV2> = (kind == RequestKind::CreateIndividualV2)
        .then(|| serde_json::from_value(built.body.clone()).expect("a typed create request"));
    let attach: Option<AttachIndividualV2> = (kind == RequestKind::AttachIndividualV2)
        .then(|| serde_json::from_value(built.body.clone()).expect("a typed attach request"));
    for suggest in [false, true] {
        let options = Options::default().with_suggestions(suggest);
        let from_json = validate(with_id(Request::json(kind, &json)), ctx, &options);
        let typed = match (&create, &attach) {
            (Some(c), _) => Request::create_individual_v2(c),
            (_, Some(a)) => Request::attach_individual_v2(a),
            _ => unreachable!(),
        };
        let from_typed = validate(with_id(typed), ctx, &options);
        prop_assert_eq!(&from_json, &from_typed);
        if !suggest {
            prop_assert!(from_json.violations.iter().all(|v| v.suggestion.is_none()));
        }
        assert_no_secrets(&from_json, &built.secrets, if suggest { "suggest" } else { "default" })?;
    }
    // Cut the body short: the syntax error's message quotes nothing either.
    let truncated = &json[..cut.index(json.len())];
    let report = validate(with_id(Request::json(kind, truncated)), ctx, &Options::default());
    assert_no_secrets(&report, &built.secrets, "truncated")?;
    Ok(())
}

fn numbers(body: &mut Value, picks: &[(Fill, u64)]) {
    for ((pointer, valid), (fill, random)) in CREATE_NUMBERS.iter().zip(picks) {
        match fill {
            Fill::Absent => {}
            Fill::Valid => set(body, pointer, json!(valid)),
            Fill::Random => set(body, pointer, json!(random % 64)),
        }
    }
    prune_nulls(body);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn create_reports_repeat_no_submitted_value(
        values in hash_set(value(), CREATE_SLOTS.len()),
        fills in vec(fill(), CREATE_SLOTS.len()),
        picks in vec((fill(), any::<u64>()), CREATE_NUMBERS.len()),
        cut in any::<prop::sample::Index>(),
    ) {
        let values: Vec<String> = values.into_iter().collect();
        let mut built = build(CREATE_SLOTS, &values, &fills);
        numbers(&mut built.body, &picks);
        let ctx = Context::from_json(CREATE_CONTEXT).expect("context");
        check(RequestKind::CreateIndividualV2, &built, &ctx, cut)?;
        check(RequestKind::CreateIndividualV2, &built, &Context::default(), cut)?;
    }

    #[test]
    fn attach_reports_repeat_no_submitted_value(
        values in hash_set(value(), ATTACH_SLOTS.len()),
        fills in vec(fill(), ATTACH_SLOTS.len()),
        cut in any::<prop::sample::Index>(),
    ) {
        let values: Vec<String> = values.into_iter().collect();
        let built = build(ATTACH_SLOTS, &values, &fills);
        let ctx = Context::from_json(ATTACH_CONTEXT).expect("context");
        check(RequestKind::AttachIndividualV2, &built, &ctx, cut)?;
        check(RequestKind::AttachIndividualV2, &built, &Context::default(), cut)?;
    }
}

/// The property is not vacuous: a request full of random strings breaks many
/// rules, and with suggestions on some suggestion does carry a submitted value.
#[test]
fn random_values_do_reach_the_rules_and_suggestions() {
    let values: Vec<String> = CREATE_SLOTS.iter().enumerate().map(|(i, _)| format!("Zé{i}qX9")).collect();
    let mut built = build(CREATE_SLOTS, &values, &vec![Fill::Random; CREATE_SLOTS.len()]);
    numbers(&mut built.body, &[(Fill::Valid, 0); 5]);
    let json = serde_json::to_vec(&built.body).unwrap();
    let ctx = Context::from_json(CREATE_CONTEXT).unwrap();
    let options = Options::default().with_suggestions(true);
    let report = validate(Request::json(RequestKind::CreateIndividualV2, &json), &ctx, &options);
    assert!(report.violations.len() >= 20, "{report:#?}");
    let suggested: Vec<&str> = report.violations.iter().filter_map(|v| v.suggestion.as_deref()).collect();
    assert!(suggested.iter().any(|s| s.starts_with("Ze") && s.ends_with("qX9")), "{suggested:?}");
    assert!(!format!("{report:?}").contains("qX9"));
}
