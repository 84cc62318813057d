//! ## What it does
//! Reports an attach without a SELFIE when the context says the client must
//! provide one (`client.selfie_required: true`) (`selfie_required`, path
//! `/identifying_documents`).
//!
//! ## Why
//! "SELFIE may be mandatory by client configuration, then exactly one SELFIE
//! entry" (spec §3, §10; S3).
//!
//! ## Example
//! Invalid (selfie required): only a PASSPORT. Valid: a PASSPORT and a SELFIE.

use super::{checks, Attach, Rule};
use crate::context::Context;
use crate::model::Repr;
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "selfie_required",
    doc: include_str!("selfie_required.rs"),
    codes: &[Code::SelfieRequired],
    summary: "A SELFIE is required when the client's configuration says so.",
    source: "spec §3, §10 (S3)",
    check: checks!(attach_v2: check_attach_v2),
};

fn check_attach_v2<R: Repr>(req: &Attach<'_, '_, R>, ctx: &Context, sink: &mut Sink) {
    let required = ctx.client.as_ref().and_then(|c| c.selfie_required) == Some(true);
    let Some(docs) = &req.body.identifying_documents else { return };
    if required && !docs.iter().any(|d| d.is_selfie()) {
        let root = Loc::Root;
        sink.emit(
            Code::SelfieRequired,
            &root.key("identifying_documents"),
            "This client must attach a SELFIE; add an identifying document of type SELFIE with one file.",
        );
    }
}
