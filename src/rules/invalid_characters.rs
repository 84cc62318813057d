//! ## What it does
//! Reports a string containing C0/C1 control characters (U+0000–U+001F,
//! U+007F–U+009F) or bidi embedding, override or isolate characters
//! (U+202A–U+202E, U+2066–U+2069) (`invalid_characters`). Other rules skip
//! such a string.
//!
//! ## Why
//! Only printable text is accepted as input (spec §1.6); invisible controls
//! and bidi overrides make a name display differently from what it is.
//!
//! ## Example
//! Invalid: `"last_name": "Garcia\u202e"`. Valid: `"last_name": "Garcia"`.

use super::{Applies, Check, Rule};
use crate::context::Context;
use crate::model::Field;
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;
use crate::text::{has_forbidden_chars, is_blank};
use crate::wording::Wording;

pub(crate) const RULE: Rule = Rule {
    name: "invalid_characters",
    doc: include_str!("invalid_characters.rs"),
    codes: &[Code::InvalidCharacters],
    summary: "Strings must not contain control or bidi-override characters.",
    source: "spec §1.6",
    check: Check::field(Applies::UNCLEAN, check),
};

fn check(loc: &Loc<'_>, field: Field<'_>, _: &Context, sink: &mut Sink) {
    if let Field::Str { value: Some(s), .. } = field {
        if !is_blank(s) && has_forbidden_chars(s) {
            sink.emit(
                Code::InvalidCharacters,
                loc,
                Wording::About(" contains control or bidirectional-override characters; remove them."),
            );
        }
    }
}
