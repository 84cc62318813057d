//! Criterion benchmarks (issue 5): the engine next to the cost of parsing the same bytes.
//!
//! `cargo bench` runs them all; `cargo bench --bench validate -- scaling` (or any other part of a
//! group name) runs a subset. The baselines run in the same process on the same bytes, so compare
//! ratios, not absolute times:
//!
//! - (a) `serde_json::from_slice` into a plain struct with the same fields and no validation;
//! - (b) `serde_json::from_slice::<Value>`;
//! - (b+c) (b) followed by jsonschema-rs on a JSON Schema written from the spec
//!   (`benches/schema/`): `is_valid` on a valid request, every error (`iter_errors`) on an invalid
//!   one; the validator is compiled once, outside the timing. (c) alone, on an already parsed
//!   `Value`, is there for reference.
//!
//! Groups:
//!
//! - `create-v2/valid`: the documented V2 create example (`examples/create-individual-v2.json`).
//! - `create-v2/invalid`: the same request with 10 violations of 10 different rules (checked when
//!   the bench starts, for raw bytes and the typed request alike).
//! - `attach-v2/valid`: the documented V2 attach example, with `examples/attach-context.json` and
//!   the `customer_id` path parameter.
//! - `scaling/...`: `tax_info` with 10, 1,000 and 100,000 entries (all unique, then all the same
//!   `document_id`), attach `files` with 1,000 and 100,000 entries, a 1 MB first name (ASCII, then
//!   non-ASCII with its `_en`). Throughput is per item (per byte for the name), so criterion prints
//!   the cost per item; the Options limits are raised so that nothing is cut off.
//!
//! Every input is checked when the bench starts (valid, or exactly the violations expected), and
//! what each scaling input reports is printed, so the numbers measure what they claim to.

use criterion::{criterion_group, BenchmarkId, Criterion, SamplingMode, Throughput};
use kyc_rules::tax_id;
use kyc_rules::{
    validate, AttachIndividualV2, Context, CreateIndividualV2, Date, Options, Report, Request, RequestKind,
};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Duration;

const CREATE: &[u8] = include_bytes!("../examples/create-individual-v2.json");
const ATTACH: &[u8] = include_bytes!("../examples/attach-individual-v2.json");
const ATTACH_CONTEXT: &str = include_str!("../examples/attach-context.json");
const CREATE_SCHEMA: &str = include_str!("schema/create-individual-v2.schema.json");
const ATTACH_SCHEMA: &str = include_str!("schema/attach-individual-v2.schema.json");
const CUSTOMER_ID: &str = "55bd6b4e-c20a-4cc8-9535-91d5557a67d9";
const TODAY: &str = "2026-11-26";

/// Baseline (a): the same fields into plain structs, no validation.
mod plain {
    use serde::Deserialize;

    #[allow(dead_code)]
    #[derive(Deserialize)]
    pub struct Create {
        verification_type: String,
        basic_info: BasicInfo,
        address: Address,
        financial_profile: Profile,
        meta_data: Option<serde_json::Map<String, serde_json::Value>>,
    }
    #[allow(dead_code)]
    #[derive(Deserialize)]
    struct BasicInfo {
        first_name: String,
        first_name_en: Option<String>,
        middle_name: Option<String>,
        middle_name_en: Option<String>,
        last_name: String,
        last_name_en: Option<String>,
        dob: String,
        email: String,
        phone: String,
        country_of_residence: String,
        primary_nationality: String,
        secondary_nationality: Option<String>,
        gender: Option<String>,
        tax_info: Vec<Tax>,
    }
    #[allow(dead_code)]
    #[derive(Deserialize)]
    struct Tax {
        country_code: String,
        document_type: String,
        document_id: String,
    }
    #[allow(dead_code)]
    #[derive(Deserialize)]
    struct Address {
        street_line_1: String,
        street_line_1_en: Option<String>,
        street_line_2: Option<String>,
        street_line_2_en: Option<String>,
        city: String,
        subdivision_code: String,
        postal_code: String,
        country: String,
    }
    #[allow(dead_code)]
    #[derive(Deserialize)]
    struct Profile {
        employment_status: String,
        occupation_id: u64,
        purpose_id: u64,
        purpose_remarks: Option<String>,
        source_of_fund_ids: Vec<u64>,
        source_of_funds_description: Option<String>,
        monthly_volume_usd: u64,
    }

