//! ## What it does
//! Reports a member of the wrong JSON type (`invalid_type`): a number where a
//! string is expected, a fractional number where an integer is expected, an
//! object where an array is expected, and `null` for an optional member.
//! Rules that depend on that member are then silent (one violation per cause).
//!
//! ## Why
//! The provider's schema types every member (spec §2–§5, S1).
//!
//! ## Example
//! Invalid: `"occupation_id": "42"`, `"monthly_volume_usd": 3400.5`. Valid: `"occupation_id": 42`.
//!
//! Emitted by the JSON front end (`src/parse.rs`).

use super::{Check, Rule};
use crate::report::Code;

pub(crate) const RULE: Rule = Rule {
    name: "invalid_type",
    doc: include_str!("invalid_type.rs"),
    codes: &[Code::InvalidType],
    summary: "Each member must have its schema's JSON type.",
    source: "spec §2 (S1 CreateIndividualCustomerV2Input)",
    check: Check::FRONT_END,
};
