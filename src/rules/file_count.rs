//! ## What it does
//! Reports an identifying document with the wrong number of files for its
//! type (`file_count`, path `/identifying_documents/i/files`): PASSPORT and
//! SELFIE take exactly 1; NATIONAL_ID, DRIVERS_LICENSE and RESIDENCE_PERMIT
//! exactly 2. An empty list is `too_few_items` instead.
//!
//! ## Why
//! "PASSPORT and SELFIE take a single file; NATIONAL_ID, DRIVERS_LICENSE, and
//! RESIDENCE_PERMIT require one FRONT and one BACK file" (spec §3, §9.10; S1, S3).
//!
//! ## Example
//! Invalid: a DRIVERS_LICENSE with one file. Valid: with a FRONT and a BACK.

use super::{Attach, Check, Rule};
use crate::context::Context;
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "file_count",
    codes: &[Code::FileCount],
    summary: "PASSPORT and SELFIE take 1 file; NATIONAL_ID, DRIVERS_LICENSE and RESIDENCE_PERMIT take 2.",
    source: "spec §3, §9.10 (S1, S3)",
    check: Check::attach_v2(check_attach_v2),
};

fn check_attach_v2(req: &Attach<'_>, _: &Context, sink: &mut Sink) {
    let root = Loc::Root;
    let list = root.key("identifying_documents");
    for (i, d) in req.body.identifying_documents.iter().flatten().enumerate() {
        let (Some(want), Some(files)) = (d.kind.as_ref().and_then(|k| k.file_count()), &d.files) else { continue };
        if !files.is_empty() && files.len() != want {
            let doc = list.index(i);
            let message = if want == 1 {
                "This document type takes exactly one file."
            } else {
                "This document type takes exactly two files: one FRONT and one BACK."
            };
            sink.emit(Code::FileCount, &doc.key("files"), message);
        }
    }
}
