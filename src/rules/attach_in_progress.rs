//! ## What it does
//! Reports an attach while the context says another attach for the same
//! customer is still being processed (`attach_in_progress`, 409, path `""`).
//!
//! ## Why
//! The provider answers 409 "An attach request is already in progress for
//! this customer" (spec §3, §10; S1, S3).
//!
//! ## Example
//! Invalid: context `"attach_in_flight": true`. Valid: `false` or absent.

use super::{checks, Attach, Rule};
use crate::context::Context;
use crate::model::Repr;
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "attach_in_progress",
    doc: include_str!("attach_in_progress.rs"),
    codes: &[Code::AttachInProgress],
    summary: "Only one attach per customer may be in flight (409).",
    source: "spec §3, §10 (S1, S3)",
    check: checks!(attach_v2: check_attach_v2),
};

fn check_attach_v2<R: Repr>(_: &Attach<'_, '_, R>, ctx: &Context, sink: &mut Sink) {
    if ctx.customer.as_ref().and_then(|c| c.attach_in_flight) == Some(true) {
        sink.emit(
            Code::AttachInProgress,
            &Loc::Root,
            "Another attach request for this customer is still being processed; wait for it to finish before attaching again.",
        );
    }
}
