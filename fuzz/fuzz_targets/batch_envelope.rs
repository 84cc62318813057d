//! Raw bytes as `kyc-rules batch` input: the CLI's envelope parser (`cli/src/lib.rs`) on
//! every line of it, under two option sets (the defaults; suggestions on and at most 2
//! violations). Besides the absence of a panic it asserts:
//!
//! - the input splits into lines without `\n`, none blank, in input order;
//! - every output is one line of JSON with `valid`, `status` and `truncated`;
//! - an independent reading of the envelope (the line's top-level members read one by one,
//!   repeats kept, no derived `Deserialize`) accepts exactly the lines the parser accepts,
//!   and finds the same kind, body bytes, `customer_id`, `migrate` and context;
//! - an accepted line gives exactly the report (or `migrate` output) of validating (or
//!   migrating) its body directly with the library;
//! - a rejected line gives `{"valid": false, "status": 400, "error": MESSAGE, "violations":
//!   [], "truncated": false}` with a non-empty MESSAGE, and counts as `envelope_error`.
#![no_main]

use kyc_rules::migrate::{migrate, MigrateError};
use kyc_rules::{validate, Context, Date, Options, Request, RequestKind};
use kyc_rules_cli::{batch_line, parse_envelope, split_lines};
use libfuzzer_sys::fuzz_target;
use serde::de::{MapAccess, Visitor};
use serde_json::value::RawValue; // `raw_value` is on: kyc-rules-cli enables it.
use serde_json::{json, Value};
use std::fmt;
use std::sync::OnceLock;

/// The envelope as the independent reading finds it.
#[derive(Debug, PartialEq)]
struct Oracle {
    kind: RequestKind,
    body: Vec<u8>,
    context: Option<Context>,
    customer_id: Option<String>,
    migrate: bool,
}

/// The top-level members of a JSON object, in order, repeats kept, values raw.
struct Members(Vec<(String, Box<RawValue>)>);

impl<'de> serde::Deserialize<'de> for Members {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Members, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Members;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
                let mut out = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    out.push((key, map.next_value::<Box<RawValue>>()?));
                }
                Ok(Members(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// Reads an envelope by the README's description, without the CLI's code: `None` when
/// the line is not a valid envelope.
fn oracle(line: &[u8]) -> Option<Oracle> {
    let Members(members) = serde_json::from_slice(line).ok()?;
    let mut seen: Vec<&str> = Vec::new();
    let (mut kind, mut body, mut body_text, mut context, mut customer_id, mut migrate) =
        (None, None, None, None, None, false);
    for (key, raw) in &members {
        if seen.contains(&key.as_str()) {
            return None; // a repeated member
        }
        seen.push(key);
        let raw = raw.get();
        let null = raw == "null";
        match key.as_str() {
            "request" => kind = Some(RequestKind::from_wire(&serde_json::from_str::<String>(raw).ok()?)?),
            "body" if null => {}
            "body" => body = Some(raw.as_bytes().to_vec()),
            "body_text" if null => {}
            "body_text" => body_text = Some(serde_json::from_str::<String>(raw).ok()?.into_bytes()),
            "context" if null => {}
            "context" => context = Some(serde_json::from_str::<Context>(raw).ok()?),
            "customer_id" if null => {}
            "customer_id" => customer_id = Some(serde_json::from_str::<String>(raw).ok()?),
            "migrate" => migrate = serde_json::from_str::<bool>(raw).ok()?,
            _ => return None, // an unknown member
        }
    }
    let body = match (body, body_text) {
        (Some(b), None) | (None, Some(b)) => b,
        _ => return None,
    };
    Some(Oracle { kind: kind?, body, context, customer_id, migrate })
}

fn base() -> &'static Context {
    static BASE: OnceLock<Context> = OnceLock::new();
    BASE.get_or_init(|| Context::on(Date::parse("2026-11-26").expect("date")))
}

fn check_line(line: &[u8], opts: &Options) {
    let result = batch_line(line, base(), opts);
    assert!(!result.text.contains('\n'), "an output line holds a newline: {:?}", result.text);
    let out: Value = serde_json::from_str(&result.text).expect("every output line is JSON");

    let parsed = parse_envelope(line);
    let independent = oracle(line);
    assert_eq!(parsed.is_ok(), independent.is_some(), "parser {parsed:?}, independent reading {independent:?}");

    let env = match parsed {
        Err(message) => {
            assert!(!message.trim().is_empty(), "an envelope error without a message");
            let want = json!({"valid": false, "status": 400, "error": message, "violations": [], "truncated": false});
            assert_eq!(out, want);
            assert!(!result.valid && !result.truncated);
            assert_eq!(result.codes, ["envelope_error"]);
            return;
        }
        Ok(env) => env,
    };
    let o = independent.expect("checked above");
    assert_eq!(
        (env.kind, &*env.body, &env.context, &env.customer_id, env.migrate),
        (o.kind, &o.body[..], &o.context, &o.customer_id, o.migrate)
    );

    // The body, validated (or migrated) directly.
    let mut ctx = o.context.clone().unwrap_or_else(|| base().clone());
    ctx.today = ctx.today.or(base().today);
    let mut request = Request::json(o.kind, &o.body);
    if let Some(id) = &o.customer_id {
        request = request.with_customer_id(id);
    }
    let report = if o.migrate {
        match migrate(request, &ctx, opts) {
            Ok(m) => {
                assert_eq!(result.text, serde_json::to_string(&m).expect("serialises"));
                m.report
            }
            Err(MigrateError::Unreadable(report)) => {
                let want = json!({"request": null, "notes": [], "report": report});
                assert_eq!(out, want);
                report
            }
            Err(e) => {
                assert_eq!(out["error"], e.to_string());
                assert_eq!(result.codes, ["envelope_error"]);
                return;
            }
        }
    } else {
        let report = validate(request, &ctx, opts);
        assert_eq!(result.text, serde_json::to_string(&report).expect("serialises"), "not the direct report");
        report
    };
    assert_eq!((result.valid, result.truncated), (report.valid, report.truncated));
    let codes: Vec<&str> = report.violations.iter().map(|v| v.code.as_str()).collect();
    assert_eq!(result.codes, codes);
    assert!(report.violations.len() <= opts.max_violations);
    let json_report = if o.migrate { &out["report"] } else { &out };
    assert_eq!(json_report["truncated"], report.truncated, "truncated is always in the JSON");
}

fuzz_target!(|data: &[u8]| {
    // The lines: no `\n`, none blank, each after the previous one in the input.
    let lines = split_lines(data);
    let mut from = 0;
    for line in &lines {
        assert!(!line.contains(&b'\n') && !line.iter().all(u8::is_ascii_whitespace));
        let at = line.as_ptr() as usize - data.as_ptr() as usize;
        assert!(at >= from && at + line.len() <= data.len());
        from = at + line.len();
    }
    let non_blank = data.split(|&b| b == b'\n').filter(|l| l.iter().any(|b| !b.is_ascii_whitespace())).count();
    assert_eq!(lines.len(), non_blank);

    let small = Options::default().with_suggestions(true).with_max_violations(2);
    for line in lines.iter().take(8) {
        check_line(line, &Options::default());
        check_line(line, &small);
    }
});
