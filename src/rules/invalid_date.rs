//! ## What it does
//! Reports a date member that is not `YYYY-MM-DD` or not a real calendar
//! day (`invalid_date`): `1990-02-30`, `1990-2-3`, `15/04/1990`.
//!
//! ## Why
//! Dates are `format: date` strings (spec §1.3; S1, S6); impossible dates
//! are treated as format errors ([I]).
//!
//! ## Example
//! Invalid: `"dob": "1990-02-30"`. Valid: `"dob": "1990-04-15"`.

use super::{Applies, Check, Rule};
use crate::context::Context;
use crate::date::Date;
use crate::model::{Field, StrKind};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;
use crate::wording::Wording;

pub(crate) const RULE: Rule = Rule {
    name: "invalid_date",
    doc: include_str!("invalid_date.rs"),
    codes: &[Code::InvalidDate],
    summary: "Dates must be real calendar days written YYYY-MM-DD.",
    source: "spec §1.3 (S1 format: date)",
    check: Check::field(Applies::DATE, check),
};

fn check(loc: &Loc<'_>, field: Field<'_>, _: &Context, sink: &mut Sink) {
    if let Field::Str { value: Some(s), kind: StrKind::Date, .. } = field {
        if Date::parse(s).is_err() {
            sink.emit(Code::InvalidDate, loc, Wording::About(" must be a real calendar date written YYYY-MM-DD."));
        }
    }
}
