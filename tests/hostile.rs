//! Hostile input (issue #6): bodies built to break a validator, each with its
//! asserted report. Every validation runs on a thread with a small stack
//! ([`SMALL_STACK`]), and every report is checked for the contract's general
//! invariants (see [`run`]) before its exact codes, paths and status.
//!
//! Tests marked `#[ignore = "..."]` state the behaviour the contract calls for
//! where the library does something else today; `cargo test --test hostile --
//! --ignored` shows them failing.

use kyc_rules::{validate, Code, Context, Date, In, Options, Report, Request, RequestKind, Severity};
use serde_json::Value;

const CREATE: RequestKind = RequestKind::CreateIndividualV2;
const ATTACH: RequestKind = RequestKind::AttachIndividualV2;
const TODAY: &str = "2026-11-26";

/// The stack every validation here runs on. Recursion in the library is bounded
/// by serde_json's limit of 128 levels (only `meta_data` is read recursively), so
/// a fixed stack suffices whatever the nesting depth. Measured for a body whose
/// `meta_data` is nested to that limit: about 70 KiB in a release build and
/// about 270 KiB in a debug build (larger frames), hence 512 KiB for debug builds.
const SMALL_STACK: usize = if cfg!(debug_assertions) { 512 * 1024 } else { 256 * 1024 };

/// A valid create body (the documented example, on one line).
const CREATE_BODY: &str = r#"{"verification_type": "STANDARD", "basic_info": {"first_name": "Maria", "middle_name": "Elena", "last_name": "Garcia", "dob": "1990-04-15", "email": "maria.garcia@example.com", "phone": "+14155552671", "country_of_residence": "USA", "primary_nationality": "USA", "secondary_nationality": "MEX", "gender": "FEMALE", "tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "123-45-6789"}]}, "address": {"street_line_1": "123 Market Street", "street_line_2": "Apt 4B", "city": "San Francisco", "subdivision_code": "US-CA", "postal_code": "94103", "country": "USA"}, "financial_profile": {"employment_status": "EMPLOYED", "occupation_id": 42, "purpose_id": 3, "purpose_remarks": "Personal remittances to family", "source_of_funds_description": "Monthly salary from employment", "source_of_fund_ids": [1, 5], "monthly_volume_usd": 5000}, "meta_data": {"reference": "client-ref-abc-001"}}"#;

/// A valid attach body (the documented example).
const ATTACH_BODY: &str = r#"{"identifying_documents": [{"type": "SELFIE", "files": [{"uri": "/AbAcQ4hn_0652746727637.pdf"}]}, {"type": "DRIVERS_LICENSE", "number": "DL987654321", "country": "USA", "state": "US-CA", "issue_date": "2019-06-01", "expiry_date": "2029-06-01", "files": [{"side": "FRONT", "uri": "/AbAcQ4hn_0652746727638.pdf"}, {"side": "BACK", "uri": "/XyZ123mn_0652746727639.pdf"}]}], "address_documents": [{"type": "BANK_STATEMENT", "country": "USA", "files": [{"uri": "/PoAdef45_0652746727640.pdf"}]}], "tos_policies_value": "e9414388-fbdf-4407-b5c2-bc39eae3645b"}"#;

/// The documented attach example's stored customer.
const ATTACH_CONTEXT: &str = r#"{"today": "2026-11-26", "client": {"selfie_required": true}, "customer": {"customer_type": "INDIVIDUAL", "api_version": "v2", "status": "INCOMPLETE", "country_of_residence": "USA", "file_uris": ["/AbAcQ4hn_0652746727637.pdf", "/AbAcQ4hn_0652746727638.pdf", "/XyZ123mn_0652746727639.pdf", "/PoAdef45_0652746727640.pdf"], "attach_in_flight": false}}"#;

const CUSTOMER_ID: &str = "55bd6b4e-c20a-4cc8-9535-91d5557a67d9";

/// Big enough for the 10 MB and 1,000,000-item bodies below.
const BIG: usize = 64 << 20;

// ---------------------------------------------------------------------------
// Helpers

fn today() -> Context {
    Context::on(Date::parse(TODAY).expect("date"))
}

fn attach_context() -> Context {
    Context::from_json(ATTACH_CONTEXT).expect("context")
}

/// Replaces the single occurrence of `from` in `body` (panics if there is not exactly one).
fn edit(body: &str, from: &str, to: &str) -> String {
    assert_eq!(body.matches(from).count(), 1, "{from:?} must occur once in the body");
    body.replacen(from, to, 1)
}

/// The create example with each `(from, to)` edit applied.
fn create(edits: &[(&str, &str)]) -> String {
    edits.iter().fold(CREATE_BODY.to_owned(), |b, (from, to)| edit(&b, from, to))
}

/// The attach example with each `(from, to)` edit applied.
fn attach(edits: &[(&str, &str)]) -> String {
    edits.iter().fold(ATTACH_BODY.to_owned(), |b, (from, to)| edit(&b, from, to))
}

/// Replaces the single occurrence of `placeholder` with raw bytes (for bodies that are not UTF-8).
fn splice(body: &str, placeholder: &str, bytes: &[u8]) -> Vec<u8> {
    let at = body.find(placeholder).expect("placeholder");
    assert_eq!(body.matches(placeholder).count(), 1);
    let mut out = body.as_bytes()[..at].to_vec();
    out.extend_from_slice(bytes);
    out.extend_from_slice(&body.as_bytes()[at + placeholder.len()..]);
    out
}

fn nested(open: &str, inner: &str, close: &str, depth: usize) -> String {
    let mut s = String::with_capacity((open.len() + close.len()) * depth + inner.len());
    for _ in 0..depth {
        s.push_str(open);
    }
    s.push_str(inner);
    for _ in 0..depth {
        s.push_str(close);
    }
    s
}

