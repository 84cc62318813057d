//! Raw bytes as a `create-individual-v2` body: every report invariant (see
//! `src/lib.rs`), under a rich context and an empty one.
#![no_main]
// Fields are set one by one on `default()` so that members added to the library's structs later
// do not break these targets.
#![allow(clippy::field_reassign_with_default)]

use kyc_rules::{Catalog, Client, Context, Date, RequestKind};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn contexts() -> &'static [Context] {
    static CONTEXTS: OnceLock<Vec<Context>> = OnceLock::new();
    CONTEXTS.get_or_init(|| {
        let mut rich = Context::on(Date::parse("2026-11-26").expect("date"));
        let mut client = Client::default();
        client.reliance_enabled = Some(false);
        rich.client = Some(client);
        let mut catalog = Catalog::default();
        catalog.occupation_ids = Some([1, 42].into_iter().collect());
        catalog.purpose_ids = Some([1, 3].into_iter().collect());
        catalog.source_of_fund_ids = Some([1, 5].into_iter().collect());
        rich.catalog = Some(catalog);
        vec![rich, Context::default()]
    })
}

fuzz_target!(|data: &[u8]| {
    kyc_rules_fuzz::fuzz_raw(RequestKind::CreateIndividualV2, data, None, contexts());
});
