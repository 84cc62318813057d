//! # kyc-rules
//!
//! Decides, before a request leaves a server or an SDK, whether a KYC
//! onboarding request to the provider's Customers API will be accepted, and
//! if not, reports every reason at once: the rule's stable code, the field
//! (a JSON Pointer with the wire names), what to do, and the HTTP status the
//! provider would answer with.
//!
//! The library does no I/O and reads no clock: whatever depends on the world
//! (today's date, the client's settings, the stored customer, catalogue IDs)
//! comes in through [`Context`].
//!
//! ## Raw JSON
//!
//! A server validates the bytes it received, in one pass that reports every
//! problem (not the first serde error):
//!
//! ```
//! use kyc_rules::{validate, Context, Date, Options, Request, RequestKind};
//!
//! let body = br#"{"verification_type": "STANDARD", "verification_type": "RELIANCE"}"#;
//! let ctx = Context::on(Date::parse("2026-11-26").unwrap());
//! let report = validate(Request::json(RequestKind::CreateIndividualV2, body), &ctx, &Options::default());
//! assert!(!report.valid);
//! assert_eq!(report.status, 422);
//! let found: Vec<(&str, &str)> = report.violations.iter().map(|v| (v.code.as_str(), v.path())).collect();
//! assert_eq!(
//!     found,
//!     [
//!         ("required", "/address"),
//!         ("required", "/basic_info"),
//!         ("required", "/financial_profile"),
//!         ("duplicate_key", "/verification_type"),
//!     ]
//! );
//! ```
//!
//! ## Typed requests
//!
//! An SDK validates the request it built before any network call; the typed
//! models in [`model`] mirror the wire JSON, and a typed request gives the
//! same report as its JSON:
//!
//! ```
//! use kyc_rules::model::{AddressV2, BasicInfoV2, CreateIndividualV2, FinancialProfileV2};
//! use kyc_rules::{validate, Context, Date, Options, Request};
//!
//! let request = CreateIndividualV2 {
//!     basic_info: Some(BasicInfoV2 { first_name: Some("María".into()), ..Default::default() }),
//!     address: Some(AddressV2::default()),
//!     financial_profile: Some(FinancialProfileV2::default()),
//!     ..Default::default()
//! };
//! let ctx = Context::on(Date::parse("2026-11-26").unwrap());
//! let report = validate(Request::create_individual_v2(&request), &ctx, &Options::default().with_suggestions(true));
//! let translit = report.violations.iter().find(|v| v.path() == "/basic_info/first_name_en").unwrap();
//! assert_eq!(translit.code.as_str(), "transliteration_required");
//! assert_eq!(translit.suggestion.as_deref(), Some("Maria")); // opt-in: suggestions repeat personal data
//! assert_eq!(serde_json::to_value(&report).unwrap()["violations"][0]["in"], "body");
//! ```
//!
//! ## What else is here
//!
//! - [`http`]: RFC 9457 problem details and the provider's own error bodies for a [`Report`].
//! - [`migrate`]: V1 requests to V2, with notes for what could not be carried over.
//! - [`catalog`]: every rule's codes, statuses and documentation (`kyc-rules rules`).
//! - [`messages`]: violation messages in other languages.
//! - [`lifecycle`]: customer statuses and which accept an attach.
//! - [`phone`] and [`subdivision`]: the generated libphonenumber and ISO 3166-2 lookups.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod catalog;
mod context;
mod data;
mod date;
pub mod http;
mod json;
pub mod lifecycle;
pub mod messages;
pub mod migrate;
pub mod model;
mod parse;
pub mod phone;
mod pointer;
mod report;
mod rules;
mod sink;
pub mod subdivision;
pub mod tax_id;
mod text;
mod wording;

pub use context::{Catalog, Client, Context, Customer, IdSet, Options, UriSet};
pub use date::{Date, DateError};
pub use model::{AttachIndividualV1, AttachIndividualV2, CreateIndividualV1, CreateIndividualV2};
pub use report::{Code, In, Report, Severity, Violation};
pub use rules::{registry, rule_for, Rule};

use model::Borrowed;
use sink::Sink;

