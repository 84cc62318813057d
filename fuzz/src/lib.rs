//! What every report must satisfy, whatever the input: the invariants the fuzz
//! targets in `fuzz_targets/` assert. See `fuzz/README.md`.
//!
//! - `valid` is true exactly when no violation is an error; `status` is 200 when
//!   valid, else the highest-priority status among the errors (400, 413, 403,
//!   409, 423, 422); each violation's severity and status are its code's.
//! - Violations are ordered by path (array indices numerically), then by
//!   location and code, without exact repeats.
//! - `malformed_json` and `payload_too_large` come alone, at path `""`.
//! - Every body path is a well-formed RFC 6901 pointer that either resolves in
//!   the body or names a missing member of an object that exists. "Resolves"
//!   follows the library's reading of duplicate members: the *first*
//!   occurrence is the one validated (serde_json's `Value` keeps the last), so
//!   paths are resolved in a tree that keeps every occurrence, taking the first
//!   one; a `duplicate_key` path must name a member that occurs twice or more.
//!   `"in": "path"` violations refer to the path parameter (`/customer_id`).
//! - The same input gives the same report twice; turning suggestions on
//!   changes nothing but the suggestions; a body of exactly the size limit is
//!   not `payload_too_large`, one byte over it is nothing else.
//! - A report bounded to k violations keeps the first k of the unbounded report, says
//!   `truncated` exactly when there were more, and has the same `valid`, `status` and `total`.

use kyc_rules::{validate, Code, Context, In, Options, Report, Request, RequestKind, Severity, Violation};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cmp::Ordering;
use std::fmt;
use std::sync::OnceLock;

/// Statuses from the most to the least decisive (README, "The report").
const STATUS_PRIORITY: [u16; 6] = [400, 413, 403, 409, 423, 422];

/// Codes whose path may name a member that is absent: the member to add.
const MAY_NAME_MISSING: [Code; 4] =
    [Code::Required, Code::TransliterationRequired, Code::StateRequired, Code::MissingSide];

/// Whether to assert that every body serde_json cannot read is reported as
/// `malformed_json`, also when the problem hides in a value the library skips
/// (unknown members, repeated members, values of the wrong type). On by
/// default; `KYC_FUZZ_STRICT=0` turns it off.
pub fn strict_json() -> bool {
    static STRICT: OnceLock<bool> = OnceLock::new();
    *STRICT.get_or_init(|| std::env::var_os("KYC_FUZZ_STRICT").is_none_or(|v| v != "0"))
}

// ---------------------------------------------------------------------------
// The body as a tree that keeps every occurrence of a repeated member.

/// A JSON value; objects keep every member, repeats included, in order.
#[derive(Debug)]
pub enum Node {
    /// `null`.
    Null,
    /// A boolean, number or string.
    Scalar,
    /// An array.
    Array(Vec<Node>),
    /// An object, with every occurrence of every member.
    Object(Vec<(String, Node)>),
}

impl Node {
    /// The first member called `name`, and how many times it occurs.
    fn member(&self, name: &str) -> Option<(&Node, usize)> {
        let Node::Object(members) = self else { return None };
        let mut found = members.iter().filter(|(k, _)| k == name);
        let first = &found.next()?.1;
        Some((first, 1 + found.count()))
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_str<E>(self, _: &str) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            members.push((key, map.next_value()?));
        }
        Ok(Node::Object(members))
    }
}

/// The body as a [`Node`] tree, or why serde_json cannot read it (its recursion
/// limit of 128 applies, so this never overflows the stack). Numbers beyond f64
/// (`1e400`) are valid JSON that serde_json rejects: the body is read again with
/// such numbers replaced by `0`, as only its structure matters here.
pub fn parse_tree(body: &[u8]) -> Result<Node, serde_json::Error> {
    let read = |bytes: &[u8]| -> Result<Node, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let node = Node::deserialize(&mut de)?;
        de.end()?;
        Ok(node)
    };
    match read(body) {
        Err(e) if e.to_string().starts_with("number out of range") => match zero_huge_numbers(body) {
            Some(copy) => read(&copy),
            None => Err(e),
        },
        other => other,
    }
}