    #[allow(dead_code)]
    #[derive(Deserialize)]
    pub struct Attach {
        identifying_documents: Vec<IdentifyingDocument>,
        address_documents: Vec<AddressDocument>,
        tos_policies_value: String,
    }
    #[allow(dead_code)]
    #[derive(Deserialize)]
    struct IdentifyingDocument {
        #[serde(rename = "type")]
        kind: String,
        number: Option<String>,
        country: Option<String>,
        state: Option<String>,
        issue_date: Option<String>,
        expiry_date: Option<String>,
        files: Vec<File>,
    }
    #[allow(dead_code)]
    #[derive(Deserialize)]
    struct AddressDocument {
        #[serde(rename = "type")]
        kind: String,
        country: String,
        issue_date: Option<String>,
        files: Vec<File>,
    }
    #[allow(dead_code)]
    #[derive(Deserialize)]
    struct File {
        uri: String,
        side: Option<String>,
    }
}

fn today() -> Date {
    Date::parse(TODAY).unwrap()
}

/// The create context: today, the client's settings and the catalogues, so those rules run too.
fn create_context() -> Context {
    let mut ctx = Context::from_json(
        r#"{"client": {"reliance_enabled": true},
            "catalog": {"occupation_ids": [42], "purpose_ids": [3], "source_of_fund_ids": [1, 5]}}"#,
    )
    .unwrap();
    ctx.today = Some(today());
    ctx
}

/// The documented attach context (the stored customer owns the example's four files), on today.
fn attach_context() -> Context {
    let mut ctx = Context::from_json(ATTACH_CONTEXT).unwrap();
    ctx.today = Some(today());
    ctx
}

fn create_raw(body: &[u8]) -> Request<'_> {
    Request::json(RequestKind::CreateIndividualV2, body)
}

fn create_typed(body: &CreateIndividualV2) -> Request<'_> {
    Request::create_individual_v2(body)
}

fn attach_raw(body: &[u8]) -> Request<'_> {
    Request::json(RequestKind::AttachIndividualV2, body).with_customer_id(CUSTOMER_ID)
}

fn attach_typed(body: &AttachIndividualV2) -> Request<'_> {
    Request::attach_individual_v2(body).with_customer_id(CUSTOMER_ID)
}

fn compile_schema(text: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(text).unwrap();
    jsonschema::draft202012::options().should_validate_formats(true).build(&schema).unwrap()
}

fn typed<T: DeserializeOwned>(bytes: &[u8]) -> T {
    serde_json::from_slice(bytes).unwrap()
}

fn value(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap()
}

/// `(code, path)` of every violation, in report order.
fn found(report: &Report) -> Vec<(&'static str, String)> {
    report.violations.iter().map(|v| (v.code.as_str(), v.path().to_owned())).collect()
}

/// How many violations of each code, for the scaling inputs' printout.
fn code_counts(report: &Report) -> String {
    let mut counts = BTreeMap::<&str, usize>::new();
    for v in &report.violations {
        *counts.entry(v.code.as_str()).or_default() += 1;
    }
    if counts.is_empty() {
        return "none".to_owned();
    }
    counts.iter().map(|(c, n)| format!("{c} x{n}")).collect::<Vec<_>>().join(", ")
}

