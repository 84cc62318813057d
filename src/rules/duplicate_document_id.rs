//! ## What it does
//! Reports a `tax_info[i].document_id` equal to an earlier entry's
//! (`duplicate_document_id`, path `/basic_info/tax_info/i/document_id` for
//! each later duplicate). Values are compared exactly. Linear time.
//!
//! ## Why
//! "Each entry must have a unique document_id" (spec §2, §9.4; S1, S7).
//!
//! ## Example
//! Invalid: two entries with `"document_id": "123-45-6789"`. Valid: distinct IDs.

use super::{checks, clean, for_each_repeat, Rule};
use crate::context::Context;
use crate::model::{CreateIndividualV2Of, Repr};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "duplicate_document_id",
    doc: include_str!("duplicate_document_id.rs"),
    codes: &[Code::DuplicateDocumentId],
    summary: "Each tax_info entry must have a unique document_id.",
    source: "spec §2, §9.4 (S1, S7)",
    check: checks!(create_v2: check),
};

fn check<R: Repr>(req: &CreateIndividualV2Of<'_, R>, _: &Context, sink: &mut Sink) {
    let Some(tax) = req.basic_info.as_ref().and_then(|b| b.tax_info.as_ref()) else {
        return;
    };
    let root = Loc::Root;
    let bi = root.key("basic_info");
    let list = bi.key("tax_info");
    // Repeats among all IDs, reported for clean ones: equal IDs are clean alike.
    for_each_repeat(
        tax.len(),
        |i| tax.get(i)?.document_id.as_deref(),
        |i| {
            if tax.get(i).and_then(|t| clean(&t.document_id)).is_none() {
                return;
            }
            let item = list.index(i);
            sink.emit(
                Code::DuplicateDocumentId,
                &item.key("document_id"),
                "This document_id repeats an earlier tax_info entry's; each entry must have a unique document_id.",
            );
        },
    );
}
