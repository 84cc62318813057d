//! Property tests for `attach-individual-v2` (issue #3, "Tests").
//!
//! 1. A generator of VALID attach requests and contexts, built as typed `AttachIndividualV2`
//!    values and sent both typed and as their serde_json serialisation (with the `customer_id`
//!    path parameter when generated): no violation at all, and the typed and JSON reports are
//!    equal.
//! 2. "Break exactly one rule": every mutation of a generated valid request (the body as JSON or
//!    raw text, the context, the `customer_id`) yields exactly its expected (code, path) pairs,
//!    with the status the contract gives the codes (priority 400, 413, 403, 409, 423, 422),
//!    each violation's severity and status as the contract lists them, a deterministic report,
//!    and the same report for the same content sent typed (where the JSON is representable).
//!    Where the contract makes rules fire together (a broken SELFIE type that stops the entry
//!    from being a SELFIE, a date on the wrong side of both today and the other date, a new URI
//!    the context does not own), the exact set is asserted. A coverage test checks that the
//!    mutations produce every attach code of the contract.
//!
//! Every expectation comes from the contract (issue #3 and the README's rule table), not from
//! the library: dates are compared with an independent calendar, URI uniqueness and ownership
//! with a small oracle written from the contract's wording, statuses and severities from the
//! issue's code list.

mod common;
use common::{
    char_prefix, civil_from_days, config, days_from_civil, e, edit, insert_char, insert_item, js, remove, set, split,
    Rng, FORBIDDEN,
};
use kyc_rules::model::{
    AddressDocument, AddressDocumentType, DocumentFile, IdentifyingDocument, IdentityDocumentType, Side,
};
use kyc_rules::{
    validate, AttachIndividualV2, Client, Context, Customer, Date, In, Options, Report, Request, RequestKind, Severity,
};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::TestCaseError;
use serde_json::{json, Value};
use std::cmp::Ordering;

const KIND: RequestKind = RequestKind::AttachIndividualV2;
const YEAR: i64 = 365;

fn today() -> Date {
    Date::parse("2026-11-26").expect("today")
}

/// 2026-11-26 as days since 1970-01-01.
fn t0() -> i64 {
    days_from_civil(2026, 11, 26)
}

// ---------------------------------------------------------------------------
// An independent proleptic Gregorian calendar (Howard Hinnant's algorithms).

/// The day number of a real calendar day written `YYYY-MM-DD` (years 0001 to 9999).
fn real_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    if !shape {
        return None;
    }
    let (y, m, d) = (s[..4].parse::<i64>().ok()?, s[5..7].parse::<i64>().ok()?, s[8..].parse::<i64>().ok()?);
    if y < 1 || !(1..=12).contains(&m) || d < 1 {
        return None;
    }
    let days = days_from_civil(y, m, d);
    (civil_from_days(days) == s).then_some(days)
}

#[test]
fn calendar_round_trips() {
    for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2026, 11, 26), (1, 1, 1), (9999, 12, 31)] {
        assert_eq!(civil_from_days(days_from_civil(y, m, d)), format!("{y:04}-{m:02}-{d:02}"));
    }
    assert_eq!(real_date("2026-11-26"), Some(t0()));
    for bad in ["2023-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "0000-01-01", "２０26-01-01", "2026-11-26x"] {
        assert_eq!(real_date(bad), None, "{bad}");
    }
}

// ---------------------------------------------------------------------------
// The contract's date rules (identity documents: both dates; address documents: issue only).

type Expected = Vec<(&'static str, String)>;

/// `document_expired` (expiry on or before today), `expiry_before_issue` (expiry on or before
/// issue), `issue_date_in_future` (issue after today), for the real dates among those given.
fn date_rules(doc: &str, issue: Option<&str>, expiry: Option<&str>) -> Expected {
    let t = t0();
    let (i, x) = (issue.and_then(real_date), expiry.and_then(real_date));
    let mut out = Vec::new();
    if x.is_some_and(|x| x <= t) {
        out.push(e("document_expired", &format!("{doc}/expiry_date")));
    }
    if let (Some(i), Some(x)) = (i, x) {
        if x <= i {
            out.push(e("expiry_before_issue", &format!("{doc}/expiry_date")));
        }
    }
    if i.is_some_and(|i| i > t) {
        out.push(e("issue_date_in_future", &format!("{doc}/issue_date")));
    }
    out
}

// ---------------------------------------------------------------------------
// The valid generator.

const COUNTRIES: &[&str] =
    &["USA", "MEX", "CAN", "GBR", "DEU", "FRA", "ESP", "BRA", "IND", "JPN", "ALA", "CIV", "JEY", "PRI", "ATA"];

fn primary_kind(i: usize) -> IdentityDocumentType {
    match i {
        0 => IdentityDocumentType::Passport,
        1 => IdentityDocumentType::NationalId,
        2 => IdentityDocumentType::DriversLicense,
        _ => IdentityDocumentType::ResidencePermit,
    }
}

const PRIMARY_WIRE: [&str; 4] = ["PASSPORT", "NATIONAL_ID", "DRIVERS_LICENSE", "RESIDENCE_PERMIT"];

/// The members a SELFIE carries that the provider ignores.
const IGNORED: [&str; 5] = ["number", "country", "state", "issue_date", "expiry_date"];

/// Values the generator may give the members a SELFIE ignores, with the code each would get on
/// an entry that is not a SELFIE (dates: see [`date_rules`]). `<65x>` is 65 `x`.
fn ignored_values(member: &str) -> &'static [(&'static str, Option<&'static str>)] {
    match member {
        "number" => &[("Nº 12", Some("non_ascii")), ("", Some("empty")), ("P1234567", None)],
        "country" => &[("usa", Some("invalid_country")), ("MEX", None), ("  ", Some("empty"))],
        "state" => &[("<65x>", Some("too_long")), ("US-CA", None), ("a\u{202e}b", Some("invalid_characters"))],
        "issue_date" => &[("2099-01-01", None), ("2020-02-30", Some("invalid_date")), ("2020-01-01", None)],
        _ => &[("2000-01-01", None), ("2031-01-01", None), (" ", Some("empty"))],
    }
}

fn set_member(d: &mut IdentifyingDocument, member: &str, value: String) {
    let slot = match member {
        "number" => &mut d.number,
        "country" => &mut d.country,
        "state" => &mut d.state,
        "issue_date" => &mut d.issue_date,
        _ => &mut d.expiry_date,
    };
    *slot = Some(value);
}

fn side() -> impl Strategy<Value = Option<Side>> {
    prop_oneof![Just(None), Just(Some(Side::Front)), Just(Some(Side::Back))]
}

fn day_between(lo: i64, hi: i64) -> impl Strategy<Value = String> {
    (lo..=hi).prop_map(civil_from_days)
}

fn uuid() -> &'static str {
    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
}

/// A DRIVERS_LICENSE `state`: ISO-like codes, free text, or exactly 64 characters.
fn state() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(&["US-CA", "US-NY", "US-TX", "US-DC", "ON", "Jalisco", "Bavaria"][..]).prop_map(str::to_owned),
        2 => "[A-Za-z][A-Za-z .'-]{0,63}",
        1 => "[A-Z][A-Za-z0-9 -]{63}",
    ]
    .boxed()
}

#[derive(Debug, Clone)]
struct PrimaryGen {
    kind: usize,
    number: String,
    country: Option<&'static str>,
    state: String,
    state_on: bool,
    issue: Option<String>,
    expiry: String,
    front_first: bool,
    passport_side: Option<Side>,
}

fn primary_gen() -> impl Strategy<Value = PrimaryGen> {
    let t = t0();
    (
        0usize..4,
        prop_oneof!["[A-Z0-9]{6,12}", "[A-Z]{1,3}-[0-9]{4,9}"],
        prop_oneof![2 => Just(Some("USA")), 3 => select(COUNTRIES).prop_map(Some), 1 => Just(None)],
        state(),
        any::<bool>(),
        proptest::option::weighted(0.7, prop_oneof![4 => day_between(t - 30 * YEAR, t), 1 => Just(civil_from_days(t))]),
        prop_oneof![4 => day_between(t + 1, t + 30 * YEAR), 1 => Just(civil_from_days(t + 1))],
        any::<bool>(),
        side(),
    )
        .prop_map(|(kind, number, country, state, state_on, issue, expiry, front_first, passport_side)| {
            PrimaryGen { kind, number, country, state, state_on, issue, expiry, front_first, passport_side }
        })
}

#[derive(Debug, Clone)]
struct SelfieGen {
    /// 0: none; 1: its own file; 2: reuses a file of the primary document.
    mode: u8,
    first: bool,
    reuse: Index,
    side: Option<Side>,
    ignored: [Option<Index>; 5],
}

fn selfie_gen() -> impl Strategy<Value = SelfieGen> {
    let slot = || proptest::option::weighted(0.2, any::<Index>());
    (
        prop_oneof![2 => Just(0u8), 2 => Just(1u8), 1 => Just(2u8)],
        any::<bool>(),
        any::<Index>(),
        side(),
        (slot(), slot(), slot(), slot(), slot()),
    )
        .prop_map(|(mode, first, reuse, side, (a, b, c, d, e))| SelfieGen {
            mode,
            first,
            reuse,
            side,
            ignored: [a, b, c, d, e],
        })
}

#[derive(Debug, Clone)]
struct CustomerGen {
    customer_type: bool,
    api_version: bool,
    status: u8,
    residence: bool,
    /// 0: no file_uris; n: the request's URIs and n - 1 others.
    owned: u8,
    in_flight: bool,
}

fn customer_gen() -> impl Strategy<Value = Option<CustomerGen>> {
    proptest::option::weighted(
        0.8,
        (any::<bool>(), any::<bool>(), 0u8..3, proptest::bool::weighted(0.8), 0u8..4, any::<bool>()).prop_map(
            |(customer_type, api_version, status, residence, owned, in_flight)| CustomerGen {
                customer_type,
                api_version,
                status,
                residence,
                owned,
                in_flight,
            },
        ),
    )
}