/// The invalid create request: the documented example with 10 violations of 10 different rules,
/// and the `(code, path)` list the engine must report for it. Every value still has the type the
/// plain struct of baseline (a) and the typed model expect, so all the baselines parse it.
fn invalid_create() -> (Vec<u8>, Vec<(&'static str, &'static str)>) {
    let mut v = value(CREATE);
    v["verification_type"] = json!("FULL");
    let bi = &mut v["basic_info"];
    bi["first_name"] = json!("María");
    bi["dob"] = json!("2015-06-01");
    bi["email"] = json!("Maria.Garcia@example.com");
    bi["phone"] = json!("+442079460958");
    bi["secondary_nationality"] = json!("XKX");
    let first_tax = bi["tax_info"][0].clone();
    bi["tax_info"].as_array_mut().unwrap().push(first_tax);
    v["address"]["subdivision_code"] = json!("CA");
    v["address"]["city"] = json!("  ");
    v["financial_profile"]["source_of_fund_ids"] = json!([]);
    let expected = vec![
        ("unknown_subdivision", "/address/subdivision_code"),
        ("empty", "/address/city"),
        ("age_out_of_range", "/basic_info/dob"),
        ("email_not_lowercase", "/basic_info/email"),
        ("transliteration_required", "/basic_info/first_name_en"),
        ("phone_country_mismatch", "/basic_info/phone"),
        ("invalid_country", "/basic_info/secondary_nationality"),
        ("duplicate_document_id", "/basic_info/tax_info/1/document_id"),
        ("too_few_items", "/financial_profile/source_of_fund_ids"),
        ("invalid_enum", "/verification_type"),
    ];
    (serde_json::to_vec_pretty(&v).unwrap(), expected)
}

/// Checks that the report has exactly the expected violations (compared as sets, so the check
/// does not depend on the report's ordering rules), all errors, of 10 different codes.
fn assert_violations(report: &Report, expected: &[(&str, &str)], what: &str) {
    let mut got: Vec<(String, String)> =
        report.violations.iter().map(|v| (v.code.as_str().to_owned(), v.path().to_owned())).collect();
    let mut want: Vec<(String, String)> = expected.iter().map(|(c, p)| (c.to_string(), p.to_string())).collect();
    got.sort();
    want.sort();
    assert_eq!(got, want, "{what}: unexpected violations");
    assert!(report.violations.iter().all(|v| v.severity == kyc_rules::Severity::Error), "{what}: {report:?}");
    let mut codes: Vec<&str> = report.violations.iter().map(|v| v.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), expected.len(), "{what}: the violations are not of {} different codes", expected.len());
}

fn configure(c: Criterion) -> Criterion {
    c.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3))
}

