//! What the rules need to know about the world, passed in by the caller.
//!
//! The library does no I/O: today's date, the client's settings, the stored
//! customer and the catalogue IDs all come in here. Every part is optional;
//! an absent part switches off only the rules that need it.

use crate::date::Date;
use serde::{Deserialize, Deserializer, Serialize};

/// Everything outside the request that rules depend on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// The validation date (age, expiry). Without it, date-relative rules are off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today: Option<Date>,
    /// The calling client's settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<Client>,
    /// The stored customer a request refers to (attach requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    /// Snapshots of the provider's catalogues.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog: Option<Catalog>,
}

impl Context {
    /// A context with only today's date.
    pub fn on(today: Date) -> Context {
        Context { today: Some(today), ..Context::default() }
    }

    /// Parses the context JSON document (see the README for its members).
    pub fn from_json(text: &str) -> Result<Context, serde_json::Error> {
        serde_json::from_str(text)
    }
}

/// The calling client's configuration at the provider.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Client {
    /// Whether RELIANCE verification is enabled; `Some(false)` makes RELIANCE requests fail with 423.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliance_enabled: Option<bool>,
    /// Whether the client must attach a SELFIE.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selfie_required: Option<bool>,
}

/// The stored state of the customer a request refers to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    /// `INDIVIDUAL` or `BUSINESS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_type: Option<String>,
    /// `v1` or `v2`: which API created the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// The customer's status (`INCOMPLETE`, `ACTION_REQUIRED`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The stored country of residence (alpha-3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_of_residence: Option<String>,
    /// The file URIs uploaded for this customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_uris: Option<UriSet>,
    /// Whether an attach request for this customer is still being processed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attach_in_flight: Option<bool>,
}

/// Catalogue snapshots: the IDs the provider's catalogue endpoints list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// `GET /v1/occupations`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation_ids: Option<IdSet>,
    /// `GET /v1/purposes?type=INDIVIDUAL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose_ids: Option<IdSet>,
    /// `GET /v1/source-of-funds?type=INDIVIDUAL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_of_fund_ids: Option<IdSet>,
}

/// A set of catalogue IDs with allocation-free, logarithmic lookups.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IdSet(Vec<u64>);

impl IdSet {
    /// Whether `id` is in the set.
    pub fn contains(&self, id: u64) -> bool {
        self.0.binary_search(&id).is_ok()
    }
}

impl FromIterator<u64> for IdSet {
    fn from_iter<I: IntoIterator<Item = u64>>(iter: I) -> Self {
        let mut v: Vec<u64> = iter.into_iter().collect();
        v.sort_unstable();
        v.dedup();
        IdSet(v)
    }
}

impl<'de> Deserialize<'de> for IdSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::<u64>::deserialize(d)?.into_iter().collect())
    }
}

/// A set of file URIs with allocation-free, logarithmic lookups.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct UriSet(Vec<String>);

impl UriSet {
    /// Whether `uri` is in the set.
    pub fn contains(&self, uri: &str) -> bool {
        self.0.binary_search_by(|u| u.as_str().cmp(uri)).is_ok()
    }
}

impl<S: Into<String>> FromIterator<S> for UriSet {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut v: Vec<String> = iter.into_iter().map(Into::into).collect();
        v.sort_unstable();
        v.dedup();
        UriSet(v)
    }
}

impl<'de> Deserialize<'de> for UriSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::<String>::deserialize(d)?.into_iter().collect())
    }
}

/// How to validate (not what the world looks like).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Attach derived fixes to violations (`"suggestion"`). Off by default,
    /// because a suggestion repeats personal data.
    pub suggest: bool,
    /// Bodies larger than this many bytes get `payload_too_large` and nothing else.
    pub max_body_bytes: usize,
    /// Arrays in a JSON body longer than this get `too_many_items`; the items
    /// beyond the limit are skipped unchecked. Typed requests are not limited.
    pub max_array_items: usize,
    /// The report keeps at most this many violations, the first in report order, and
    /// says `truncated` when there were more; `valid` and `status` count them all.
    /// Bounds the report (and the engine's memory) whatever the body holds.
    pub max_violations: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { suggest: false, max_body_bytes: 1024 * 1024, max_array_items: 10_000, max_violations: 1_000 }
    }
}

impl Options {
    /// Turns suggestions on or off.
    pub fn with_suggestions(mut self, on: bool) -> Self {
        self.suggest = on;
        self
    }

    /// Sets the array length limit for JSON bodies.
    pub fn with_max_array_items(mut self, limit: usize) -> Self {
        self.max_array_items = limit;
        self
    }

    /// Sets how many violations a report keeps at most.
    pub fn with_max_violations(mut self, limit: usize) -> Self {
        self.max_violations = limit;
        self
    }

    /// Sets the body size limit in bytes.
    pub fn with_max_body_bytes(mut self, limit: usize) -> Self {
        self.max_body_bytes = limit;
        self
    }
}