/// A valid request, the context it is valid in, and where its documents are.
#[derive(Debug, Clone)]
struct Valid {
    req: AttachIndividualV2,
    ctx: Context,
    customer_id: Option<String>,
    primary: usize,
    selfie: Option<usize>,
    /// The ignored members the SELFIE carries: (member, value, code on a non-SELFIE entry).
    ignored: Vec<(&'static str, String, Option<&'static str>)>,
}

impl Valid {
    fn json(&self) -> Value {
        serde_json::to_value(&self.req).expect("serialise")
    }
    fn docs(&self) -> &[IdentifyingDocument] {
        self.req.identifying_documents.as_deref().expect("identifying_documents")
    }
    fn primary_doc(&self) -> &IdentifyingDocument {
        &self.docs()[self.primary]
    }
    fn primary_kind(&self) -> IdentityDocumentType {
        self.primary_doc().kind.clone().expect("type")
    }
    fn primary_files(&self) -> &[DocumentFile] {
        self.primary_doc().files.as_deref().expect("files")
    }
    fn address(&self) -> &AddressDocument {
        &self.req.address_documents.as_deref().expect("address_documents")[0]
    }
    fn selfie_uri(&self) -> Option<String> {
        let s = self.selfie?;
        self.docs()[s].files.as_ref().and_then(|f| f[0].uri.clone())
    }
    fn selfie_required(&self) -> bool {
        self.ctx.client.as_ref().and_then(|c| c.selfie_required) == Some(true)
    }
    fn is_us_licence(&self) -> bool {
        let d = self.primary_doc();
        self.primary_kind() == IdentityDocumentType::DriversLicense && d.country.as_deref() == Some("USA")
    }
    /// Every file URI of the request (a SELFIE's may repeat a primary's).
    fn uris(&self) -> Vec<String> {
        let id = self.docs().iter().flat_map(|d| d.files.iter().flatten());
        let ad = self.req.address_documents.iter().flatten().flat_map(|d| d.files.iter().flatten());
        id.chain(ad).filter_map(|f| f.uri.clone()).collect()
    }
    /// Submitted values that no message may repeat.
    fn secrets(&self) -> Vec<String> {
        let mut s = self.uris();
        s.extend(self.primary_doc().number.clone());
        s.extend(self.req.tos_policies_value.clone());
        s.extend(self.customer_id.clone());
        s
    }
}

fn valid() -> impl Strategy<Value = Valid> {
    let t = t0();
    let uri_parts = prop::collection::vec(
        ("[A-Za-z0-9]{8}", "[a-z0-9]{1,12}", select(&["pdf", "jpg", "jpeg", "png", "PDF"][..])),
        4,
    );
    let address = (select(AddressDocumentType::WIRE), proptest::option::of(day_between(t - 2 * YEAR, t)), side());
    let client = proptest::option::of((proptest::option::of(any::<bool>()), proptest::option::of(any::<bool>())));
    let customer_id = prop_oneof![
        1 => Just(None),
        2 => uuid().prop_map(Some),
        1 => uuid().prop_map(|u| Some(u.to_uppercase())),
    ];
    let tos = prop_oneof![uuid(), "[A-Za-z0-9][A-Za-z0-9._-]{0,39}"];
    (primary_gen(), selfie_gen(), address, select(COUNTRIES), (client, customer_gen()), uri_parts, tos, customer_id)
        .prop_map(|(pg, sg, (address_type, address_issue, address_side), residence, (client, cg), parts, tos, id)| {
            let uri = |i: usize| {
                let (p, n, ext) = &parts[i];
                format!("/{p}_{i}-{n}.{ext}")
            };
            let kind = primary_kind(pg.kind);
            let files = if kind.is_two_sided() {
                let (a, b) = if pg.front_first { (Side::Front, Side::Back) } else { (Side::Back, Side::Front) };
                vec![
                    DocumentFile { uri: Some(uri(0)), side: Some(a) },
                    DocumentFile { uri: Some(uri(1)), side: Some(b) },
                ]
            } else {
                vec![DocumentFile { uri: Some(uri(0)), side: pg.passport_side.clone() }]
            };
            let dl = kind == IdentityDocumentType::DriversLicense;
            let state = (dl && (pg.state_on || pg.country == Some("USA"))).then_some(pg.state.clone());
            let primary = IdentifyingDocument {
                kind: Some(kind),
                number: Some(pg.number.clone()),
                country: pg.country.map(str::to_owned),
                state,
                issue_date: pg.issue.clone(),
                expiry_date: Some(pg.expiry.clone()),
                files: Some(files.clone()),
            };
            let mut ignored = Vec::new();
            let selfie = (sg.mode != 0).then(|| {
                let u = if sg.mode == 2 { files[sg.reuse.index(files.len())].uri.clone() } else { Some(uri(2)) };
                let mut d = IdentifyingDocument {
                    kind: Some(IdentityDocumentType::Selfie),
                    files: Some(vec![DocumentFile { uri: u, side: sg.side.clone() }]),
                    ..IdentifyingDocument::default()
                };
                for (slot, member) in sg.ignored.iter().zip(IGNORED) {
                    if let Some(ix) = slot {
                        let table = ignored_values(member);
                        let (value, code) = table[ix.index(table.len())];
                        let value = if value == "<65x>" { "x".repeat(65) } else { value.to_owned() };
                        set_member(&mut d, member, value.clone());
                        ignored.push((member, value, code));
                    }
                }
                d
            });
            let (docs, primary_at, selfie_at) = match selfie {
                None => (vec![primary], 0, None),
                Some(s) if sg.first => (vec![s, primary], 1, Some(0)),
                Some(s) => (vec![primary, s], 0, Some(1)),
            };
            let address = AddressDocument {
                kind: Some(AddressDocumentType::from_wire(address_type)),
                country: Some(residence.to_owned()),
                issue_date: address_issue,
                files: Some(vec![DocumentFile { uri: Some(uri(3)), side: address_side }]),
            };
            let req = AttachIndividualV2 {
                identifying_documents: Some(docs),
                address_documents: Some(vec![address]),
                tos_policies_value: Some(tos),
            };
            let has_selfie = selfie_at.is_some();
            let mut v = Valid {
                req,
                ctx: Context::on(today()),
                customer_id: id,
                primary: primary_at,
                selfie: selfie_at,
                ignored,
            };
            let request_uris = v.uris();
            v.ctx.client = client.map(|(selfie_required, reliance_enabled)| Client {
                // Required only when there is one.
                selfie_required: if has_selfie { selfie_required } else { selfie_required.map(|_| false) },
                reliance_enabled,
            });
            v.ctx.customer = cg.map(|c| Customer {
                customer_type: c.customer_type.then(|| "INDIVIDUAL".to_owned()),
                api_version: c.api_version.then(|| "v2".to_owned()),
                status: match c.status {
                    0 => None,
                    1 => Some("INCOMPLETE".to_owned()),
                    _ => Some("ACTION_REQUIRED".to_owned()),
                },
                country_of_residence: c.residence.then(|| residence.to_owned()),
                file_uris: (c.owned > 0).then(|| {
                    let others = (1..c.owned).map(|n| format!("/Other{n:03}_earlier-upload.png"));
                    request_uris.iter().cloned().chain(others).collect()
                }),
                attach_in_flight: c.in_flight.then_some(false),
            });
            v
        })
}

fn check_json(body: &[u8], customer_id: Option<&str>, ctx: &Context, options: &Options) -> Report {
    let request = Request::json(KIND, body);
    let request = match customer_id {
        Some(id) => request.with_customer_id(id),
        None => request,
    };
    validate(request, ctx, options)
}

fn check_typed(req: &AttachIndividualV2, customer_id: Option<&str>, ctx: &Context, options: &Options) -> Report {
    let request = Request::attach_individual_v2(req);
    let request = match customer_id {
        Some(id) => request.with_customer_id(id),
        None => request,
    };
    validate(request, ctx, options)
}

/// The customer's `file_uris` from the context (read through its serialisation).
fn owned_uris(ctx: &Context) -> Option<Vec<String>> {
    let set = ctx.customer.as_ref()?.file_uris.as_ref()?;
    Some(serde_json::from_value(serde_json::to_value(set).expect("serialise")).expect("a list of strings"))
}

