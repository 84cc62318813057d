//! ## What it does
//! Warns about a member the request does not define (`unknown_field`,
//! severity warning). Anything inside `meta_data` is free-form.
//!
//! ## Why
//! The schema sets no `additionalProperties: false` (spec §15.22), so the
//! provider probably ignores extra members, but an unknown name is usually a
//! typo of a real one, which then counts as missing.
//!
//! ## Example
//! Invalid (warning): `"address": {"zip": "94103", ...}`. Valid: `"meta_data": {"zip": "94103"}`.
//!
//! Emitted by the JSON front end (`src/parse.rs`).

use super::{Check, Rule};
use crate::report::Code;

pub(crate) const RULE: Rule = Rule {
    name: "unknown_field",
    doc: include_str!("unknown_field.rs"),
    codes: &[Code::UnknownField],
    summary: "Members the request does not define are ignored by the API (warning).",
    source: "spec §15.22",
    check: Check::FRONT_END,
};
