//! ## What it does
//! Checks `identifying_documents[].state`: a DRIVERS_LICENSE issued in the
//! USA (`country` USA) needs it (`state_required`); PASSPORT, NATIONAL_ID
//! and RESIDENCE_PERMIT must not carry it (`state_forbidden`). A SELFIE's
//! members other than `type` and `files` are ignored.
//!
//! ## Why
//! The schema's if/then: `state` is required when type is DRIVERS_LICENSE and
//! country is USA; S3 forbids it for the other primary types (spec §3, §9.11).
//!
//! ## Example
//! Invalid: a US DRIVERS_LICENSE without `state`. Valid: with `"state": "US-CA"`.

use super::{checks, Attach, Rule};
use crate::context::Context;
use crate::model::{items, IdentityDocumentType, Repr};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "document_state",
    doc: include_str!("document_state.rs"),
    codes: &[Code::StateRequired, Code::StateForbidden],
    summary: "A US driver's licence needs its issuing state; passports, ID cards and permits take none.",
    source: "spec §3, §9.11 (S1 if/then, S3)",
    check: checks!(attach_v2: check_attach_v2),
};

fn check_attach_v2<R: Repr>(req: &Attach<'_, '_, R>, _: &Context, sink: &mut Sink) {
    use IdentityDocumentType::{DriversLicense, NationalId, Passport, ResidencePermit};
    let root = Loc::Root;
    let list = root.key("identifying_documents");
    for (i, d) in items(&req.body.identifying_documents).iter().enumerate() {
        let doc = list.index(i);
        let loc = doc.key("state");
        match &d.kind {
            Some(DriversLicense) if d.country.as_deref() == Some("USA") && d.state.is_none() => sink.emit(
                Code::StateRequired,
                &loc,
                "A driver's licence issued in the USA needs `state`, the issuing state (such as US-CA).",
            ),
            Some(Passport | NationalId | ResidencePermit) if d.state.is_some() => sink.emit(
                Code::StateForbidden,
                &loc,
                "Only a driver's licence takes `state`; remove it from this document.",
            ),
            _ => {}
        }
    }
}