/// Validates on a thread with [`SMALL_STACK`], then checks what holds for every
/// report: `valid` exactly when there is no error; `status` 200 when valid, else
/// the highest-priority error status (400, 413, 403, 409, 423, 422); severities
/// and statuses are the codes' own; no message is longer than a sentence (none
/// repeats a submitted value); every body path of a code that points at a value
/// resolves with serde_json's `Value::pointer` (when the body is JSON without
/// repeated members).
fn run(kind: RequestKind, body: &[u8], customer_id: Option<&str>, ctx: &Context, options: &Options) -> Report {
    let report = std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(SMALL_STACK)
            .spawn_scoped(s, || {
                let request = Request::json(kind, body);
                let request = match customer_id {
                    Some(id) => request.with_customer_id(id),
                    None => request,
                };
                validate(request, ctx, options)
            })
            .expect("thread")
            .join()
            .expect("validation panicked")
    });
    let errors: Vec<_> = report.violations.iter().filter(|v| v.severity == Severity::Error).collect();
    assert_eq!(report.valid, errors.is_empty(), "{report:#?}");
    let status =
        [400, 413, 403, 409, 423, 422].into_iter().find(|s| errors.iter().any(|v| v.status == Some(*s))).unwrap_or(200);
    assert_eq!(report.status, status, "{report:#?}");
    let value: Option<Value> = serde_json::from_slice(body).ok();
    for v in &report.violations {
        assert_eq!(v.severity, v.code.severity());
        assert_eq!(v.status, v.code.status());
        assert!(v.message().len() < 300, "{} has a {}-byte message", v.code, v.message().len());
        let points_at_a_value = !matches!(
            v.code,
            Code::Required
                | Code::TransliterationRequired
                | Code::StateRequired
                | Code::MissingSide
                | Code::MalformedJson
                | Code::PayloadTooLarge
                | Code::DuplicateKey
        );
        if let (Some(value), true, In::Body) = (&value, points_at_a_value, v.location) {
            assert!(value.pointer(v.path()).is_some(), "{} at {:?} does not resolve", v.code, v.path());
        }
    }
    report
}

fn run_create(body: impl AsRef<[u8]>) -> Report {
    run(CREATE, body.as_ref(), None, &today(), &Options::default())
}

fn run_create_with(body: impl AsRef<[u8]>, options: &Options) -> Report {
    run(CREATE, body.as_ref(), None, &today(), options)
}

fn run_attach(body: impl AsRef<[u8]>) -> Report {
    run(ATTACH, body.as_ref(), Some(CUSTOMER_ID), &attach_context(), &Options::default())
}

/// Asserts the report's status and its exact list of (code, path), in report order.
/// `invalid_uuid` at `/customer_id` is the path parameter; everything else is in the body.
#[track_caller]
fn expect(report: &Report, status: u16, want: &[(Code, &str)]) {
    let got: Vec<(Code, &str)> = report.violations.iter().map(|v| (v.code, v.path())).collect();
    assert_eq!(got, want, "{report:#?}");
    assert_eq!(report.status, status, "{report:#?}");
    assert_eq!(report.valid, status == 200);
    for v in &report.violations {
        let path_param = v.code == Code::InvalidUuid && v.path() == "/customer_id";
        assert_eq!(v.location, if path_param { In::Path } else { In::Body }, "{v:?}");
    }
}

/// Asserts a lone `malformed_json` whose message says the body is not valid JSON.
#[track_caller]
fn expect_malformed(report: &Report) {
    expect(report, 400, &[(Code::MalformedJson, "")]);
    let m = &report.violations[0].message();
    assert!(m.starts_with("The body is not valid JSON") || m == "The body must be a JSON object.", "{m}");
}

#[test]
fn the_bases_are_valid() {
    expect(&run_create(CREATE_BODY), 200, &[]);
    expect(&run_attach(ATTACH_BODY), 200, &[]);
}

// ---------------------------------------------------------------------------
// Not JSON at all

#[test]
fn bodies_that_are_not_a_json_object_are_malformed_json() {
    for body in [&b""[..], b"   ", b"null", b"[]", b"\"text\"", b"42", b"{", b"{}x", b"{}{}", b"{\"a\" 1}", b"{'a': 1}"]
    {
        expect_malformed(&run_create(body));
        expect_malformed(&run(ATTACH, body, Some(CUSTOMER_ID), &attach_context(), &Options::default()));
    }
    // A path parameter problem is still reported: the body cannot be read, so nothing else is.
    expect_malformed(&run(ATTACH, b"{", Some("nope"), &attach_context(), &Options::default()));
}

#[test]
fn the_body_limit_is_inclusive_and_reported_alone() {
    let body = create(&[("\"Maria\"", "\"\"")]); // also empty: not reported when too large
    let exact = Options::default().with_max_body_bytes(body.len());
    expect(&run_create_with(&body, &exact), 422, &[(Code::Empty, "/basic_info/first_name")]);
    let over = Options::default().with_max_body_bytes(body.len() - 1);
    expect(&run_create_with(&body, &over), 413, &[(Code::PayloadTooLarge, "")]);
    // Not even a syntax error is reported beyond the limit.
    expect(&run_create_with(b"{{{{", &Options::default().with_max_body_bytes(3)), 413, &[(Code::PayloadTooLarge, "")]);
}

// ---------------------------------------------------------------------------
// Invalid UTF-8

#[test]
fn invalid_utf8_in_a_string_is_malformed_json() {
    for bytes in [&b"\xff"[..], b"\xc3", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"Mar\xc3\x28a"] {
        // In a known member, in a member name, in meta_data.
        expect_malformed(&run_create(splice(CREATE_BODY, "Maria", bytes)));
        expect_malformed(&run_create(splice(CREATE_BODY, "first_name", bytes)));
        expect_malformed(&run_create(splice(CREATE_BODY, "client-ref-abc-001", bytes)));
        expect_malformed(&run_attach(splice(ATTACH_BODY, "DL987654321", bytes)));
    }
}

#[test]
fn invalid_utf8_outside_strings_is_malformed_json() {
    expect_malformed(&run_create(splice(CREATE_BODY, "{\"verification_type\"", b"{\xff\"verification_type\"")));
    expect_malformed(&run_create(splice(CREATE_BODY, "5000", b"50\xff00")));
}

#[test]
fn invalid_utf8_in_an_unknown_member_is_malformed_json() {
    let body = splice(
        &create(&[("{\"verification_type\"", "{\"zz\": \"PLACEHOLDER\", \"verification_type\"")]),
        "PLACEHOLDER",
        b"\xff",
    );
    expect_malformed(&run_create(body));
}

#[test]
fn invalid_utf8_in_a_repeated_member_is_malformed_json() {
    let body = splice(&create(&[("\"Maria\"", "\"Maria\", \"first_name\": \"PLACEHOLDER\"")]), "PLACEHOLDER", b"\xff");
    expect_malformed(&run_create(body));
}

