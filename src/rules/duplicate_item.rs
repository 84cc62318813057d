//! ## What it does
//! Warns about a repeated ID in `financial_profile.source_of_fund_ids`
//! (`duplicate_item`, warning, path of each repeat). Linear time.
//!
//! ## Why
//! The documentation does not say whether repeats are accepted (spec §2 [?]);
//! a repeat is almost always a client bug, but not proven to be rejected.
//!
//! ## Example
//! Invalid (warning): `"source_of_fund_ids": [1, 5, 1]`. Valid: `[1, 5]`.

use super::{checks, for_each_repeat, Rule};
use crate::context::Context;
use crate::model::{CreateIndividualV2Of, Repr};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "duplicate_item",
    doc: include_str!("duplicate_item.rs"),
    codes: &[Code::DuplicateItem],
    summary: "IDs in source_of_fund_ids should not repeat (warning).",
    source: "spec §2 (source_of_fund_ids; duplicates unspecified)",
    check: checks!(create_v2: check),
};

fn check<R: Repr>(req: &CreateIndividualV2Of<'_, R>, _: &Context, sink: &mut Sink) {
    let Some(ids) = req.financial_profile.as_ref().and_then(|p| p.source_of_fund_ids.as_ref()) else {
        return;
    };
    let root = Loc::Root;
    let fp = root.key("financial_profile");
    let list = fp.key("source_of_fund_ids");
    for_each_repeat(
        ids.len(),
        |i| ids.get(i),
        |i| {
            sink.emit(
                Code::DuplicateItem,
                &list.index(i),
                "This ID repeats an earlier one in the list; list each ID once.",
            )
        },
    );
}
