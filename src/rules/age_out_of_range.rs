//! ## What it does
//! Reports a `dob` that makes the person younger than 18 or older than 120
//! on the context's `today` (`age_out_of_range`), a future `dob` included.
//! Ages count in whole years: 18 on the 18th birthday; a 29 February
//! birthday falls on 1 March in other years. Off without `today`.
//!
//! ## Why
//! "Age must be between 18 and 120 years" (spec §2, §9.6; S1). V1 documents no bound.
//!
//! ## Example
//! Invalid (today 2026-11-26): `"dob": "2008-11-27"` (17). Valid: `"2008-11-26"` (18 today).

use super::{checks, clean, Rule};
use crate::context::Context;
use crate::date::Date;
use crate::model::{CreateIndividualV2Of, Repr};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "age_out_of_range",
    doc: include_str!("age_out_of_range.rs"),
    codes: &[Code::AgeOutOfRange],
    summary: "The person must be 18 to 120 years old on the validation date.",
    source: "spec §2, §9.6 (S1)",
    check: checks!(create_v2: check),
};

/// Youngest and oldest accepted ages, inclusive.
const MIN_AGE: i32 = 18;
const MAX_AGE: i32 = 120;

fn check<R: Repr>(req: &CreateIndividualV2Of<'_, R>, ctx: &Context, sink: &mut Sink) {
    let Some(today) = ctx.today else { return };
    let Some(dob) = req.basic_info.as_ref().and_then(|b| clean(&b.dob)) else {
        return;
    };
    let Ok(dob) = Date::parse(dob) else { return };
    let age = dob.age_on(today);
    let root = Loc::Root;
    let l = root.key("basic_info");
    let loc = l.key("dob");
    if dob > today {
        sink.emit(
            Code::AgeOutOfRange,
            &loc,
            "The date of birth is in the future; the person must be 18 to 120 years old.",
        );
    } else if !(MIN_AGE..=MAX_AGE).contains(&age) {
        sink.emit(Code::AgeOutOfRange, &loc, "The person must be 18 to 120 years old on the validation date.");
    }
}
