//! ## What it does
//! Reports the second and any later SELFIE (`multiple_selfies`, path
//! `/identifying_documents/i`).
//!
//! ## Why
//! An attach carries "an optional SELFIE entry", exactly one when the client
//! requires it (spec §3, §9.9; S1, S3).
//!
//! ## Example
//! Invalid: two SELFIE entries. Valid: one.

use super::{checks, Attach, Rule};
use crate::context::Context;
use crate::model::{items, Repr};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "multiple_selfies",
    doc: include_str!("multiple_selfies.rs"),
    codes: &[Code::MultipleSelfies],
    summary: "At most one SELFIE per request.",
    source: "spec §3, §9.9 (S1, S3)",
    check: checks!(attach_v2: check_attach_v2),
};

fn check_attach_v2<R: Repr>(req: &Attach<'_, '_, R>, _: &Context, sink: &mut Sink) {
    let root = Loc::Root;
    let list = root.key("identifying_documents");
    let selfies = items(&req.body.identifying_documents).iter().enumerate().filter(|(_, d)| d.is_selfie());
    for (i, _) in selfies.skip(1) {
        sink.emit(
            Code::MultipleSelfies,
            &list.index(i),
            "Only one SELFIE may be attached per request; remove this one.",
        );
    }
}
