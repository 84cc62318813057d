//! Numbers in JSON bodies (issue #11): a body is `malformed_json` exactly when it is not
//! JSON, whatever the size of its numbers.
//!
//! serde_json rejects numbers beyond f64 (`1e400`), which RFC 8259 allows; the library
//! reads such bodies a second time with those numbers clamped, and that clamping must
//! accept exactly the RFC 8259 §6 number grammar,
//! `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?`: `1.e400` (no digit after the
//! point) and `01e400` (a leading zero) are not JSON, as `1.e5` and `01` are not.
//!
//! The oracle is [`rfc_number`], a state machine of the grammar written here, itself
//! checked against serde_json: serde_json reads a number text exactly when it matches the
//! grammar, except that it refuses values beyond f64. [`tame`] maps every text to one
//! that matches the grammar exactly when the original does and whose value is small, so
//! serde_json answers for every text through its tamed form.

mod common;

use common::config;
use kyc_rules::{validate, Code, Context, Date, Options, Report, Request, RequestKind};
use proptest::prelude::*;
use serde_json::Value;

const CREATE: RequestKind = RequestKind::CreateIndividualV2;
const ATTACH: RequestKind = RequestKind::AttachIndividualV2;
const CREATE_EXAMPLE: &str = include_str!("../examples/create-individual-v2.json");
const ATTACH_EXAMPLE: &str = include_str!("../examples/attach-individual-v2.json");
const ATTACH_CONTEXT: &str = include_str!("../examples/attach-context.json");
const CUSTOMER_ID: &str = "55bd6b4e-c20a-4cc8-9535-91d5557a67d9";

// ---------------------------------------------------------------------------
// The oracle

/// Whether `text` is a JSON number (RFC 8259 §6), by a state machine over its characters.
fn rfc_number(text: &str) -> bool {
    // States: 0 start, 1 after `-`, 2 after a leading `0`, 3 in the integer digits, 4 after
    // `.`, 5 in the fraction digits, 6 after `e`, 7 after the exponent's sign, 8 in the
    // exponent digits. Accepting: 2, 3, 5, 8.
    let mut state = 0;
    for c in text.chars() {
        state = match (state, c) {
            (0, '-') => 1,
            (0 | 1, '0') => 2,
            (0 | 1, '1'..='9') => 3,
            (3, '0'..='9') => 3,
            (2 | 3, '.') => 4,
            (4 | 5, '0'..='9') => 5,
            (2 | 3 | 5, 'e' | 'E') => 6,
            (6, '+' | '-') => 7,
            (6..=8, '0'..='9') => 8,
            _ => return false,
        };
    }
    matches!(state, 2 | 3 | 5 | 8)
}

/// `text` with small numbers in it, matching the grammar exactly when `text` does: the
/// leading run of digits (after an optional `-`) is cut to at most three digits (which
/// keeps its first digit, and whether it has more than one), and every run of digits
/// after `e`, `E` or their sign becomes `1` (which keeps it non-empty). The grammar sees
/// no more of a run of digits than that, so the tamed text matches it exactly when the
/// original does, and its value is below 1e13: serde_json never refuses it as too large.
fn tame(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let before = |k: usize| start.checked_sub(k).map(|j| chars[j]);
        let leading = start == 0 || (start == 1 && chars[0] == '-');
        let exponent = matches!(before(1), Some('e' | 'E'))
            || (matches!(before(1), Some('+' | '-')) && matches!(before(2), Some('e' | 'E')));
        if leading {
            out.extend(&chars[start..i.min(start + 3)]);
        } else if exponent {
            out.push('1');
        } else {
            out.extend(&chars[start..i]);
        }
    }
    out
}

/// serde_json on one number text: `Ok(true)` if it reads it, `Ok(false)` if it refuses
/// it as too large, `Err` with its message if it refuses it otherwise.
fn serde_json_reads(text: &str) -> Result<bool, String> {
    match serde_json::from_str::<Value>(text) {
        Ok(_) => Ok(true),
        Err(e) if e.to_string().starts_with("number out of range") => Ok(false),
        Err(e) => Err(e.to_string()),
    }
}

