//! ## What it does
//! Reports a required member that is absent or `null` (`required`, path of
//! the member itself, e.g. `/address/city`).
//!
//! ## Why
//! The schema's `required` lists (spec §2, S1). In V2, `verification_type`
//! is required too (S1, S6-V2).
//!
//! In attach requests, `number` and `expiry_date` are required on every
//! primary (non-SELFIE) identifying document.
//!
//! ## Example
//! Invalid: an `address` without `city`. Valid: `"city": "San Francisco"`.

use super::{checks, Applies, Attach, Rule};
use crate::context::Context;
use crate::model::{items, Field, Repr};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;
use crate::wording::Wording;

pub(crate) const RULE: Rule = Rule {
    name: "required",
    doc: include_str!("required.rs"),
    codes: &[Code::Required],
    summary: "Required members must be present and not null.",
    source: "spec §2, §3 (S1 required lists)",
    check: checks!(field: (Applies::MISSING, check), attach_v2: check_attach_v2),
};

/// Sees only the MISSING class: members that are required and absent.
fn check(loc: &Loc<'_>, _: Field<'_>, _: &Context, sink: &mut Sink) {
    sink.emit(Code::Required, loc, Wording::About(" is required; add it."));
}

/// `number` and `expiry_date` on primary identifying documents.
fn check_attach_v2<R: Repr>(req: &Attach<'_, '_, R>, _: &Context, sink: &mut Sink) {
    let root = Loc::Root;
    let list = root.key("identifying_documents");
    for (i, d) in items(&req.body.identifying_documents).iter().enumerate() {
        if d.kind.as_ref().is_some_and(|k| k.is_primary()) {
            let doc = list.index(i);
            for (name, value) in [("number", &d.number), ("expiry_date", &d.expiry_date)] {
                if value.is_none() {
                    let loc = doc.key(name);
                    sink.emit(Code::Required, &loc, format!("`{name}` is required on this document type; add it."));
                }
            }
        }
    }
}