/// The request kinds the engine knows, by their wire names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RequestKind {
    /// `POST /v2/customers/individual`.
    CreateIndividualV2,
    /// `POST /v2/customers/{customer_id}/individual/attach`.
    AttachIndividualV2,
    /// `POST /v1/customers/individual`.
    CreateIndividualV1,
    /// `POST /v1/customers/individual/attach`.
    AttachIndividualV1,
}

impl RequestKind {
    /// Every supported kind.
    pub const ALL: &'static [RequestKind] = &[
        RequestKind::CreateIndividualV2,
        RequestKind::AttachIndividualV2,
        RequestKind::CreateIndividualV1,
        RequestKind::AttachIndividualV1,
    ];

    /// The wire name, e.g. `create-individual-v2`.
    pub const fn as_str(self) -> &'static str {
        match self {
            RequestKind::CreateIndividualV2 => "create-individual-v2",
            RequestKind::AttachIndividualV2 => "attach-individual-v2",
            RequestKind::CreateIndividualV1 => "create-individual-v1",
            RequestKind::AttachIndividualV1 => "attach-individual-v1",
        }
    }

    /// The kind with this wire name.
    pub fn from_wire(s: &str) -> Option<RequestKind> {
        RequestKind::ALL.iter().copied().find(|k| k.as_str() == s)
    }
}