fn create_v2(c: &mut Criterion) {
    let ctx = create_context();
    let opts = Options::default();
    let schema = compile_schema(CREATE_SCHEMA);

    // The valid example: valid for the engine and for the schema.
    let valid_typed: CreateIndividualV2 = typed(CREATE);
    let valid_value = value(CREATE);
    let report = validate(Request::json(RequestKind::CreateIndividualV2, CREATE), &ctx, &opts);
    assert!(report.valid && report.violations.is_empty(), "the documented example: {:?}", found(&report));
    assert_eq!(validate(Request::create_individual_v2(&valid_typed), &ctx, &opts), report);
    assert!(schema.is_valid(&valid_value), "the schema rejects the documented example");

    // The invalid request: exactly its 10 violations, raw and typed alike.
    let (invalid, expected) = invalid_create();
    let invalid: &[u8] = &invalid;
    let invalid_typed: CreateIndividualV2 = typed(invalid);
    let invalid_value = value(invalid);
    let report = validate(Request::json(RequestKind::CreateIndividualV2, invalid), &ctx, &opts);
    assert_violations(&report, &expected, "create-v2/invalid (raw)");
    assert_eq!(validate(Request::create_individual_v2(&invalid_typed), &ctx, &opts), report);
    serde_json::from_slice::<plain::Create>(invalid).expect("baseline (a) parses the invalid request");
    let schema_errors: Vec<String> =
        schema.iter_errors(&invalid_value).map(|e| e.instance_path().to_string()).collect();
    assert!(!schema_errors.is_empty());
    eprintln!(
        "create-v2/invalid: {} bytes; the engine reports {} violations of {} codes, the JSON Schema {} errors (at {})",
        invalid.len(),
        report.violations.len(),
        expected.len(),
        schema_errors.len(),
        schema_errors.join(", ")
    );

    let mut g = c.benchmark_group("create-v2/valid");
    g.throughput(Throughput::Bytes(CREATE.len() as u64));
    g.bench_function("a: serde_json into plain struct", |b| {
        b.iter(|| serde_json::from_slice::<plain::Create>(black_box(CREATE)).unwrap())
    });
    g.bench_function("b: serde_json into Value", |b| {
        b.iter(|| serde_json::from_slice::<Value>(black_box(CREATE)).unwrap())
    });
    g.bench_function("b+c: Value + jsonschema is_valid", |b| {
        b.iter(|| schema.is_valid(&serde_json::from_slice::<Value>(black_box(CREATE)).unwrap()))
    });
    g.bench_function("c: jsonschema is_valid on a parsed Value", |b| {
        b.iter(|| schema.is_valid(black_box(&valid_value)))
    });
    g.bench_function("raw: validate bytes", |b| {
        b.iter(|| validate(Request::json(RequestKind::CreateIndividualV2, black_box(CREATE)), &ctx, &opts))
    });
    g.bench_function("typed: validate", |b| {
        b.iter(|| validate(Request::create_individual_v2(black_box(&valid_typed)), &ctx, &opts))
    });
    g.finish();

    let mut g = c.benchmark_group("create-v2/invalid");
    g.throughput(Throughput::Bytes(invalid.len() as u64));
    g.bench_function("a: serde_json into plain struct", |b| {
        b.iter(|| serde_json::from_slice::<plain::Create>(black_box(invalid)).unwrap())
    });
    g.bench_function("b: serde_json into Value", |b| {
        b.iter(|| serde_json::from_slice::<Value>(black_box(invalid)).unwrap())
    });
    g.bench_function("b+c: Value + jsonschema every error", |b| {
        b.iter(|| {
            let v = serde_json::from_slice::<Value>(black_box(invalid)).unwrap();
            // The errors borrow the Value; collecting them (not only counting) is the work a
            // caller reporting every error does.
            let errors: Vec<_> = schema.iter_errors(&v).collect();
            errors.len()
        })
    });
    g.bench_function("c: jsonschema every error on a parsed Value", |b| {
        b.iter(|| schema.iter_errors(black_box(&invalid_value)).collect::<Vec<_>>())
    });
    g.bench_function("raw: validate bytes", |b| {
        b.iter(|| validate(Request::json(RequestKind::CreateIndividualV2, black_box(invalid)), &ctx, &opts))
    });
    g.bench_function("typed: validate", |b| {
        b.iter(|| validate(Request::create_individual_v2(black_box(&invalid_typed)), &ctx, &opts))
    });
    g.finish();
}

fn attach_v2(c: &mut Criterion) {
    let ctx = attach_context();
    let opts = Options::default();
    let schema = compile_schema(ATTACH_SCHEMA);
    let typed_attach: AttachIndividualV2 = typed(ATTACH);
    let attach_value = value(ATTACH);
    let report = validate(attach_raw(ATTACH), &ctx, &opts);
    assert!(report.valid && report.violations.is_empty(), "the documented attach example: {:?}", found(&report));
    assert_eq!(validate(attach_typed(&typed_attach), &ctx, &opts), report);
    assert!(schema.is_valid(&attach_value), "the attach schema rejects the documented example");
    // The schema's if-then: a US driving licence without `state` fails it.
    let mut no_state = attach_value.clone();
    no_state["identifying_documents"][1].as_object_mut().unwrap().remove("state");
    assert!(!schema.is_valid(&no_state), "the attach schema misses the DRIVERS_LICENSE/USA if-then");

    let mut g = c.benchmark_group("attach-v2/valid");
    g.throughput(Throughput::Bytes(ATTACH.len() as u64));
    g.bench_function("a: serde_json into plain struct", |b| {
        b.iter(|| serde_json::from_slice::<plain::Attach>(black_box(ATTACH)).unwrap())
    });
    g.bench_function("b: serde_json into Value", |b| {
        b.iter(|| serde_json::from_slice::<Value>(black_box(ATTACH)).unwrap())
    });
    g.bench_function("b+c: Value + jsonschema is_valid", |b| {
        b.iter(|| schema.is_valid(&serde_json::from_slice::<Value>(black_box(ATTACH)).unwrap()))
    });
    g.bench_function("c: jsonschema is_valid on a parsed Value", |b| {
        b.iter(|| schema.is_valid(black_box(&attach_value)))
    });
    g.bench_function("raw: validate bytes", |b| b.iter(|| validate(attach_raw(black_box(ATTACH)), &ctx, &opts)));
    g.bench_function("typed: validate", |b| b.iter(|| validate(attach_typed(black_box(&typed_attach)), &ctx, &opts)));
    g.finish();
}

