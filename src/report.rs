//! The report: a flat, deterministic list of violations.

use crate::pointer::{Held, Token};
use crate::wording::{Subject, Wording};
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

/// How bad a violation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The provider would reject the request.
    Error,
    /// The provider accepts the request, but something is probably not what the caller meant.
    Warning,
}

/// Where the offending value sits in the HTTP request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum In {
    /// The JSON body; `path` is a JSON Pointer into it.
    Body,
    /// A path parameter; `path` is `/` and its name.
    Path,
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $wire:literal, $severity:ident, $status:expr; )*) => {
        /// A stable violation code. The wire name (`as_str`) is public API and never changes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable wire name, e.g. `"duplicate_document_id"`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $wire,)* }
            }

            /// The severity every violation with this code has.
            pub const fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// The HTTP status the provider answers with (`None` for warnings).
            pub const fn status(self) -> Option<u16> {
                match self { $(Code::$variant => $status,)* }
            }

            /// The code with this wire name.
            pub fn from_wire(s: &str) -> Option<Code> {
                match s { $($wire => Some(Code::$variant),)* _ => None }
            }
        }
    };
}

codes! {
    /// The body is not JSON, or its top level is not an object.
    MalformedJson = "malformed_json", Error, Some(400);
    /// The body is larger than the configured limit.
    PayloadTooLarge = "payload_too_large", Error, Some(413);
    /// An object has the same member twice.
    DuplicateKey = "duplicate_key", Error, Some(422);
    /// A required member is absent or null.
    Required = "required", Error, Some(422);
    /// A member has the wrong JSON type.
    InvalidType = "invalid_type", Error, Some(422);
    /// A string is empty or only whitespace.
    Empty = "empty", Error, Some(422);
    /// Not one of the allowed values.
    InvalidEnum = "invalid_enum", Error, Some(422);
    /// Not an uppercase ISO 3166-1 alpha-3 code.
    InvalidCountry = "invalid_country", Error, Some(422);
    /// Not a real `YYYY-MM-DD` date.
    InvalidDate = "invalid_date", Error, Some(422);
    /// An array is shorter than allowed.
    TooFewItems = "too_few_items", Error, Some(422);
    /// An array is longer than allowed.
    TooManyItems = "too_many_items", Error, Some(422);
    /// A number is outside its allowed range.
    OutOfRange = "out_of_range", Error, Some(422);
    /// A member the request does not define.
    UnknownField = "unknown_field", Warning, None;
    /// A V1 member name in a V2 request.
    V1Field = "v1_field", Warning, None;
    /// Control or bidi-override characters.
    InvalidCharacters = "invalid_characters", Error, Some(422);
    /// A non-ASCII value without its `_en` transliteration.
    TransliterationRequired = "transliteration_required", Error, Some(422);
    /// An `_en` transliteration that is not ASCII.
    TransliterationNotAscii = "transliteration_not_ascii", Error, Some(422);
    /// A non-ASCII character where only ASCII is accepted.
    NonAscii = "non_ascii", Error, Some(422);
    /// A `tax_info` document_id repeats an earlier one.
    DuplicateDocumentId = "duplicate_document_id", Error, Some(422);
    /// A tax ID that does not have its country's format.
    InvalidTaxId = "invalid_tax_id", Error, Some(422);
    /// A `document_type` the tax-ID table does not list for its country: the number is not checked.
    TaxIdUnverified = "tax_id_unverified", Warning, None;
    /// Not an ISO 3166-2 subdivision code.
    UnknownSubdivision = "unknown_subdivision", Error, Some(422);
    /// A subdivision of another country.
    SubdivisionCountryMismatch = "subdivision_country_mismatch", Error, Some(422);
    /// The country has no ISO 3166-2 subdivisions, so the code cannot be checked.
    SubdivisionUnverified = "subdivision_unverified", Warning, None;
    /// `address.country` differs from the country of residence.
    AddressCountryMismatch = "address_country_mismatch", Error, Some(422);
    /// Age below 18 or above 120.
    AgeOutOfRange = "age_out_of_range", Error, Some(422);
    /// An email with uppercase letters.
    EmailNotLowercase = "email_not_lowercase", Error, Some(422);
    /// Not a `local@domain` email address.
    InvalidEmail = "invalid_email", Error, Some(422);
    /// Not an E.164 phone number.
    InvalidPhone = "invalid_phone", Error, Some(422);
    /// The phone number belongs to another country than the residence.
    PhoneCountryMismatch = "phone_country_mismatch", Error, Some(422);
    /// A repeated item in a list of IDs.
    DuplicateItem = "duplicate_item", Warning, None;
    /// An ID that is not in the context's catalogue.
    UnknownReference = "unknown_reference", Error, Some(422);
    /// RELIANCE verification while the client does not have it enabled.
    RelianceNotEnabled = "reliance_not_enabled", Error, Some(423);
    /// A path parameter that is not a UUID.
    InvalidUuid = "invalid_uuid", Error, Some(422);
    /// A second non-SELFIE identifying document.
    MultiplePrimaryDocuments = "multiple_primary_documents", Error, Some(422);
    /// A second SELFIE.
    MultipleSelfies = "multiple_selfies", Error, Some(422);
    /// The client must attach a SELFIE and there is none.
    SelfieRequired = "selfie_required", Error, Some(422);
    /// A document with the wrong number of files for its type.
    FileCount = "file_count", Error, Some(422);
    /// A file of a two-sided document without `side`.
    MissingSide = "missing_side", Error, Some(422);
    /// A second FRONT (or BACK) of a two-sided document.
    DuplicateSide = "duplicate_side", Error, Some(422);
    /// A US driver's licence without its issuing `state`.
    StateRequired = "state_required", Error, Some(422);
    /// `state` on a document type that does not take one.
    StateForbidden = "state_forbidden", Error, Some(422);
    /// A string longer than its maximum.
    TooLong = "too_long", Error, Some(422);
    /// A document that has expired.
    DocumentExpired = "document_expired", Error, Some(422);
    /// An expiry date on or before the issue date.
    ExpiryBeforeIssue = "expiry_before_issue", Error, Some(422);
    /// An issue date in the future.
    IssueDateInFuture = "issue_date_in_future", Error, Some(422);
    /// A file URI used twice in the request.
    DuplicateFileUri = "duplicate_file_uri", Error, Some(422);
    /// An address document from another country than the customer's residence.
    AddressDocumentCountryMismatch = "address_document_country_mismatch", Error, Some(422);
    /// A file URI not uploaded for this customer.
    FileNotOwned = "file_not_owned", Error, Some(403);
    /// The customer cannot receive documents (type, API version or status).
    CustomerNotEligible = "customer_not_eligible", Error, Some(403);
    /// Another attach for this customer is still being processed.
    AttachInProgress = "attach_in_progress", Error, Some(409);
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One reason the request would not be accepted (or, for a warning, a likely mistake).
///
/// Serialized as `code`, `severity`, `status`, `path`, `in`, `message` and, when there is one,
/// `suggestion`.
#[derive(Clone)]
pub struct Violation {
    /// The stable code.
    pub code: Code,
    /// Error or warning (fixed per code).
    pub severity: Severity,
    /// The HTTP status the provider would answer with; `None` for warnings.
    pub status: Option<u16>,
    /// Where: its pointer is [`Violation::path`]. Held as the location's tokens, written as
    /// a pointer only when asked for (most reports are read for their codes or serialized).
    at: Held,
    /// [`Violation::path`], once written.
    path: OnceLock<String>,
    /// Body or path parameter.
    pub location: In,
    /// [`Violation::message`], as its parts: written when read or serialized.
    wording: Wording,
    /// A derived fix (opt-in through [`Options::suggest`](crate::Options::suggest));
    /// it may repeat personal data.
    pub suggestion: Option<String>,
    /// The message parameters that its wording does not name ([`Violation::params`]).
    params: Vec<(&'static str, String)>,
    /// `path`'s [`PathKey`], computed once: the report's sort compares these first. A cache,
    /// not part of the violation: equality ignores it.
    key: PathKey,
}

impl PartialEq for Violation {
    fn eq(&self, other: &Self) -> bool {
        let Violation { code, severity, status, at: _, path: _, location, wording: _, suggestion, params, key: _ } =
            self;
        (code, severity, status, location, suggestion, params)
            == (&other.code, &other.severity, &other.status, &other.location, &other.suggestion, &other.params)
            && self.same_path(other)
            && self.message() == other.message()
    }
}

impl Eq for Violation {}

impl Serialize for Violation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Violation", 6 + usize::from(self.suggestion.is_some()))?;
        out.serialize_field("code", &self.code)?;
        out.serialize_field("severity", &self.severity)?;
        out.serialize_field("status", &self.status)?;
        // Both written straight into the output (no string built for them).
        out.serialize_field("path", &Collected(&self.at))?;
        out.serialize_field("in", &self.location)?;
        out.serialize_field("message", &Collected(&Message(self)))?;
        if let Some(suggestion) = &self.suggestion {
            out.serialize_field("suggestion", suggestion)?;
        }
        out.end()
    }
}

