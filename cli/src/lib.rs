//! The parts of the `kyc-rules` command line that do no I/O, as a library so that the fuzz
//! targets (`fuzz/fuzz_targets/batch_envelope.rs`) and tests can call them: reading a `batch`
//! envelope, validating one batch line, the `migrate` output, and splitting a block of input
//! into lines. `src/main.rs` does the reading, writing, threads and flags.

#![forbid(unsafe_code)]

use kyc_rules::migrate::{migrate, MigrateError};
use kyc_rules::{validate, Context, Options, Report, Request, RequestKind};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;

/// The request kind with this wire name, or a usage message listing the known ones.
pub fn parse_kind(name: &str) -> Result<RequestKind, String> {
    if let Some(kind) = RequestKind::from_wire(name) {
        return Ok(kind);
    }
    let known: Vec<&str> = RequestKind::ALL.iter().map(|k| k.as_str()).collect();
    Err(format!("unknown request kind {name:?}; known kinds: {}", known.join(", ")))
}

/// One line of a batch as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire<'a> {
    request: String,
    #[serde(borrow, default)]
    body: Option<&'a RawValue>,
    #[serde(default)]
    body_text: Option<String>,
    #[serde(default)]
    context: Option<Context>,
    #[serde(default)]
    customer_id: Option<String>,
    #[serde(default)]
    migrate: bool,
}

/// One line of a batch, read: `{"request": KIND, "body": {...} | "body_text": "...",
/// "context"?: {...}, "customer_id"?: "...", "migrate"?: bool}`.
#[derive(Debug)]
pub struct Envelope<'a> {
    /// The request kind (`request`).
    pub kind: RequestKind,
    /// The body to validate: the bytes of `body` exactly as they are in the line (repeated
    /// members, number spellings and escapes kept), or the decoded `body_text`.
    pub body: Cow<'a, [u8]>,
    /// The envelope's own context, if any (it replaces the base context; its `today`
    /// defaults to the base context's).
    pub context: Option<Context>,
    /// The `customer_id` path parameter (attach requests).
    pub customer_id: Option<String>,
    /// Migrate the V1 body to V2 and report on the result.
    pub migrate: bool,
}

/// Reads one batch line. The error is one sentence saying what is wrong with the envelope.
pub fn parse_envelope(line: &[u8]) -> Result<Envelope<'_>, String> {
    let wire: Wire<'_> = serde_json::from_slice(line).map_err(|e| format!("not a valid envelope: {e}"))?;
    let kind = parse_kind(&wire.request)?;
    let body = match (wire.body, wire.body_text) {
        (Some(raw), None) => Cow::Borrowed(raw.get().as_bytes()),
        (None, Some(text)) => Cow::Owned(text.into_bytes()),
        (Some(_), Some(_)) => return Err("give either body or body_text, not both".to_owned()),
        (None, None) => return Err("the envelope needs a body or a body_text".to_owned()),
    };
    Ok(Envelope { kind, body, context: wire.context, customer_id: wire.customer_id, migrate: wire.migrate })
}

impl Envelope<'_> {
    /// The context to validate with: the envelope's, its `today` defaulting to `base`'s; or `base`.
    pub fn context(&self, base: &Context) -> Context {
        match &self.context {
            Some(c) => {
                let mut c = c.clone();
                if c.today.is_none() {
                    c.today = base.today;
                }
                c
            }
            None => base.clone(),
        }
    }

    /// The request to validate: the body as JSON of the kind, with the `customer_id` if given.
    pub fn request(&self) -> Request<'_> {
        let request = Request::json(self.kind, &self.body);
        match &self.customer_id {
            Some(id) => request.with_customer_id(id),
            None => request,
        }
    }
}

/// What a batch line produces: its output line, whether it was valid, whether its report was
/// truncated, and the codes it reported (`envelope_error` for a line that is not a valid envelope).
#[derive(Debug)]
pub struct LineResult {
    /// The output line (compact JSON, no newline).
    pub text: String,
    /// Whether the request is valid.
    pub valid: bool,
    /// Whether the report left violations out (`--max-violations`).
    pub truncated: bool,
    /// The codes of the violations the report kept.
    pub codes: Vec<&'static str>,
}

impl LineResult {
    fn of(text: String, report: &Report) -> LineResult {
        LineResult {
            text,
            valid: report.valid,
            truncated: report.truncated,
            codes: report.violations.iter().map(|v| v.code.as_str()).collect(),
        }
    }

