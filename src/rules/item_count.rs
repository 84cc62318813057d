//! ## What it does
//! Reports an array shorter or longer than its bounds (`too_few_items`,
//! `too_many_items`, path of the array): `tax_info` and
//! `source_of_fund_ids` need at least one item; attach requests bound their
//! document and file arrays.
//!
//! ## Why
//! The schema's `minItems`/`maxItems` (spec §2, §3; S1).
//!
//! ## Example
//! Invalid: `"tax_info": []`. Valid: one entry or more.

use super::{Applies, Check, Rule};
use crate::context::Context;
use crate::model::Field;
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;
use crate::wording::Wording;

pub(crate) const RULE: Rule = Rule {
    name: "item_count",
    doc: include_str!("item_count.rs"),
    codes: &[Code::TooFewItems, Code::TooManyItems],
    summary: "Arrays must hold a number of items within their bounds.",
    source: "spec §2, §3 (S1 minItems/maxItems)",
    check: Check::field(Applies::ARRAY, check),
};

fn check(loc: &Loc<'_>, field: Field<'_>, _: &Context, sink: &mut Sink) {
    if let Field::Array { len: Some(n), min, max, .. } = field {
        if n < min {
            sink.emit(Code::TooFewItems, loc, Wording::Count { min: true, n: min });
        } else if let Some(max) = max.filter(|&m| n > m) {
            sink.emit(Code::TooManyItems, loc, Wording::Count { min: false, n: max });
        }
    }
}
