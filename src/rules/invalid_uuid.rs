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
    let Some(b) = s.as_bytes().first_chunk::<36>().filter(|_| s.len() == 36) else { return false };
    let hex = |group: &[u8]| group.iter().all(u8::is_ascii_hexdigit);
    [b[8], b[13], b[18], b[23]] == [b'-'; 4]
        && hex(&b[..8])
        && hex(&b[9..13])
        && hex(&b[14..18])
        && hex(&b[19..23])
        && hex(&b[24..])
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
        // Every position checked: a wrong byte anywhere (a letter beyond `f` for a digit, a digit
        // for a dash), or one byte more, is not a UUID.
        let good = "55bd6b4e-c20a-4cc8-9535-91d5557a67d9";
        for i in 0..good.len() {
            let mut b = good.as_bytes().to_vec();
            b[i] = if b[i] == b'-' { b'0' } else { b'g' };
            let s = String::from_utf8(b).unwrap();
            assert!(!is_uuid(&s), "{s}");
        }
        assert!(!is_uuid(&format!("{good}0")));
    }
}