/// `body` with every number token (outside strings) that is a JSON number of
/// magnitude 1e308 or more replaced by `0`; `None` if there is none. Tokens that are
/// not JSON numbers (`1.e400`, `01e400`) stay, so serde_json still refuses them; the
/// bound is 1e308, not "overflows f64", as serde_json without `float_roundtrip` refuses
/// some numbers just below `f64::MAX`.
fn zero_huge_numbers(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut changed = false;
    let mut i = 0;
    while i < body.len() {
        match body[i] {
            b'"' => {
                // Copy the string through its closing quote, skipping escaped characters.
                let start = i;
                i += 1;
                while i < body.len() && body[i] != b'"' {
                    i += if body[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(body.len());
                out.extend_from_slice(&body[start..i]);
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < body.len() && matches!(body[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
                    i += 1;
                }
                let token = &body[start..i];
                let value = || std::str::from_utf8(token).ok().and_then(|t| t.parse::<f64>().ok());
                let huge = is_json_number(token) && value().is_some_and(|f| f.abs() >= 1e308);
                changed |= huge;
                out.extend_from_slice(if huge { b"0" } else { token });
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    changed.then_some(out)
}

/// Whether `token` is a JSON number (RFC 8259 §6):
/// `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?`.
fn is_json_number(token: &[u8]) -> bool {
    let digits = |from: usize| token.iter().skip(from).take_while(|b| b.is_ascii_digit()).count();
    let mut i = usize::from(token.first() == Some(&b'-'));
    i += match (token.get(i), digits(i)) {
        (Some(b'0'), _) => 1,
        (_, n) => n,
    };
    let int_ok = i > usize::from(token.first() == Some(&b'-'));
    let mut ok = int_ok;
    if token.get(i) == Some(&b'.') {
        let n = digits(i + 1);
        ok &= n > 0;
        i += 1 + n;
    }
    if matches!(token.get(i), Some(b'e' | b'E')) {
        i += 1 + usize::from(matches!(token.get(i + 1), Some(b'+' | b'-')));
        let n = digits(i);
        ok &= n > 0;
        i += n;
    }
    ok && i == token.len()
}

/// Whether serde_json's own `Value` (last occurrence wins) agrees with the tree
/// on `pointer` when the body has no repeated member: a check of [`resolve`].
fn value_agrees(body: &[u8], pointer: &str, found: bool) -> bool {
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(v) => v.pointer(pointer).is_some() == found,
        Err(_) => true,
    }
}

fn has_repeats(node: &Node) -> bool {
    match node {
        Node::Null | Node::Scalar => false,
        Node::Array(items) => items.iter().any(has_repeats),
        Node::Object(members) => {
            members.iter().enumerate().any(|(i, (k, _))| members[..i].iter().any(|(j, _)| j == k))
                || members.iter().any(|(_, v)| has_repeats(v))
        }
    }
}

/// The errors the library does not see in the values it skips (see [`strict_json`]):
/// bytes that are not UTF-8, lone surrogate escapes, nesting beyond 128 levels.
/// Any other error serde_json finds in a body the library accepts fails even
/// without `KYC_FUZZ_STRICT`.
fn known_gap(e: &serde_json::Error) -> bool {
    let m = e.to_string();
    [
        "invalid unicode code point",
        "lone leading surrogate in hex escape",
        "unexpected end of hex escape",
        "recursion limit exceeded",
    ]
    .iter()
    .any(|known| m.starts_with(known))
}

// ---------------------------------------------------------------------------
// RFC 6901

/// The unescaped reference tokens of a JSON Pointer; `None` if it is not one
/// (no leading `/`, or a `~` not followed by `0` or `1`).
pub fn tokens(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    pointer.strip_prefix('/')?.split('/').map(unescape).collect()
}

fn unescape(token: &str) -> Option<String> {
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        match c {
            '~' => match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return None,
            },
            c => out.push(c),
        }
    }
    Some(out)
}

/// An array index token: `0`, or digits without a leading zero.
fn index(token: &str) -> Option<usize> {
    let ok =
        token == "0" || (!token.starts_with('0') && !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()));
    ok.then(|| token.parse().ok()).flatten()
}

/// Follows the tokens from `root`, taking the first occurrence of a repeated member.
pub fn resolve<'a>(root: &'a Node, tokens: &[String]) -> Option<&'a Node> {
    let mut node = root;
    for t in tokens {
        node = match node {
            Node::Object(_) => node.member(t)?.0,
            Node::Array(items) => items.get(index(t)?)?,
            Node::Null | Node::Scalar => return None,
        };
    }
    Some(node)
}

// ---------------------------------------------------------------------------
// Report invariants

/// The order the README gives: by path (array indices numerically), then by
/// location and code.
fn compare(a: &Violation, b: &Violation) -> Ordering {
    compare_pointers(a.path(), b.path()).then(a.location.cmp(&b.location)).then(a.code.cmp(&b.code))
}