/// The contract's two URI rules over a JSON body whose URIs are clean strings:
/// `duplicate_file_uri` at every later repeat (SELFIE files left out), `file_not_owned` at
/// every URI missing from `owned` (SELFIE files included).
fn uri_rules(body: &Value, owned: Option<&[String]>) -> Expected {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for list in ["identifying_documents", "address_documents"] {
        for (i, d) in body[list].as_array().into_iter().flatten().enumerate() {
            let selfie = list == "identifying_documents" && d["type"] == "SELFIE";
            for (k, f) in d["files"].as_array().into_iter().flatten().enumerate() {
                let Some(uri) = f["uri"].as_str() else { continue };
                let p = format!("/{list}/{i}/files/{k}/uri");
                if owned.is_some_and(|o| !o.iter().any(|x| x == uri)) {
                    out.push(e("file_not_owned", &p));
                }
                if !selfie {
                    if seen.contains(&uri) {
                        out.push(e("duplicate_file_uri", &p));
                    } else {
                        seen.push(uri);
                    }
                }
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn generated_requests_are_valid_typed_and_as_json(v in valid()) {
        let id = v.customer_id.as_deref();
        let typed = check_typed(&v.req, id, &v.ctx, &Options::default());
        prop_assert!(typed.violations.is_empty(), "typed request: {:?}", typed.violations);
        prop_assert!(typed.valid);
        prop_assert_eq!(typed.status, 200);

        // The generator keeps its promises (checked with the test's own oracles).
        let base = v.json();
        prop_assert_eq!(uri_rules(&base, owned_uris(&v.ctx).as_deref()), Expected::new());
        let d = v.primary_doc();
        let dates = date_rules("", d.issue_date.as_deref(), d.expiry_date.as_deref());
        prop_assert!(dates.is_empty(), "{:?}", dates);
        prop_assert!(v.selfie.is_some() || !v.selfie_required());

        let compact = serde_json::to_vec(&v.req).expect("serialise");
        let back: AttachIndividualV2 = serde_json::from_slice(&compact).expect("round trip");
        prop_assert_eq!(&back, &v.req, "the test's serialisation does not round-trip");
        prop_assert_eq!(&check_json(&compact, id, &v.ctx, &Options::default()), &typed);

        let pretty = serde_json::to_vec_pretty(&v.req).expect("serialise");
        prop_assert_eq!(&check_json(&pretty, id, &v.ctx, &Options::default()), &typed);

        // Suggestions and the body limit (exactly the body's size) change nothing.
        let options = Options::default().with_suggestions(true).with_max_body_bytes(compact.len());
        prop_assert_eq!(&check_json(&compact, id, &v.ctx, &options), &typed);
        prop_assert_eq!(&check_typed(&v.req, id, &v.ctx, &options), &typed);

        // Without the path parameter, and with an empty context, it is still valid.
        prop_assert_eq!(&check_json(&compact, None, &v.ctx, &Options::default()), &typed);
        prop_assert_eq!(&check_json(&compact, id, &Context::default(), &Options::default()), &typed);
        prop_assert_eq!(&check_typed(&v.req, id, &Context::default(), &Options::default()), &typed);
    }
}

/// The generator reaches every variant the properties rely on.
#[test]
fn generator_reaches_every_variant() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use std::collections::BTreeMap;
    let mut runner = TestRunner::deterministic();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut note = |what: String| *seen.entry(what).or_default() += 1;
    for _ in 0..400 {
        let v = valid().new_tree(&mut runner).expect("a value").current();
        let d = v.primary_doc();
        let kind = v.primary_kind();
        note(format!("primary {}", kind.as_str()));
        if kind.is_two_sided() {
            note(format!("first side {:?}", v.primary_files()[0].side));
        } else {
            note(format!("passport side {}", v.primary_files()[0].side.is_some()));
        }
        if kind == IdentityDocumentType::DriversLicense {
            note(format!("licence state {}", d.state.is_some()));
            note(format!("licence from the USA {}", v.is_us_licence()));
            if d.state.as_ref().is_some_and(|s| s.chars().count() == 64) {
                note("licence state of 64".into());
            }
        }
        note(format!("issue date {}", d.issue_date.is_some()));
        if d.issue_date.as_deref().and_then(real_date) == Some(t0()) {
            note("issued today".into());
        }
        if d.expiry_date.as_deref().and_then(real_date) == Some(t0() + 1) {
            note("expires tomorrow".into());
        }
        let reused = v.selfie_uri().is_some_and(|u| v.primary_files().iter().any(|f| f.uri.as_ref() == Some(&u)));
        note(match v.selfie {
            None => "no selfie".into(),
            Some(s) => format!("selfie first {}, reused {reused}", s == 0),
        });
        if !v.ignored.is_empty() {
            note("selfie with ignored members".into());
        }
        note(format!("selfie required {}", v.selfie_required()));
        match &v.ctx.customer {
            None => note("no customer".into()),
            Some(c) => {
                note(format!("file_uris {}", c.file_uris.is_some()));
                note(format!("residence {}", c.country_of_residence.is_some()));
                note(format!("status {:?}", c.status));
            }
        }
        note(match &v.customer_id {
            None => "no customer_id".into(),
            Some(id) if id.bytes().any(|b| b.is_ascii_uppercase()) => "customer_id upper".into(),
            Some(_) => "customer_id lower".into(),
        });
    }
    let mut want: Vec<String> = PRIMARY_WIRE
        .iter()
        .map(|w| format!("primary {w}"))
        .chain(["first side Some(Front)".into(), "first side Some(Back)".into()])
        .collect();
    for b in [true, false] {
        for what in [
            "passport side",
            "licence state",
            "licence from the USA",
            "issue date",
            "selfie required",
            "file_uris",
            "residence",
        ] {
            want.push(format!("{what} {b}"));
        }
        for r in [true, false] {
            want.push(format!("selfie first {b}, reused {r}"));
        }
    }
    for s in ["None", "Some(\"INCOMPLETE\")", "Some(\"ACTION_REQUIRED\")"] {
        want.push(format!("status {s}"));
    }
    for w in [
        "licence state of 64",
        "issued today",
        "expires tomorrow",
        "no selfie",
        "selfie with ignored members",
        "no customer",
        "no customer_id",
        "customer_id upper",
        "customer_id lower",
    ] {
        want.push(w.into());
    }
    let missing: Vec<&String> = want.iter().filter(|w| !seen.contains_key(*w)).collect();
    assert!(missing.is_empty(), "never generated: {missing:?}; seen: {seen:?}");
}

// ---------------------------------------------------------------------------
// "Break exactly one rule".

/// The contract's status of a code (issue #3, and issue #2 for the structural codes); `None`
/// for warnings.
fn spec_status(code: &str) -> Option<u16> {
    match code {
        "malformed_json" => Some(400),
        "payload_too_large" => Some(413),
        "file_not_owned" | "customer_not_eligible" => Some(403),
        "attach_in_progress" => Some(409),
        "reliance_not_enabled" => Some(423),
        "unknown_field" | "v1_field" | "duplicate_item" | "subdivision_unverified" => None,
        _ => Some(422),
    }
}

/// JSON Pointer order with array indices compared numerically (a parent before its children).
fn pointer_order(a: &str, b: &str) -> Ordering {
    let num =
        |s: &str| if !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()) { s.parse::<u64>().ok() } else { None };
    let (mut x, mut y) = (a.split('/'), b.split('/'));
    loop {
        match (x.next(), y.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) => {
                let o = match (num(p), num(q)) {
                    (Some(i), Some(j)) => i.cmp(&j),
                    _ => p.cmp(q),
                };
                if o.is_ne() {
                    return o;
                }
            }
        }
    }
}

enum Body {
    Json(Value),
    Raw(String),
}

struct Case {
    name: String,
    body: Body,
    ctx: Context,
    customer_id: Option<String>,
    options: Options,
    expected: Expected,
    /// (code, words) the message of that code must contain.
    mentions: Vec<(&'static str, &'static str)>,
    secrets: Vec<String>,
}

impl Case {
    fn new(v: &Valid, name: impl Into<String>, body: Value, expected: Expected) -> Case {
        Case {
            name: name.into(),
            body: Body::Json(body),
            ctx: v.ctx.clone(),
            customer_id: v.customer_id.clone(),
            options: Options::default(),
            expected,
            mentions: Vec::new(),
            secrets: v.secrets(),
        }
    }
    fn raw(v: &Valid, name: impl Into<String>, text: String, expected: Expected) -> Case {
        Case { body: Body::Raw(text), ..Case::new(v, name, Value::Null, expected) }
    }
    fn ctx(mut self, ctx: Context) -> Case {
        self.ctx = ctx;
        self
    }
    fn id(mut self, id: Option<&str>) -> Case {
        self.customer_id = id.map(str::to_owned);
        self
    }
    fn options(mut self, options: Options) -> Case {
        self.options = options;
        self
    }
    fn mentions(mut self, code: &'static str, words: &'static str) -> Case {
        self.mentions.push((code, words));
        self
    }
}

fn pairs(r: &Report) -> Vec<(String, String)> {
    r.violations.iter().map(|v| (v.code.as_str().to_owned(), v.path().to_owned())).collect()
}

fn run(case: &Case) -> Result<(), TestCaseError> {
    let bytes = match &case.body {
        Body::Json(v) => serde_json::to_vec(v).expect("serialise"),
        Body::Raw(s) => s.clone().into_bytes(),
    };
    let name = &case.name;
    let id = case.customer_id.as_deref();
    let report = check_json(&bytes, id, &case.ctx, &case.options);
    let mut got = pairs(&report);
    got.sort();
    let mut want: Vec<(String, String)> = case.expected.iter().map(|(c, p)| ((*c).to_owned(), p.clone())).collect();
    want.sort();
    prop_assert_eq!(&got, &want, "mutation `{}`: violations", name);

    let status = expected_status(&case.expected);
    prop_assert_eq!(report.status, status, "mutation `{}`: status", name);
    prop_assert_eq!(report.valid, status == 200, "mutation `{}`: valid", name);
    for v in &report.violations {
        let code = v.code.as_str();
        let want_severity = if spec_status(code).is_some() { Severity::Error } else { Severity::Warning };
        prop_assert_eq!(v.severity, want_severity, "mutation `{}`: severity of {}", name, code);
        prop_assert_eq!(v.status, spec_status(code), "mutation `{}`: status of {}", name, code);
        let location = if code == "invalid_uuid" { In::Path } else { In::Body };
        prop_assert_eq!(v.location, location, "mutation `{}`: `in` of {}", name, code);
        prop_assert!(v.suggestion.is_none(), "mutation `{}`: suggestion while off", name);
        prop_assert!(
            v.message().ends_with('.') && v.message().len() > 10,
            "mutation `{}`: message {:?}",
            name,
            v.message()
        );
        for s in case.secrets.iter().filter(|s| s.len() >= 6) {
            prop_assert!(
                !v.message().contains(s.as_str()),
                "mutation `{}`: the message of {} repeats a value",
                name,
                code
            );
        }
        for (c, words) in &case.mentions {
            if code == *c {
                prop_assert!(
                    v.message().contains(words),
                    "mutation `{}`: {} should mention {:?}: {}",
                    name,
                    c,
                    words,
                    v.message()
                );
            }
        }
    }
    // Ordered by path (indices numerically).
    for w in report.violations.windows(2) {
        prop_assert!(
            pointer_order(w[0].path(), w[1].path()).is_le(),
            "mutation `{}`: order {:?}",
            name,
            report.violations
        );
    }

    // Deterministic.
    prop_assert_eq!(&check_json(&bytes, id, &case.ctx, &case.options), &report, "mutation `{}`: determinism", name);

    let sized = case.options.max_body_bytes != Options::default().max_body_bytes;
    if let (Body::Json(value), false) = (&case.body, sized) {
        // The same JSON, pretty-printed.
        let pretty = serde_json::to_vec_pretty(value).expect("serialise");
        prop_assert_eq!(&check_json(&pretty, id, &case.ctx, &case.options), &report, "mutation `{}`: pretty", name);
        // The same content, typed (when the JSON is exactly what a typed request serialises to).
        if let Ok(typed) = serde_json::from_value::<AttachIndividualV2>(value.clone()) {
            if serde_json::to_value(&typed).ok().as_ref() == Some(value) {
                let t = check_typed(&typed, id, &case.ctx, &case.options);
                prop_assert_eq!(&t, &report, "mutation `{}`: typed and JSON reports differ", name);
            }
        }
    }

    // Suggestions on: the same violations, in the same order.
    let with = check_json(&bytes, id, &case.ctx, &case.options.clone().with_suggestions(true));
    prop_assert_eq!(pairs(&with), pairs(&report), "mutation `{}`: suggestions changed the violations", name);
    prop_assert_eq!(with.status, report.status);
    Ok(())
}