/// A valid US SSN (`AAA-GG-SSSS`, area 100 to 199, no zero group or serial), distinct for each `i`
/// below 9,999 x 99 x 100.
fn ssn(i: usize) -> String {
    format!("{:03}-{:02}-{:04}", 100 + i / (9999 * 99), i / 9999 % 99 + 1, i % 9999 + 1)
}

/// The create example with `n` tax documents, all with different IDs or all with the same.
fn create_with_tax_info(n: usize, unique: bool) -> Vec<u8> {
    let mut v = value(CREATE);
    let entries: Vec<Value> = (0..n)
        .map(|i| {
            let id = if unique { ssn(i) } else { "123-45-6789".to_owned() };
            json!({"country_code": "USA", "document_type": "SSN", "document_id": id})
        })
        .collect();
    v["basic_info"]["tax_info"] = Value::Array(entries);
    serde_json::to_vec(&v).unwrap()
}

/// The attach example whose driving licence has `n` files (alternately FRONT and BACK, each URI
/// different), and a context whose customer owns all of them.
fn attach_with_files(n: usize) -> (Vec<u8>, Context) {
    let mut v = value(ATTACH);
    let uris: Vec<String> = (0..n).map(|i| format!("/{i:08}_page.pdf")).collect();
    let files: Vec<Value> = uris
        .iter()
        .enumerate()
        .map(|(i, uri)| json!({"side": if i % 2 == 0 { "FRONT" } else { "BACK" }, "uri": uri}))
        .collect();
    v["identifying_documents"][1]["files"] = Value::Array(files);
    let mut ctx: Value = serde_json::from_str(ATTACH_CONTEXT).unwrap();
    let owned = ctx["customer"]["file_uris"].as_array_mut().unwrap();
    owned.extend(uris.into_iter().map(Value::String));
    let mut ctx: Context = serde_json::from_value(ctx).unwrap();
    ctx.today = Some(today());
    (serde_json::to_vec(&v).unwrap(), ctx)
}

/// The create example with a first name of `bytes` bytes: ASCII, or non-ASCII with its `_en`.
fn create_with_long_name(bytes: usize, ascii: bool) -> Vec<u8> {
    let mut v = value(CREATE);
    if ascii {
        v["basic_info"]["first_name"] = json!("A".repeat(bytes));
    } else {
        v["basic_info"]["first_name"] = json!("é".repeat(bytes / 2));
        v["basic_info"]["first_name_en"] = json!("e".repeat(bytes / 2));
    }
    serde_json::to_vec(&v).unwrap()
}

/// Raw validation, typed validation and baselines (a) and (b) of one scaling input.
fn bench_scaling_input<P: DeserializeOwned, T: DeserializeOwned>(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    param: &str,
    body: &[u8],
    request: impl for<'r> Fn(&'r [u8]) -> Request<'r>,
    typed_request: impl for<'r> Fn(&'r T) -> Request<'r>,
    ctx: &Context,
    opts: &Options,
) {
    let typed_body: T = typed(body);
    g.bench_with_input(BenchmarkId::new("a: serde_json into plain struct", param), body, |b, body| {
        b.iter(|| serde_json::from_slice::<P>(black_box(body)).unwrap())
    });
    g.bench_with_input(BenchmarkId::new("b: serde_json into Value", param), body, |b, body| {
        b.iter(|| serde_json::from_slice::<Value>(black_box(body)).unwrap())
    });
    g.bench_with_input(BenchmarkId::new("raw: validate bytes", param), body, |b, body| {
        b.iter(|| validate(request(black_box(body)), ctx, opts))
    });
    g.bench_with_input(BenchmarkId::new("typed: validate", param), &typed_body, |b, t| {
        b.iter(|| validate(typed_request(black_box(t)), ctx, opts))
    });
}

