//! Raw bytes as an `attach-individual-v2` request: the first byte is the length
//! of the `customer_id` path parameter that follows (`0xFF`: none), the rest is
//! the body. Every report invariant (see `src/lib.rs`), under the documented
//! example's context and under one where the customer is not eligible.
#![no_main]
// Fields are set one by one on `default()` so that members added to the library's structs later
// do not break these targets.
#![allow(clippy::field_reassign_with_default)]

use kyc_rules::{Client, Context, Customer, Date, RequestKind};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const FILES: [&str; 4] = [
    "/AbAcQ4hn_0652746727637.pdf",
    "/AbAcQ4hn_0652746727638.pdf",
    "/XyZ123mn_0652746727639.pdf",
    "/PoAdef45_0652746727640.pdf",
];

fn context(selfie: bool, status: &str, version: &str, country: &str, files: &[&str], in_flight: bool) -> Context {
    let mut ctx = Context::on(Date::parse("2026-11-26").expect("date"));
    let mut client = Client::default();
    client.selfie_required = Some(selfie);
    ctx.client = Some(client);
    let mut customer = Customer::default();
    customer.customer_type = Some("INDIVIDUAL".to_owned());
    customer.api_version = Some(version.to_owned());
    customer.status = Some(status.to_owned());
    customer.country_of_residence = Some(country.to_owned());
    customer.file_uris = Some(files.iter().copied().collect());
    customer.attach_in_flight = Some(in_flight);
    ctx.customer = Some(customer);
    ctx
}

fn contexts() -> &'static [Context] {
    static CONTEXTS: OnceLock<Vec<Context>> = OnceLock::new();
    CONTEXTS.get_or_init(|| {
        vec![
            context(true, "INCOMPLETE", "v2", "USA", &FILES, false),
            context(false, "APPROVED", "v1", "MEX", &FILES[..2], true),
            Context::default(),
        ]
    })
}

fuzz_target!(|data: &[u8]| {
    let (customer_id, body) = kyc_rules_fuzz::split_attach_input(data);
    kyc_rules_fuzz::fuzz_raw(RequestKind::AttachIndividualV2, body, customer_id.as_deref(), contexts());
});
