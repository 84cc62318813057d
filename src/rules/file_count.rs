//! ## What it does
//! Reports an identifying document with the wrong number of files for its
//! type (`file_count`, path `/identifying_documents/i/files`): PASSPORT and
//! SELFIE take exactly 1; NATIONAL_ID, DRIVERS_LICENSE and RESIDENCE_PERMIT
//! exactly 2. An empty list is `too_few_items` instead.
//!
//! In V1 the same counts apply to `proof_of_identity.files`.
//!
//! ## Why
//! "PASSPORT and SELFIE take a single file; NATIONAL_ID, DRIVERS_LICENSE, and
//! RESIDENCE_PERMIT require one FRONT and one BACK file" (spec §3, §9.10; S1, S3).
//!
//! ## Example
//! Invalid: a DRIVERS_LICENSE with one file. Valid: with a FRONT and a BACK.

use super::{checks, for_each_identity_files, Attach, Rule};
use crate::context::Context;
use crate::model::{AttachIndividualV1Of, IdentityDocumentType, Repr};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "file_count",
    doc: include_str!("file_count.rs"),
    codes: &[Code::FileCount],
    summary: "PASSPORT and SELFIE take 1 file; NATIONAL_ID, DRIVERS_LICENSE and RESIDENCE_PERMIT take 2.",
    source: "spec §3, §9.10 (S1, S3)",
    check: checks!(attach_v2: check_attach_v2, attach_v1: check_attach_v1),
};

fn check_attach_v2<R: Repr>(req: &Attach<'_, '_, R>, _: &Context, sink: &mut Sink) {
    for_each_identity_files(Some(req.body), None, |kind, files, files_loc| check(kind, files.len(), files_loc, sink));
}

fn check_attach_v1<R: Repr>(req: &AttachIndividualV1Of<'_, R>, _: &Context, sink: &mut Sink) {
    for_each_identity_files(None, Some(req), |kind, files, files_loc| check(kind, files.len(), files_loc, sink));
}

/// Checks one document's file count (an empty list is `too_few_items`'s).
fn check(kind: &IdentityDocumentType, n: usize, files_loc: &Loc<'_>, sink: &mut Sink) {
    let Some(want) = kind.file_count() else { return };
    if n != 0 && n != want {
        let message = if want == 1 {
            "This document type takes exactly one file."
        } else {
            "This document type takes exactly two files: one FRONT and one BACK."
        };
        sink.emit_with(Code::FileCount, files_loc, message, vec![("files", want.to_string())]);
    }
}