/// Serializes a value as the string its `Display` writes.
struct Collected<'a, T: fmt::Display>(&'a T);

impl<T: fmt::Display> Serialize for Collected<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self.0)
    }
}

/// A violation's message, written from its wording.
struct Message<'a>(&'a Violation);

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        match &v.wording {
            Wording::Text(t) => f.write_str(t),
            w => w.write(f, v.subject()),
        }
    }
}

impl Violation {
    /// A violation at `path` (a pointer).
    pub(crate) fn new(code: Code, location: In, path: String, message: Wording, suggestion: Option<String>) -> Self {
        Violation::at(code, location, Held::Pointer(path), message, suggestion)
    }

    /// A violation at a held location.
    /// A violation at a held location. A wording that needs the location is given one held
    /// as tokens (the sink writes it as text first for a location held as its pointer).
    pub(crate) fn at(code: Code, location: In, at: Held, wording: Wording, suggestion: Option<String>) -> Self {
        Violation {
            code,
            severity: code.severity(),
            status: code.status(),
            key: PathKey::of_held(&at),
            at,
            path: OnceLock::new(),
            location,
            wording,
            suggestion,
            params: Vec::new(),
        }
    }

    /// RFC 6901 JSON Pointer with the wire names; `""` is the whole body (for a path parameter,
    /// `/` and its name). Written at the first call.
    pub fn path(&self) -> &str {
        match &self.at {
            Held::Pointer(p) => p,
            Held::Tokens(..) => self.path.get_or_init(|| self.at.to_string()),
        }
    }

