//! ## What it does
//! With the stored customer's `country_of_residence` in the context, reports
//! an address document issued in another country
//! (`address_document_country_mismatch`, path `/address_documents/i/country`).
//!
//! ## Why
//! The address document's country "Must match the customer's
//! country_of_residence" (spec §3, §10; S1).
//!
//! ## Example
//! Invalid (residence USA): `"country": "MEX"`. Valid: `"USA"`.

use super::{checks, country, Attach, Rule};
use crate::context::Context;
use crate::model::{items, Repr};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "address_document_country_mismatch",
    doc: include_str!("address_document_country_mismatch.rs"),
    codes: &[Code::AddressDocumentCountryMismatch],
    summary: "The address document's country must be the customer's country of residence.",
    source: "spec §3, §10 (S1)",
    check: checks!(attach_v2: check_attach_v2),
};

fn check_attach_v2<R: Repr>(req: &Attach<'_, '_, R>, ctx: &Context, sink: &mut Sink) {
    let Some(residence) = ctx.customer.as_ref().and_then(|c| c.country_of_residence.as_deref()) else { return };
    let root = Loc::Root;
    let list = root.key("address_documents");
    for (i, d) in items(&req.body.address_documents).iter().enumerate() {
        if country(&d.country).is_some_and(|c| c != residence) {
            let doc = list.index(i);
            sink.emit(
                Code::AddressDocumentCountryMismatch,
                &doc.key("country"),
                "The address document must be issued in the customer's country of residence.",
            );
        }
    }
}
