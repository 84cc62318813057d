//! HTTP answers for a report: RFC 9457 problem details, and the provider's own bodies.
//!
//! | status | problem `type` (after the base) | title |
//! |---|---|---|
//! | 400 | `malformed-request` | Malformed request body |
//! | 413 | `payload-too-large` | Request body too large |
//! | 403 | `forbidden` | Customer is not eligible for this operation |
//! | 409 | `conflict` | An attach request is already in progress for this customer |
//! | 423 | `reliance-not-available` | RELIANCE is not available for your client |
//! | 422 | `validation-failed` | Validation failed |
//!
//! The default base is `urn:kyc-rules:problem:` ([`DEFAULT_TYPE_BASE`]); a server
//! that documents its problems on the web passes its own (`https://api.example.com/problems/`).

use crate::report::{In, Report, Severity, Violation};
use crate::Code;
use serde::Serialize;
use serde_json::{json, Value};

/// The default prefix of problem `type` URIs.
pub const DEFAULT_TYPE_BASE: &str = "urn:kyc-rules:problem:";

/// The media type of [`ProblemDetails`].
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An RFC 9457 problem details body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProblemDetails {
    /// A URI naming the problem kind.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the problem kind.
    pub title: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// What happened in this request.
    pub detail: String,
    /// Every error of the report (of the violations it kept, when it is truncated).
    pub errors: Vec<ProblemError>,
    /// Present, and true, when the report left violations out (see
    /// [`Options::max_violations`](crate::Options::max_violations)).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
}

/// One error in a problem details body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProblemError {
    /// A JSON Pointer into the body in URI fragment form (`#/basic_info/email`); absent for path parameters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// The path parameter's name (`customer_id`); absent for body members.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    /// What to do.
    pub detail: String,
    /// The stable violation code.
    pub code: Code,
}

/// The problem kind (the `type` suffix) and title for a status.
pub fn problem_kind(status: u16) -> (&'static str, &'static str) {
    match status {
        400 => ("malformed-request", "Malformed request body"),
        413 => ("payload-too-large", "Request body too large"),
        403 => ("forbidden", "Customer is not eligible for this operation"),
        409 => ("conflict", "An attach request is already in progress for this customer"),
        423 => ("reliance-not-available", "RELIANCE is not available for your client"),
        _ => ("validation-failed", "Validation failed"),
    }
}

impl Report {
    /// The RFC 9457 body for an invalid report (`None` when the report is valid),
    /// with `type` URIs under `type_base` (for example [`DEFAULT_TYPE_BASE`]).
    pub fn to_problem_details(&self, type_base: &str) -> Option<ProblemDetails> {
        if self.valid {
            return None;
        }
        let (kind, title) = problem_kind(self.status);
        let errors: Vec<ProblemError> = self.errors().map(problem_error).collect();
        let detail = match (errors.len(), self.truncated) {
            (n, true) => {
                format!("The request has more violations than the {n} errors listed; fix these and validate again.")
            }
            (1, false) => "The request has 1 error.".to_owned(),
            (n, false) => format!("The request has {n} errors."),
        };
        Some(ProblemDetails {
            kind: format!("{type_base}{kind}"),
            title,
            status: self.status,
            detail,
            errors,
            truncated: self.truncated,
        })
    }

    /// The body the provider itself answers with for this report's status (spec §13),
    /// so a proxy can answer exactly as the provider does; `None` when valid.
    ///
    /// 422: `{"message": "Validation failed", "errors": [{"basic_info.tax_info[1].document_id": "..."}]}`;
    /// 400: `{"status": 400, "message": "Malformed request body"}`; 403 and 409:
    /// `{"error": {"code": "forbidden"|"conflict", "message": ...}}`; 423: `{"message": ...}`.
    pub fn to_provider_body(&self) -> Option<Value> {
        if self.valid {
            return None;
        }
        let (_, title) = problem_kind(self.status);
        Some(match self.status {
            400 => json!({"status": 400, "message": title}),
            403 => json!({"error": {"code": "forbidden", "message": title}}),
            409 => json!({"error": {"code": "conflict", "message": title}}),
            423 => json!({"message": title}),
            413 => json!({"status": 413, "message": title}),
            _ => {
                let errors: Vec<Value> = self
                    .errors()
                    .map(|v| {
                        let mut entry = serde_json::Map::new();
                        entry.insert(dotted_path(v), Value::String(v.message().into_owned()));
                        Value::Object(entry)
                    })
                    .collect();
                json!({"message": title, "errors": errors})
            }
        })
    }
}