/// Checks the oracle against serde_json on `text`.
fn check_oracle(text: &str) -> Result<(), TestCaseError> {
    let rfc = rfc_number(text);
    let tamed = tame(text);
    prop_assert!(tamed.len() <= text.len(), "tame({text:?}) = {tamed:?}");
    prop_assert_eq!(
        serde_json_reads(&tamed) == Ok(true),
        rfc,
        "serde_json and the grammar disagree on {:?} (tamed {:?}): {:?}",
        text,
        tamed,
        serde_json_reads(&tamed)
    );
    match serde_json_reads(text) {
        Ok(true) => prop_assert!(rfc, "serde_json reads {text:?}, not a JSON number by the grammar"),
        // Too large: serde_json may stop at the value before it reads the whole text
        // (`1e400.`), so this says nothing about the grammar.
        Ok(false) => {}
        Err(e) => prop_assert!(!rfc, "serde_json refuses {text:?} ({e}), a JSON number by the grammar"),
    }
    Ok(())
}

/// Whether `text` (a JSON number) is 1e308 or more in magnitude, beyond every integer member:
/// the library then treats it as any number beyond f64.
fn huge(text: &str) -> bool {
    text.parse::<f64>().is_ok_and(|f| f.abs() >= 1e308)
}

// ---------------------------------------------------------------------------
// Where a number goes

/// A place for a number in a body: the request kind and the body with [`HOLE`] for the
/// number, placed so that an empty text leaves a hole that is not JSON.
struct Site {
    name: &'static str,
    kind: RequestKind,
    body: String,
}

fn edit(body: &str, from: &str, to: &str) -> String {
    assert_eq!(body.matches(from).count(), 1, "{from:?} must occur once");
    body.replacen(from, to, 1)
}

const HOLE: &str = "#N#";

