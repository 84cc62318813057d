//! ## What it does
//! Reports the second and any later primary (non-SELFIE) identifying document:
//! PASSPORT, NATIONAL_ID, DRIVERS_LICENSE, RESIDENCE_PERMIT
//! (`multiple_primary_documents`, path `/identifying_documents/i`).
//!
//! ## Why
//! "Include at most one non-SELFIE primary document" (spec §3, §9.9; S1, S3).
//!
//! ## Example
//! Invalid: a PASSPORT and a NATIONAL_ID. Valid: a PASSPORT and a SELFIE.

use super::{checks, Attach, Rule};
use crate::context::Context;
use crate::model::{items, Repr};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "multiple_primary_documents",
    doc: include_str!("multiple_primary_documents.rs"),
    codes: &[Code::MultiplePrimaryDocuments],
    summary: "At most one non-SELFIE identifying document per request.",
    source: "spec §3, §9.9 (S1, S3)",
    check: checks!(attach_v2: check_attach_v2),
};

fn check_attach_v2<R: Repr>(req: &Attach<'_, '_, R>, _: &Context, sink: &mut Sink) {
    let root = Loc::Root;
    let list = root.key("identifying_documents");
    let primaries = items(&req.body.identifying_documents).iter().enumerate();
    for (i, _) in primaries.filter(|(_, d)| d.kind.as_ref().is_some_and(|k| k.is_primary())).skip(1) {
        sink.emit(
            Code::MultiplePrimaryDocuments,
            &list.index(i),
            "Only one primary document (PASSPORT, NATIONAL_ID, DRIVERS_LICENSE or RESIDENCE_PERMIT) may be attached per request; remove this one.",
        );
    }
}
