//! ## What it does
//! Reports a required member that is absent or `null` (`required`, path of
//! the member itself, e.g. `/address/city`).
//!
//! ## Why
//! The schema's `required` lists (spec §2, S1). In V2, `verification_type`
//! is required too (S1, S6-V2).
//!
//! ## Example
//! Invalid: an `address` without `city`. Valid: `"city": "San Francisco"`.

use super::{subject, Check, Rule};
use crate::context::Context;
use crate::model::Field;
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "required",
    codes: &[Code::Required],
    summary: "Required members must be present and not null.",
    source: "spec §2, §3 (S1 required lists)",
    check: Check::field(check),
};

fn check(loc: &Loc<'_>, field: Field<'_>, _: &Context, sink: &mut Sink) {
    if field.is_missing_required() {
        sink.emit(Code::Required, loc, format!("{} is required; add it.", subject(loc)));
    }
}