    /// The location's model tokens, when it is held as tokens.
    pub(crate) fn tokens(&self) -> Option<&[Token]> {
        self.at.tokens()
    }

    /// Whether the two pointers are equal (without writing them when both are held as tokens).
    fn same_path(&self, other: &Violation) -> bool {
        match (self.tokens(), other.tokens()) {
            (Some(a), Some(b)) => a == b,
            _ => self.path() == other.path(),
        }
    }

    /// The pointers' order (without writing them when both are held as tokens).
    fn path_order(&self, other: &Violation) -> std::cmp::Ordering {
        match (self.tokens(), other.tokens()) {
            (Some(a), Some(b)) => {
                a.iter().zip(b).map(|(x, y)| x.order(*y)).find(|o| o.is_ne()).unwrap_or(a.len().cmp(&b.len()))
            }
            _ => compare_pointers(self.path(), other.path()),
        }
    }

    /// An English sentence saying what to do (or the message a translation gave it,
    /// [`Report::translated`]). Never contains the submitted value. Written when asked for:
    /// borrowed when the violation holds it as text.
    pub fn message(&self) -> Cow<'_, str> {
        self.wording.text(self.subject())
    }

    /// How the message names the violation's location.
    fn subject(&self) -> Subject<'_> {
        match self.at.tokens() {
            Some(tokens) => Subject::of_tokens(tokens),
            // A wording that needs its location is only kept with tokens (Sink::push): this
            // subject is never written.
            None => Subject { index: None, name: "body" },
        }
    }

    /// The parameters the message was built from (`("min", "1")`, `("allowed", "MALE, FEMALE")`,
    /// ...), for [`Messages`](crate::messages::Messages) in other languages. Never submitted values.
    pub fn params(&self) -> impl Iterator<Item = (&'static str, Cow<'_, str>)> {
        self.wording.param().into_iter().chain(self.params.iter().map(|(n, v)| (*n, Cow::Borrowed(v.as_str()))))
    }

    /// The value of a message parameter.
    pub fn param(&self, name: &str) -> Option<Cow<'_, str>> {
        if self.wording.param_name() == Some(name) {
            return self.wording.param().map(|(_, v)| v);
        }
        self.params.iter().find(|(n, _)| *n == name).map(|(_, v)| Cow::Borrowed(v.as_str()))
    }

    /// Gives the violation its message parameters (besides those its wording names).
    pub(crate) fn set_params(&mut self, params: Vec<(&'static str, String)>) {
        self.params = params;
    }

    /// Replaces the message (a translation), keeping its parameters.
    pub(crate) fn reword(&mut self, message: Cow<'static, str>) {
        if let Some((name, value)) = self.wording.param() {
            self.params.insert(0, (name, value.into_owned()));
        }
        self.wording = Wording::Text(message);
    }

    /// The member the violation is about: the last member name of `path`, unescaped
    /// (`"city"` for `/address/city`, `"source_of_fund_ids"` for `/financial_profile/source_of_fund_ids/2`).
    pub fn member(&self) -> Option<String> {
        let path = self.path();
        path.rsplit('/')
            .find(|seg| !seg.is_empty() && !seg.bytes().all(|b| b.is_ascii_digit()))
            .filter(|_| !path.is_empty())
            .map(|seg| seg.replace("~1", "/").replace("~0", "~"))
    }
}

impl fmt::Debug for Violation {
    // Written by hand so that a suggestion (personal data) is never printed by `{:?}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Violation")
            .field("code", &self.code)
            .field("status", &self.status)
            .field("path", &self.path())
            .field("in", &self.location)
            .field("message", &self.message())
            .field("suggestion", &self.suggestion.as_ref().map(|_| "<redacted>"))
            .field("params", &self.params().collect::<Vec<_>>())
            .finish()
    }
}

/// The outcome of a validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// True when there is no error (warnings allowed).
    pub valid: bool,
    /// 200 when valid; else the highest-priority status among the errors
    /// (400, 413, 403, 409, 423, 422, in that order).
    pub status: u16,
    /// The violations, ordered by path and then by code: every one, or the first
    /// [`Options::max_violations`](crate::Options::max_violations) of them in this order
    /// when there are more (then `truncated` is true).
    pub violations: Vec<Violation>,
    /// Whether violations beyond the bound were left out. `valid` and `status` count them.
    pub truncated: bool,
    /// How many violations were found, those left out included.
    #[serde(skip)]
    pub total: usize,
}

/// Statuses from the most to the least decisive.
const STATUS_PRIORITY: [u16; 6] = [400, 413, 403, 409, 423, 422];

