//! ## What it does
//! Reports `verification_type` `RELIANCE` when the context says the client
//! does not have it enabled (`client.reliance_enabled: false`)
//! (`reliance_not_enabled`, status 423, path `/verification_type`). Off
//! when the context does not say.
//!
//! ## Why
//! The provider answers 423 "RELIANCE is not available for your client"
//! (spec §2, §10, §13; S1, S2, S4).
//!
//! ## Example
//! Invalid (reliance disabled): `"verification_type": "RELIANCE"`. Valid: `"STANDARD"`.

use super::{checks, Rule};
use crate::context::Context;
use crate::model::{CreateIndividualV1Of, CreateIndividualV2Of, Repr, VerificationType};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "reliance_not_enabled",
    doc: include_str!("reliance_not_enabled.rs"),
    codes: &[Code::RelianceNotEnabled],
    summary: "RELIANCE verification needs the client feature enabled (423).",
    source: "spec §2, §10, §13 (S1, S2, S4)",
    check: checks!(create_v2: check_create_v2, create_v1: check_create_v1),
};

/// Checks a verification type against the client's settings.
pub(crate) fn check(vt: Option<&VerificationType>, ctx: &Context, sink: &mut Sink) {
    let disabled = ctx.client.as_ref().and_then(|c| c.reliance_enabled) == Some(false);
    if disabled && vt == Some(&VerificationType::Reliance) {
        let root = Loc::Root;
        sink.emit(
            Code::RelianceNotEnabled,
            &root.key("verification_type"),
            "RELIANCE verification is not enabled for this client; use STANDARD or ask the provider to enable it.",
        );
    }
}

fn check_create_v2<R: Repr>(req: &CreateIndividualV2Of<'_, R>, ctx: &Context, sink: &mut Sink) {
    check(req.verification_type.as_ref(), ctx, sink);
}

fn check_create_v1<R: Repr>(req: &CreateIndividualV1Of<'_, R>, ctx: &Context, sink: &mut Sink) {
    check(req.verification_type.as_ref(), ctx, sink);
}
