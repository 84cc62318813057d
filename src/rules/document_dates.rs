//! ## What it does
//! Checks document dates against each other and the context's `today`:
//! - `document_expired`: an identifying document's `expiry_date` on or before today;
//! - `expiry_before_issue`: `expiry_date` on or before `issue_date` (both at `.../expiry_date`);
//! - `issue_date_in_future`: an `issue_date` after today, on identity and address documents.
//!
//! Only real dates are compared (`invalid_date` covers the rest); a SELFIE's
//! dates are ignored; the rules that need `today` are off without it.
//!
//! In V1 the same rules apply to `proof_of_identity`.
//!
//! ## Why
//! `expiry_date` "must be in the future"; with `issue_date`, "expiry_date must
//! be strictly later" (S1). A future issue date cannot be genuine (spec §9.13, [I]).
//!
//! ## Example
//! Invalid (today 2026-11-26): `"expiry_date": "2026-11-26"`. Valid: `"2029-06-01"`.

use super::{checks, clean, Attach, Rule};
use crate::context::Context;
use crate::date::Date;
use crate::model::{items, AttachIndividualV1Of, Repr, Text};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "document_dates",
    doc: include_str!("document_dates.rs"),
    codes: &[Code::DocumentExpired, Code::ExpiryBeforeIssue, Code::IssueDateInFuture],
    summary: "Documents must not be expired, expire after they were issued, and not be issued in the future.",
    source: "spec §3, §9.13 (S1)",
    check: checks!(attach_v2: check_attach_v2, attach_v1: check_attach_v1),
};

fn check_attach_v2<R: Repr>(req: &Attach<'_, '_, R>, ctx: &Context, sink: &mut Sink) {
    let root = Loc::Root;
    let list = root.key("identifying_documents");
    for (i, d) in items(&req.body.identifying_documents).iter().enumerate() {
        if !d.is_selfie() {
            check(&d.issue_date, &d.expiry_date, &list.index(i), ctx.today, sink);
        }
    }
    let list = root.key("address_documents");
    for (i, d) in items(&req.body.address_documents).iter().enumerate() {
        check(&d.issue_date, &None::<&str>, &list.index(i), ctx.today, sink);
    }
}

fn check_attach_v1<R: Repr>(req: &AttachIndividualV1Of<'_, R>, ctx: &Context, sink: &mut Sink) {
    if let Some(d) = &req.proof_of_identity {
        let root = Loc::Root;
        check(&d.issue_date, &d.expiry_date, &root.key("proof_of_identity"), ctx.today, sink);
    }
}

fn date(v: &Option<impl Text>) -> Option<Date> {
    clean(v).and_then(|s| Date::parse(s).ok())
}

/// Checks one document's dates (shared with V1 `proof_of_identity`).
pub(crate) fn check(
    issue: &Option<impl Text>,
    expiry: &Option<impl Text>,
    doc: &Loc<'_>,
    today: Option<Date>,
    sink: &mut Sink,
) {
    let (issue, expiry) = (date(issue), date(expiry));
    if let (Some(e), Some(t)) = (expiry, today) {
        if e <= t {
            sink.emit(Code::DocumentExpired, &doc.key("expiry_date"), "The document has expired; attach a valid one.");
        }
    }
    if let (Some(i), Some(e)) = (issue, expiry) {
        if e <= i {
            sink.emit(
                Code::ExpiryBeforeIssue,
                &doc.key("expiry_date"),
                "`expiry_date` must be later than `issue_date`.",
            );
        }
    }
    if let (Some(i), Some(t)) = (issue, today) {
        if i > t {
            sink.emit(Code::IssueDateInFuture, &doc.key("issue_date"), "`issue_date` is in the future.");
        }
    }
}