impl std::fmt::Display for RequestKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What to validate: raw JSON bytes of some kind, or an already-typed request,
/// and the path parameters that go with it.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub(crate) body: Body<'a>,
    customer_id: Option<&'a str>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Body<'a> {
    Json(RequestKind, &'a [u8]),
    CreateIndividualV2(&'a CreateIndividualV2),
    AttachIndividualV2(&'a AttachIndividualV2),
    CreateIndividualV1(&'a CreateIndividualV1),
    AttachIndividualV1(&'a AttachIndividualV1),
}

impl<'a> Request<'a> {
    /// A raw JSON body for `kind`.
    pub fn json(kind: RequestKind, body: &'a [u8]) -> Self {
        Request { body: Body::Json(kind, body), customer_id: None }
    }

    /// A typed V2 create request built in code.
    pub fn create_individual_v2(body: &'a CreateIndividualV2) -> Self {
        Request { body: Body::CreateIndividualV2(body), customer_id: None }
    }

    /// A typed V2 attach request built in code.
    pub fn attach_individual_v2(body: &'a AttachIndividualV2) -> Self {
        Request { body: Body::AttachIndividualV2(body), customer_id: None }
    }

    /// A typed V1 create request built in code.
    pub fn create_individual_v1(body: &'a CreateIndividualV1) -> Self {
        Request { body: Body::CreateIndividualV1(body), customer_id: None }
    }

    /// A typed V1 attach request built in code (its `customer_id` is a body member).
    pub fn attach_individual_v1(body: &'a AttachIndividualV1) -> Self {
        Request { body: Body::AttachIndividualV1(body), customer_id: None }
    }

    /// The `customer_id` path parameter (attach requests); checked when given.
    pub fn with_customer_id(mut self, customer_id: &'a str) -> Self {
        self.customer_id = Some(customer_id);
        self
    }

    /// The request's kind.
    pub fn kind(&self) -> RequestKind {
        match self.body {
            Body::Json(kind, _) => kind,
            Body::CreateIndividualV2(_) => RequestKind::CreateIndividualV2,
            Body::AttachIndividualV2(_) => RequestKind::AttachIndividualV2,
            Body::CreateIndividualV1(_) => RequestKind::CreateIndividualV1,
            Body::AttachIndividualV1(_) => RequestKind::AttachIndividualV1,
        }
    }
}

/// Validates a request: every violation at once, in a deterministic order.
///
/// Raw JSON and typed requests with the same content give the same report.
pub fn validate(request: Request<'_>, ctx: &Context, options: &Options) -> Report {
    let mut sink = Sink::new(options);
    // Raw bodies are read into the borrowed model (nothing copied); `scratch` holds the copy
    // the front end reads instead when the body has numbers beyond f64.
    let mut scratch = Vec::new();
    let customer_id = request.customer_id;
    match request.body {
        Body::Json(_, body) if body.len() > options.max_body_bytes => {
            sink.emit_structural(
                Code::PayloadTooLarge,
                &pointer::Loc::Root,
                format!("The body is larger than the limit of {} bytes.", options.max_body_bytes),
            );
            sink.set_params(0, vec![("limit", options.max_body_bytes.to_string())]);
        }
        Body::Json(RequestKind::CreateIndividualV2, body) => {
            if let Some(req) = parse::parse::<model::CreateIndividualV2Of<'_, Borrowed>>(body, &mut scratch, &mut sink)
            {
                rules::check_create_v2(&req, ctx, &mut sink);
            }
        }
        Body::Json(RequestKind::AttachIndividualV2, body) => {
            if let Some(req) = parse::parse::<model::AttachIndividualV2Of<'_, Borrowed>>(body, &mut scratch, &mut sink)
            {
                rules::check_attach_v2(&rules::Attach { body: &req, customer_id }, ctx, &mut sink);
            }
        }
        Body::Json(RequestKind::CreateIndividualV1, body) => {
            if let Some(req) = parse::parse::<model::CreateIndividualV1Of<'_, Borrowed>>(body, &mut scratch, &mut sink)
            {
                rules::check_create_v1(&req, ctx, &mut sink);
            }
        }
        Body::Json(RequestKind::AttachIndividualV1, body) => {
            if let Some(req) = parse::parse::<model::AttachIndividualV1Of<'_, Borrowed>>(body, &mut scratch, &mut sink)
            {
                rules::check_attach_v1(&req, ctx, &mut sink);
            }
        }
        Body::CreateIndividualV2(req) => rules::check_create_v2(req, ctx, &mut sink),
        Body::CreateIndividualV1(req) => rules::check_create_v1(req, ctx, &mut sink),
        Body::AttachIndividualV1(req) => rules::check_attach_v1(req, ctx, &mut sink),
        Body::AttachIndividualV2(req) => {
            rules::check_attach_v2(&rules::Attach { body: req, customer_id }, ctx, &mut sink)
        }
    }
    sink.into_report()
}

/// Internals exposed to the fuzz targets only (cargo-fuzz builds with `--cfg fuzzing`).
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing {
    use serde::Deserialize;

    /// The JSON front end's fast reader on `body`: the value it reads, or `None` when it gives
    /// up (and serde_json decides).
    pub fn read_json_fast(body: &[u8]) -> Option<serde_json::Value> {
        let mut reader = crate::json::Reader::new(body).ok()?;
        let value = serde_json::Value::deserialize(&mut reader).ok()?;
        reader.end().ok()?;
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_kinds_round_trip_their_wire_names() {
        for &kind in RequestKind::ALL {
            assert_eq!(RequestKind::from_wire(kind.as_str()), Some(kind));
            assert_eq!(kind.to_string(), kind.as_str());
        }
        assert_eq!(RequestKind::from_wire("create-individual-v3"), None);
        assert_eq!(RequestKind::AttachIndividualV1.to_string(), "attach-individual-v1");
    }

    #[test]
    fn context_on_a_date_holds_that_date_only() {
        let today = Date::parse("2026-11-26").unwrap();
        assert_eq!(Context::on(today), Context { today: Some(today), ..Context::default() });
    }

    #[test]
    fn context_json_reads_every_part_and_rejects_unknown_members() {
        let ctx = Context::from_json(
            r#"{"today": "2026-11-26", "client": {"reliance_enabled": false},
                "customer": {"status": "INCOMPLETE", "file_uris": ["/b", "/a"]},
                "catalog": {"occupation_ids": [42, 1]}}"#,
        )
        .unwrap();
        assert_eq!(ctx.today, Date::parse("2026-11-26").ok());
        assert_eq!(ctx.client.unwrap().reliance_enabled, Some(false));
        let customer = ctx.customer.unwrap();
        assert!(customer.file_uris.as_ref().unwrap().contains("/a"));
        assert!(!customer.file_uris.unwrap().contains("/c"));
        assert!(ctx.catalog.unwrap().occupation_ids.unwrap().contains(42));
        assert!(Context::from_json(r#"{"todya": "2026-11-26"}"#).is_err());
        assert!(Context::from_json(r#"{"today": "2026-02-30"}"#).is_err());
    }
}