impl Report {
    /// Builds a report of every violation: orders them and derives `valid` and `status`.
    #[cfg(test)]
    pub(crate) fn from_violations(mut violations: Vec<Violation>) -> Report {
        sort_and_dedup(&mut violations);
        let status = status_of(&violations);
        let total = violations.len();
        Report { valid: status == 200, status, violations, truncated: false, total }
    }

    /// Builds a report from violations already in report order (at most the bound) and the
    /// status of all of them (those left out included).
    pub(crate) fn bounded(violations: Vec<Violation>, status: u16, truncated: bool, total: usize) -> Report {
        Report { valid: status == 200, status, violations, truncated, total }
    }

    /// The errors (not the warnings).
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.violations.iter().filter(|v| v.severity == Severity::Error)
    }

    /// Whether some violation has this code.
    pub fn has(&self, code: Code) -> bool {
        self.violations.iter().any(|v| v.code == code)
    }
}

/// Report order: by path (token by token), then location, code and message.
fn order(a: &Violation, b: &Violation) -> std::cmp::Ordering {
    a.key
        .order(b.key)
        .unwrap_or_else(|| a.path_order(b))
        .then(a.location.cmp(&b.location))
        .then(a.code.cmp(&b.code))
        .then_with(|| a.message().cmp(&b.message()))
}

/// Sorts into report order (stable), exact repeats removed.
pub(crate) fn sort_and_dedup(violations: &mut Vec<Violation>) {
    if violations.len() <= SMALL {
        // A few violations (the common case): binary insertion, about n log n comparisons
        // where the standard sort's insertion takes up to n² / 2 (comparing two paths costs
        // far more than moving a violation; sorting indices and then swapping each violation
        // into its place once measured the same).
        for i in 1..violations.len() {
            let (sorted, rest) = violations.split_at(i);
            let at = sorted.partition_point(|v| order(v, &rest[0]) != std::cmp::Ordering::Greater);
            violations[at..=i].rotate_right(1);
        }
    } else {
        violations.sort_by(order);
    }
    violations.dedup();
}

/// Up to this many violations are sorted by binary insertion.
const SMALL: usize = 32;

#[cfg(test)]
fn status_of(violations: &[Violation]) -> u16 {
    let mut seen = Statuses::default();
    for v in violations {
        seen.add(v.code);
    }
    seen.status()
}

/// The error statuses seen so far: enough to derive a report's status without keeping
/// the violations.
#[derive(Clone, Copy, Default)]
pub(crate) struct Statuses(u8);

impl Statuses {
    /// Counts a violation of this code.
    pub(crate) fn add(&mut self, code: Code) {
        if code.severity() == Severity::Error {
            let at = code.status().and_then(|s| STATUS_PRIORITY.iter().position(|p| *p == s));
            // An error without a known status still makes the request invalid (bit 7).
            self.0 |= at.map_or(1 << 7, |i| 1 << i);
        }
    }

    /// 200 when no error was seen, else the most decisive status.
    pub(crate) fn status(self) -> u16 {
        match self.0 {
            0 => 200,
            bits => STATUS_PRIORITY.get(bits.trailing_zeros() as usize).copied().unwrap_or(422),
        }
    }
}

/// One reference token of a JSON Pointer. Tokens that are numbers (array indices, or object
/// members named like them) come first, in numeric order; the others follow in string
/// order. A total order, so sorting never meets an inconsistent comparison, whatever the
/// member names.
#[derive(PartialEq, Eq)]
struct Segment<'a> {
    raw: &'a str,
    index: Option<u64>,
}

impl Ord for Segment<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self.index, other.index) {
            (Some(i), Some(j)) => i.cmp(&j).then_with(|| self.raw.cmp(other.raw)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => self.raw.cmp(other.raw),
        }
    }
}

impl PartialOrd for Segment<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Orders JSON Pointers token by token as [`Segment`] does, so that `/a/2` comes before
/// `/a/10` and a parent before its children. Without allocating or splitting: the common
/// prefix is skipped, and only the first differing token is compared.
fn compare_pointers(a: &str, b: &str) -> std::cmp::Ordering {
    let (ab, bb) = (a.as_bytes(), b.as_bytes());
    let common = common_prefix(ab, bb);
    if common == ab.len() && common == bb.len() {
        return std::cmp::Ordering::Equal;
    }
    // The differing token starts after the last '/' of the common prefix.
    let Some(start) = ab[..common].iter().rposition(|&c| c == b'/').map(|i| i + 1) else {
        // One of them is the root pointer "" (every other pointer starts with '/').
        return ab.len().cmp(&bb.len());
    };
    // The common case: neither token is a number (a number token starts with a digit).
    // Both tokens then compare as strings: they agree up to `common`, where a token that
    // ends there (`/` or the end) comes first; two tokens that both end there are equal
    // and the shorter pointer (the parent) comes first, which the same rule gives.
    let starts_number = |s: &[u8]| s.get(start).is_some_and(u8::is_ascii_digit);
    if !starts_number(ab) && !starts_number(bb) {
        let at = |s: &[u8]| s.get(common).copied().filter(|&c| c != b'/');
        return at(ab).cmp(&at(bb)).then(ab.len().cmp(&bb.len()));
    }
    // Equal tokens: one pointer ends here and the other goes on below it.
    token_at(a, start).cmp(&token_at(b, start)).then(ab.len().cmp(&bb.len()))
}

