//! ## What it does
//! Reports a non-ASCII character in a string that has no `_en` companion and
//! no format of its own (`non_ascii`): city, postal code, subdivision code,
//! tax document type and ID, free-text remarks. Members with a format code
//! (enums, countries, dates, email, phone) report that code instead; names
//! and street lines use the transliteration rule.
//!
//! ## Why
//! "Only English (Latin) characters are allowed as inputs for all fields";
//! V2 offers `_en` companions for names and street lines only (spec §1.6, S2, S6).
//!
//! ## Example
//! Invalid: `"city": "Bogotá"`. Valid: `"city": "Bogota"`.
//! With suggestions on, the ASCII fold (`Bogota`) is suggested where it exists.

use super::{Applies, Check, Rule};
use crate::context::Context;
use crate::model::{Field, StrKind};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;
use crate::text::ascii_fold;
use crate::wording::Wording;

pub(crate) const RULE: Rule = Rule {
    name: "non_ascii",
    doc: include_str!("non_ascii.rs"),
    codes: &[Code::NonAscii],
    summary: "Members without an `_en` companion must be ASCII.",
    source: "spec §1.6 (S2, S4, S6)",
    check: Check::field(Applies::TEXT, check),
};

fn check(loc: &Loc<'_>, field: Field<'_>, _: &Context, sink: &mut Sink) {
    if let Field::Str { value: Some(s), kind: StrKind::Text, .. } = field {
        if !s.is_ascii() {
            sink.emit_suggesting(
                Code::NonAscii,
                loc,
                Wording::About(" must contain only ASCII characters (English letters, digits, punctuation)."),
                || ascii_fold(s),
            );
        }
    }
}