fn scaling(c: &mut Criterion) {
    // Limits high enough for every input below: nothing is cut off or refused, every
    // violation is reported (the per-item cost of reporting is part of what scales).
    let opts = Options::default()
        .with_max_body_bytes(256 << 20)
        .with_max_array_items(1_000_000)
        .with_max_violations(usize::MAX);
    let create_ctx = create_context();

    for (unique, name) in [(true, "scaling/tax_info unique"), (false, "scaling/tax_info all duplicate")] {
        let mut g = c.benchmark_group(name);
        g.sampling_mode(SamplingMode::Flat).sample_size(20);
        for n in [10, 1_000, 100_000] {
            let body = create_with_tax_info(n, unique);
            let report = validate(create_raw(&body), &create_ctx, &opts);
            eprintln!("{name} {n}: {} bytes, violations: {}", body.len(), code_counts(&report));
            if unique {
                assert!(report.valid && report.violations.is_empty(), "{name} {n}: {:?}", &found(&report)[..3]);
            } else {
                assert_eq!(report.violations.len(), n - 1, "{name} {n}: one duplicate_document_id per repeat");
                assert!(report.violations.iter().all(|v| v.code.as_str() == "duplicate_document_id"));
            }
            g.throughput(Throughput::Elements(n as u64));
            let p = n.to_string();
            bench_scaling_input::<plain::Create, CreateIndividualV2>(
                &mut g,
                &p,
                &body,
                create_raw,
                create_typed,
                &create_ctx,
                &opts,
            );
        }
        g.finish();
    }

    let mut g = c.benchmark_group("scaling/attach files");
    g.sampling_mode(SamplingMode::Flat).sample_size(20);
    for n in [1_000, 100_000] {
        let (body, ctx) = attach_with_files(n);
        let report = validate(attach_raw(&body), &ctx, &opts);
        eprintln!("scaling/attach files {n}: {} bytes, violations: {}", body.len(), code_counts(&report));
        assert!(!report.violations.is_empty(), "a driving licence with {n} files must fail file_count");
        g.throughput(Throughput::Elements(n as u64));
        bench_scaling_input::<plain::Attach, AttachIndividualV2>(
            &mut g,
            &n.to_string(),
            &body,
            attach_raw,
            attach_typed,
            &ctx,
            &opts,
        );
    }
    g.finish();

    let mut g = c.benchmark_group("scaling/1 MB first_name");
    g.sampling_mode(SamplingMode::Flat).sample_size(20);
    for (ascii, param) in [(true, "ascii"), (false, "non-ascii with _en")] {
        let body = create_with_long_name(1_000_000, ascii);
        let report = validate(create_raw(&body), &create_ctx, &opts);
        eprintln!("scaling/1 MB first_name {param}: {} bytes, violations: {}", body.len(), code_counts(&report));
        assert!(report.valid, "{param}: {:?}", found(&report));
        g.throughput(Throughput::Bytes(body.len() as u64));
        bench_scaling_input::<plain::Create, CreateIndividualV2>(
            &mut g,
            param,
            &body,
            create_raw,
            create_typed,
            &create_ctx,
            &opts,
        );
    }
    g.finish();
}