/// A pointer's first 16 bytes as two big-endian words, so that comparing two keys decides
/// most comparisons of [`compare_pointers`] in a few instructions. Each `/` becomes 0 (a token
/// that ends sorts before one that goes on, as in [`compare_pointers`]) and the key ends,
/// zero-filled, at the pointer's end or before its first number token (numbers order by value,
/// not by bytes). Then `key(a) < key(b)` implies `a < b`: where the keys first differ, either
/// both pointers have an ordinary token there and bytes decide, or `a`'s key has ended, at its
/// end (an ancestor, or a shorter token), or before a number token (which sorts before `b`'s
/// token there: a name, or the empty token of a `/`). Equal keys say nothing: the pointers are
/// compared in full. A pointer with a NUL byte in the window has no key (`/` and NUL would
/// look alike).
#[derive(Clone, Copy, PartialEq, Eq)]
struct PathKey(Option<[u64; 2]>);

impl PathKey {
    /// The key of a held location: of its pointer, written into the 16-byte window directly
    /// when it is held as tokens (a model member's name is never a number, and has no NUL).
    fn of_held(at: &Held) -> PathKey {
        let tokens = match at {
            Held::Pointer(p) => return PathKey::of(p),
            Held::Tokens(..) => at.tokens().unwrap_or_default(),
        };
        let mut window = [0u8; 16];
        let mut n = 0;
        for token in tokens {
            let Token::Member(name) = *token else {
                // The key ends before a number token (its `/` is 0 either way).
                break;
            };
            // The `/` is 0; then the name, as far as the window reaches.
            n += 1;
            if let Some(room) = window.get_mut(n..) {
                let take = room.len().min(name.len());
                room[..take].copy_from_slice(&name.as_bytes()[..take]);
            }
            n += name.len();
            if n >= 16 {
                break;
            }
        }
        let key = u128::from_be_bytes(window);
        PathKey(Some([(key >> 64) as u64, key as u64]))
    }

    fn of(path: &str) -> PathKey {
        // All sixteen bytes at once (SWAR): the window, zero-filled, as one big-endian word.
        let b = path.as_bytes();
        let n = b.len().min(16);
        let mut window = [0u8; 16];
        window[..n].copy_from_slice(&b[..n]);
        let v = u128::from_be_bytes(window);
        let inside = if n == 16 { !0 } else { !(!0u128 >> (8 * n)) };
        if zero_bytes(v) & inside != 0 {
            return PathKey(None);
        }
        let slashes = zero_bytes(v ^ (BYTES * u128::from(b'/')));
        // Bytes 0x30..=0x39: high nibble 3, low nibble below 10.
        let digits = zero_bytes((v & (BYTES * 0xf0)) ^ (BYTES * 0x30)) & !((v & (BYTES * 0x0f)) + BYTES * 0x76);
        let mut key = v & !((slashes >> 7) * 0xff);
        // A digit right after a `/` may start a number token: the key ends before the first one.
        let mut candidates = (slashes >> 8) & digits;
        while candidates != 0 {
            let start = candidates.leading_zeros() as usize / 8;
            if token_at(path, start).index.is_some() {
                key &= !(!0u128 >> (8 * start));
                break;
            }
            candidates &= !(1 << (127 - 8 * start));
        }
        PathKey(Some([(key >> 64) as u64, key as u64]))
    }

    /// The order of the two pointers when the keys decide it.
    fn order(self, other: PathKey) -> Option<std::cmp::Ordering> {
        match (self.0, other.0) {
            (Some(a), Some(b)) if a != b => Some(a.cmp(&b)),
            _ => None,
        }
    }
}

/// 0x01 in every byte of a `u128`.
const BYTES: u128 = u128::from_ne_bytes([1; 16]);
/// The high bit of every byte.
const HIGH: u128 = BYTES * 0x80;

/// The high bit of every byte of `v` that is zero (exact: no carries between bytes).
fn zero_bytes(v: u128) -> u128 {
    !(((v & (BYTES * 0x7f)) + BYTES * 0x7f) | v) & HIGH
}

/// The length of the common prefix of `a` and `b`, compared eight bytes at a time.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let word = |s: &[u8], i: usize| s.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()).map(u64::from_le_bytes);
    let mut i = 0;
    while let (Some(x), Some(y)) = (word(a, i), word(b, i)) {
        if x != y {
            // Little-endian: the lowest differing byte is the first.
            return i + (x ^ y).trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    i + a[i..].iter().zip(&b[i..]).take_while(|(x, y)| x == y).count()
}

/// The reference for [`compare_pointers`]: split both and compare the tokens.
#[cfg(test)]
fn compare_pointers_by_tokens(a: &str, b: &str) -> std::cmp::Ordering {
    let token = |raw| Segment { raw, index: index_of(raw) };
    a.split('/').map(token).cmp(b.split('/').map(token))
}

/// The token of pointer `s` that starts at byte `start` (just after a `/`).
fn token_at(s: &str, start: usize) -> Segment<'_> {
    let rest = s.get(start..).unwrap_or("");
    let raw = rest.find('/').map_or(rest, |end| &rest[..end]);
    Segment { raw, index: index_of(raw) }
}

