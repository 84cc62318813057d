//! ## What it does
//! Reports a `customer_id` path parameter that is not a UUID, 8-4-4-4-12
//! hexadecimal digits (`invalid_uuid`, `"in": "path"`, path `/customer_id`).
//! Checked only when the caller gives the path parameter. In V1 attach,
//! `customer_id` is a body member: same code, `"in": "body"`.
//!
//! ## Why
//! `customer_id` is `format: uuid` (spec §1.7, §3; S1); any other value
//! cannot name a customer.
//!
//! ## Example
//! Invalid: `55bd6b4e-c20a-4cc8-9535`. Valid: `55bd6b4e-c20a-4cc8-9535-91d5557a67d9`.

use super::{checks, Applies, Attach, Rule};
use crate::context::Context;
use crate::model::{Field, Repr, StrKind};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "invalid_uuid",
    doc: include_str!("invalid_uuid.rs"),
    codes: &[Code::InvalidUuid],
    summary: "customer_id must be a UUID (8-4-4-4-12 hex digits).",
    source: "spec §1.7, §3 (S1 format: uuid)",
    check: checks!(field: (Applies::UUID, check_field), attach_v2: check_attach_v2),
};

/// Whether `s` is 8-4-4-4-12 hexadecimal digits (either case).
pub(crate) fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter()
            .enumerate()
            .all(|(i, &c)| if matches!(i, 8 | 13 | 18 | 23) { c == b'-' } else { c.is_ascii_hexdigit() })
}

/// The message, shared with the V1 body member.
pub(crate) const MESSAGE: &str =
    "`customer_id` must be a UUID: 8-4-4-4-12 hexadecimal digits, as returned by the create call.";

fn check_attach_v2<R: Repr>(req: &Attach<'_, '_, R>, _: &Context, sink: &mut Sink) {
    if let Some(id) = req.customer_id {
        if !is_uuid(id) {
            sink.emit_path_param(Code::InvalidUuid, "customer_id", MESSAGE);
        }
    }
}

/// V1 carries `customer_id` in the body.
fn check_field(loc: &Loc<'_>, field: Field<'_>, _: &Context, sink: &mut Sink) {
    if let Field::Str { value: Some(s), kind: StrKind::Uuid, .. } = field {
        if !is_uuid(s) {
            sink.emit(Code::InvalidUuid, loc, MESSAGE);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_uuid;

    #[test]
    fn uuids() {
        assert!(is_uuid("55bd6b4e-c20a-4cc8-9535-91d5557a67d9"));
        assert!(is_uuid("55BD6B4E-C20A-4CC8-9535-91D5557A67D9"));
        for bad in [
            "",
            "55bd6b4e-c20a-4cc8-9535",
            "55bd6b4ec20a4cc8953591d5557a67d9",
            "55bd6b4e-c20a-4cc8-9535-91d5557a67dg",
            "{55bd6b4e-c20a-4cc8-9535-91d5557a67d9}",
        ] {
            assert!(!is_uuid(bad), "{bad}");
        }
    }
}