    /// The output for a line that is not a valid envelope: a report-shaped object with an
    /// `error` sentence and no violations.
    pub fn envelope_error(message: String) -> LineResult {
        let v =
            serde_json::json!({"valid": false, "status": 400, "error": message, "violations": [], "truncated": false});
        LineResult { text: v.to_string(), valid: false, truncated: false, codes: vec!["envelope_error"] }
    }
}

/// Validates one batch line (or migrates it, with `"migrate": true`).
pub fn batch_line(line: &[u8], base: &Context, opts: &Options) -> LineResult {
    let env = match parse_envelope(line) {
        Ok(env) => env,
        Err(e) => return LineResult::envelope_error(e),
    };
    let ctx = env.context(base);
    if env.migrate {
        return match migrate_output(env.request(), &ctx, opts, false) {
            Ok((text, report)) => LineResult::of(text, &report),
            Err(e) => LineResult::envelope_error(e),
        };
    }
    let report = validate(env.request(), &ctx, opts);
    let text = serde_json::to_string(&report).unwrap_or_else(|_| String::from("{}"));
    LineResult::of(text, &report)
}

/// What `migrate` prints when the V1 body cannot be read at all.
#[derive(serde::Serialize)]
struct Unreadable<'a> {
    request: Option<()>,
    notes: [(); 0],
    report: &'a Report,
}

/// The migrate output for one V1 body (pretty or compact), and the report it carries. The
/// error is a usage error (a request kind that is not V1).
pub fn migrate_output(
    request: Request<'_>,
    ctx: &Context,
    opts: &Options,
    pretty: bool,
) -> Result<(String, Report), String> {
    fn text<T: serde::Serialize>(v: &T, pretty: bool) -> Result<String, String> {
        if pretty { serde_json::to_string_pretty(v) } else { serde_json::to_string(v) }.map_err(|e| e.to_string())
    }
    match migrate(request, ctx, opts) {
        Ok(m) => Ok((text(&m, pretty)?, m.report)),
        Err(MigrateError::Unreadable(report)) => {
            Ok((text(&Unreadable { request: None, notes: [], report: &report }, pretty)?, report))
        }
        Err(e) => Err(e.to_string()),
    }
}

/// The lines of a block of batch input, without their `\n`, leaving out blank lines (only
/// ASCII whitespace).
pub fn split_lines(block: &[u8]) -> Vec<&[u8]> {
    block.split(|&b| b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelope_errors_are_one_clear_sentence() {
        for (line, needle) in [
            (&b"not json"[..], "not a valid envelope"),
            (br#"{"request": "create-individual-v2"}"#, "needs a body or a body_text"),
            (br#"{"request": "create-individual-v2", "body": {}, "body_text": "{}"}"#, "either body or body_text"),
            (br#"{"request": "nope", "body": {}}"#, "unknown request kind"),
            (br#"{"request": "create-individual-v2", "body": {}, "extra": 1}"#, "unknown field"),
            (br#"{"request": "create-individual-v2", "body": {}, "request": "x"}"#, "duplicate field"),
        ] {
            let err = parse_envelope(line).unwrap_err();
            assert!(err.contains(needle), "{err}");
            let out = batch_line(line, &Context::default(), &Options::default());
            assert_eq!(out.codes, ["envelope_error"]);
            let v: serde_json::Value = serde_json::from_str(&out.text).unwrap();
            assert_eq!(v["error"], err.as_str());
            assert_eq!(v["truncated"], false);
        }
    }

    #[test]
    fn the_body_is_kept_byte_for_byte_and_body_text_decoded() {
        let line = br#"{"request": "create-individual-v2", "body": {"a": 1e400, "a": "\u00e9"}}"#;
        let env = parse_envelope(line).unwrap();
        assert_eq!(&*env.body, br#"{"a": 1e400, "a": "\u00e9"}"#);
        let line = br#"{"request": "create-individual-v2", "body_text": "{\"a\":\n1"}"#;
        assert_eq!(&*parse_envelope(line).unwrap().body, b"{\"a\":\n1");
    }

    #[test]
    fn split_lines_drops_blank_lines_only() {
        assert_eq!(split_lines(b"a\n\n \t\r\nb\r\n\nc"), [&b"a"[..], b"b\r", b"c"]);
        assert!(split_lines(b"").is_empty());
    }
}