// JSON editing helpers: tests/common.

fn push_item(j: &mut Value, array: &str, new: Value) {
    match j.pointer_mut(array) {
        Some(Value::Array(a)) => a.push(new),
        _ => panic!("no array at {array}"),
    }
}

/// The JSON text of `v` with `key: dup` appended to the object at `target` (a second
/// occurrence when `key` is already there).
fn text_with_member(v: &Value, target: &str, key: &str, dup: &Value) -> String {
    fn write(v: &Value, ptr: &str, target: &str, key: &str, dup: &Value, out: &mut String) {
        match v {
            Value::Object(m) => {
                out.push('{');
                let mut first = true;
                for (k, c) in m {
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    out.push_str(&js(k));
                    out.push(':');
                    write(c, &format!("{ptr}/{k}"), target, key, dup, out);
                }
                if ptr == target {
                    if !first {
                        out.push(',');
                    }
                    out.push_str(&js(key));
                    out.push(':');
                    out.push_str(&js(dup));
                }
                out.push('}');
            }
            Value::Array(a) => {
                out.push('[');
                for (i, c) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(c, &format!("{ptr}/{i}"), target, key, dup, out);
                }
                out.push(']');
            }
            other => out.push_str(&js(other)),
        }
    }
    let mut out = String::new();
    write(v, "", target, key, dup, &mut out);
    out
}

/// Every member and array item.
fn members(v: &Value, ptr: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                let p = format!("{ptr}/{k}");
                out.push(p.clone());
                members(c, &p, out);
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                let p = format!("{ptr}/{i}");
                out.push(p.clone());
                members(c, &p, out);
            }
        }
        _ => {}
    }
}

const BLANKS: &[&str] = &["", " ", "   ", "\u{3000}", "\u{a0} "];

fn doc(i: usize) -> String {
    format!("/identifying_documents/{i}")
}

const ADDR: &str = "/address_documents/0";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Remove,
    Null,
    Wrong,
    Blank,
    Dirty,
}

/// What breaking the SELFIE's `type` adds: the entry is no longer a SELFIE, so a required
/// SELFIE is missing, its file joins the uniqueness check (a reused primary URI becomes a
/// repeat at the later of the two), and the members a SELFIE ignores are checked.
fn broken_selfie(v: &Valid) -> Expected {
    let s = v.selfie.expect("a selfie");
    let d = doc(s);
    let mut out = Vec::new();
    if v.selfie_required() {
        out.push(e("selfie_required", "/identifying_documents"));
    }
    let selfie_uri = v.selfie_uri();
    if let Some(k) = v.primary_files().iter().position(|f| f.uri == selfie_uri) {
        let later =
            if s < v.primary { format!("{}/files/{k}/uri", doc(v.primary)) } else { format!("{d}/files/0/uri") };
        out.push(e("duplicate_file_uri", &later));
    }
    for (member, _, code) in &v.ignored {
        if let Some(code) = code {
            out.push(e(code, &format!("{d}/{member}")));
        }
    }
    let value = |m: &str| v.ignored.iter().find(|x| x.0 == m).map(|x| x.1.as_str());
    out.extend(date_rules(&d, value("issue_date"), value("expiry_date")));
    out
}

/// The expected violations of a generic mutation of the member at `p`.
fn generic_expected(v: &Valid, base: &Value, p: &str, kind: Kind) -> Expected {
    let seg: Vec<&str> = p.split('/').skip(1).collect();
    let one = |code: &'static str| vec![e(code, p)];
    // A string member (or array) that is required / optional in the schema.
    let value = |required: bool| match kind {
        Kind::Remove if required => one("required"),
        Kind::Remove => vec![],
        Kind::Null if required => one("required"),
        Kind::Null | Kind::Wrong => one("invalid_type"),
        Kind::Blank => one("empty"),
        Kind::Dirty => one("invalid_characters"),
    };
    let is_selfie = |i: &str| v.selfie == Some(i.parse::<usize>().expect("index"));
    let two_sided =
        |list: &str, i: &str| list == "identifying_documents" && !is_selfie(i) && v.primary_kind().is_two_sided();
    match seg.as_slice() {
        ["identifying_documents"] | ["address_documents"] | ["tos_policies_value"] => value(true),
        ["identifying_documents", i] => {
            let gone = is_selfie(i) && v.selfie_required();
            let mut out = match kind {
                Kind::Remove if v.docs().len() == 1 => vec![e("too_few_items", "/identifying_documents")],
                Kind::Remove => vec![],
                _ => one("invalid_type"),
            };
            if gone {
                out.push(e("selfie_required", "/identifying_documents"));
            }
            out
        }
        ["address_documents", _] => match kind {
            Kind::Remove => vec![e("too_few_items", "/address_documents")],
            _ => one("invalid_type"),
        },
        ["identifying_documents", i, "type"] => {
            let mut out = value(true);
            if is_selfie(i) {
                out.extend(broken_selfie(v));
            }
            out
        }
        [_, _, "files"] => value(true),
        [list, i, "files", _] => {
            let files = split(p).0;
            let n = base.pointer(files).and_then(Value::as_array).map_or(0, Vec::len);
            match kind {
                Kind::Remove if n == 1 => vec![e("too_few_items", files)],
                // A two-sided document left with one file; its sides are not checked then.
                Kind::Remove => {
                    assert!(two_sided(list, i), "{p}");
                    vec![e("file_count", files)]
                }
                _ => one("invalid_type"),
            }
        }
        [_, _, "files", _, "uri"] => value(true),
        [list, i, "files", _, "side"] => {
            if kind == Kind::Remove && two_sided(list, i) {
                one("missing_side")
            } else {
                value(false)
            }
        }
        // Whatever happens to a member a SELFIE ignores is ignored.
        ["identifying_documents", i, _] if is_selfie(i) => vec![],
        ["identifying_documents", _, member] => match (*member, kind) {
            ("number" | "expiry_date", Kind::Remove) => one("required"),
            ("state", Kind::Remove) if v.is_us_licence() => one("state_required"),
            ("number" | "expiry_date" | "state" | "country" | "issue_date", _) => value(false),
            _ => panic!("unexpected member {p}"),
        },
        ["address_documents", _, "type" | "country"] => value(true),
        ["address_documents", _, "issue_date"] => value(false),
        _ => panic!("unexpected member {p}"),
    }
}

/// Remove, null, wrong JSON type, blank and control characters on every member and item.
fn generic_cases(v: &Valid, base: &Value, rng: &mut Rng, out: &mut Vec<Case>) {
    let mut all = Vec::new();
    members(base, "", &mut all);
    for p in &all {
        let value = base.pointer(p).expect("member").clone();
        let mut add = |kind: Kind, what: String, body: Value| {
            let expected = generic_expected(v, base, p, kind);
            out.push(Case::new(v, format!("{what} {p}"), body, expected));
        };
        add(Kind::Remove, "remove".into(), edit(base, |j| remove(j, p)));
        add(Kind::Null, "null".into(), edit(base, |j| set(j, p, Value::Null)));
        let wrong = match &value {
            Value::String(_) => rng.pick(&[json!(7), json!(true), json!([]), json!({}), json!(["x"])]).clone(),
            Value::Object(_) => rng.pick(&[json!("x"), json!(1), json!([]), json!(false)]).clone(),
            Value::Array(_) => rng.pick(&[json!({}), json!("1"), json!(1), json!(true)]).clone(),
            other => panic!("unexpected value at {p}: {other}"),
        };
        add(Kind::Wrong, format!("wrong type {wrong}"), edit(base, |j| set(j, p, wrong)));
        if let Value::String(s) = &value {
            let blank = *rng.pick(BLANKS);
            add(Kind::Blank, format!("blank {blank:?}"), edit(base, |j| set(j, p, json!(blank))));
            let c = *rng.pick(FORBIDDEN);
            let dirty = insert_char(s, c, rng);
            add(Kind::Dirty, format!("U+{:04X} in", c as u32), edit(base, |j| set(j, p, json!(dirty))));
        }
    }
}

/// The context with `extra` URIs also owned (when it lists file URIs at all).
fn ctx_owning(v: &Valid, extra: &[String]) -> Context {
    let mut c = v.ctx.clone();
    if let (Some(customer), Some(owned)) = (c.customer.as_mut(), owned_uris(&v.ctx)) {
        customer.file_uris = Some(owned.into_iter().chain(extra.iter().cloned()).collect());
    }
    c
}

/// A context with every customer rule on: an eligible customer who owns exactly the request's
/// files, with the address document's country as residence.
fn full_ctx(v: &Valid) -> Context {
    let mut c = v.ctx.clone();
    c.customer = Some(Customer {
        customer_type: Some("INDIVIDUAL".to_owned()),
        api_version: Some("v2".to_owned()),
        status: Some("INCOMPLETE".to_owned()),
        country_of_residence: v.address().country.clone(),
        file_uris: Some(v.uris().into_iter().collect()),
        attach_in_flight: Some(false),
    });
    c
}

