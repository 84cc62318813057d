//! ## What it does
//! For `first_name`, `middle_name`, `last_name`, `street_line_1` and
//! `street_line_2`: when the value has a non-ASCII character, its `_en`
//! companion must be given (`transliteration_required`, path of the `_en`
//! member), and a companion must itself be ASCII
//! (`transliteration_not_ascii`). A companion for an ASCII value is fine.
//!
//! ## Why
//! V2 requires "a transliterated (Latin) value in the corresponding `_en`
//! field" when a field contains non-ASCII characters (spec §1.6; S1, S2, S6-V2, S7).
//!
//! ## Example
//! Invalid: `"first_name": "María"` alone. Valid: `"first_name": "María", "first_name_en": "Maria"`.
//! With suggestions on, the ASCII fold of the base value is suggested.

use super::{checks, Applies, Rule};
use crate::context::Context;
use crate::model::{CreateIndividualV2Of, Field, Repr, StrKind, Text};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;
use crate::text::{ascii_fold, is_clean};
use crate::wording::Wording;

pub(crate) const RULE: Rule = Rule {
    name: "transliteration",
    doc: include_str!("transliteration.rs"),
    codes: &[Code::TransliterationRequired, Code::TransliterationNotAscii],
    summary: "Non-ASCII names and street lines need an ASCII `_en` companion.",
    source: "spec §1.6, §9.5 (S1, S2, S6-V2, S7)",
    check: checks!(field: (Applies::COMPANION, check_companion), create_v2: check_create_v2),
};

/// Every `_en` companion, wherever it is, must be ASCII.
fn check_companion(loc: &Loc<'_>, field: Field<'_>, _: &Context, sink: &mut Sink) {
    if let Field::Str { value: Some(s), kind: StrKind::Companion, .. } = field {
        if !s.is_ascii() {
            sink.emit(
                Code::TransliterationNotAscii,
                loc,
                Wording::About(" is the ASCII transliteration and must contain only ASCII characters."),
            );
        }
    }
}

/// Reports a missing companion for one base/companion pair.
pub(crate) fn check_pair(
    base: &Option<impl Text>,
    companion: &Option<impl Text>,
    companion_loc: &Loc<'_>,
    sink: &mut Sink,
) {
    if let Some(b) = base.as_deref().filter(|b| !b.is_ascii() && companion.is_none()) {
        if is_clean(b) {
            sink.emit_suggesting(
                Code::TransliterationRequired,
                companion_loc,
                Wording::Named(
                    "The value has non-ASCII characters; add `",
                    "` with its transliteration in ASCII letters.",
                ),
                || ascii_fold(b),
            );
        }
    }
}

fn check_create_v2<R: Repr>(req: &CreateIndividualV2Of<'_, R>, _: &Context, sink: &mut Sink) {
    let root = Loc::Root;
    if let Some(bi) = &req.basic_info {
        let l = root.key("basic_info");
        check_pair(&bi.first_name, &bi.first_name_en, &l.key("first_name_en"), sink);
        check_pair(&bi.middle_name, &bi.middle_name_en, &l.key("middle_name_en"), sink);
        check_pair(&bi.last_name, &bi.last_name_en, &l.key("last_name_en"), sink);
    }
    if let Some(a) = &req.address {
        let l = root.key("address");
        check_pair(&a.street_line_1, &a.street_line_1_en, &l.key("street_line_1_en"), sink);
        check_pair(&a.street_line_2, &a.street_line_2_en, &l.key("street_line_2_en"), sink);
    }
}
