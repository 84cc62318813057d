//! ## What it does
//! Reports a file URI equal to one earlier in the request
//! (`duplicate_file_uri`, path of the later `uri`). SELFIE files are left out
//! of the comparison: a selfie may reuse a primary document's file. Linear time.
//!
//! ## Why
//! "File URIs must be unique across the entire request (SELFIE files
//! excluded)" (spec §3, §9.14; S1, S3).
//!
//! ## Example
//! Invalid: the licence's BACK with the FRONT's URI. Valid: distinct URIs.

use super::{checks, clean, for_each_attach_file, for_each_repeat, Attach, FileRef, Rule};
use crate::context::Context;
use crate::model::Repr;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "duplicate_file_uri",
    doc: include_str!("duplicate_file_uri.rs"),
    codes: &[Code::DuplicateFileUri],
    summary: "File URIs must be unique across the request (SELFIE files excluded).",
    source: "spec §3, §9.14 (S1, S3)",
    check: checks!(attach_v2: check_attach_v2),
};

fn check_attach_v2<R: Repr>(req: &Attach<'_, '_, R>, _: &Context, sink: &mut Sink) {
    // Repeats are looked for among all URIs and reported for clean ones: equal URIs are
    // clean alike, so these are the repeats among clean URIs (cleanliness checked once a repeat).
    // Inline up to the pairwise regime of `for_each_repeat` (16): no allocation below it.
    let mut files = tinyvec::TinyVec::<[Option<FileRef<'_, '_, R>>; 16]>::new();
    for_each_attach_file(req.body, |f| {
        if !f.selfie {
            files.push(Some(f));
        }
    });
    let file = |i: usize| files.get(i).and_then(Option::as_ref);
    for_each_repeat(
        files.len(),
        |i| file(i)?.file.uri.as_deref(),
        |i| {
            if let Some(f) = file(i).filter(|f| clean(&f.file.uri).is_some()) {
                f.emit(
                    sink,
                    Code::DuplicateFileUri,
                    "uri",
                    "This file URI is already used earlier in the request; each document needs its own file.",
                )
            }
        },
    );
}