/// The generated context with its customer (or a blank one) changed by `f`.
fn ctx_customer(v: &Valid, f: impl FnOnce(&mut Customer)) -> Context {
    let mut c = v.ctx.clone();
    let mut customer = c.customer.take().unwrap_or_default();
    f(&mut customer);
    c.customer = Some(customer);
    c
}

fn ctx_selfie_required(v: &Valid, required: Option<bool>) -> Context {
    let mut c = v.ctx.clone();
    let reliance_enabled = c.client.as_ref().and_then(|c| c.reliance_enabled);
    c.client = Some(Client { reliance_enabled, selfie_required: required });
    c
}

/// A valid primary document of `kind` with `uris` (1 file, or FRONT and BACK).
fn new_primary(kind: &str, country: Option<&str>, state: Option<&str>, uris: &[String]) -> Value {
    let mut d = json!({"type": kind, "number": "D1234567", "expiry_date": civil_from_days(t0() + 3 * YEAR)});
    if let Some(c) = country {
        d["country"] = json!(c);
    }
    if let Some(s) = state {
        d["state"] = json!(s);
    }
    d["files"] = match uris {
        [u] => json!([{"uri": u}]),
        [a, b] => json!([{"uri": a, "side": "FRONT"}, {"uri": b, "side": "BACK"}]),
        _ => panic!("one or two files"),
    };
    d
}

