//! ## What it does
//! Rejects a body larger than the configured limit (default 1 MiB) with
//! `payload_too_large` (status 413, path `""`) before parsing it.
//!
//! ## Why
//! A validator on the request path must bound its own work; no KYC body
//! comes near a megabyte (the largest documented example is about 1 KB, spec §2),
//! and the provider documents no size limit of its own (spec §6, §12). The limit
//! is `Options::max_body_bytes`; RFC 9110 §15.5.14 names the status.
//!
//! ## Example
//! Invalid: a 2 MiB body with the default limit. Valid: the documented example (about 1 KB).
//!
//! Emitted by the JSON front end (`src/parse.rs`).

use super::{Check, Rule};
use crate::report::Code;

pub(crate) const RULE: Rule = Rule {
    name: "payload_too_large",
    doc: include_str!("payload_too_large.rs"),
    codes: &[Code::PayloadTooLarge],
    summary: "The body must not exceed the size limit (1 MiB by default).",
    source: "engine limit (issue contract); HTTP 413",
    check: Check::FRONT_END,
};