#[test]
fn unknown_member_without_invalid_bytes_is_only_a_warning() {
    // The control case for the two ignored tests above.
    let body = create(&[("{\"verification_type\"", "{\"zz\": \"x\", \"verification_type\"")]);
    expect(&run_create(body), 200, &[(Code::UnknownField, "/zz")]);
}

// ---------------------------------------------------------------------------
// Byte order mark

#[test]
fn a_utf8_bom_before_the_body_is_malformed_json() {
    // RFC 8259 §8.1: senders must not add a BOM; a parser may reject it. serde_json (and the provider's
    // documented examples) have none, so the body is reported at line 1, column 1.
    let mut body = b"\xef\xbb\xbf".to_vec();
    body.extend_from_slice(CREATE_BODY.as_bytes());
    let report = run_create(&body);
    expect_malformed(&report);
    assert_eq!(report.violations[0].message(), "The body is not valid JSON: expected value (line 1, column 1).");
    let mut body = b"\xef\xbb\xbf".to_vec();
    body.extend_from_slice(ATTACH_BODY.as_bytes());
    expect_malformed(&run_attach(&body));
}

#[test]
fn a_bom_character_inside_strings_is_non_ascii() {
    expect(
        &run_create(create(&[("San Francisco", "\\ufeffSan Francisco")])),
        422,
        &[(Code::NonAscii, "/address/city")],
    );
    expect(
        &run_create(create(&[("\"Garcia\"", "\"\u{feff}Garcia\"")])),
        422,
        &[(Code::TransliterationRequired, "/basic_info/last_name_en")],
    );
}

// ---------------------------------------------------------------------------
// NUL

#[test]
fn a_raw_nul_byte_is_malformed_json() {
    // Raw control characters are not allowed in JSON strings (RFC 8259 §7), wherever they are.
    expect_malformed(&run_create(create(&[("Maria", "Mar\u{0}ia")])));
    expect_malformed(&run_create(create(&[("{\"verification_type\"", "{\"z\u{0}z\": 1, \"verification_type\"")])));
    expect_malformed(&run_create(create(&[("{\"verification_type\"", "{\"zz\": \"\u{0}\", \"verification_type\"")])));
    expect_malformed(&run_create(create(&[("client-ref-abc-001", "\u{0}")])));
    expect_malformed(&run_create(create(&[("5000", "50\u{0}00")])));
}

#[test]
fn an_escaped_nul_is_invalid_characters_where_text_is_checked() {
    expect(
        &run_create(create(&[("Maria", "Mar\\u0000ia")])),
        422,
        &[(Code::InvalidCharacters, "/basic_info/first_name")],
    );
    // The companion and the formatted members report the character, not their format.
    expect(
        &run_create(create(&[("\"Maria\"", "\"Maria\", \"first_name_en\": \"Mar\\u0000ia\"")])),
        422,
        &[(Code::InvalidCharacters, "/basic_info/first_name_en")],
    );
    expect(
        &run_create(create(&[
            ("maria.garcia@example.com", "maria\\u0000@example.com"),
            ("+14155552671", "+1415555\\u00002671"),
        ])),
        422,
        &[(Code::InvalidCharacters, "/basic_info/email"), (Code::InvalidCharacters, "/basic_info/phone")],
    );
    expect(
        &run_attach(attach(&[("e9414388", "\\u0000e9414388")])),
        422,
        &[(Code::InvalidCharacters, "/tos_policies_value")],
    );
    // meta_data is free-form, and an unknown member's content is ignored.
    expect(&run_create(create(&[("client-ref-abc-001", "\\u0000")])), 200, &[]);
    expect(
        &run_create(create(&[("{\"verification_type\"", "{\"z\\u0000z\": \"\\u0000\", \"verification_type\"")])),
        200,
        &[(Code::UnknownField, "/z\u{0}z")],
    );
}

#[test]
fn a_nul_in_the_customer_id_is_invalid_uuid() {
    let id = "55bd6b4e-c20a-4cc8-9535-91d5557a67d\u{0}";
    let report = run(ATTACH, ATTACH_BODY.as_bytes(), Some(id), &attach_context(), &Options::default());
    expect(&report, 422, &[(Code::InvalidUuid, "/customer_id")]);
}

// ---------------------------------------------------------------------------
// Surrogates

#[test]
fn a_lone_surrogate_escape_in_a_read_string_is_malformed_json() {
    // A lone surrogate is no Unicode scalar value: the text cannot be decoded (RFC 8259 §8.2).
    for escape in ["\\ud800", "\\udc00", "\\udbff", "\\ud800\\u0041", "\\ud800\\ud800", "\\udc00\\ud800"] {
        expect_malformed(&run_create(create(&[("Maria", escape)])));
        expect_malformed(&run_create(create(&[("client-ref-abc-001", escape)])));
        expect_malformed(&run_create(create(&[("\"first_name\"", &format!("\"first_name{escape}\""))])));
        expect_malformed(&run_attach(attach(&[("DL987654321", escape)])));
    }
}

#[test]
fn a_surrogate_pair_escape_is_a_character() {
    expect(
        &run_create(create(&[("Maria", "Maria\\ud83d\\ude00")])),
        422,
        &[(Code::TransliterationRequired, "/basic_info/first_name_en")],
    );
    expect(&run_create(create(&[("San Francisco", "\\ud83d\\ude00")])), 422, &[(Code::NonAscii, "/address/city")]);
}

#[test]
fn a_lone_surrogate_in_an_unknown_member_is_malformed_json() {
    expect_malformed(&run_create(create(&[("{\"verification_type\"", "{\"zz\": \"\\ud800\", \"verification_type\"")])));
    expect_malformed(&run_create(create(&[("\"Maria\"", "\"Maria\", \"first_name\": \"\\ud800\"")])));
}

// ---------------------------------------------------------------------------
// Numbers

#[test]
fn negative_zero_is_zero() {
    expect(&run_create(create(&[("5000", "-0")])), 200, &[]);
    expect(&run_create(create(&[("5000", "-0.0")])), 200, &[]);
    expect(&run_create(create(&[("42", "-0")])), 422, &[(Code::OutOfRange, "/financial_profile/occupation_id")]);
    expect(
        &run_create(create(&[("[1, 5]", "[1, -0]")])),
        422,
        &[(Code::OutOfRange, "/financial_profile/source_of_fund_ids/1")],
    );
}

