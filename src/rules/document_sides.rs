//! ## What it does
//! For two-sided documents (NATIONAL_ID, DRIVERS_LICENSE, RESIDENCE_PERMIT)
//! with the right number of files: a file without `side` (`missing_side`),
//! and the second FRONT or second BACK (`duplicate_side`), each at
//! `.../files/k/side`. Sides are checked only when the file count is right.
//!
//! In V1 the same rules apply to `proof_of_identity.files` (V1 proof-of-address files have no side).
//!
//! ## Why
//! `side` is "Required for NATIONAL_ID, DRIVERS_LICENSE, and RESIDENCE_PERMIT",
//! which need "one FRONT and one BACK file" (spec §3, §9.10; S1, S3).
//!
//! ## Example
//! Invalid: a NATIONAL_ID with two FRONT files. Valid: FRONT and BACK.

use super::{checks, for_each_identity_files, Attach, Rule};
use crate::context::Context;
use crate::model::{AttachIndividualV1Of, DocumentFileOf, IdentityDocumentType, Repr, Side};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "document_sides",
    doc: include_str!("document_sides.rs"),
    codes: &[Code::MissingSide, Code::DuplicateSide],
    summary: "Two-sided documents need one FRONT and one BACK file.",
    source: "spec §3, §9.10 (S1, S3)",
    check: checks!(attach_v2: check_attach_v2, attach_v1: check_attach_v1),
};

fn check_attach_v2<R: Repr>(req: &Attach<'_, '_, R>, _: &Context, sink: &mut Sink) {
    for_each_identity_files(Some(req.body), None, |kind, files, files_loc| check(kind, files, files_loc, sink));
}

fn check_attach_v1<R: Repr>(req: &AttachIndividualV1Of<'_, R>, _: &Context, sink: &mut Sink) {
    for_each_identity_files(None, Some(req), |kind, files, files_loc| check(kind, files, files_loc, sink));
}

/// Checks the sides of one document's files (shared with V1 `proof_of_identity`).
pub(crate) fn check<R: Repr>(
    kind: &IdentityDocumentType,
    files: &[DocumentFileOf<'_, R>],
    files_loc: &Loc<'_>,
    sink: &mut Sink,
) {
    if !kind.is_two_sided() || Some(files.len()) != kind.file_count() {
        return;
    }
    let (mut front, mut back) = (false, false);
    for (k, file) in files.iter().enumerate() {
        let f = files_loc.index(k);
        let loc = f.key("side");
        let seen = match &file.side {
            None => {
                sink.emit(Code::MissingSide, &loc, "Each file of this document type needs `side`: FRONT or BACK.");
                continue;
            }
            Some(Side::Front) => &mut front,
            Some(Side::Back) => &mut back,
            Some(Side::Other(_)) => continue, // invalid_enum covers it
        };
        if *seen {
            sink.emit(
                Code::DuplicateSide,
                &loc,
                "This side is already given by another file; give one FRONT and one BACK.",
            );
        }
        *seen = true;
    }
}
