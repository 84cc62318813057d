//! ## What it does
//! With a catalogue in the context, reports an ID that is not in it
//! (`unknown_reference`): `occupation_id`, `purpose_id` and each of
//! `source_of_fund_ids`. Each catalogue list is optional; an absent list
//! switches off its check.
//!
//! ## Why
//! The IDs are foreign keys into `GET /v1/occupations`, `GET /v1/purposes`
//! and `GET /v1/source-of-funds` (spec §2, §7; S1, S2-B).
//!
//! ## Example
//! Invalid (catalogue occupations `[1, 42]`): `"occupation_id": 7`. Valid: `42`.

use super::{checks, Rule};
use crate::context::{Context, IdSet};
use crate::model::{items, CreateIndividualV1Of, CreateIndividualV2Of, Repr};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "unknown_reference",
    doc: include_str!("unknown_reference.rs"),
    codes: &[Code::UnknownReference],
    summary: "Catalogue IDs must exist in the catalogue given in the context.",
    source: "spec §2, §7 (S1, S2-B)",
    check: checks!(create_v2: check_create_v2, create_v1: check_create_v1),
};

/// Checks one ID against one catalogue list.
pub(crate) fn check(id: Option<u64>, list: Option<&IdSet>, endpoint: &str, loc: &Loc<'_>, sink: &mut Sink) {
    if let (Some(id), Some(list)) = (id, list) {
        if id >= 1 && !list.contains(id) {
            sink.emit_with(
                Code::UnknownReference,
                loc,
                format!("This ID is not in the catalogue; use an ID listed by {endpoint}."),
                vec![("endpoint", endpoint.to_owned())],
            );
        }
    }
}

fn check_create_v2<R: Repr>(req: &CreateIndividualV2Of<'_, R>, ctx: &Context, sink: &mut Sink) {
    let (Some(cat), Some(p)) = (&ctx.catalog, &req.financial_profile) else {
        return;
    };
    let root = Loc::Root;
    let l = root.key("financial_profile");
    check(p.occupation_id, cat.occupation_ids.as_ref(), "GET /v1/occupations", &l.key("occupation_id"), sink);
    check(p.purpose_id, cat.purpose_ids.as_ref(), "GET /v1/purposes?type=INDIVIDUAL", &l.key("purpose_id"), sink);
    let list = l.key("source_of_fund_ids");
    for (i, &id) in items(&p.source_of_fund_ids).iter().enumerate() {
        check(
            Some(id),
            cat.source_of_fund_ids.as_ref(),
            "GET /v1/source-of-funds?type=INDIVIDUAL",
            &list.index(i),
            sink,
        );
    }
}

fn check_create_v1<R: Repr>(req: &CreateIndividualV1Of<'_, R>, ctx: &Context, sink: &mut Sink) {
    let (Some(cat), Some(p)) = (&ctx.catalog, &req.financial_profile) else { return };
    let root = Loc::Root;
    let l = root.key("financial_profile");
    check(p.occupation_id, cat.occupation_ids.as_ref(), "GET /v1/occupations", &l.key("occupation_id"), sink);
    check(p.purpose_id, cat.purpose_ids.as_ref(), "GET /v1/purposes?type=INDIVIDUAL", &l.key("purpose_id"), sink);
    let funds = cat.source_of_fund_ids.as_ref();
    check(p.source_of_fund_id, funds, "GET /v1/source-of-funds?type=INDIVIDUAL", &l.key("source_of_fund_id"), sink);
}