fn problem_error(v: &Violation) -> ProblemError {
    let (pointer, parameter) = match v.location {
        In::Body => (Some(format!("#{}", fragment_encode(v.path()))), None),
        In::Path => (None, Some(v.path().trim_start_matches('/').to_owned())),
    };
    debug_assert_eq!(v.severity, Severity::Error);
    ProblemError { pointer, parameter, detail: v.message().into_owned(), code: v.code }
}

/// RFC 6901 §6: a JSON Pointer as a URI fragment, percent-encoding what a fragment cannot hold.
fn fragment_encode(pointer: &str) -> String {
    let mut out = String::with_capacity(pointer.len());
    for b in pointer.bytes() {
        let allowed = b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&b);
        if allowed {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The provider's dotted path (`basic_info.tax_info[1].document_id`); `body` for the whole body.
fn dotted_path(v: &Violation) -> String {
    if v.path().is_empty() {
        return "body".to_owned();
    }
    let mut out = String::new();
    for seg in v.path().split('/').skip(1) {
        if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{seg}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&seg.replace("~1", "/").replace("~0", "~"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The provider's own body for each status (spec §13), and none for a valid report (test
    /// from mutation testing: only the CLI's and Python's tests read these bodies).
    #[test]
    fn provider_bodies_by_status() {
        use crate::report::{Report, Violation};
        let title = |status| problem_kind(status).1;
        let body = |status| Report::bounded(Vec::new(), status, false, 0).to_provider_body().unwrap();
        assert_eq!(body(400), json!({"status": 400, "message": title(400)}));
        assert_eq!(body(413), json!({"status": 413, "message": title(413)}));
        assert_eq!(body(403), json!({"error": {"code": "forbidden", "message": title(403)}}));
        assert_eq!(body(409), json!({"error": {"code": "conflict", "message": title(409)}}));
        assert_eq!(body(423), json!({"message": title(423)}));
        let path = "/basic_info/tax_info/1/document_id".to_owned();
        let empty = Violation::new(Code::Empty, In::Body, path, "Fill it in.".into(), None);
        let report = Report::bounded(vec![empty], 422, false, 1);
        assert_eq!(
            report.to_provider_body(),
            Some(json!({"message": title(422), "errors": [{"basic_info.tax_info[1].document_id": "Fill it in."}]}))
        );
        assert_eq!(Report::bounded(Vec::new(), 200, false, 0).to_provider_body(), None);
    }

    /// Each status the engine answers with has its own problem kind and title; any other falls
    /// back to `validation-failed` (test from mutation testing: the arms were untested).
    #[test]
    fn every_status_has_its_problem_kind() {
        let kinds: Vec<&str> = [400, 413, 403, 409, 423, 422, 500].iter().map(|&s| problem_kind(s).0).collect();
        assert_eq!(
            kinds,
            [
                "malformed-request",
                "payload-too-large",
                "forbidden",
                "conflict",
                "reliance-not-available",
                "validation-failed",
                "validation-failed"
            ]
        );
        let titles: std::collections::BTreeSet<&str> =
            [400, 413, 403, 409, 423, 422].iter().map(|&s| problem_kind(s).1).collect();
        assert_eq!(titles.len(), 6, "a title of its own for each: {titles:?}");
    }

    #[test]
    fn fragments_and_dotted_paths() {
        assert_eq!(fragment_encode("/basic_info/tax_info/1/document_id"), "/basic_info/tax_info/1/document_id");
        assert_eq!(fragment_encode("/a b/c%d/ü"), "/a%20b/c%25d/%C3%BC");
        let v = |path: &str| Violation::new(Code::Required, In::Body, path.to_owned(), "m".into(), None);
        assert_eq!(dotted_path(&v("/basic_info/tax_info/1/document_id")), "basic_info.tax_info[1].document_id");
        assert_eq!(
            dotted_path(&v("/financial_profile/source_of_fund_ids/0")),
            "financial_profile.source_of_fund_ids[0]"
        );
        assert_eq!(dotted_path(&v("")), "body");
        assert_eq!(dotted_path(&v("/a~1b")), "a/b");
    }
}
