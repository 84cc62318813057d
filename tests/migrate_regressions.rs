//! Findings of the `migrate` fuzz target (fuzz/fuzz_targets/migrate.rs), as tests.

use kyc_rules::migrate::{migrate, MigratedRequest};
use kyc_rules::{validate, AttachIndividualV2, Client, Context, Date, Options, Request, RequestKind};

const ATTACH_V1: &str = include_str!("../examples/attach-individual-v1.json");

/// A V1 identity document of a type V1 does not know but V2 does (`SELFIE`) migrates to
/// V2's own variant, not to an `Other("SELFIE")` that serialises as `"SELFIE"` but is
/// validated as an unknown type: the migration's report must be the report of the V2
/// body it prints. (Found at once from the seed `invalid_enum--v1-selfie`.)
#[test]
fn a_v1_type_known_to_v2_migrates_to_the_v2_variant() {
    let body = ATTACH_V1.replacen("\"NATIONAL_ID\"", "\"SELFIE\"", 1);
    assert_ne!(body, ATTACH_V1);
    let mut ctx = Context::on(Date::parse("2026-11-26").expect("date"));
    ctx.client = Some(Client { selfie_required: Some(true), ..Client::default() });
    let options = Options::default();
    let m = migrate(Request::json(RequestKind::AttachIndividualV1, body.as_bytes()), &ctx, &options).expect("readable");
    let MigratedRequest::AttachIndividualV2(v2) = &m.request else { panic!("not an attach request") };
    let json = serde_json::to_vec(v2).expect("serialise");
    let back: AttachIndividualV2 = serde_json::from_slice(&json).expect("read back");
    assert_eq!(&back, v2, "the migrated request is not what its JSON says");
    let id = m.customer_id.as_deref().expect("customer_id moved to the path");
    let from_json =
        validate(Request::json(RequestKind::AttachIndividualV2, &json).with_customer_id(id), &ctx, &options);
    assert_eq!(from_json, m.report);
}
