//! ## What it does
//! Reports a member that appears twice in the same object (`duplicate_key`,
//! path of that member), at every level, `meta_data` included. The first
//! occurrence is the one the other rules check.
//!
//! ## Why
//! RFC 8259 leaves duplicate names undefined: parsers keep the first, the
//! last, or fail. A request whose meaning depends on the parser is rejected.
//!
//! ## Example
//! Invalid: `{"basic_info": {"email": "a@b.co", "email": "c@d.co"}}`. Valid: each name once.
//!
//! Emitted by the JSON front end (`src/parse.rs`).

use super::{Check, Rule};
use crate::report::Code;

pub(crate) const RULE: Rule = Rule {
    name: "duplicate_key",
    doc: include_str!("duplicate_key.rs"),
    codes: &[Code::DuplicateKey],
    summary: "An object must not have the same member twice.",
    source: "RFC 8259 §4 (names SHOULD be unique); issue contract",
    check: Check::FRONT_END,
};
