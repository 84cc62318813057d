//! ## What it does
//! Warns about a V1 member name in a V2 request (`v1_field`, warning) and
//! names the V2 replacement: `basic_info.tin` → `tax_info[]`,
//! `basic_info.nationality` → `primary_nationality`, `address.street` →
//! `street_line_1`, `address.state` → `subdivision_code`,
//! `financial_profile.source_of_fund_id` → `source_of_fund_ids`.
//!
//! ## Why
//! V2 renamed these members (spec §14); a V1 payload sent to the V2 endpoint
//! silently loses them.
//!
//! ## Example
//! Invalid (warning): `"basic_info": {"nationality": "USA", ...}`. Valid: `"primary_nationality": "USA"`.
//!
//! Emitted by the JSON front end (`src/parse.rs`).

use super::{Check, Rule};
use crate::report::Code;

pub(crate) const RULE: Rule = Rule {
    name: "v1_field",
    doc: include_str!("v1_field.rs"),
    codes: &[Code::V1Field],
    summary: "A V1 member name in a V2 request; use its V2 replacement (warning).",
    source: "spec §14 (V1 → V2 mapping)",
    check: Check::FRONT_END,
};
