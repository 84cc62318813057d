//! Raw bytes as a V1 request to migrate with `kyc_rules::migrate::migrate`: bit 0 of
//! the first byte picks the kind (0 `create-individual-v1`, 1 `attach-individual-v1`),
//! bits 1 and 2 the context (see [`contexts`]); the rest is the V1 body.
//!
//! Asserts, for every input:
//! - no panic, and migrating twice gives the same outcome;
//! - the body is unreadable (`MigrateError::Unreadable`) exactly when validating it as
//!   V1 reports `malformed_json` or `payload_too_large`, and then with that V1 report;
//! - the migrated request is of the V2 kind of the V1 kind, with a `customer_id` only
//!   for attach; its report satisfies every report invariant (`src/lib.rs`) against the
//!   migrated request's JSON, and that JSON, validated as V2, gives the same report;
//! - every note's paths are JSON Pointers;
//! - for a body that is valid V1: every error of the V2 report is announced by a note at
//!   its path, and a V1 body serde_json reads into the typed V1 request migrates as
//!   the typed request does.
#![no_main]
// Fields are set one by one on `default()` so that members added to the library's structs later
// do not break these targets.
#![allow(clippy::field_reassign_with_default)]

use kyc_rules::migrate::{migrate, MigrateError, MigratedRequest, Migration};
use kyc_rules::{
    validate, AttachIndividualV1, AttachIndividualV2, Catalog, Client, Code, Context, CreateIndividualV1,
    CreateIndividualV2, Date, Options, Report, Request, RequestKind, Severity,
};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// 0: today, a client that requires a SELFIE; 1: today, a client that does not, and
/// catalogues; 2: nothing known; 3: another day (ages and expiry dates move).
fn contexts() -> &'static [Context] {
    static CONTEXTS: OnceLock<Vec<Context>> = OnceLock::new();
    CONTEXTS.get_or_init(|| {
        let today = |d: &str| Context::on(Date::parse(d).expect("date"));
        let client = |selfie: bool| {
            let mut c = Client::default();
            c.selfie_required = Some(selfie);
            c
        };
        let mut selfie = today("2026-11-26");
        selfie.client = Some(client(true));
        let mut rich = today("2026-11-26");
        rich.client = Some(client(false));
        let mut catalog = Catalog::default();
        catalog.occupation_ids = Some([1, 42].into_iter().collect());
        catalog.purpose_ids = Some([1, 3].into_iter().collect());
        catalog.source_of_fund_ids = Some([1, 5].into_iter().collect());
        rich.catalog = Some(catalog);
        vec![selfie, rich, Context::default(), today("2031-02-28")]
    })
}

fn unreadable(report: &Report) -> bool {
    report.has(Code::MalformedJson) || report.has(Code::PayloadTooLarge)
}

fn check_migration(m: &Migration, kind: RequestKind, v1: &Report, ctx: &Context, options: &Options) {
    let fail = |what: String| -> ! { panic!("{what}\nnotes: {:#?}\nreport: {:#?}", m.notes, m.report) };

    let v2_kind = match (&m.request, kind) {
        (MigratedRequest::CreateIndividualV2(_), RequestKind::CreateIndividualV1) => RequestKind::CreateIndividualV2,
        (MigratedRequest::AttachIndividualV2(_), RequestKind::AttachIndividualV1) => RequestKind::AttachIndividualV2,
        _ => fail(format!("{kind:?} migrated to another kind")),
    };
    if v2_kind == RequestKind::CreateIndividualV2 && m.customer_id.is_some() {
        fail("a create request migrated with a customer_id".to_owned());
    }

    // The migrated request as JSON: the same report, and every report invariant.
    let json = serde_json::to_vec(&m.request).expect("a migrated request serialises");
    let request = Request::json(v2_kind, &json);
    let request = match &m.customer_id {
        Some(id) => request.with_customer_id(id),
        None => request,
    };
    let from_json = validate(request, ctx, options);
    if from_json != m.report {
        // The usual cause: a typed value its JSON does not read back as (an enum's
        // `Other` holding a known wire value).
        let reads_back = match &m.request {
            MigratedRequest::CreateIndividualV2(r) => {
                serde_json::from_slice::<CreateIndividualV2>(&json).is_ok_and(|back| back == **r)
            }
            MigratedRequest::AttachIndividualV2(r) => {
                serde_json::from_slice::<AttachIndividualV2>(&json).is_ok_and(|back| back == *r)
            }
        };
        fail(format!(
            "the migrated request's JSON gives another report (it reads back as the same request: {reads_back}): \
             {from_json:#?}\njson: {}",
            String::from_utf8_lossy(&json)
        ));
    }
    let tree = kyc_rules_fuzz::parse_tree(&json);
    let input = kyc_rules_fuzz::Input { body: &json, tree: &tree, customer_id: m.customer_id.as_deref(), options };
    kyc_rules_fuzz::check_report(&m.report, &input);

    for n in &m.notes {
        if kyc_rules_fuzz::tokens(&n.v1_path).is_none() || kyc_rules_fuzz::tokens(&n.v2_path).is_none() {
            fail(format!("{:?}: {:?} or {:?} is not a JSON Pointer", n.code, n.v1_path, n.v2_path));
        }
    }

    // A valid V1 request: every V2 error is announced.
    if v1.valid {
        for e in m.report.violations.iter().filter(|v| v.severity == Severity::Error) {
            if !m.notes.iter().any(|n| n.v2_path == e.path()) {
                fail(format!("valid V1, but {} at {:?} in V2 is not announced by a note", e.code, e.path()));
            }
        }
    }
}

/// A valid V1 body that serde_json reads into the typed request migrates as it does.
fn check_typed(body: &[u8], kind: RequestKind, json: &Migration, ctx: &Context, options: &Options) {
    let typed = match kind {
        RequestKind::CreateIndividualV1 => match serde_json::from_slice::<CreateIndividualV1>(body) {
            Ok(r) => migrate(Request::create_individual_v1(&r), ctx, options),
            Err(_) => return,
        },
        _ => match serde_json::from_slice::<AttachIndividualV1>(body) {
            Ok(r) => migrate(Request::attach_individual_v1(&r), ctx, options),
            Err(_) => return,
        },
    };
    assert_eq!(typed.as_ref(), Ok(json), "the typed V1 request migrates otherwise than its JSON");
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else { return };
    let kind = if selector & 1 == 0 { RequestKind::CreateIndividualV1 } else { RequestKind::AttachIndividualV1 };
    let ctx = &contexts()[usize::from(selector >> 1) % contexts().len()];
    let options = Options::default();

    let outcome = migrate(Request::json(kind, body), ctx, &options);
    assert_eq!(outcome, migrate(Request::json(kind, body), ctx, &options), "migrating twice gave two outcomes");
    let v1 = validate(Request::json(kind, body), ctx, &options);
    match &outcome {
        Err(MigrateError::NotV1(k)) => panic!("{kind:?} is refused as not V1 ({k:?})"),
        Err(MigrateError::Unreadable(report)) => {
            assert!(unreadable(&v1), "migrate cannot read a body that validates as V1: {v1:#?}");
            assert_eq!(report, &v1, "the unreadable body's report is not its V1 report");
        }
        Ok(m) => {
            assert!(!unreadable(&v1), "migrate reads a body that V1 validation cannot: {v1:#?}");
            check_migration(m, kind, &v1, ctx, &options);
            if v1.valid {
                check_typed(body, kind, m, ctx, &options);
            }
        }
    }
});