#[test]
fn integral_numbers_in_exponent_or_decimal_form_are_whole_numbers() {
    for n in ["1.0e2", "1e2", "100.0", "1E+2", "10000e-2", "1e19"] {
        expect(&run_create(create(&[("5000", n)])), 200, &[]);
    }
    expect(&run_create(create(&[("[1, 5]", "[1.0, 5e0]")])), 200, &[]);
    for n in ["1.5", "1e-2", "5e-324", "0.1e1"] {
        let want =
            if n == "0.1e1" { vec![] } else { vec![(Code::InvalidType, "/financial_profile/monthly_volume_usd")] };
        expect(&run_create(create(&[("5000", n)])), if want.is_empty() { 200 } else { 422 }, &want);
    }
}

#[test]
fn integers_beyond_u64_are_out_of_range() {
    expect(&run_create(create(&[("5000", "18446744073709551615")])), 200, &[]);
    for n in ["18446744073709551616", "99999999999999999999", "-1", "-9223372036854775809", "1e20", "-1e300"] {
        expect(
            &run_create(create(&[("5000", n)])),
            422,
            &[(Code::OutOfRange, "/financial_profile/monthly_volume_usd")],
        );
    }
    expect(
        &run_create(create(&[("42", "18446744073709551616"), ("[1, 5]", "[1, 18446744073709551616]")])),
        422,
        &[
            (Code::OutOfRange, "/financial_profile/occupation_id"),
            (Code::OutOfRange, "/financial_profile/source_of_fund_ids/1"),
        ],
    );
}

#[test]
fn a_number_beyond_f64_in_an_unknown_member_is_only_a_warning() {
    let body = create(&[("{\"verification_type\"", "{\"zz\": [1e400, -1e400], \"verification_type\"")]);
    expect(&run_create(body), 200, &[(Code::UnknownField, "/zz")]);
}

// Numbers beyond f64 are valid JSON (RFC 8259 sets no range); serde_json alone rejects them.

#[test]
fn a_number_beyond_f64_in_an_integer_member_is_out_of_range() {
    let long = format!("1{}", "0".repeat(400));
    for n in ["1e400", "-1e400", long.as_str()] {
        expect(
            &run_create(create(&[("5000", n)])),
            422,
            &[(Code::OutOfRange, "/financial_profile/monthly_volume_usd")],
        );
    }
}

#[test]
fn a_number_beyond_f64_in_a_string_member_is_invalid_type() {
    expect(&run_create(create(&[("\"San Francisco\"", "1e400")])), 422, &[(Code::InvalidType, "/address/city")]);
}

#[test]
fn a_number_beyond_f64_in_meta_data_is_accepted() {
    expect(&run_create(create(&[("\"client-ref-abc-001\"", "1e400")])), 200, &[]);
}

