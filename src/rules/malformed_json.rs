//! ## What it does
//! Rejects a body that is not JSON, or whose top level is not an object
//! (code `malformed_json`, status 400, path `""`). Nothing else is checked.
//!
//! ## Why
//! The provider answers 400 "Malformed request body" when it cannot parse
//! the body (spec §13, S1). Syntax errors, invalid UTF-8, a byte-order mark
//! and nesting deeper than 128 levels all land here.
//!
//! ## Example
//! Invalid: `{"verification_type": "STANDARD",` (truncated). Valid: any JSON object.
//!
//! Emitted by the JSON front end (`src/parse.rs`).

use super::{Check, Rule};
use crate::report::Code;

pub(crate) const RULE: Rule = Rule {
    name: "malformed_json",
    doc: include_str!("malformed_json.rs"),
    codes: &[Code::MalformedJson],
    summary: "The body must be a JSON object.",
    source: "spec §13 (400 Malformed request body; S1)",
    check: Check::FRONT_END,
};