fn index_of(seg: &str) -> Option<u64> {
    if seg.is_empty() || seg.len() > 19 || !seg.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    seg.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_prefixes_in_and_beyond_whole_words() {
        let a: Vec<u8> = (0..40).collect();
        for len in 0..40 {
            for differ in 0..=len {
                let mut b = a[..len].to_vec();
                if differ < len {
                    b[differ] = 0xff;
                }
                assert_eq!(common_prefix(&a, &b), differ, "{len} {differ}");
                assert_eq!(common_prefix(&b, &a), differ, "{len} {differ}");
            }
        }
    }

    #[test]
    fn prefix_comparison_agrees_with_token_comparison() {
        let pointers = [
            "",
            "/a",
            "/a/b",
            "/a/2",
            "/a/10",
            "/a/2/x",
            "/a/10/x",
            "/a~1b",
            "/ab",
            "/a0",
            "/a/02",
            "/a/2x",
            "/b",
            "/m/1a",
            "/m/9",
            "/m/09",
            "/m/10",
            "/m/",
            "//",
            "/",
            "/a/18446744073709551616",
            "/a/1844674407370955161",
            "/é/1",
            "/é/é",
            "/1a/2",
            "/1a/10",
            "/x/1abc",
            "/x//y",
            "/x/!",
            "/a\0z",
            "/abcdefghijklmn/5",
            "/abcdefghijklmn/10",
        ];
        for a in pointers {
            for b in pointers {
                let want = compare_pointers_by_tokens(a, b);
                assert_eq!(compare_pointers(a, b), want, "{a:?} vs {b:?}");
                if let Some(got) = PathKey::of(a).order(PathKey::of(b)) {
                    assert_eq!(got, want, "keys of {a:?} vs {b:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 4000, ..Default::default() })]
        /// Keys never contradict the full comparison: pointers of a few tokens over an
        /// alphabet of separators, digits, a NUL, a name character below the digits and
        /// multi-byte characters, long enough to cross the 16-byte window.
        #[test]
        fn path_keys_agree_with_token_order(
            a in "(/(|0|1|9|10|02|18446744073709551616|a|ab|1a|!|\\x00|é|~1|abcdefgh)){0,5}",
            b in "(/(|0|1|9|10|02|18446744073709551616|a|ab|1a|!|\\x00|é|~1|abcdefgh)){0,5}",
        ) {
            let want = compare_pointers_by_tokens(&a, &b);
            proptest::prop_assert_eq!(compare_pointers(&a, &b), want);
            if let Some(got) = PathKey::of(&a).order(PathKey::of(&b)) {
                proptest::prop_assert_eq!(got, want, "{:?} vs {:?}", a, b);
            }
        }
    }

    /// A location held as tokens (written only when asked for) and the same location held as
    /// its pointer make equal violations with equal sort keys, and order against every other
    /// location as their pointers do: locations up to five tokens deep, over names shorter and
    /// longer than the key's window, and indices that order differently as numbers and as text.
    #[test]
    fn tokens_and_pointers_agree() {
        use crate::pointer::Loc;
        fn all<'a>(loc: &Loc<'a>, depth: usize, out: &mut Vec<(Held, String)>) {
            out.push((loc.hold(), loc.pointer()));
            if depth == 4 {
                return;
            }
            for name in ["a", "ab", "basic_info", "identifying_documents"] {
                all(&loc.key(name), depth + 1, out);
            }
            for i in [0, 2, 10] {
                all(&loc.index(i), depth + 1, out);
            }
        }
        let mut locations = Vec::new();
        all(&Loc::Root, 0, &mut locations);
        let made = |at: Held| Violation::at(Code::Empty, In::Body, at, Wording::from("m"), None);
        let held: Vec<Violation> = locations.iter().map(|(h, _)| made(h.clone())).collect();
        let text: Vec<Violation> = locations.iter().map(|(_, p)| made(Held::Pointer(p.clone()))).collect();
        assert!(held.iter().all(|v| v.tokens().is_some()));
        for (i, (h, t)) in held.iter().zip(&text).enumerate() {
            assert_eq!(h, t);
            assert_eq!(h.path(), t.path());
            assert!(h.key == t.key, "{}", t.path());
            // Against a sample of the others (every pair would be 6 · 10⁶ comparisons).
            for (h2, t2) in held.iter().zip(&text).skip(i % 7).step_by(7) {
                let want = compare_pointers(t.path(), t2.path());
                assert_eq!(h.path_order(h2), want, "{} vs {}", t.path(), t2.path());
                assert_eq!(h.path_order(t2), want);
                assert_eq!(h == h2, want.is_eq());
                let by_key = h.key.order(h2.key);
                assert!(by_key.is_none_or(|o| o == want), "{} vs {}", t.path(), t2.path());
            }
        }
    }

    /// Sorting a few violations (by binary insertion) orders them as the standard stable sort
    /// does: 400 lists of 1 to 32 violations drawn from paths that share keys and tokens, codes, messages and suggestions (which order leaves equal).
    #[test]
    fn few_violations_sort_as_the_standard_sort() {
        use crate::pointer::Loc;
        let root = Loc::Root;
        let (bi, fp) = (root.key("basic_info"), root.key("financial_profile"));
        let tax = bi.key("tax_info");
        let (t0, t1, t10) = (tax.index(0), tax.index(1), tax.index(10));
        let locs = [
            root.hold(),
            bi.key("email").hold(),
            bi.key("email_en").hold(),
            t0.key("document_id").hold(),
            t1.key("document_id").hold(),
            t10.key("document_id").hold(),
            t1.key("document_type").hold(),
            fp.key("source_of_fund_ids").hold(),
            Held::Pointer("/financial_profile/source_of_fund_ids".to_owned()),
            Held::Pointer("/a~1b".to_owned()),
        ];
        let codes = [Code::Empty, Code::Required, Code::InvalidEnum];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = |m: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % m as u64) as usize
        };
        for _ in 0..400 {
            let n = 1 + next(32);
            let mut violations: Vec<Violation> = (0..n)
                .map(|_| {
                    let message = ["m", "n"][next(2)];
                    let suggestion = [None, Some("s".to_owned()), Some("t".to_owned())][next(3)].clone();
                    Violation::at(codes[next(3)], In::Body, locs[next(locs.len())].clone(), message.into(), suggestion)
                })
                .collect();
            let mut want = violations.clone();
            want.sort_by(order);
            want.dedup();
            sort_and_dedup(&mut violations);
            let shown = |v: &[Violation]| {
                v.iter()
                    .map(|v| (v.path().to_owned(), v.code, v.message().into_owned(), v.suggestion.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(shown(&violations), shown(&want));
        }
    }

    /// Sorting and deduplicating violations held as tokens writes none of their pointers: every
    /// comparison the keys leave open (the same first 16 bytes) is decided token by token.
    #[test]
    fn sorting_held_locations_writes_no_pointer() {
        use crate::pointer::Loc;
        let root = Loc::Root;
        let (bi, ad) = (root.key("basic_info"), root.key("address"));
        let tax = bi.key("tax_info");
        let (t0, t1) = (tax.index(0), tax.index(1));
        let at = |loc: &Loc<'_>| Violation::at(Code::Empty, In::Body, loc.hold(), Wording::from("m"), None);
        let mut violations = vec![
            at(&t1.key("document_id")),
            at(&t0.key("document_type")),
            at(&t0.key("document_id")),
            at(&ad.key("city")),
            at(&t1.key("document_id")),
            at(&bi.key("email")),
        ];
        sort_and_dedup(&mut violations);
        assert_eq!(violations.len(), 5);
        assert!(violations.iter().all(|v| v.path.get().is_none()), "a pointer was written");
        let paths: Vec<&str> = violations.iter().map(Violation::path).collect();
        assert_eq!(
            paths,
            [
                "/address/city",
                "/basic_info/email",
                "/basic_info/tax_info/0/document_id",
                "/basic_info/tax_info/0/document_type",
                "/basic_info/tax_info/1/document_id"
            ]
        );
    }

    /// `{:?}` shows what a violation is and where (its pointer written from its tokens), and
    /// never its suggestion, which may repeat personal data.
    #[test]
    fn debug_shows_the_violation_but_not_its_suggestion() {
        use crate::pointer::Loc;
        let (root, message) = (Loc::Root, Wording::Named("`", "` must be entirely lowercase."));
        let bi = root.key("basic_info");
        let v = Violation::at(
            Code::EmailNotLowercase,
            In::Body,
            bi.key("email").hold(),
            message,
            Some("maria@x.co".into()),
        );
        let shown = format!("{v:?}");
        for part in ["EmailNotLowercase", "\"/basic_info/email\"", "entirely lowercase", "<redacted>", "Body"] {
            assert!(shown.contains(part), "{part} not in {shown}");
        }
        assert!(!shown.contains("maria@x.co"), "{shown}");
    }

    /// The accessors translations use: a parameter by name, and the member a path names (its last
    /// member token, unescaped; none for the body itself or a path of indices only).
    #[test]
    fn params_and_members() {
        let at = |p: &str| Violation::new(Code::TooFewItems, In::Body, p.to_owned(), Wording::from("m"), None);
        let mut v = at("/financial_profile/source_of_fund_ids");
        v.params = vec![("min", "1".to_owned()), ("max", "5".to_owned())];
        let p = |v: &Violation, name: &str| v.param(name).map(Cow::into_owned);
        let some = |s: &str| Some(s.to_owned());
        assert_eq!((p(&v, "min"), p(&v, "max"), p(&v, "mi"), p(&v, "")), (some("1"), some("5"), None, None));
        assert_eq!(at("/x").param("min"), None);
        // A wording's own parameter comes first, then the others; a translation keeps both.
        let root = crate::pointer::Loc::Root;
        let ids = root.key("source_of_fund_ids");
        let mut w = Violation::at(Code::TooFewItems, In::Body, ids.hold(), Wording::Count { min: true, n: 2 }, None);
        w.set_params(vec![("extra", "x".to_owned())]);
        let all = |v: &Violation| v.params().map(|(n, v)| (n, v.into_owned())).collect::<Vec<_>>();
        let want = vec![("min", "2".to_owned()), ("extra", "x".to_owned())];
        assert_eq!((all(&w), p(&w, "min"), p(&w, "max"), p(&w, "extra")), (want.clone(), some("2"), None, some("x")));
        assert_eq!(w.message(), "`source_of_fund_ids` must hold at least 2 items.");
        w.reword(Cow::Borrowed("Zu wenige."));
        assert_eq!((all(&w), p(&w, "min"), w.message()), (want, some("2"), Cow::Borrowed("Zu wenige.")));
        for (path, member) in [
            ("/address/city", Some("city")),
            ("/financial_profile/source_of_fund_ids/2", Some("source_of_fund_ids")),
            ("/identifying_documents/0/files/10", Some("files")),
            ("/a~1b~0c/3", Some("a/b~c")),
            ("/customer_id", Some("customer_id")),
            ("/0/1", None),
            ("", None),
        ] {
            assert_eq!(at(path).member().as_deref(), member, "{path:?}");
        }
    }

    #[test]
    fn path_keys_decide_the_common_comparisons() {
        // The keys are only worth their bytes if they decide ordinary pointers.
        let k = PathKey::of;
        assert_eq!(k("/basic_info/email").order(k("/basic_info/dob")), Some(std::cmp::Ordering::Greater));
        assert_eq!(k("/address/city").order(k("/basic_info/dob")), Some(std::cmp::Ordering::Less));
        assert_eq!(k("/a").order(k("/a/b")), Some(std::cmp::Ordering::Less));
        assert_eq!(k("/a/1").order(k("/a/b")), Some(std::cmp::Ordering::Less));
        // Past the window, or between two numbers, they do not.
        assert_eq!(k("/basic_info/tax_info/0").order(k("/basic_info/tax_info/1")), None);
        assert_eq!(k("/a/2").order(k("/a/10")), None);
        assert_eq!(k("/a\0").order(k("/a")), None);
    }

    #[test]
    fn small_and_large_reports_sort_alike() {
        // Up to 32 violations sort by binary insertion, more by the standard sort: same order.
        let paths: Vec<String> = (0..40)
            .map(|i| match i % 4 {
                0 => format!("/a/{}", (i * 7) % 13),
                1 => format!("/b/{i}/x"),
                2 => "/m/1a".to_owned(),
                _ => format!("/a/{}/y", i % 3),
            })
            .collect();
        let make = |n: usize| -> Vec<Violation> {
            paths[..n]
                .iter()
                .map(|p| Violation::new(Code::DuplicateKey, In::Body, p.clone(), Wording::from("m"), None))
                .collect()
        };
        for n in [5, 32, 33, 40] {
            let sorted: Vec<String> =
                Report::from_violations(make(n)).violations.into_iter().map(|v| v.path().to_owned()).collect();
            let mut want: Vec<String> = paths[..n].to_vec();
            want.sort_by(|a, b| compare_pointers(a, b));
            want.dedup();
            assert_eq!(sorted, want, "n = {n}");
        }
    }

    #[test]
    fn pointer_order_is_total_with_numeric_member_names() {
        // Object members named like numbers next to other names: a total order, no panic.
        let mut v = vec!["/m/10", "/m/1a", "/m/9", "/m/09", "/m/b", "/m/10/x"];
        v.sort_by(|a, b| compare_pointers(a, b));
        assert_eq!(v, ["/m/09", "/m/9", "/m/10", "/m/10/x", "/m/1a", "/m/b"]);
    }

    #[test]
    fn pointers_order_numerically() {
        let mut v = vec!["/a/10", "/a/2", "", "/a", "/b", "/a/2/x"];
        v.sort_by(|a, b| compare_pointers(a, b));
        assert_eq!(v, ["", "/a", "/a/2", "/a/2/x", "/a/10", "/b"]);
    }

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &c in Code::ALL {
            assert!(seen.insert(c.as_str()), "duplicate wire name {c}");
            assert_eq!(Code::from_wire(c.as_str()), Some(c));
            assert_eq!(c.status().is_none(), c.severity() == Severity::Warning);
        }
    }

    fn v(code: Code) -> Violation {
        Violation::new(code, In::Body, String::new(), Wording::from("m"), None)
    }

    #[test]
    fn status_follows_priority() {
        assert_eq!(Report::from_violations(vec![]).status, 200);
        assert_eq!(Report::from_violations(vec![v(Code::UnknownField)]).status, 200);
        assert_eq!(Report::from_violations(vec![v(Code::Required), v(Code::RelianceNotEnabled)]).status, 423);
        assert_eq!(Report::from_violations(vec![v(Code::RelianceNotEnabled), v(Code::MalformedJson)]).status, 400);
        assert!(!Report::from_violations(vec![v(Code::Required)]).valid);
    }
}