fn compare_pointers(a: &str, b: &str) -> Ordering {
    let numeric = |s: &str| -> Option<u64> {
        (!s.is_empty() && s.len() <= 19 && s.bytes().all(|c| c.is_ascii_digit())).then(|| s.parse().ok()).flatten()
    };
    let mut sa = a.split('/');
    let mut sb = b.split('/');
    loop {
        let ord = match (sa.next(), sb.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            // Tokens that are numbers come first, in numeric order (the README's total order).
            (Some(x), Some(y)) => match (numeric(x), numeric(y)) {
                (Some(i), Some(j)) => i.cmp(&j).then_with(|| x.cmp(y)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => x.cmp(y),
            },
        };
        if ord.is_ne() {
            return ord;
        }
    }
}

/// What a report was produced from.
pub struct Input<'a> {
    /// The JSON body (for a typed request: its serialisation).
    pub body: &'a [u8],
    /// The body as serde_json reads it (`Err` if it cannot).
    pub tree: &'a Result<Node, serde_json::Error>,
    /// The `customer_id` path parameter given, if any.
    pub customer_id: Option<&'a str>,
    /// The options used.
    pub options: &'a Options,
}

/// Asserts every invariant of one report; panics with the report on failure.
pub fn check_report(report: &Report, input: &Input<'_>) {
    let fail = |what: String| -> ! {
        panic!("{what}\nbody: {:?}\nreport: {report:#?}", String::from_utf8_lossy(input.body));
    };

    // Each violation: its code's severity and status, a message, no unasked suggestion.
    for v in &report.violations {
        if v.severity != v.code.severity() || v.status != v.code.status() {
            fail(format!("{} has severity {:?} and status {:?}", v.code, v.severity, v.status));
        }
        if (v.severity == Severity::Warning) != v.status.is_none() {
            fail(format!("{}: a warning has no status and an error has one", v.code));
        }
        if v.message().trim().is_empty() {
            fail(format!("{} at {:?} has an empty message", v.code, v.path()));
        }
        if !input.options.suggest && v.suggestion.is_some() {
            fail(format!("{} at {:?} has a suggestion although suggestions are off", v.code, v.path()));
        }
    }

    // valid and status (of the violations kept: a truncated report's status also counts those
    // left out, which fuzz_raw checks against the whole report).
    let errors: Vec<&Violation> = report.violations.iter().filter(|v| v.severity == Severity::Error).collect();
    if report.violations.len() > input.options.max_violations {
        fail(format!("{} violations kept with a bound of {}", report.violations.len(), input.options.max_violations));
    }
    if report.truncated != (report.total > report.violations.len()) {
        fail(format!("truncated is {} with {} of {} kept", report.truncated, report.violations.len(), report.total));
    }
    if !report.truncated {
        if report.valid != errors.is_empty() {
            fail(format!("valid is {} with {} errors", report.valid, errors.len()));
        }
        let want =
            STATUS_PRIORITY.iter().copied().find(|s| errors.iter().any(|v| v.status == Some(*s))).unwrap_or(200);
        if report.status != want {
            fail(format!("status {} where the priority rule gives {want}", report.status));
        }
    } else if report.valid && !errors.is_empty() {
        fail(format!("valid with {} errors kept", errors.len()));
    }

    // Order, no exact repeats.
    for pair in report.violations.windows(2) {
        if compare(&pair[0], &pair[1]).is_gt() {
            fail(format!("{} at {:?} comes before {} at {:?}", pair[0].code, pair[0].path(), pair[1].code, pair[1].path()));
        }
        if pair[0] == pair[1] {
            fail(format!("{} at {:?} is reported twice", pair[0].code, pair[0].path()));
        }
    }

    // The body limit.
    let too_large = input.body.len() > input.options.max_body_bytes;
    if too_large || report.has(Code::PayloadTooLarge) {
        let alone = report.violations.len() == 1 && report.violations[0].path().is_empty();
        if !(too_large && alone && report.has(Code::PayloadTooLarge)) {
            fail(format!("body of {} bytes, limit {}", input.body.len(), input.options.max_body_bytes));
        }
        return;
    }

    // Syntax: malformed_json alone, exactly when serde_json cannot read the body as an object.
    let is_object = matches!(input.tree, Ok(Node::Object(_)));
    if report.has(Code::MalformedJson) {
        if report.violations.len() != 1 || !report.violations[0].path().is_empty() {
            fail("malformed_json is not alone at \"\"".to_owned());
        }
        if is_object {
            fail("malformed_json for a body serde_json reads as an object".to_owned());
        }
        return;
    }
    let tree = match input.tree {
        Ok(tree @ Node::Object(_)) => tree,
        Ok(_) => fail("a body that is not an object is not malformed_json".to_owned()),
        Err(e) if strict_json() || !known_gap(e) => {
            fail(format!("serde_json cannot read the body ({e}) but it is not malformed_json"))
        }
        // A known gap (see strict_json): nothing to resolve paths in.
        Err(_) => return,
    };

    // Paths.
    let repeats = has_repeats(tree);
    for v in &report.violations {
        if v.location == In::Path {
            if v.code != Code::InvalidUuid || v.path() != "/customer_id" || input.customer_id.is_none() {
                fail(format!("{} in the path at {:?} (customer_id {:?})", v.code, v.path(), input.customer_id));
            }
            continue;
        }
        let Some(tokens) = tokens(v.path()) else { fail(format!("{:?} is not a JSON Pointer", v.path())) };
        let found = resolve(tree, &tokens);
        if !repeats && !value_agrees(input.body, v.path(), found.is_some()) {
            fail(format!("serde_json's Value::pointer disagrees on {:?}", v.path()));
        }
        match found {
            Some(node) => {
                if v.code == Code::Required && !matches!(node, Node::Null) {
                    fail(format!("required at {:?}, which has a value", v.path()));
                }
                if v.code == Code::DuplicateKey {
                    let (last, parent) = tokens.split_last().expect("a member");
                    let count = resolve(tree, parent).and_then(|p| p.member(last)).map_or(0, |(_, n)| n);
                    if count < 2 {
                        fail(format!("duplicate_key at {:?}, which occurs {count} times", v.path()));
                    }
                }
            }
            None => {
                let Some((last, parent)) = tokens.split_last() else { fail("the root is missing".to_owned()) };
                let parent_ok = matches!(resolve(tree, parent), Some(p @ Node::Object(_)) if p.member(last).is_none());
                if !parent_ok || !MAY_NAME_MISSING.contains(&v.code) {
                    fail(format!("{} at {:?}: the path does not resolve", v.code, v.path()));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Runners

fn request<'a>(kind: RequestKind, body: &'a [u8], customer_id: Option<&'a str>) -> Request<'a> {
    let r = Request::json(kind, body);
    match customer_id {
        Some(id) => r.with_customer_id(id),
        None => r,
    }
}

/// The report without its suggestions.
pub fn without_suggestions(report: &Report) -> Report {
    let mut r = report.clone();
    for v in &mut r.violations {
        v.suggestion = None;
    }
    r
}

/// Validates a raw body under each context and several options, asserting
/// every invariant, determinism, and that suggestions and limits behave.
pub fn fuzz_raw(kind: RequestKind, body: &[u8], customer_id: Option<&str>, contexts: &[Context]) {
    let tree = parse_tree(body);
    let run = |ctx: &Context, options: &Options| {
        let report = validate(request(kind, body, customer_id), ctx, options);
        check_report(&report, &Input { body, tree: &tree, customer_id, options });
        report
    };
    let default = Options::default();
    let suggest = Options::default().with_suggestions(true);
    let mut first = None;
    for ctx in contexts {
        let report = run(ctx, &default);
        assert_eq!(report, run(ctx, &default), "validating twice gave two reports");
        let suggested = run(ctx, &suggest);
        assert_eq!(without_suggestions(&suggested), report, "suggestions changed more than suggestions");
        first.get_or_insert(report);
    }
    let (Some(ctx), Some(first)) = (contexts.first(), first) else { return };

    // A tiny array limit: still every invariant.
    run(ctx, &Options::default().with_max_array_items(2));

    // Bounded reports: the first violations of the whole report, in its order, and the
    // status and validity of all of them.
    // (Not through check_report: its content checks are for whole reports.)
    for bound in [0, 1, 3] {
        let bounded = validate(request(kind, body, customer_id), ctx, &Options::default().with_max_violations(bound));
        let kept = first.violations.len().min(bound);
        assert_eq!(bounded.violations, first.violations[..kept], "bound {bound}: not the report's prefix");
        assert_eq!(bounded.truncated, first.violations.len() > bound, "bound {bound}: truncated");
        assert_eq!((bounded.valid, bounded.status, bounded.total), (first.valid, first.status, first.total));
    }

    // The body limit, at the boundary (check_report asserts the one-byte-over report).
    if !body.is_empty() {
        run(ctx, &Options::default().with_max_body_bytes(body.len() - 1));
    }
    if body.len() <= default.max_body_bytes {
        let at_limit = run(ctx, &Options::default().with_max_body_bytes(body.len()));
        assert_eq!(at_limit, first, "a body exactly at the size limit gave another report");
    }
}

/// Splits an attach-target input: a length byte, that many bytes of
/// `customer_id` (`0xFF`: no customer_id), then the body.
pub fn split_attach_input(data: &[u8]) -> (Option<String>, &[u8]) {
    match data.split_first() {
        None => (None, data),
        Some((&0xFF, rest)) => (None, rest),
        Some((&n, rest)) => {
            let n = (n as usize).min(rest.len());
            let (id, body) = rest.split_at(n);
            (Some(String::from_utf8_lossy(id).into_owned()), body)
        }
    }
}
