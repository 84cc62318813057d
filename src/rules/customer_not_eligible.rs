//! ## What it does
//! With the stored customer in the context, reports a customer that cannot
//! receive documents through V2 attach (`customer_not_eligible`, 403, path
//! `""`): `customer_type` other than INDIVIDUAL, `api_version` other than v2,
//! or a status that does not accept an attach (only INCOMPLETE and
//! ACTION_REQUIRED do, see [`crate::lifecycle`]). The message says which.
//!
//! ## Why
//! The provider answers 403 "Customer is not eligible for this operation"
//! (spec §3, §10; S1, S3).
//!
//! ## Example
//! Invalid: a customer in status APPROVED. Valid: a v2 INDIVIDUAL customer in INCOMPLETE.

use super::{checks, Attach, Rule};
use crate::context::Context;
use crate::lifecycle::Status;
use crate::model::Repr;
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "customer_not_eligible",
    doc: include_str!("customer_not_eligible.rs"),
    codes: &[Code::CustomerNotEligible],
    summary: "The customer must be a v2 INDIVIDUAL in status INCOMPLETE or ACTION_REQUIRED (403).",
    source: "spec §3, §10, §11 (S1, S3)",
    check: checks!(attach_v2: check_attach_v2),
};

fn check_attach_v2<R: Repr>(_: &Attach<'_, '_, R>, ctx: &Context, sink: &mut Sink) {
    let Some(c) = &ctx.customer else { return };
    // (parameter value, English reason)
    let mut reasons: Vec<(&str, &str)> = Vec::new();
    if c.customer_type.as_deref().is_some_and(|t| t != "INDIVIDUAL") {
        reasons.push(("customer_type", "it is not an INDIVIDUAL customer"));
    }
    if c.api_version.as_deref().is_some_and(|v| v != "v2") {
        reasons.push(("api_version", "it was created through the V1 API, so use the V1 attach endpoint"));
    }
    if c.status.as_deref().is_some_and(|s| !Status::from_wire(s).is_some_and(Status::accepts_attach)) {
        reasons.push(("status", "its status does not accept documents (only INCOMPLETE and ACTION_REQUIRED do)"));
    }
    if !reasons.is_empty() {
        let english: Vec<&str> = reasons.iter().map(|(_, r)| *r).collect();
        let keys: Vec<&str> = reasons.iter().map(|(k, _)| *k).collect();
        sink.emit_with(
            Code::CustomerNotEligible,
            &Loc::Root,
            format!("The customer is not eligible for a V2 attach: {}.", english.join("; ")),
            vec![("reasons", keys.join(","))],
        );
    }
}
