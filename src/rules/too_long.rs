//! ## What it does
//! Reports a string longer than its documented maximum (`too_long`):
//! `identifying_documents[].state`, at most 64 characters.
//!
//! ## Why
//! `state` has `maxLength: 64`, the only length limit the individual
//! endpoints document (spec §3, §12; S1).
//!
//! ## Example
//! Invalid: a 65-character `state`. Valid: `"US-CA"`.

use super::{checks, clean, Attach, Rule};
use crate::context::Context;
use crate::model::{items, Repr};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "too_long",
    doc: include_str!("too_long.rs"),
    codes: &[Code::TooLong],
    summary: "Strings must not exceed their maximum length (state: 64 characters).",
    source: "spec §3, §12 (S1 maxLength)",
    check: checks!(attach_v2: check_attach_v2),
};

fn check_attach_v2<R: Repr>(req: &Attach<'_, '_, R>, _: &Context, sink: &mut Sink) {
    let root = Loc::Root;
    let list = root.key("identifying_documents");
    for (i, d) in items(&req.body.identifying_documents).iter().enumerate() {
        if d.is_selfie() {
            continue;
        }
        // A blank state or one with forbidden characters has its violation already.
        if let Some(state) = clean(&d.state) {
            // Cheap bound first: fewer than 65 bytes cannot be 65 characters.
            if state.len() > STATE_MAX && state.chars().count() > STATE_MAX {
                let doc = list.index(i);
                sink.emit(Code::TooLong, &doc.key("state"), "`state` must be at most 64 characters long.");
            }
        }
    }
}

/// `maxLength` of `identifying_documents[].state`.
const STATE_MAX: usize = 64;