/// The hand-written mutations of the issue's code list.
fn crafted_cases(v: &Valid, base: &Value, rng: &mut Rng, out: &mut Vec<Case>) {
    let t = t0();
    let p = v.primary;
    let pd = doc(p);
    let pk = v.primary_kind();
    let pk_wire = pk.as_str().to_owned();
    let nfiles = v.primary_files().len();
    let address_country = v.address().country.clone().expect("country");
    let residence = v.ctx.customer.as_ref().and_then(|c| c.country_of_residence.clone());
    let owned = owned_uris(&v.ctx);
    let full = full_ctx(v);
    let mut counter = 0;
    let mut fresh = || {
        counter += 1;
        format!("/fresh{counter}_new-upload.pdf")
    };
    let mut add = |c: Case| out.push(c);

    // ---- Enums (case-sensitive; a format code instead of non_ascii).
    for bad in [pk_wire.to_lowercase(), "UTILITY_BILL".to_owned(), "PASSPÖRT".to_owned(), "ID_CARD".to_owned()] {
        let path = format!("{pd}/type");
        add(Case::new(
            v,
            format!("primary type {bad}"),
            edit(base, |j| set(j, &path, json!(bad))),
            vec![e("invalid_enum", &path)],
        ));
    }
    let address_type = format!("{ADDR}/type");
    for bad in ["bank_statement", "PASSPORT", "SELFIE", "BANK STATEMENT"] {
        add(Case::new(
            v,
            format!("address type {bad}"),
            edit(base, |j| set(j, &address_type, json!(bad))),
            vec![e("invalid_enum", &address_type)],
        ));
    }
    let k = rng.below(nfiles);
    let side_path = format!("{pd}/files/{k}/side");
    for bad in ["front", "Back", "LEFT", "FRÖNT"] {
        add(Case::new(
            v,
            format!("side {bad}"),
            edit(base, |j| set(j, &side_path, json!(bad))),
            vec![e("invalid_enum", &side_path)],
        ));
    }
    let address_side = format!("{ADDR}/files/0/side");
    add(Case::new(
        v,
        "address file side back",
        edit(base, |j| set(j, &address_side, json!("back"))),
        vec![e("invalid_enum", &address_side)],
    ));
    if let Some(s) = v.selfie {
        // The entry stops being a SELFIE.
        let path = format!("{}/type", doc(s));
        let mut expected = vec![e("invalid_enum", &path)];
        expected.extend(broken_selfie(v));
        add(Case::new(v, "selfie type selfie", edit(base, |j| set(j, &path, json!("selfie"))), expected));
    }

    // ---- Countries.
    let bad_country = *rng.pick(&["usa", "US", "XKX", "Usa", "USAA", "ANT", "ÜSA"]);
    let country_path = format!("{pd}/country");
    add(Case::new(
        v,
        format!("primary country {bad_country}"),
        edit(base, |j| set(j, &country_path, json!(bad_country))),
        vec![e("invalid_country", &country_path)],
    ));
    let address_country_path = format!("{ADDR}/country");
    add(Case::new(
        v,
        format!("address country {bad_country}"),
        edit(base, |j| set(j, &address_country_path, json!(bad_country))),
        vec![e("invalid_country", &address_country_path)],
    )
    .ctx(full.clone()));
    let others: Vec<&str> = COUNTRIES.iter().copied().filter(|c| *c != address_country).collect();
    let other = *rng.pick(&others);
    let moved = edit(base, |j| set(j, &address_country_path, json!(other)));
    let mismatch = vec![e("address_document_country_mismatch", &address_country_path)];
    let expected = if residence.is_some() { mismatch.clone() } else { vec![] };
    add(Case::new(v, format!("address country {other}"), moved.clone(), expected));
    add(Case::new(v, format!("address country {other}, residence known"), moved, mismatch.clone()).ctx(full.clone()));
    let elsewhere = ctx_customer(v, |c| c.country_of_residence = Some(other.to_owned()));
    add(Case::new(v, format!("residence {other}"), base.clone(), mismatch.clone()).ctx(elsewhere));
    let no_residence = ctx_customer(v, |c| c.country_of_residence = None);
    add(Case::new(
        v,
        format!("address country {other}, no residence"),
        edit(base, |j| set(j, &address_country_path, json!(other))),
        vec![],
    )
    .ctx(no_residence));

    // ---- Dates (today 2026-11-26). Edges with hand-written expectations...
    let (issue_path, expiry_path) = (format!("{pd}/issue_date"), format!("{pd}/expiry_date"));
    let with_dates = |issue: Option<i64>, expiry: i64| {
        edit(base, |j| {
            match issue {
                Some(i) => set(j, &issue_path, json!(civil_from_days(i))),
                None => {
                    if j.pointer(&issue_path).is_some() {
                        remove(j, &issue_path);
                    }
                }
            }
            set(j, &expiry_path, json!(civil_from_days(expiry)));
        })
    };
    let (expired, before, future) = ("document_expired", "expiry_before_issue", "issue_date_in_future");
    for (issue, expiry, codes) in [
        (Some(t), t + 1, vec![]),
        (None, t + 1, vec![]),
        (None, t, vec![expired]),
        (Some(t - 1), t, vec![expired]),
        (Some(t - 3000), t - 1, vec![expired]),
        (Some(t), t, vec![expired, before]),
        (Some(t - 10), t - 20, vec![expired, before]),
        (Some(t + 1), t + 2, vec![future]),
        (Some(t + 2), t + 2, vec![before, future]),
        (Some(t + 3), t + 2, vec![before, future]),
        (Some(t + 1), t, vec![expired, before, future]),
    ] {
        let expected =
            codes.iter().map(|&c| e(c, if c == future { &issue_path } else { &expiry_path })).collect::<Expected>();
        let name = format!("dates {:?} / {}", issue.map(civil_from_days), civil_from_days(expiry));
        add(Case::new(v, name, with_dates(issue, expiry), expected));
    }
    // ... and random ones against the contract's formulas.
    for _ in 0..6 {
        let issue = (rng.below(4) > 0).then(|| rng.in_range(t - 40 * YEAR, t + 40 * YEAR));
        let expiry = rng.in_range(t - 40 * YEAR, t + 40 * YEAR);
        let (i, x) = (issue.map(civil_from_days), civil_from_days(expiry));
        let expected = date_rules(&pd, i.as_deref(), Some(&x));
        add(Case::new(v, format!("dates {i:?} / {x}"), with_dates(issue, expiry), expected));
    }
    for bad in ["2030-02-30", "2030-2-01", "01/06/2030", "2030-06-01T00:00:00Z", "２０30-06-01", "0000-06-01"] {
        add(Case::new(
            v,
            format!("expiry {bad}"),
            edit(base, |j| set(j, &expiry_path, json!(bad))),
            vec![e("invalid_date", &expiry_path)],
        ));
        add(Case::new(
            v,
            format!("issue {bad}"),
            edit(base, |j| set(j, &issue_path, json!(bad))),
            vec![e("invalid_date", &issue_path)],
        ));
    }
    let address_issue = format!("{ADDR}/issue_date");
    for d in [t, t + 1, rng.in_range(t - 5 * YEAR, t + 5 * YEAR)] {
        let x = civil_from_days(d);
        let expected = date_rules(ADDR, Some(&x), None);
        add(Case::new(v, format!("address issue {x}"), edit(base, |j| set(j, &address_issue, json!(x))), expected));
    }
    add(Case::new(
        v,
        "address issue 2026-02-29",
        edit(base, |j| set(j, &address_issue, json!("2026-02-29"))),
        vec![e("invalid_date", &address_issue)],
    ));
    // An expired document without `today` in the context: the date rules are off.
    let no_today = Context { today: None, ..v.ctx.clone() };
    add(Case::new(v, "expired, no today", with_dates(Some(t - 20), t - 10), vec![]).ctx(no_today.clone()));
    add(Case::new(v, "expiry before issue, no today", with_dates(Some(t - 10), t - 20), vec![e(before, &expiry_path)])
        .ctx(no_today));
    if let Some(s) = v.selfie {
        let sd = doc(s);
        add(Case::new(
            v,
            "selfie with impossible dates",
            edit(base, |j| {
                set(j, &format!("{sd}/issue_date"), json!("2090-01-01"));
                set(j, &format!("{sd}/expiry_date"), json!("1999-01-01"));
            }),
            vec![],
        ));
    }

    // ---- Files and sides.
    let files_path = format!("{pd}/files");
    if pk.is_two_sided() {
        for side in ["FRONT", "BACK"] {
            let body = edit(base, |j| {
                set(j, &format!("{files_path}/0/side"), json!(side));
                set(j, &format!("{files_path}/1/side"), json!(side));
            });
            add(Case::new(v, format!("two {side}"), body, vec![e("duplicate_side", &format!("{files_path}/1/side"))]));
        }
        let body = edit(base, |j| {
            remove(j, &format!("{files_path}/0/side"));
            remove(j, &format!("{files_path}/1/side"));
        });
        add(Case::new(
            v,
            "no sides",
            body,
            vec![
                e("missing_side", &format!("{files_path}/0/side")),
                e("missing_side", &format!("{files_path}/1/side")),
            ],
        ));
        let body = edit(base, |j| {
            remove(j, &format!("{files_path}/0/side"));
            set(j, &format!("{files_path}/1/side"), json!("FRONT"));
        });
        add(Case::new(
            v,
            "one side missing, the other FRONT",
            body,
            vec![e("missing_side", &format!("{files_path}/0/side"))],
        ));
        // Three files: the count is wrong, so the sides are not checked (two FRONTs, one without side).
        let extra = fresh();
        let body = edit(base, |j| {
            push_item(j, &files_path, json!({"uri": extra}));
            set(j, &format!("{files_path}/0/side"), json!("FRONT"));
            set(j, &format!("{files_path}/1/side"), json!("FRONT"));
        });
        add(Case::new(v, "three files", body, vec![e("file_count", &files_path)]).ctx(ctx_owning(v, &[extra])));
        // The BACK reuses the FRONT's URI.
        let first = v.primary_files()[0].uri.clone().expect("uri");
        let body = edit(base, |j| set(j, &format!("{files_path}/1/uri"), json!(first)));
        add(Case::new(
            v,
            "second file reuses the first's URI",
            body,
            vec![e("duplicate_file_uri", &format!("{files_path}/1/uri"))],
        ));
    } else {
        let extra = fresh();
        let body = edit(base, |j| push_item(j, &files_path, json!({"uri": extra, "side": "BACK"})));
        add(Case::new(v, "passport with two files", body, vec![e("file_count", &files_path)])
            .ctx(ctx_owning(v, &[extra])));
        let body = edit(base, |j| remove(j, &format!("{files_path}/0/side")));
        add(Case::new(v, "passport file without side", body, vec![]));
    }
    if let Some(s) = v.selfie {
        let sf = format!("{}/files", doc(s));
        let extra = fresh();
        let body = edit(base, |j| push_item(j, &sf, json!({"uri": extra})));
        add(Case::new(v, "selfie with two files", body, vec![e("file_count", &sf)]).ctx(ctx_owning(v, &[extra])));
        add(Case::new(
            v,
            "selfie with no files",
            edit(base, |j| set(j, &sf, json!([]))),
            vec![e("too_few_items", &sf)],
        ));
    }
    add(Case::new(
        v,
        "primary with no files",
        edit(base, |j| set(j, &files_path, json!([]))),
        vec![e("too_few_items", &files_path)],
    ));
    // Switching the primary type keeps files and state: count, sides and state follow the new type.
    let k2 = *rng.pick(&PRIMARY_WIRE.iter().copied().filter(|w| *w != pk_wire).collect::<Vec<_>>());
    let new_kind = IdentityDocumentType::from_wire(k2);
    let mut expected = Vec::new();
    if new_kind.file_count() != Some(nfiles) {
        expected.push(e("file_count", &files_path));
    }
    let state = v.primary_doc().state.is_some();
    let state_path = format!("{pd}/state");
    if new_kind != IdentityDocumentType::DriversLicense && state {
        expected.push(e("state_forbidden", &state_path));
    }
    if new_kind == IdentityDocumentType::DriversLicense && !state && v.primary_doc().country.as_deref() == Some("USA") {
        expected.push(e("state_required", &state_path));
    }
    add(Case::new(
        v,
        format!("primary {pk_wire} becomes {k2}"),
        edit(base, |j| set(j, &format!("{pd}/type"), json!(k2))),
        expected,
    ));

    // ---- State.
    let (f1, f2) = (fresh(), fresh());
    let two = [f1.clone(), f2.clone()];
    let licence_ctx = ctx_owning(v, &two);
    let licence = |country: Option<&str>, state: Option<&str>| {
        edit(base, |j| set(j, &pd, new_primary("DRIVERS_LICENSE", country, state, &two)))
    };
    let long = |c: &str, n: usize| c.repeat(n);
    let x64 = long("A", 64);
    for (what, country, state, expected) in [
        ("US licence without state", Some("USA"), None, vec![e("state_required", &state_path)]),
        ("Mexican licence without state", Some("MEX"), None, vec![]),
        ("licence without country or state", None, None, vec![]),
        ("licence from usa without state", Some("usa"), None, vec![e("invalid_country", &country_path)]),
        ("US licence, state of 64", Some("USA"), Some(x64.clone()), vec![]),
        ("US licence, state of 65", Some("USA"), Some(long("A", 65)), vec![e("too_long", &state_path)]),
        ("Mexican licence, state of 200", Some("MEX"), Some(long("b", 200)), vec![e("too_long", &state_path)]),
        ("US licence, 64 é", Some("USA"), Some(long("é", 64)), vec![e("non_ascii", &state_path)]),
        (
            "US licence, 65 é",
            Some("USA"),
            Some(long("é", 65)),
            vec![e("non_ascii", &state_path), e("too_long", &state_path)],
        ),
        ("licence, state Michoacán", Some("MEX"), Some("Michoacán".to_owned()), vec![e("non_ascii", &state_path)]),
        ("US licence, blank state", Some("USA"), Some(" ".to_owned()), vec![e("empty", &state_path)]),
        // A string with control characters or only white space gets that code alone
        // (README: "Other rules skip such a string"; one violation per cause).
        (
            "US licence, 64 characters and a BEL",
            Some("USA"),
            Some(format!("{x64}\u{7}")),
            vec![e("invalid_characters", &state_path)],
        ),
        ("US licence, 65 spaces", Some("USA"), Some(long(" ", 65)), vec![e("empty", &state_path)]),
    ] {
        add(Case::new(v, what, licence(country, state.as_deref()), expected).ctx(licence_ctx.clone()));
    }
    for kind in ["PASSPORT", "NATIONAL_ID", "RESIDENCE_PERMIT"] {
        let uris: &[String] = if kind == "PASSPORT" { &two[..1] } else { &two };
        let body = edit(base, |j| set(j, &pd, new_primary(kind, Some("USA"), Some("US-CA"), uris)));
        add(Case::new(v, format!("{kind} with state"), body, vec![e("state_forbidden", &state_path)])
            .ctx(licence_ctx.clone()));
        let body = edit(base, |j| set(j, &pd, new_primary(kind, Some("DEU"), Some(&long("z", 65)), uris)));
        add(Case::new(
            v,
            format!("{kind} with a state of 65"),
            body,
            vec![e("state_forbidden", &state_path), e("too_long", &state_path)],
        )
        .ctx(licence_ctx.clone()));
    }
    if let Some(s) = v.selfie {
        let body = edit(base, |j| set(j, &format!("{}/state", doc(s)), json!(long("q", 70))));
        add(Case::new(v, "selfie with a state of 70", body, vec![]));
    }

    // ---- Non-ASCII where only ASCII is accepted.
    let number_path = format!("{pd}/number");
    let number = v.primary_doc().number.clone().expect("number");
    add(Case::new(
        v,
        "number Nº",
        edit(base, |j| set(j, &number_path, json!(format!("Nº{number}")))),
        vec![e("non_ascii", &number_path)],
    ));
    add(Case::new(
        v,
        "number fullwidth",
        edit(base, |j| set(j, &number_path, json!("ＡＢ１２３"))),
        vec![e("non_ascii", &number_path)],
    ));
    let tos = v.req.tos_policies_value.clone().expect("tos");
    add(Case::new(
        v,
        "tos non-ASCII",
        edit(base, |j| set(j, "/tos_policies_value", json!(format!("tös-{tos}")))),
        vec![e("non_ascii", "/tos_policies_value")],
    ));

    // ---- File URIs (expectations from the contract's two URI rules).
    let mut files: Vec<String> = Vec::new();
    members(base, "", &mut files);
    files.retain(|m| m.ends_with("/uri"));
    let target = rng.pick(&files).clone();
    let accented = "/AbAcQ4hn_résumé.pdf".to_owned();
    let body = edit(base, |j| set(j, &target, json!(accented)));
    add(Case::new(v, format!("non-ASCII URI at {target}, owned"), body.clone(), vec![e("non_ascii", &target)])
        .ctx(ctx_owning(v, std::slice::from_ref(&accented))));
    let mut expected = vec![e("non_ascii", &target)];
    expected.extend(uri_rules(&body, owned.as_deref()));
    add(Case::new(v, format!("non-ASCII URI at {target}"), body, expected));
    for ctx in [v.ctx.clone(), full.clone()] {
        let target = rng.pick(&files).clone();
        let new = fresh();
        let body = edit(base, |j| set(j, &target, json!(new)));
        let expected = uri_rules(&body, owned_uris(&ctx).as_deref());
        add(Case::new(v, format!("new URI at {target}"), body, expected).ctx(ctx));
    }
    // A URI the context no longer lists (a SELFIE reusing it is reported too).
    let all = v.uris();
    let dropped = rng.pick(&all).clone();
    let mut fewer = full.clone();
    if let Some(c) = fewer.customer.as_mut() {
        c.file_uris = Some(all.iter().filter(|u| **u != dropped).cloned().collect());
    }
    let expected = uri_rules(base, owned_uris(&fewer).as_deref());
    assert!(!expected.is_empty());
    add(Case::new(v, "a URI missing from file_uris", base.clone(), expected).ctx(fewer));
    // Without file_uris, or without a customer, nothing is checked for ownership.
    let body = edit(base, |j| set(j, &target, json!(fresh())));
    add(Case::new(v, "new URI, no file_uris", body.clone(), uri_rules(&body, None))
        .ctx(ctx_customer(v, |c| c.file_uris = None)));
    add(Case::new(v, "new URI, no customer", body.clone(), uri_rules(&body, None))
        .ctx(Context { customer: None, ..v.ctx.clone() }));
    // Repeats: the later occurrence is reported; SELFIE files are left out.
    let address_uri = v.address().files.as_ref().and_then(|f| f[0].uri.clone()).expect("uri");
    let primary_uri = v.primary_files()[rng.below(nfiles)].uri.clone().expect("uri");
    let address_uri_path = format!("{ADDR}/files/0/uri");
    let body = edit(base, |j| set(j, &address_uri_path, json!(primary_uri)));
    add(Case::new(v, "address reuses a primary URI", body, vec![e("duplicate_file_uri", &address_uri_path)]));
    let k = rng.below(nfiles);
    let body = edit(base, |j| set(j, &format!("{files_path}/{k}/uri"), json!(address_uri)));
    add(Case::new(v, "primary reuses the address URI", body.clone(), uri_rules(&body, owned.as_deref())));
    if let Some(s) = v.selfie {
        let sp = format!("{}/files/0/uri", doc(s));
        let body = edit(base, |j| set(j, &sp, json!(address_uri)));
        add(Case::new(v, "selfie reuses the address URI", body, vec![]));
        let selfie_uri = v.selfie_uri().expect("uri");
        let body = edit(base, |j| set(j, &format!("{files_path}/{k}/uri"), json!(selfie_uri)));
        add(Case::new(v, "primary reuses the selfie URI", body.clone(), uri_rules(&body, owned.as_deref())));
    }

    // ---- Document counts.
    let n = v.docs().len();
    let extra = fresh();
    let second = new_primary("PASSPORT", Some("GBR"), None, std::slice::from_ref(&extra));
    let q = rng.below(n + 1);
    let later = if q <= p { p + 1 } else { q };
    let body = edit(base, |j| insert_item(j, "/identifying_documents", q, second.clone()));
    add(Case::new(v, format!("second primary at {q}"), body, vec![e("multiple_primary_documents", &doc(later))])
        .ctx(ctx_owning(v, std::slice::from_ref(&extra))));
    let (a, b) = (fresh(), fresh());
    let body = edit(base, |j| {
        push_item(j, "/identifying_documents", new_primary("NATIONAL_ID", None, None, &[a.clone(), b.clone()]));
        push_item(j, "/identifying_documents", second.clone());
    });
    add(Case::new(
        v,
        "three primaries",
        body,
        vec![e("multiple_primary_documents", &doc(n)), e("multiple_primary_documents", &doc(n + 1))],
    )
    .ctx(ctx_owning(v, &[extra.clone(), a, b])));
    let selfie_doc = |uri: &str| json!({"type": "SELFIE", "files": [{"uri": uri}]});
    match v.selfie {
        Some(s) => {
            let q = rng.below(n + 1);
            let later = if q <= s { s + 1 } else { q };
            // The second SELFIE reuses the first's file: SELFIE files are not compared.
            let uri = v.selfie_uri().expect("uri");
            let body = edit(base, |j| insert_item(j, "/identifying_documents", q, selfie_doc(&uri)));
            add(Case::new(v, format!("second selfie at {q}"), body, vec![e("multiple_selfies", &doc(later))]));
            // Without the SELFIE while the client requires one.
            let body = edit(base, |j| remove(j, &doc(s)));
            add(Case::new(
                v,
                "selfie removed, required",
                body.clone(),
                vec![e("selfie_required", "/identifying_documents")],
            )
            .ctx(ctx_selfie_required(v, Some(true))));
            add(Case::new(v, "selfie removed, not required", body, vec![]).ctx(ctx_selfie_required(v, Some(false))));
        }
        None => {
            let (a, b) = (fresh(), fresh());
            let q1 = rng.below(n + 1);
            let q2 = rng.below(n + 2);
            let first_at = if q2 <= q1 { q1 + 1 } else { q1 };
            let body = edit(base, |j| {
                insert_item(j, "/identifying_documents", q1, selfie_doc(&a));
                insert_item(j, "/identifying_documents", q2, selfie_doc(&b));
            });
            let later = first_at.max(q2);
            add(Case::new(v, "two selfies", body, vec![e("multiple_selfies", &doc(later))])
                .ctx(ctx_owning(v, &[a.clone(), b])));
            add(Case::new(
                v,
                "selfie required, none",
                base.clone(),
                vec![e("selfie_required", "/identifying_documents")],
            )
            .ctx(ctx_selfie_required(v, Some(true))));
            // Any primary file may be the SELFIE's too.
            let body = edit(base, |j| insert_item(j, "/identifying_documents", q1, selfie_doc(&primary_uri)));
            add(Case::new(v, "a selfie reusing a primary file", body, vec![]).ctx(ctx_selfie_required(v, Some(true))));
        }
    }
    let mut expected = vec![e("too_few_items", "/identifying_documents")];
    if v.selfie_required() {
        expected.push(e("selfie_required", "/identifying_documents"));
    }
    add(Case::new(
        v,
        "identifying_documents []",
        edit(base, |j| set(j, "/identifying_documents", json!([]))),
        expected,
    ));
    add(Case::new(
        v,
        "address_documents []",
        edit(base, |j| set(j, "/address_documents", json!([]))),
        vec![e("too_few_items", "/address_documents")],
    ));
    let address_files = format!("{ADDR}/files");
    add(Case::new(
        v,
        "address files []",
        edit(base, |j| set(j, &address_files, json!([]))),
        vec![e("too_few_items", &address_files)],
    ));
    let copy = base.pointer(ADDR).expect("address").clone();
    let extra = fresh();
    let body = edit(base, |j| {
        let mut second = copy.clone();
        second["files"][0]["uri"] = json!(extra);
        push_item(j, "/address_documents", second);
    });
    add(Case::new(v, "two address documents", body, vec![e("too_many_items", "/address_documents")])
        .ctx(ctx_owning(v, std::slice::from_ref(&extra))));
    let body = edit(base, |j| push_item(j, "/address_documents", copy.clone()));
    add(Case::new(
        v,
        "two identical address documents",
        body,
        vec![e("too_many_items", "/address_documents"), e("duplicate_file_uri", "/address_documents/1/files/0/uri")],
    ));
    let extra = fresh();
    let body = edit(base, |j| push_item(j, &address_files, json!({"uri": extra})));
    add(Case::new(v, "two address files", body, vec![e("too_many_items", &address_files)])
        .ctx(ctx_owning(v, std::slice::from_ref(&extra))));
    let body = edit(base, |j| push_item(j, &address_files, json!({"uri": address_uri})));
    add(Case::new(
        v,
        "two address files, same URI",
        body,
        vec![e("too_many_items", &address_files), e("duplicate_file_uri", &format!("{address_files}/1/uri"))],
    ));

    // ---- Unknown and V1 members (warnings: the request stays valid).
    for (path, value) in [
        ("/note".to_owned(), json!("x")),
        (format!("{pd}/note"), json!(1)),
        (format!("{pd}/customer_id"), json!("55bd6b4e-c20a-4cc8-9535-91d5557a67d9")),
        (format!("{ADDR}/state"), json!("US-CA")),
        (format!("{files_path}/0/size"), json!(1024)),
        (format!("{ADDR}/files/0/name"), json!({"a": [1, null]})),
        ("/identifying_document".to_owned(), json!([])),
    ] {
        add(Case::new(
            v,
            format!("unknown member {path}"),
            edit(base, |j| set(j, &path, value)),
            vec![e("unknown_field", &path)],
        ));
    }
    for (path, value) in [
        ("/customer_id", json!("55bd6b4e-c20a-4cc8-9535-91d5557a67d9")),
        ("/proof_of_identity", json!({"type": "PASSPORT"})),
        ("/proof_of_address", json!([1])),
    ] {
        add(Case::new(v, format!("V1 member {path}"), edit(base, |j| set(j, path, value)), vec![e("v1_field", path)]));
    }

    // ---- Duplicate members (raw text): the first occurrence is the one checked.
    let mut dups = vec![
        (String::new(), "tos_policies_value", json!(5)),
        (String::new(), "identifying_documents", json!([])),
        (pd.clone(), "number", Value::Null),
        (pd.clone(), "type", json!("SELFIE")),
        (ADDR.to_owned(), "country", json!("usa")),
        (format!("{files_path}/0"), "uri", json!("")),
    ];
    if let Some(s) = v.selfie {
        dups.push((doc(s), "type", json!("PASSPORT")));
        dups.push((format!("{}/files/0", doc(s)), "uri", json!(7)));
    }
    for (object, key, dup) in dups {
        let path = format!("{object}/{key}");
        add(Case::raw(
            v,
            format!("duplicate {path}"),
            text_with_member(base, &object, key, &dup),
            vec![e("duplicate_key", &path)],
        ));
    }
    let with_note = edit(base, |j| set(j, &format!("{pd}/note"), json!("a")));
    let note = format!("{pd}/note");
    add(Case::raw(
        v,
        "unknown member twice",
        text_with_member(&with_note, &pd, "note", &json!("b")),
        vec![e("unknown_field", &note), e("duplicate_key", &note)],
    ));
    if let Some(s) = v.selfie {
        // JSON only: wrongly typed members a SELFIE ignores.
        let sd = doc(s);
        let body = edit(base, |j| {
            for (m, x) in [
                ("number", json!(5)),
                ("country", json!(["USA"])),
                ("state", Value::Null),
                ("issue_date", json!({})),
                ("expiry_date", json!(false)),
            ] {
                set(j, &format!("{sd}/{m}"), x);
            }
        });
        add(Case::new(v, "selfie with wrongly typed ignored members", body, vec![]));
    }

    // ---- The customer_id path parameter.
    let good = "55bd6b4e-c20a-4cc8-9535-91d5557a67d9";
    for ok in [good.to_owned(), good.to_uppercase(), "00000000-0000-0000-0000-000000000000".to_owned()] {
        add(Case::new(v, format!("customer_id {ok}"), base.clone(), vec![]).id(Some(&ok)));
    }
    add(Case::new(v, "no customer_id", base.clone(), vec![]).id(None));
    for bad in [
        "55bd6b4e-c20a-4cc8-9535".to_owned(),
        format!("{{{good}}}"),
        good.replace('-', ""),
        good.replacen('d', "g", 1),
        format!(" {good}"),
        format!("{good}\n"),
        String::new(),
        good.replacen('5', "５", 1),
        good.replacen('-', "--", 1),
    ] {
        add(Case::new(v, format!("customer_id {bad:?}"), base.clone(), vec![e("invalid_uuid", "/customer_id")])
            .id(Some(&bad)));
    }

    // ---- The stored customer.
    for status in ["INCOMPLETE", "ACTION_REQUIRED"] {
        add(Case::new(v, format!("status {status}"), base.clone(), vec![])
            .ctx(ctx_customer(v, |c| c.status = Some(status.to_owned()))));
    }
    let not_eligible = vec![e("customer_not_eligible", "")];
    for status in [
        "PROCESSING",
        "REVIEWING",
        "APPROVED",
        "IN_COMPLIANCE",
        "REJECTED",
        "QUEUED",
        "ON_HOLD",
        "incomplete",
        "ASSOCIATED_PARTIES_REMAINING",
        "PENDING",
    ] {
        add(Case::new(v, format!("status {status}"), base.clone(), not_eligible.clone())
            .ctx(ctx_customer(v, |c| c.status = Some(status.to_owned())))
            .mentions("customer_not_eligible", "status"));
    }
    for ty in ["BUSINESS", "individual"] {
        add(Case::new(v, format!("customer_type {ty}"), base.clone(), not_eligible.clone())
            .ctx(ctx_customer(v, |c| c.customer_type = Some(ty.to_owned())))
            .mentions("customer_not_eligible", "INDIVIDUAL"));
    }
    for a in ["v1", "V2"] {
        add(Case::new(v, format!("api_version {a}"), base.clone(), not_eligible.clone())
            .ctx(ctx_customer(v, |c| c.api_version = Some(a.to_owned())))
            .mentions("customer_not_eligible", "API"));
    }
    let all_wrong = ctx_customer(v, |c| {
        c.customer_type = Some("BUSINESS".to_owned());
        c.api_version = Some("v1".to_owned());
        c.status = Some("APPROVED".to_owned());
    });
    add(Case::new(v, "every eligibility reason", base.clone(), not_eligible.clone())
        .ctx(all_wrong.clone())
        .mentions("customer_not_eligible", "INDIVIDUAL")
        .mentions("customer_not_eligible", "API")
        .mentions("customer_not_eligible", "status"));
    let in_flight = ctx_customer(v, |c| c.attach_in_flight = Some(true));
    let busy = vec![e("attach_in_progress", "")];
    add(Case::new(v, "attach in flight", base.clone(), busy.clone()).ctx(in_flight.clone()));
    add(Case::new(v, "attach not in flight", base.clone(), vec![])
        .ctx(ctx_customer(v, |c| c.attach_in_flight = Some(false))));

    // ---- Status priority: 400, 413, 403, 409, 423, 422.
    let no_tos = edit(base, |j| remove(j, "/tos_policies_value"));
    let required_tos = e("required", "/tos_policies_value");
    add(Case::new(v, "in flight and tos missing (409)", no_tos.clone(), vec![busy[0].clone(), required_tos.clone()])
        .ctx(in_flight.clone()));
    add(Case::new(
        v,
        "in flight, bad customer_id (409)",
        base.clone(),
        vec![busy[0].clone(), e("invalid_uuid", "/customer_id")],
    )
    .ctx(in_flight.clone())
    .id(Some("nope")));
    add(Case::new(
        v,
        "in flight, unknown member (409)",
        edit(base, |j| set(j, "/note", json!(1))),
        vec![busy[0].clone(), e("unknown_field", "/note")],
    )
    .ctx(in_flight.clone()));
    let all_wrong_busy = {
        let mut c = all_wrong.clone();
        if let Some(c) = c.customer.as_mut() {
            c.attach_in_flight = Some(true);
        }
        c
    };
    add(Case::new(
        v,
        "not eligible, in flight, tos missing (403)",
        no_tos.clone(),
        vec![not_eligible[0].clone(), busy[0].clone(), required_tos.clone()],
    )
    .ctx(all_wrong_busy.clone()));
    let stranger = fresh();
    let full_busy = {
        let mut c = full.clone();
        if let Some(c) = c.customer.as_mut() {
            c.attach_in_flight = Some(true);
        }
        c
    };
    let body = edit(&no_tos, |j| set(j, &address_uri_path, json!(stranger)));
    add(Case::new(
        v,
        "file not owned, in flight, tos missing (403)",
        body,
        vec![e("file_not_owned", &address_uri_path), busy[0].clone(), required_tos.clone()],
    )
    .ctx(full_busy.clone()));
    // Malformed or oversized bodies: that violation alone, whatever the context and path parameter.
    let text = serde_json::to_string(base).expect("serialise");
    let cut = 1 + rng.below(text.len() - 1);
    for (what, bad) in [
        ("truncated", char_prefix(&text, cut).to_owned()),
        ("trailing garbage", format!("{text}]")),
        ("top-level array", format!("[{text}]")),
        ("top-level null", "null".to_owned()),
        ("empty body", String::new()),
    ] {
        add(Case::raw(v, format!("malformed: {what}"), bad, vec![e("malformed_json", "")])
            .ctx(all_wrong_busy.clone())
            .id(Some("nope")));
    }
    let len = serde_json::to_vec(&no_tos).expect("serialise").len();
    add(Case::new(v, "body one byte over the limit", no_tos.clone(), vec![e("payload_too_large", "")])
        .ctx(full_busy.clone())
        .id(Some("nope"))
        .options(Options::default().with_max_body_bytes(len - 1)));
    add(Case::new(v, "body at the limit", no_tos, vec![busy[0].clone(), required_tos])
        .ctx(full_busy)
        .options(Options::default().with_max_body_bytes(len)));
}

