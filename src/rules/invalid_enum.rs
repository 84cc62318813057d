//! ## What it does
//! Reports a value outside its closed set (`invalid_enum`), case-sensitively:
//! `verification_type` (STANDARD, RELIANCE), `gender` (MALE, FEMALE),
//! `employment_status` (EMPLOYED, SELF_EMPLOYED, RETIRED, STUDENT, UNEMPLOYED),
//! and the document types and sides of attach requests.
//!
//! ## Why
//! The schema declares these as enums (spec §2, §3; S1). The provider does not
//! document case-insensitive matching, so `female` is rejected.
//!
//! ## Example
//! Invalid: `"gender": "female"`. Valid: `"gender": "FEMALE"`.

use super::{Applies, Check, Rule};
use crate::context::Context;
use crate::model::{Field, StrKind};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;
use crate::wording::Wording;

pub(crate) const RULE: Rule = Rule {
    name: "invalid_enum",
    doc: include_str!("invalid_enum.rs"),
    codes: &[Code::InvalidEnum],
    summary: "Enumerated members must hold one of their allowed values (case-sensitive).",
    source: "spec §2, §3 (S1 enums)",
    check: Check::field(Applies::ENUM, check),
};

fn check(loc: &Loc<'_>, field: Field<'_>, _: &Context, sink: &mut Sink) {
    if let Field::Str { value: Some(s), kind: StrKind::Enum(allowed), .. } = field {
        if !allowed.contains(&s) {
            sink.emit(Code::InvalidEnum, loc, Wording::OneOf(allowed));
        }
    }
}
