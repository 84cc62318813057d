//! ## What it does
//! Reports a number outside its range (`out_of_range`): a catalogue ID
//! below 1, `monthly_volume_usd` below 0, an integer beyond the range of u64.
//! Negative and oversized numbers are caught by the JSON front end (the
//! typed model holds `u64`); zero IDs are caught here.
//!
//! ## Why
//! `monthly_volume_usd` has `minimum: 0` (S1); catalogue IDs are positive
//! integers (spec §7, [I]).
//!
//! ## Example
//! Invalid: `"occupation_id": 0`, `"monthly_volume_usd": -1`. Valid: `42`, `0` for the volume.

use super::{about, Applies, Check, Rule};
use crate::context::Context;
use crate::model::{Field, IntKind};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "out_of_range",
    doc: include_str!("out_of_range.rs"),
    codes: &[Code::OutOfRange],
    summary: "IDs must be at least 1 and amounts at least 0, within u64.",
    source: "spec §2 (S1 minimum: 0), §7",
    check: Check::field(Applies::ID, check),
};

/// The message parameters: the minimum of the kind (shared with the front end).
pub(crate) fn params(kind: IntKind) -> Vec<(&'static str, String)> {
    let min = match kind {
        IntKind::Id => "1",
        IntKind::Amount => "0",
    };
    vec![("min", min.to_owned())]
}

/// The message for a number out of the range of its kind (shared with the front end);
/// it starts with the [`about`] of the location.
pub(crate) fn message(kind: IntKind, loc: &Loc<'_>) -> String {
    match kind {
        IntKind::Id => about(loc, &[" must be a catalogue ID: a whole number of at least 1."]),
        IntKind::Amount => about(loc, &[" must be a whole number of at least 0."]),
    }
}

fn check(loc: &Loc<'_>, field: Field<'_>, _: &Context, sink: &mut Sink) {
    if let Field::Int { value: Some(0), kind: IntKind::Id, .. } = field {
        sink.emit_with(Code::OutOfRange, loc, message(IntKind::Id, loc), params(IntKind::Id));
    }
}
