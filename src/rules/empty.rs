//! ## What it does
//! Reports a string member that is empty or only white space (`empty`).
//! Strings inside `meta_data` are not checked.
//!
//! ## Why
//! An empty string satisfies "present" but carries no information; the
//! provider's KYC checks cannot use it (spec §16, [I]).
//!
//! ## Example
//! Invalid: `"city": "  "`. Valid: `"city": "San Francisco"`.

use super::{Applies, Check, Rule};
use crate::context::Context;
use crate::model::Field;
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;
use crate::text::is_blank;
use crate::wording::Wording;

pub(crate) const RULE: Rule = Rule {
    name: "empty",
    doc: include_str!("empty.rs"),
    codes: &[Code::Empty],
    summary: "String members must not be empty or only white space.",
    source: "spec §16 (required-but-empty is invalid)",
    check: Check::field(Applies::UNCLEAN, check),
};

fn check(loc: &Loc<'_>, field: Field<'_>, _: &Context, sink: &mut Sink) {
    if let Field::Str { value: Some(s), .. } = field {
        if is_blank(s) {
            sink.emit(
                Code::Empty,
                loc,
                Wording::About(" is empty; give a value or leave the member out if it is optional."),
            );
        }
    }
}