#[test]
fn numbers_beyond_f64_leave_strings_and_names_alone() {
    // A huge number makes the library read the body a second time; the strings, member
    // names and escapes around it must read as they did.
    let body = create(&[
        ("\"client-ref-abc-001\"", r#"[1e400, "1e400", "x\\", "\"1e400"]"#),
        ("{\"verification_type\"", r#"{"1e400": -1e400, "a\"1e400": 2, "verification_type""#),
        ("San Francisco", "San Francisco 1e400"),
    ]);
    expect(&run_create(body), 200, &[(Code::UnknownField, "/1e400"), (Code::UnknownField, "/a\"1e400")]);
}

#[test]
fn a_syntax_error_after_a_huge_number_is_located_in_the_body_sent() {
    let huge = format!("1{}", "0".repeat(400));
    let body = create(&[("\"client-ref-abc-001\"", &format!("{huge}, \"x\": tru"))]);
    // The same body with a string of the same length in place of the number: same position.
    let same_length = format!("\"{}\"", "x".repeat(huge.len() - 2));
    let reference = create(&[("\"client-ref-abc-001\"", &format!("{same_length}, \"x\": tru"))]);
    let (report, want) = (run_create(&body), run_create(&reference));
    expect_malformed(&report);
    assert_eq!(report.violations[0].message(), want.violations[0].message());
}

// ---------------------------------------------------------------------------
// Nesting

/// 10,000 and 1,000,000 levels: the same small stack for both shows that the
/// depth of the input does not reach the stack.
const DEPTHS: [usize; 2] = [10_000, 1_000_000];

fn big() -> Options {
    Options::default().with_max_body_bytes(BIG)
}

#[test]
fn deep_nesting_at_the_top_level_is_malformed_json() {
    for depth in DEPTHS {
        expect_malformed(&run_create_with(nested("[", "", "]", depth), &big()));
        expect_malformed(&run(ATTACH, nested("[", "", "]", depth).as_bytes(), None, &attach_context(), &big()));
        // Unclosed: a syntax error after the nesting.
        expect_malformed(&run_create_with("[".repeat(depth), &big()));
        expect_malformed(&run_create_with("{\"a\":".repeat(depth), &big()));
    }
}

#[test]
fn deep_nesting_in_meta_data_is_malformed_json() {
    for depth in DEPTHS {
        for (open, close) in [("[", "]"), ("{\"a\":", "}"), ("{\"a\": [", "]}")] {
            let body = create(&[("\"client-ref-abc-001\"", &nested(open, "1", close, depth))]);
            let report = run_create_with(body, &big());
            expect_malformed(&report);
            assert!(report.violations[0].message().contains("nested 128 or more levels deep"), "{report:?}");
        }
    }
}

#[test]
fn meta_data_may_nest_to_serde_jsons_limit() {
    // The body, meta_data and 125 arrays: 127 levels are read; one more is too deep.
    let ok = create(&[("\"client-ref-abc-001\"", &nested("[", "", "]", 125))]);
    expect(&run_create(ok), 200, &[]);
    let deep = create(&[("\"client-ref-abc-001\"", &nested("[", "", "]", 126))]);
    expect_malformed(&run_create(deep));
}

#[test]
fn the_depth_message_states_the_real_limit() {
    let deep = create(&[("\"client-ref-abc-001\"", &nested("[", "", "]", 126))]); // 128 levels in all
    let report = run_create(deep);
    expect_malformed(&report);
    assert!(!report.violations[0].message().contains("more than 128"), "{}", report.violations[0].message());
}

#[test]
fn deep_nesting_in_skipped_values_does_not_reach_the_stack() {
    // Whatever the verdict on such bodies (see the ignored test below), nothing is
    // reported inside the skipped value and the stack holds.
    for depth in DEPTHS {
        for (from, to, path) in [
            ("{\"verification_type\"", "{\"zz\": NEST, \"verification_type\"", "/zz"),
            ("\"STANDARD\"", "NEST", "/verification_type"),
            ("[{\"country_code\"", "[NEST, {\"country_code\"", "/basic_info/tax_info/0"),
            ("\"Maria\"", "\"Maria\", \"first_name\": NEST", "/basic_info/first_name"),
        ] {
            let body = create(&[(from, &to.replace("NEST", &nested("[", "", "]", depth)))]);
            let report = run_create_with(body, &big());
            for v in &report.violations {
                assert!(!v.path().starts_with(&format!("{path}/")), "{} at {}", v.code, v.path());
            }
        }
    }
}

#[test]
fn deep_nesting_anywhere_is_malformed_json() {
    for (from, to) in [
        ("{\"verification_type\"", "{\"zz\": NEST, \"verification_type\""),
        ("\"STANDARD\"", "NEST"),
        ("[{\"country_code\"", "[NEST, {\"country_code\""),
        ("\"Maria\"", "\"Maria\", \"first_name\": NEST"),
    ] {
        let body = create(&[(from, &to.replace("NEST", &nested("[", "", "]", 10_000)))]);
        expect_malformed(&run_create(body));
    }
    expect_malformed(&run_create(nested("{\"a\":", "1", "}", 10_000)));
}

// ---------------------------------------------------------------------------
// Repeated members

#[test]
fn repeated_members_are_reported_at_every_level() {
    let body = create(&[
        ("{\"verification_type\": \"STANDARD\"", "{\"verification_type\": \"STANDARD\", \"verification_type\": \"STANDARD\""),
        ("\"Maria\"", "\"Maria\", \"first_name\": \"Maria\", \"first_name\": \"Maria\""),
        ("\"123-45-6789\"", "\"123-45-6789\", \"document_id\": \"123-45-6789\""),
        ("\"94103\"", "\"94103\", \"postal_code\": 94103"),
        ("\"occupation_id\": 42", "\"occupation_id\": 42, \"occupation_id\": \"x\""),
        (
            "{\"reference\": \"client-ref-abc-001\"}",
            "{\"reference\": \"client-ref-abc-001\", \"reference\": 1, \"a\": {\"b\": 1, \"b\": 2}, \"l\": [{\"k\": 1, \"k\": 2}]}, \"meta_data\": {}",
        ),
    ]);
    let body = format!("{}, \"zz\": 1, \"zz\": 2, \"address\": {{}}}}", &body[..body.len() - 1]);
    let report = run_create(&body);
    expect(
        &report,
        422,
        &[
            (Code::DuplicateKey, "/address"),
            (Code::DuplicateKey, "/address/postal_code"),
            (Code::DuplicateKey, "/basic_info/first_name"),
            (Code::DuplicateKey, "/basic_info/tax_info/0/document_id"),
            (Code::DuplicateKey, "/financial_profile/occupation_id"),
            (Code::DuplicateKey, "/meta_data"),
            (Code::DuplicateKey, "/meta_data/a/b"),
            (Code::DuplicateKey, "/meta_data/l/0/k"),
            (Code::DuplicateKey, "/meta_data/reference"),
            (Code::DuplicateKey, "/verification_type"),
            (Code::DuplicateKey, "/zz"),
            (Code::UnknownField, "/zz"),
        ],
    );
    // The second occurrences (a number for postal_code, a string for occupation_id, an empty
    // address) are not validated: the first occurrence is.
}

#[test]
fn repeated_members_in_attach_requests() {
    let body = attach(&[
        ("\"type\": \"SELFIE\"", "\"type\": \"SELFIE\", \"type\": \"SELFIE\""),
        ("\"side\": \"BACK\"", "\"side\": \"BACK\", \"side\": \"FRONT\""),
        ("\"tos_policies_value\"", "\"tos_policies_value\": \"x\", \"tos_policies_value\""),
        ("\"address_documents\"", "\"address_documents\": [], \"address_documents\""),
    ]);
    expect(
        &run_attach(body),
        422,
        &[
            (Code::DuplicateKey, "/address_documents"),
            (Code::TooFewItems, "/address_documents"),
            (Code::DuplicateKey, "/identifying_documents/0/type"),
            (Code::DuplicateKey, "/identifying_documents/1/files/1/side"),
            (Code::DuplicateKey, "/tos_policies_value"),
        ],
    );
}

#[test]
#[ignore = "judgement call: the library validates the FIRST occurrence of a repeated member; serde_json, JavaScript, Python, Go and Jackson keep the LAST, which is the value the provider most likely reads"]
fn a_repeated_member_is_validated_as_most_parsers_read_it() {
    let report = run_create(create(&[("\"Maria\"", "\"Maria\", \"first_name\": \"\"")]));
    expect(&report, 422, &[(Code::DuplicateKey, "/basic_info/first_name"), (Code::Empty, "/basic_info/first_name")]);
}

// ---------------------------------------------------------------------------
// Member names that need escaping in a JSON Pointer

/// A member name written with escapes is the name they spell: a model member is read as
/// itself, an unknown one is reported under its decoded name, and a repeat is found across
/// spellings.
#[test]
fn escaped_member_names_are_the_names_they_spell() {
    let spelled = create(&[("\"city\"", r#""ci\u0074y""#), ("\"basic_info\"", r#""basic\u005finfo""#)]);
    assert_eq!(run_create(&spelled), run_create(CREATE_BODY));
    expect(&run_create(&spelled), 200, &[]);
    expect(
        &run_create(create(&[("\"Maria\"", r#""Maria", "nick\u006eame": "x""#)])),
        200,
        &[(Code::UnknownField, "/basic_info/nickname")],
    );
    expect(
        &run_create(create(&[("\"San Francisco\"", r#""San Francisco", "ci\u0074y": "Oakland""#)])),
        422,
        &[(Code::DuplicateKey, "/address/city")],
    );
}

#[test]
fn member_names_are_escaped_in_paths() {
    let body = create(&[
        (
            "{\"verification_type\"",
            r#"{"a/b": 1, "m~n": 1, "~1": 1, "/": 1, "~": 1, "": 1, "a~/b": 1, "verification_type""#,
        ),
        ("\"Maria\"", r#""Maria", "first/name": 1"#),
        ("\"client-ref-abc-001\"", r#""x", "x/y~z": 1, "x/y~z": 2"#),
    ]);
    let report = run_create(&body);
    expect(
        &report,
        422,
        &[
            (Code::UnknownField, "/"),
            (Code::UnknownField, "/a~0~1b"),
            (Code::UnknownField, "/a~1b"),
            (Code::UnknownField, "/basic_info/first~1name"),
            (Code::DuplicateKey, "/meta_data/x~1y~0z"),
            (Code::UnknownField, "/m~0n"),
            (Code::UnknownField, "/~0"),
            (Code::UnknownField, "/~01"),
            (Code::UnknownField, "/~1"),
        ],
    );
    // Every path leads back to its member (the repeated one aside).
    let value: Value = serde_json::from_str(&create(&[(
        "{\"verification_type\"",
        r#"{"a/b": 1, "m~n": 1, "~1": 1, "/": 1, "~": 1, "": 1, "a~/b": 1, "verification_type""#,
    )]))
    .unwrap();
    for (name, path) in [("a/b", "/a~1b"), ("m~n", "/m~0n"), ("~1", "/~01"), ("/", "/~1"), ("~", "/~0"), ("", "/")] {
        assert_eq!(value.pointer(path), value.get(name), "{path}");
    }
}

// ---------------------------------------------------------------------------
// Size: 1,000,000 items, 10 MB strings

fn ids(n: usize, f: impl Fn(usize) -> usize) -> String {
    let items: Vec<String> = (0..n).map(|i| f(i).to_string()).collect();
    format!("[{}]", items.join(", "))
}

#[test]
fn a_million_item_array_is_limited_then_complete() {
    let body = create(&[("[1, 5]", &ids(1_000_000, |i| i + 1))]);
    expect(&run_create(&body), 413, &[(Code::PayloadTooLarge, "")]);
    expect(&run_create_with(&body, &big()), 422, &[(Code::TooManyItems, "/financial_profile/source_of_fund_ids")]);
    let unlimited = big().with_max_array_items(usize::MAX);
    expect(&run_create_with(&body, &unlimited), 200, &[]);
}

#[test]
fn a_million_repeated_ids_are_each_reported_when_unbounded() {
    let body = create(&[("[1, 5]", &ids(1_000_000, |i| i % 2 + 1))]);
    let options = big().with_max_array_items(usize::MAX).with_max_violations(usize::MAX);
    let report = run_create_with(&body, &options);
    assert!(report.valid);
    assert_eq!(report.status, 200);
    assert!(!report.truncated);
    assert_eq!(report.violations.len(), 999_998);
    assert_eq!(report.total, 999_998);
    for (i, v) in report.violations.iter().enumerate() {
        assert_eq!(v.code, Code::DuplicateItem);
        assert_eq!(v.path(), format!("/financial_profile/source_of_fund_ids/{}", i + 2));
    }
}

#[test]
fn a_million_repeated_ids_keep_the_first_thousand_by_default() {
    let body = create(&[("[1, 5]", &ids(1_000_000, |i| i % 2 + 1))]);
    let report = run_create_with(&body, &big().with_max_array_items(usize::MAX));
    assert!(report.valid, "warnings only");
    assert!(report.truncated);
    assert_eq!(report.total, 999_998);
    assert_eq!(report.violations.len(), 1_000);
    for (i, v) in report.violations.iter().enumerate() {
        assert_eq!(v.path(), format!("/financial_profile/source_of_fund_ids/{}", i + 2), "the first in report order");
    }
}

#[test]
fn a_million_item_array_in_skipped_or_free_form_members() {
    let list = ids(1_000_000, |i| i);
    let unknown = create(&[("{\"verification_type\"", &format!("{{\"zz\": {list}, \"verification_type\""))]);
    expect(&run_create_with(&unknown, &big()), 200, &[(Code::UnknownField, "/zz")]);
    let wrong_type = create(&[("\"San Francisco\"", &list)]);
    expect(&run_create_with(&wrong_type, &big()), 422, &[(Code::InvalidType, "/address/city")]);
    let meta = create(&[("\"client-ref-abc-001\"", &list)]);
    expect(&run_create_with(&meta, &big().with_max_array_items(usize::MAX)), 200, &[]);
}

#[test]
fn a_million_item_array_in_meta_data_is_limited() {
    let meta = create(&[("\"client-ref-abc-001\"", &ids(1_000_000, |i| i))]);
    expect(&run_create_with(&meta, &big()), 422, &[(Code::TooManyItems, "/meta_data/reference")]);
}

fn ten_mb(c: char) -> String {
    std::iter::repeat(c).take(10_000_000 / c.len_utf8()).collect()
}

#[test]
fn ten_megabyte_strings_are_checked_completely() {
    let a = ten_mb('a');
    let s = |from: &str, to: &str| run_create_with(create(&[(from, to)]), &big());
    // The spec gives no length limit to names, cities or meta_data.
    expect(&s("Maria", &a), 200, &[]);
    expect(&s("client-ref-abc-001", &a), 200, &[]);
    expect(
        &s("{\"verification_type\"", &format!("{{\"zz\": \"{a}\", \"verification_type\"")),
        200,
        &[(Code::UnknownField, "/zz")],
    );
    // The one character that matters is at the end.
    expect(&s("San Francisco", &format!("{a}é")), 422, &[(Code::NonAscii, "/address/city")]);
    expect(&s("Maria", &format!("{a}\\u202e")), 422, &[(Code::InvalidCharacters, "/basic_info/first_name")]);
    expect(&s("Maria", &ten_mb('я')), 422, &[(Code::TransliterationRequired, "/basic_info/first_name_en")]);
    expect(&s("+14155552671", &format!("+1{}", ten_mb('4'))), 422, &[(Code::InvalidPhone, "/basic_info/phone")]);
    expect(&s("1990-04-15", &a), 422, &[(Code::InvalidDate, "/basic_info/dob")]);
    expect(&s("US-CA", &a), 422, &[(Code::UnknownSubdivision, "/address/subdivision_code")]);
    expect(&s("123-45-6789", &a), 422, &[(Code::InvalidTaxId, "/basic_info/tax_info/0/document_id")]);
    expect(&s("\"STANDARD\"", &format!("\"{a}\"")), 422, &[(Code::InvalidEnum, "/verification_type")]);
    expect(&s("\"FEMALE\"", &format!("\"{}\"", ten_mb(' '))), 422, &[(Code::Empty, "/basic_info/gender")]);
    // Ten megabytes of escapes decode to a plain (valid) city.
    expect(&s("San Francisco", &"\\u0041".repeat(1_000_000)), 200, &[]);
    // With suggestions on, the ASCII fold of a 10 MB name is suggested (and only there).
    let report = run_create_with(create(&[("Maria", &ten_mb('é'))]), &big().with_suggestions(true));
    expect(&report, 422, &[(Code::TransliterationRequired, "/basic_info/first_name_en")]);
    assert_eq!(report.violations[0].suggestion.as_ref().map(String::len), Some(5_000_000));
}

#[test]
fn ten_megabyte_strings_in_attach_requests() {
    let a = ten_mb('A');
    let options = big();
    let run_a = |body: String, id: &str| run(ATTACH, body.as_bytes(), Some(id), &attach_context(), &options);
    expect(&run_a(attach(&[("US-CA", &a)]), CUSTOMER_ID), 422, &[(Code::TooLong, "/identifying_documents/1/state")]);
    expect(&run_a(attach(&[("e9414388", &a)]), CUSTOMER_ID), 200, &[]);
    expect(&run_a(ATTACH_BODY.to_owned(), &a), 422, &[(Code::InvalidUuid, "/customer_id")]);
}

#[test]
fn an_overlong_email_is_invalid_email() {
    for local in ["a".repeat(65), ten_mb('a')] {
        let body = create(&[("maria.garcia@example.com", &format!("{local}@example.com"))]);
        expect(&run_create_with(body, &big()), 422, &[(Code::InvalidEmail, "/basic_info/email")]);
    }
}

// ---------------------------------------------------------------------------
// Zero-width and bidi characters

const BIDI: [&str; 9] =
    ["\\u202a", "\\u202b", "\\u202c", "\\u202d", "\\u202e", "\\u2066", "\\u2067", "\\u2068", "\\u2069"];

#[test]
fn bidi_controls_are_invalid_characters_everywhere_text_is_checked() {
    for c in BIDI {
        let with_companion = format!("\"Garcia{c}\", \"last_name_en\": \"Garcia\"");
        expect(
            &run_create(create(&[("\"Garcia\"", &with_companion)])),
            422,
            &[(Code::InvalidCharacters, "/basic_info/last_name")],
        );
        expect(
            &run_create(create(&[("\"Garcia\"", &format!("\"Garcia\", \"last_name_en\": \"Gar{c}cia\""))])),
            422,
            &[(Code::InvalidCharacters, "/basic_info/last_name_en")],
        );
        expect(
            &run_create(create(&[
                ("San Francisco", &format!("San{c} Francisco")),
                ("maria.garcia@", &format!("maria{c}@")),
            ])),
            422,
            &[(Code::InvalidCharacters, "/address/city"), (Code::InvalidCharacters, "/basic_info/email")],
        );
        expect(
            &run_attach(attach(&[("DL987654321", &format!("DL98765{c}4321"))])),
            422,
            &[(Code::InvalidCharacters, "/identifying_documents/1/number")],
        );
    }
}

#[test]
fn zero_width_characters_are_non_ascii_where_only_ascii_is_allowed() {
    for c in ["\\u200b", "\\u200c", "\\u200d", "\\u2060", "\\ufeff"] {
        expect(
            &run_create(create(&[("San Francisco", &format!("San{c}Francisco"))])),
            422,
            &[(Code::NonAscii, "/address/city")],
        );
        expect(
            &run_create(create(&[("\"Maria\"", &format!("\"Maria\", \"first_name_en\": \"Ma{c}ria\""))])),
            422,
            &[(Code::TransliterationNotAscii, "/basic_info/first_name_en")],
        );
        expect(
            &run_create(create(&[
                ("maria.garcia@", &format!("maria{c}.garcia@")),
                ("\"USA\", \"primary", &format!("\"US{c}A\", \"primary")),
            ])),
            422,
            &[(Code::InvalidCountry, "/basic_info/country_of_residence"), (Code::InvalidEmail, "/basic_info/email")],
        );
    }
}

#[test]
fn joiners_in_a_name_with_its_companion_are_accepted() {
    // ZWNJ and ZWJ are part of correct spelling in Persian and Indic scripts.
    let name = "\"\u{0645}\u{06cc}\u{200c}\u{062e}\u{0648}\u{0627}\u{0647}\u{0645}\", \"first_name_en\": \"Mikhaham\"";
    expect(&run_create(create(&[("\"Maria\"", name)])), 200, &[]);
    let name = "\"\u{0915}\u{094d}\u{200d}\u{0937}\", \"first_name_en\": \"Ksha\"";
    expect(&run_create(create(&[("\"Maria\"", name)])), 200, &[]);
}

#[test]
fn zero_width_characters_in_a_name_without_companion_need_the_companion() {
    expect(
        &run_create(create(&[("Maria", "Ma\\u200bria")])),
        422,
        &[(Code::TransliterationRequired, "/basic_info/first_name_en")],
    );
}

#[test]
#[ignore = "library gap: invisible format characters with no use inside a name (ZERO WIDTH SPACE, WORD JOINER, ZERO WIDTH NO-BREAK SPACE) pass in a name that has its _en companion; only C0/C1 and bidi embeddings/overrides/isolates are invalid_characters"]
fn invisible_characters_in_a_name_are_invalid_characters() {
    for c in ["\\u200b", "\\u2060", "\\ufeff"] {
        let name = format!("\"Ma{c}ria\", \"first_name_en\": \"Maria\"");
        expect(
            &run_create(create(&[("\"Maria\"", &name)])),
            422,
            &[(Code::InvalidCharacters, "/basic_info/first_name")],
        );
    }
}

// ---------------------------------------------------------------------------
// Confusable letters

#[test]
fn a_cyrillic_letter_in_a_latin_name_needs_the_companion() {
    // "Mаria" with U+0430 CYRILLIC SMALL LETTER A looks like "Maria" but is not ASCII.
    let report = run_create_with(create(&[("Maria", "M\u{0430}ria")]), &Options::default().with_suggestions(true));
    expect(&report, 422, &[(Code::TransliterationRequired, "/basic_info/first_name_en")]);
    // No ASCII fold exists for a Cyrillic letter, so nothing is suggested.
    assert_eq!(report.violations[0].suggestion, None);
    // With its companion, the request is valid: the provider uses the companion.
    expect(&run_create(create(&[("\"Maria\"", "\"M\u{0430}ria\", \"first_name_en\": \"Maria\"")])), 200, &[]);
    // A confusable in the companion itself is caught.
    expect(
        &run_create(create(&[("\"Maria\"", "\"Maria\", \"first_name_en\": \"M\u{0430}ria\"")])),
        422,
        &[(Code::TransliterationNotAscii, "/basic_info/first_name_en")],
    );
}

#[test]
fn confusables_in_formatted_members_fail_their_format() {
    let report = run_create(create(&[
        ("\"STANDARD\"", "\"ST\u{0410}NDARD\""),
        ("maria.garcia@", "m\u{0430}ria.garcia@"),
        ("\"USA\", \"primary", "\"US\u{0410}\", \"primary"),
        ("\"country_code\": \"USA\"", "\"country_code\": \"U\u{0405}A\""),
        ("San Francisco", "S\u{0430}n Francisco"),
        ("\"SSN\"", "\"\u{0405}SN\""),
        ("US-CA", "US-\u{0421}A"),
    ]));
    expect(
        &report,
        422,
        &[
            (Code::NonAscii, "/address/city"),
            (Code::NonAscii, "/address/subdivision_code"),
            (Code::InvalidCountry, "/basic_info/country_of_residence"),
            (Code::InvalidEmail, "/basic_info/email"),
            (Code::InvalidCountry, "/basic_info/tax_info/0/country_code"),
            (Code::NonAscii, "/basic_info/tax_info/0/document_type"),
            (Code::InvalidEnum, "/verification_type"),
        ],
    );
    let report =
        run_attach(attach(&[("\"DRIVERS_LICENSE\"", "\"DRIVERS_LIC\u{0415}NSE\""), ("/XyZ123mn", "/XyZ123m\u{043e}")]));
    expect(
        &report,
        403,
        &[
            (Code::NonAscii, "/identifying_documents/1/files/1/uri"),
            // Not one of the customer's uploads either.
            (Code::FileNotOwned, "/identifying_documents/1/files/1/uri"),
            (Code::InvalidEnum, "/identifying_documents/1/type"),
        ],
    );
    // A UUID with a Cyrillic letter among its hex digits.
    let id = "55bd6b4e-c20a-4cc8-9535-91d5557\u{430}67d";
    let report = run(ATTACH, ATTACH_BODY.as_bytes(), Some(id), &attach_context(), &Options::default());
    expect(&report, 422, &[(Code::InvalidUuid, "/customer_id")]);
}

#[test]
fn compatibility_letters_fold_in_suggestions() {
    // FULLWIDTH M and MATHEMATICAL BOLD M decompose (NFKD) to M.
    for name in ["\\uff2daria", "\\ud835\\udc0caria"] {
        let report = run_create_with(create(&[("Maria", name)]), &Options::default().with_suggestions(true));
        expect(&report, 422, &[(Code::TransliterationRequired, "/basic_info/first_name_en")]);
        assert_eq!(report.violations[0].suggestion.as_deref(), Some("Maria"));
    }
}

// ---------------------------------------------------------------------------
// Typed requests

#[test]
#[ignore = "library bug: a typed enum's Other holding an allowed value (Other(\"SELFIE\")) is not that value to the rules, but its JSON is: typed and JSON reports differ"]
fn a_typed_other_holding_an_allowed_value_validates_like_its_json() {
    use kyc_rules::model::IdentityDocumentType;
    let mut typed: kyc_rules::AttachIndividualV2 = serde_json::from_str(ATTACH_BODY).expect("typed");
    typed.identifying_documents.as_mut().expect("documents")[0].kind =
        Some(IdentityDocumentType::Other("SELFIE".to_owned()));
    let json = serde_json::to_vec(&typed).expect("JSON");
    let ctx = attach_context();
    let from_json = run(ATTACH, &json, Some(CUSTOMER_ID), &ctx, &Options::default());
    expect(&from_json, 200, &[]);
    let request = Request::attach_individual_v2(&typed).with_customer_id(CUSTOMER_ID);
    assert_eq!(validate(request, &ctx, &Options::default()), from_json);
}

#[test]
fn repeated_numeric_looking_member_names_sort_without_panicking() {
    // Duplicate members named "10", "9", "1a", ... in meta_data: their paths mix numeric and
    // non-numeric tokens under one parent, which an inconsistent order would trip over.
    let names = ["10", "9", "1a", "09", "b", "0", "a10", "18446744073709551616"];
    let members: Vec<String> = names.iter().flat_map(|n| [format!("\"{n}\": 1"), format!("\"{n}\": 2")]).collect();
    let body = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/create-individual-v2.json"))
        .unwrap()
        .replace("\"reference\": \"client-ref-abc-001\"", &members.join(", "));
    let report = run_create_with(body, &Options::default());
    let paths: Vec<&str> = report.violations.iter().map(|v| v.path()).collect();
    assert_eq!(
        paths,
        [
            "/meta_data/0",
            "/meta_data/09",
            "/meta_data/9",
            "/meta_data/10",
            "/meta_data/18446744073709551616",
            "/meta_data/1a",
            "/meta_data/a10",
            "/meta_data/b"
        ]
    );
    assert!(report.violations.iter().all(|v| v.code.as_str() == "duplicate_key"));
}

#[test]
fn a_huge_number_then_a_string_cut_after_a_backslash_is_malformed_json() {
    // The clamping scan for numbers beyond f64 must stop cleanly at a trailing backslash.
    for body in [r#"{"verification_type": 1e400, "x": "abc\"#, r#"{"a": -1e999, "b": "\"#, r#"{"a": 2e308, "\"#] {
        let report = run_create_with(body, &Options::default());
        expect_malformed(&report);
    }
}

#[test]
fn a_huge_number_at_the_very_end_of_the_body_is_read_safely() {
    // The clamping scan meets a number token that ends the input.
    for body in ["1e400", "-1e400", "[1e400", "{\"a\": 1e400"] {
        expect_malformed(&run_create_with(body, &Options::default()));
    }
}