fn all_cases(v: &Valid, seed: u64) -> Vec<Case> {
    let base = v.json();
    let mut rng = Rng(seed);
    let mut out = Vec::new();
    generic_cases(v, &base, &mut rng, &mut out);
    crafted_cases(v, &base, &mut rng, &mut out);
    out
}

/// Every code issue #3 lists for this request kind, and the structural codes of issue #2 that
/// apply to it.
const CONTRACT_CODES: &[&str] = &[
    "malformed_json",
    "payload_too_large",
    "required",
    "invalid_type",
    "invalid_enum",
    "invalid_country",
    "invalid_date",
    "empty",
    "too_few_items",
    "too_many_items",
    "unknown_field",
    "v1_field",
    "duplicate_key",
    "non_ascii",
    "invalid_characters",
    "invalid_uuid",
    "multiple_primary_documents",
    "multiple_selfies",
    "selfie_required",
    "file_count",
    "missing_side",
    "duplicate_side",
    "state_required",
    "state_forbidden",
    "too_long",
    "document_expired",
    "expiry_before_issue",
    "issue_date_in_future",
    "duplicate_file_uri",
    "address_document_country_mismatch",
    "file_not_owned",
    "customer_not_eligible",
    "attach_in_progress",
];

#[test]
fn mutations_cover_every_code() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut covered = std::collections::BTreeSet::new();
    // Some codes need a two-sided primary document: generate until one was seen.
    for seed in 0..40 {
        let v = valid().new_tree(&mut runner).expect("a value").current();
        let cases = all_cases(&v, seed);
        assert!(cases.len() > 150, "only {} cases", cases.len());
        covered.extend(cases.iter().flat_map(|c| c.expected.iter().map(|(code, _)| *code)));
        if CONTRACT_CODES.iter().all(|c| covered.contains(c)) && seed >= 3 {
            break;
        }
    }
    let missing: Vec<&str> = CONTRACT_CODES.iter().copied().filter(|c| !covered.contains(c)).collect();
    assert!(missing.is_empty(), "not produced by any mutation: {missing:?}");
    let unknown: Vec<&str> = covered.iter().copied().filter(|c| !CONTRACT_CODES.contains(c)).collect();
    assert!(unknown.is_empty(), "{unknown:?}");
}

