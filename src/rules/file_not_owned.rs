//! ## What it does
//! With the customer's uploaded file URIs in the context, reports a file URI
//! that is not among them (`file_not_owned`, 403, path of the `uri`). SELFIE
//! files included.
//!
//! ## Why
//! A file URI not uploaded for this customer makes the provider answer 403
//! (spec §3, §10; S1, S3).
//!
//! ## Example
//! Invalid: a URI uploaded for another customer. Valid: a URI returned by
//! `POST /v1/customers/upload` for this customer.

use super::{checks, for_each_attach_file, Attach, Rule};
use crate::context::Context;
use crate::model::Repr;
use crate::report::Code;
use crate::sink::Sink;
use crate::text::is_clean;

pub(crate) const RULE: Rule = Rule {
    name: "file_not_owned",
    doc: include_str!("file_not_owned.rs"),
    codes: &[Code::FileNotOwned],
    summary: "Every file URI must have been uploaded for this customer (403).",
    source: "spec §3, §10 (S1, S3)",
    check: checks!(attach_v2: check_attach_v2),
};

const MESSAGE: &str = "This file was not uploaded for this customer; upload it with the customer's ID first.";

fn check_attach_v2<R: Repr>(req: &Attach<'_, '_, R>, ctx: &Context, sink: &mut Sink) {
    let Some(owned) = ctx.customer.as_ref().and_then(|c| c.file_uris.as_ref()) else { return };
    for_each_attach_file(req.body, |f| {
        // Ownership first: an owned URI needs no cleanliness check.
        if f.file.uri.as_deref().is_some_and(|uri| !owned.contains(uri) && is_clean(uri)) {
            f.emit(sink, Code::FileNotOwned, "uri", MESSAGE);
        }
    });
}