fn sites() -> Vec<Site> {
    let site = |name, kind, body: String| Site { name, kind, body };
    vec![
        site("alone in a string member", CREATE, r#"{"verification_type": #N#}"#.to_owned()),
        site("in an integer member", CREATE, edit(CREATE_EXAMPLE, "5000", HOLE)),
        site("in a string member", CREATE, edit(CREATE_EXAMPLE, "\"San Francisco\"", HOLE)),
        site("in meta_data", CREATE, edit(CREATE_EXAMPLE, "\"client-ref-abc-001\"", "[[#N#, 0]]")),
        site(
            "in an unknown member, no spaces",
            CREATE,
            edit(CREATE_EXAMPLE, "{\n  \"verification_type\"", "{\"zz\":#N#,\"verification_type\""),
        ),
        site(
            "in a document's files",
            ATTACH,
            edit(
                ATTACH_EXAMPLE,
                "[{\"uri\": \"/AbAcQ4hn_0652746727637.pdf\"}]",
                "[#N#,{\"uri\": \"/AbAcQ4hn_0652746727637.pdf\"}]",
            ),
        ),
    ]
}

fn fill(site: &Site, numbers: &[&str]) -> String {
    let mut parts = site.body.split(HOLE);
    let mut out = parts.next().unwrap_or_default().to_owned();
    for (part, n) in parts.zip(numbers.iter().cycle()) {
        out.push_str(n);
        out.push_str(part);
    }
    out
}

fn context(kind: RequestKind) -> Context {
    let today = Date::parse("2026-11-26").expect("date");
    match kind {
        ATTACH => {
            let mut ctx = Context::from_json(ATTACH_CONTEXT).expect("context");
            ctx.today = Some(today);
            ctx
        }
        _ => Context::on(today),
    }
}

fn run(kind: RequestKind, body: &[u8], customer_id: Option<&str>) -> Report {
    let request = Request::json(kind, body);
    let request = match customer_id {
        Some(id) => request.with_customer_id(id),
        None => request,
    };
    validate(request, &context(kind), &Options::default())
}

fn run_site(site: &Site, numbers: &[&str]) -> Report {
    let customer_id = (site.kind == ATTACH).then_some(CUSTOMER_ID);
    run(site.kind, fill(site, numbers).as_bytes(), customer_id)
}

fn malformed(report: &Report) -> bool {
    report.has(Code::MalformedJson)
}

fn is_lone_malformed(report: &Report) -> bool {
    report.status == 400
        && report.violations.len() == 1
        && report.violations[0].code == Code::MalformedJson
        && report.violations[0].path().is_empty()
}

/// The library on `text` at every site: `malformed_json` alone exactly when the text is
/// not a JSON number, and a huge number is reported as `1e400` (or `-1e400`) would be.
fn check_library(text: &str) -> Result<(), TestCaseError> {
    let rfc = rfc_number(text);
    for site in sites() {
        let report = run_site(&site, &[text]);
        if !rfc {
            prop_assert!(is_lone_malformed(&report), "{text:?} {}: not JSON, but {report:#?}", site.name);
        } else if huge(text) {
            let reference = if text.starts_with('-') { "-1e400" } else { "1e400" };
            prop_assert_eq!(&report, &run_site(&site, &[reference]), "{:?} {}: not as {}", text, site.name, reference);
        } else {
            prop_assert!(!malformed(&report), "{text:?} {}: JSON, but {report:#?}", site.name);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Generated number texts

/// Valid and near-valid number texts: signs (`+` and `--` too), leading zeros, missing
/// digits after `.` or `e`, many digits, exponents huge and beyond i64, stray suffixes.
fn number_text() -> impl Strategy<Value = String> {
    let sign = prop_oneof![4 => Just(String::new()), 3 => Just("-".to_owned()), 1 => Just("+".to_owned()), 1 => Just("--".to_owned())];
    let int = prop_oneof![
        1 => Just(String::new()),
        3 => Just("0".to_owned()),
        3 => "0[0-9]{1,4}",
        1 => "0{2,300}[1-9]",
        4 => "[1-9][0-9]{0,6}",
        2 => "[1-9][0-9]{300,420}",
    ];
    let frac = prop_oneof![
        4 => Just(String::new()),
        2 => Just(".".to_owned()),
        3 => "\\.[0-9]{1,6}",
        1 => "\\.[0-9]{300,400}",
    ];
    let exp = prop_oneof![
        2 => Just(String::new()),
        1 => "[eE][+-]?",
        2 => "[eE][+-]?[0-9]{1,3}",
        3 => "[eE]\\+?(30[0-9]|31[0-9]|400|999|2000)",
        1 => "[eE]-(30[0-9]|400|999|2000)",
        2 => "[eE][+-]?[0-9]{15,30}",
    ];
    let suffix = prop_oneof![8 => Just(String::new()), 1 => "[-+.eE0-9]{1,3}"];
    let structured = (sign, int, frac, exp, suffix).prop_map(|(s, i, f, e, x)| format!("{s}{i}{f}{e}{x}"));
    prop_oneof![
        6 => structured,
        // Any short mix of number characters.
        2 => "[-+.eE0-9]{1,12}",
        // A huge number with number characters around it.
        2 => "[-+.eE0]{0,3}[1-9][0-9]{0,2}[.]?[0-9]{0,2}[eE][+-]?[0-9]{3,5}[-+.eE0-9]{0,3}",
    ]
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn the_oracle_agrees_with_serde_json(text in number_text()) {
        check_oracle(&text)?;
    }

    #[test]
    fn a_number_is_malformed_json_exactly_when_it_is_not_json(text in number_text()) {
        check_library(&text)?;
    }
}

proptest! {
    #![proptest_config(config(500))]

    /// Two numbers in one body: clamping a huge one never hides an invalid one.
    #[test]
    fn two_numbers_are_json_only_when_both_are(a in number_text(), b in number_text()) {
        let site = Site { name: "meta_data", kind: CREATE, body: edit(CREATE_EXAMPLE, "\"client-ref-abc-001\"", "[#N#, {\"b\": #N#}]") };
        let report = run_site(&site, &[&a, &b]);
        let json = rfc_number(&a) && rfc_number(&b);
        prop_assert_eq!(malformed(&report), !json, "{:?} and {:?}: {:#?}", a, b, report);
    }
}

/// Every text of up to five characters from `0 1 - + . e`, alone, followed by `e400`, and
/// between `1e` and `400`: the oracle agrees with serde_json, and the library with both.
#[test]
fn every_short_text_is_judged_by_the_grammar() {
    const ALPHABET: [char; 6] = ['0', '1', '-', '+', '.', 'e'];
    let site = Site { name: "unknown member", kind: CREATE, body: r#"{"zz":#N#}"#.to_owned() };
    let mut texts = vec![String::new()];
    let mut last = vec![String::new()];
    for _ in 0..5 {
        last = last.iter().flat_map(|t| ALPHABET.iter().map(move |c| format!("{t}{c}"))).collect();
        texts.extend(last.iter().cloned());
    }
    let (mut json, mut huge_json) = (0, 0);
    for s in &texts {
        for text in [s.clone(), format!("{s}e400"), format!("1e{s}400")] {
            check_oracle(&text).unwrap();
            let report = run_site(&site, &[&text]);
            let rfc = rfc_number(&text);
            assert_eq!(malformed(&report), !rfc, "{text:?}: {report:#?}");
            json += usize::from(rfc);
            huge_json += usize::from(rfc && huge(&text));
        }
    }
    // The texts reach both verdicts and the clamping.
    assert!(json > 400 && huge_json > 150, "{json} JSON numbers, {huge_json} of them huge");
}

// ---------------------------------------------------------------------------
// Regressions

/// The bodies of issue #11, sent through the CLI: 422 where the provider answers 400.
#[test]
fn invalid_numbers_with_huge_exponents_are_malformed_json() {
    for n in ["1.e400", "0001.0e2000", "-01e400", "1.e5", "01", "1e400.", "1e400e5", "01.5e999", "-.5e400", "+1e400"] {
        let report = run(CREATE, format!(r#"{{"verification_type": {n}}}"#).as_bytes(), None);
        assert!(is_lone_malformed(&report), "{n}: {report:#?}");
    }
}

#[test]
fn valid_numbers_with_huge_exponents_are_read() {
    for n in ["1.0e400", "1000.0e2000", "-1e400", "0.5e309", "1E+400", "-0.1e99999999999999999999", "1e308"] {
        let report = run(CREATE, format!(r#"{{"verification_type": {n}}}"#).as_bytes(), None);
        assert!(!malformed(&report), "{n}: {report:#?}");
        assert!(report.violations.iter().any(|v| v.code == Code::InvalidType && v.path() == "/verification_type"));
    }
}

/// Numbers at the edge of f64: read (and out of range for an integer member), whether
/// serde_json reads them itself or refuses them (its rounding without `float_roundtrip`
/// refuses some just below `f64::MAX`).
#[test]
fn numbers_near_the_largest_f64_are_out_of_range() {
    for n in ["1e308", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "-1.8e308"] {
        let report = run(CREATE, edit(CREATE_EXAMPLE, "5000", n).as_bytes(), None);
        let got: Vec<(Code, &str)> = report.violations.iter().map(|v| (v.code, v.path())).collect();
        assert_eq!(got, [(Code::OutOfRange, "/financial_profile/monthly_volume_usd")], "{n}");
    }
}

/// The fuzzing findings of issue #11, byte for byte: `create_individual_v2` (an integer
/// member with leading zeros and a huge exponent) ...
#[test]
fn finding_create_individual_v2_huge_exponent() {
    let body = include_bytes!("data/json_numbers/create_individual_v2-huge-exponent.json");
    let report = run(CREATE, body, None);
    assert!(is_lone_malformed(&report), "{report:#?}");
}

/// ... and `attach_individual_v2` (no digit after the point before a huge exponent). The
/// file is the fuzz target's input: a length byte, that many bytes of `customer_id`, then
/// the body.
#[test]
fn finding_attach_individual_v2_huge_exponent() {
    let input = include_bytes!("data/json_numbers/attach_individual_v2-huge-exponent.bin");
    let (n, rest) = input.split_first().expect("a length byte");
    let (customer_id, body) = rest.split_at(usize::from(*n));
    let customer_id = std::str::from_utf8(customer_id).expect("UTF-8");
    for id in [Some(customer_id), None] {
        let report = run(ATTACH, body, id);
        assert!(is_lone_malformed(&report), "{report:#?}");
    }
}