proptest! {
    #![proptest_config(config(24))]

    #[test]
    fn each_mutation_breaks_exactly_its_rule(v in valid(), seed in any::<u64>()) {
        // The base itself is valid in its context (checked here too: mutations start from it).
        let base = serde_json::to_vec(&v.req).expect("serialise");
        let report = check_json(&base, v.customer_id.as_deref(), &v.ctx, &Options::default());
        prop_assert!(report.violations.is_empty(), "{:?}", report.violations);
        for case in all_cases(&v, seed) {
            run(&case)?;
        }
    }
}

// ---------------------------------------------------------------------------
// The documented example.

#[test]
fn documented_example_is_valid_with_its_context() {
    let body = include_str!("../examples/attach-individual-v2.json");
    let mut ctx = Context::from_json(include_str!("../examples/attach-context.json")).expect("context");
    ctx.today = Some(today());
    let id = "55bd6b4e-c20a-4cc8-9535-91d5557a67d9";
    let report = check_json(body.as_bytes(), Some(id), &ctx, &Options::default());
    assert!(report.violations.is_empty(), "{:?}", report.violations);
    let typed: AttachIndividualV2 = serde_json::from_str(body).expect("typed");
    assert_eq!(check_typed(&typed, Some(id), &ctx, &Options::default()), report);
    let value: Value = serde_json::from_str(body).expect("json");
    assert_eq!(uri_rules(&value, owned_uris(&ctx).as_deref()), Expected::new());
}

/// 200 without errors; else the first of 400, 413, 403, 409, 423, 422 among the errors.
fn expected_status(expected: &[(&str, String)]) -> u16 {
    let statuses: Vec<u16> = expected.iter().filter_map(|(c, _)| spec_status(c)).collect();
    [400, 413, 403, 409, 423, 422].into_iter().find(|s| statuses.contains(s)).unwrap_or(200)
}