/// One bench per tax-ID scheme: `tax_id::check` (table look-up, compacting, the scheme) on a
/// valid number, the first of the scheme's fixture (python-stdnum's own example).
fn tax_ids(c: &mut Criterion) {
    let today = Some(today());
    let mut g = c.benchmark_group("tax_id");
    g.warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(1));
    for country in tax_id::COUNTRIES {
        for entry in country.entries() {
            let module = entry.scheme().module();
            let file = if country.code() == "SVK" { "sk.rc" } else { module };
            let path = format!("{}/tests/data/tax_ids/{file}.tsv", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap();
            let number = text
                .lines()
                .filter(|l| !l.starts_with('#'))
                .find_map(|l| l.strip_prefix("1\t").map(|rest| rest.rsplit('\t').next().unwrap().to_owned()))
                .unwrap();
            let name = entry.names().first().copied().unwrap_or(tax_id::GENERIC);
            let code = country.code();
            assert!(matches!(tax_id::check(code, name, &number, today), tax_id::Verdict::Valid(_)), "{file}");
            g.bench_function(format!("{code} {name} ({file})"), |b| {
                b.iter(|| tax_id::check(black_box(code), black_box(name), black_box(&number), today))
            });
        }
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = configure(Criterion::default());
    targets = create_v2, attach_v2, scaling, tax_ids
}
/// `KYC_INSTRUCTIONS=CASE:N cargo bench --bench validate` runs one case N times and exits, for
/// counting instructions under callgrind (`scripts/instructions.sh` runs every case with N = 0
/// and N = 1000 and prints the difference per call). The cases are the inputs of the three
/// groups above: `create-valid`, `create-invalid`, `attach-valid`, each `/a` (baseline (a)),
/// `/raw` or `/typed`.
fn instructions(spec: &str) {
    let (case, n) = spec.split_once(':').expect("KYC_INSTRUCTIONS=CASE:N");
    let n: usize = n.parse().expect("N is a count");
    let (create_ctx, attach_ctx, opts) = (create_context(), attach_context(), Options::default());
    let (invalid, _) = invalid_create();
    let valid_typed: CreateIndividualV2 = typed(CREATE);
    let invalid_typed: CreateIndividualV2 = typed(&invalid);
    let attach: AttachIndividualV2 = typed(ATTACH);
    let run: Box<dyn Fn()> = match case {
        "create-valid/a" => Box::new(|| drop(black_box(serde_json::from_slice::<plain::Create>(black_box(CREATE))))),
        "create-valid/raw" => Box::new(|| drop(black_box(validate(create_raw(black_box(CREATE)), &create_ctx, &opts)))),
        "create-valid/typed" => {
            Box::new(|| drop(black_box(validate(create_typed(black_box(&valid_typed)), &create_ctx, &opts))))
        }
        "create-invalid/a" => {
            Box::new(|| drop(black_box(serde_json::from_slice::<plain::Create>(black_box(&invalid)))))
        }
        "create-invalid/raw" => {
            Box::new(|| drop(black_box(validate(create_raw(black_box(&invalid)), &create_ctx, &opts))))
        }
        "create-invalid/typed" => {
            Box::new(|| drop(black_box(validate(create_typed(black_box(&invalid_typed)), &create_ctx, &opts))))
        }
        "attach-valid/a" => Box::new(|| drop(black_box(serde_json::from_slice::<plain::Attach>(black_box(ATTACH))))),
        "attach-valid/raw" => Box::new(|| drop(black_box(validate(attach_raw(black_box(ATTACH)), &attach_ctx, &opts)))),
        "attach-valid/typed" => {
            Box::new(|| drop(black_box(validate(attach_typed(black_box(&attach)), &attach_ctx, &opts))))
        }
        other => panic!("unknown case {other}"),
    };
    for _ in 0..n {
        run();
    }
}

/// The issue-12 goals as paired ratios. On a shared machine whose speed drifts by tens of
/// percent within seconds, criterion's medians of one case and then another can compare two
/// different machines. Here the two cases of each ratio alternate in bursts of about a
/// millisecond, 301 times (which goes first alternates too), and the median of the 301 burst
/// ratios is printed with its interquartile range: drift that lasts longer than a burst pair
/// cancels out. Runs after the criterion groups when no filter is given, or for `-- paired`.
fn paired() {
    let (create_ctx, attach_ctx, opts) = (create_context(), attach_context(), Options::default());
    let create_schema = compile_schema(CREATE_SCHEMA);
    let (invalid, _) = invalid_create();
    let invalid: &[u8] = &invalid;
    let invalid_typed: CreateIndividualV2 = typed(invalid);
    let a_valid = || drop(black_box(serde_json::from_slice::<plain::Create>(black_box(CREATE)).unwrap()));
    let a_invalid = || drop(black_box(serde_json::from_slice::<plain::Create>(black_box(invalid)).unwrap()));
    let a_attach = || drop(black_box(serde_json::from_slice::<plain::Attach>(black_box(ATTACH)).unwrap()));
    let raw_valid = || drop(black_box(validate(create_raw(black_box(CREATE)), &create_ctx, &opts)));
    let raw_invalid = || drop(black_box(validate(create_raw(black_box(invalid)), &create_ctx, &opts)));
    let raw_attach = || drop(black_box(validate(attach_raw(black_box(ATTACH)), &attach_ctx, &opts)));
    let typed_invalid = || drop(black_box(validate(create_typed(black_box(&invalid_typed)), &create_ctx, &opts)));
    let bc_valid = || {
        black_box(create_schema.is_valid(&serde_json::from_slice::<Value>(black_box(CREATE)).unwrap()));
    };
    let bc_invalid = || {
        let v = serde_json::from_slice::<Value>(black_box(invalid)).unwrap();
        drop(black_box(create_schema.iter_errors(&v).collect::<Vec<_>>()));
    };
    type Goal<'a> = (&'a str, &'a dyn Fn(), &'a dyn Fn(), &'a str, fn(f64) -> bool);
    let goals: [Goal; 6] = [
        ("create, valid: raw / (a)", &raw_valid, &a_valid, "<= 1.0", |r| r <= 1.0),
        ("create, 10 violations: raw / (a)", &raw_invalid, &a_invalid, "<= 1.5", |r| r <= 1.5),
        ("create, 10 violations: typed / (a)", &typed_invalid, &a_invalid, "<= 0.6", |r| r <= 0.6),
        ("(b)+(c) / raw, valid", &bc_valid, &raw_valid, ">= 2.5", |r| r >= 2.5),
        ("(b)+(c) / raw, 10 violations", &bc_invalid, &raw_invalid, ">= 2.0", |r| r >= 2.0),
        ("attach, valid: raw / (a)", &raw_attach, &a_attach, "<= 1.0", |r| r <= 1.0),
    ];
    println!("paired ratios (median of 301 alternating bursts of ~1 ms; interquartile range):");
    for (name, f, g, goal, met) in goals {
        let (q1, median, q3) = paired_ratio(f, g);
        let verdict = if met(median) { "met" } else { "missed" };
        println!("  {name:36} {median:5.2}  ({q1:.2}-{q3:.2})  goal {goal}: {verdict}");
    }
}

/// Quartiles of the ratio of `f`'s time to `g`'s over alternating bursts.
fn paired_ratio(f: &dyn Fn(), g: &dyn Fn()) -> (f64, f64, f64) {
    let burst = |h: &dyn Fn(), n: u32| {
        let start = std::time::Instant::now();
        for _ in 0..n {
            h();
        }
        start.elapsed().as_secs_f64()
    };
    let mut n = 1;
    while burst(g, n) < 1e-3 && n < 1 << 20 {
        n *= 2;
    }
    let mut ratios: Vec<f64> = (0..301)
        .map(|i| {
            if i % 2 == 0 {
                let tf = burst(f, n);
                tf / burst(g, n)
            } else {
                let tg = burst(g, n);
                burst(f, n) / tg
            }
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    (ratios[75], ratios[150], ratios[225])
}

fn main() {
    if let Ok(spec) = std::env::var("KYC_INSTRUCTIONS") {
        return instructions(&spec);
    }
    // A filter (the first argument that is not a flag) selects criterion benchmarks; the paired
    // ratios run when there is none, or when it is `paired`.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if filter.as_deref() != Some("paired") {
        benches();
        Criterion::default().configure_from_args().final_summary();
    }
    if filter.is_none() || filter.as_deref() == Some("paired") {
        paired();
    }
}
