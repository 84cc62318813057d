//! Differential: an `arbitrary`-generated typed request (create or attach, with
//! a generated context, `customer_id` and options) validated directly must give
//! the same report as its `serde_json::to_vec` serialisation validated as raw
//! JSON; the serialisation must read back as the same typed request; and the
//! report must satisfy every invariant of `src/lib.rs`.
//!
//! Strings come from a pool of meaningful values (valid and near-valid
//! countries, dates, phones, enum values, names in several scripts, control and
//! bidi characters, ...) or are arbitrary. Closed sets are built with
//! `from_wire`, so `Other` never holds an allowed value (see README.md).
#![no_main]
// Fields are set one by one on `default()` so that members added to the library's structs later
// do not break these targets.
#![allow(clippy::field_reassign_with_default)]

use arbitrary::Arbitrary;
use kyc_rules::model::{
    AddressDocument, AddressDocumentType, AddressV2, AttachIndividualV2, BasicInfoV2, CreateIndividualV2, DocumentFile,
    EmploymentStatus, FinancialProfileV2, Gender, IdentifyingDocument, IdentityDocumentType, Side, TaxInfo,
    VerificationType,
};
use kyc_rules::{validate, Catalog, Client, Context, Customer, Date, Options, Request};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

const POOL: &[&str] = &[
    // Closed sets.
    "STANDARD",
    "RELIANCE",
    "MALE",
    "FEMALE",
    "EMPLOYED",
    "SELF_EMPLOYED",
    "RETIRED",
    "STUDENT",
    "UNEMPLOYED",
    "PASSPORT",
    "NATIONAL_ID",
    "DRIVERS_LICENSE",
    "RESIDENCE_PERMIT",
    "SELFIE",
    "UTILITY_BILL",
    "GOVERNMENT_LETTER",
    "BANK_STATEMENT",
    "FRONT",
    "BACK",
    "standard",
    "Selfie",
    // Countries and subdivisions.
    "USA",
    "MEX",
    "CAN",
    "GBR",
    "JEY",
    "IMN",
    "VAT",
    "PRI",
    "HKG",
    "CHN",
    "ALA",
    "XKX",
    "US",
    "usa",
    "US-CA",
    "US-NY",
    "US-PR",
    "CA-ON",
    "MX-CMX",
    "MX-JAL",
    "CN-HK",
    "GB-ENG",
    "CA",
    "us-ca",
    "US-XX",
    // Dates around 2026-11-26.
    "1990-04-15",
    "2008-11-26",
    "2008-11-27",
    "1906-11-26",
    "1906-11-25",
    "2000-02-29",
    "2001-02-29",
    "2026-11-26",
    "2026-11-27",
    "2019-06-01",
    "2029-06-01",
    "1990-4-15",
    "2030-01-01",
    // Phones and emails.
    "+14155552671",
    "+14165550123",
    "+522221234567",
    "+447911123456",
    "+17875550123",
    "+1 415 555 2671",
    "14155552671",
    "+1415",
    "maria.garcia@example.com",
    "Maria@Example.com",
    "a..b@c.co",
    "a@b",
    "x+tag@sub.example-1.org",
    // Names and text, several scripts, invisible and forbidden characters.
    "Maria",
    "María",
    "Мария",
    "Mаria",
    "Garcia",
    "Ｍaria",
    "Ma\u{200b}ria",
    "Garcia\u{202e}",
    "Mar\u{0}ia",
    "\u{85}",
    "",
    " ",
    "\u{3000}",
    "Ærøskøbing",
    "Straße",
    "李",
    "San Francisco",
    "Bogotá",
    "94103",
    "123 Market Street",
    "Apt 4B",
    "a/b~c",
    // Tax documents.
    "SSN",
    "TIN",
    "123-45-6789",
    "000-12-3456",
    "666-12-3456",
    "900-12-3456",
    "123-00-6789",
    "123-45-0000",
    "123456789",
    // customer_id, file URIs, customers.
    "55bd6b4e-c20a-4cc8-9535-91d5557a67d9",
    "55BD6B4E-C20A-4CC8-9535-91D5557A67D9",
    "55bd6b4e-c20a-4cc8-9535",
    "/AbAcQ4hn_0652746727637.pdf",
    "/AbAcQ4hn_0652746727638.pdf",
    "/XyZ123mn_0652746727639.pdf",
    "/PoAdef45_0652746727640.pdf",
    "/other.pdf",
    "INCOMPLETE",
    "ACTION_REQUIRED",
    "APPROVED",
    "REJECTED",
    "QUEUED",
    "REINITIATE",
    "ON_HOLD",
    "PROCESSING",
    "INDIVIDUAL",
    "BUSINESS",
    "v1",
    "v2",
    "a state name that is longer than sixty-four characters, which is the limit",
];

/// A string: from the pool, or arbitrary.
#[derive(Arbitrary, Debug)]
enum S {
    Pool(u8),
    Raw(String),
}

impl S {
    fn get(&self) -> String {
        match self {
            S::Pool(i) => POOL[*i as usize % POOL.len()].to_owned(),
            S::Raw(s) => s.clone(),
        }
    }
}

fn s(v: &Option<S>) -> Option<String> {
    v.as_ref().map(S::get)
}

#[derive(Arbitrary, Debug)]
enum Id {
    Small(u8),
    Any(u64),
}

impl Id {
    fn get(&self) -> u64 {
        match self {
            Id::Small(n) => u64::from(*n % 8),
            Id::Any(n) => *n,
        }
    }
}

fn id(v: &Option<Id>) -> Option<u64> {
    v.as_ref().map(Id::get)
}

#[derive(Arbitrary, Debug)]
enum Leaf {
    Null,
    Bool(bool),
    U(u64),
    I(i64),
    /// A short decimal (`n / 10^k`): serde_json reads those back exactly, which is
    /// not true of every f64 without its `float_roundtrip` feature.
    F(i32, u8),
    S(S),
}

impl Leaf {
    fn value(&self) -> Value {
        match self {
            Leaf::Null => Value::Null,
            Leaf::Bool(b) => Value::Bool(*b),
            Leaf::U(n) => Value::from(*n),
            Leaf::I(n) => Value::from(*n),
            Leaf::F(n, k) => Value::from(f64::from(*n) / 10f64.powi(i32::from(*k % 4))),
            Leaf::S(s) => Value::String(s.get()),
        }
    }
}

/// `meta_data` values, two levels deep (typed meta_data deeper than serde_json's
/// recursion limit cannot round-trip through JSON; not this target's subject).
#[derive(Arbitrary, Debug)]
enum Json {
    Leaf(Leaf),
    Array(Vec<Leaf>),
    Object(Vec<(S, Leaf)>),
}

impl Json {
    fn value(&self) -> Value {
        match self {
            Json::Leaf(l) => l.value(),
            Json::Array(items) => Value::Array(items.iter().map(Leaf::value).collect()),
            Json::Object(members) => Value::Object(members.iter().map(|(k, v)| (k.get(), v.value())).collect()),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct ACreate {
    verification_type: Option<S>,
    basic_info: Option<ABasic>,
    address: Option<AAddress>,
    financial_profile: Option<AFinancial>,
    meta_data: Option<Vec<(S, Json)>>,
}

#[derive(Arbitrary, Debug)]
struct ABasic {
    first_name: Option<S>,
    first_name_en: Option<S>,
    middle_name: Option<S>,
    middle_name_en: Option<S>,
    last_name: Option<S>,
    last_name_en: Option<S>,
    dob: Option<S>,
    email: Option<S>,
    phone: Option<S>,
    country_of_residence: Option<S>,
    primary_nationality: Option<S>,
    secondary_nationality: Option<S>,
    gender: Option<S>,
    tax_info: Option<Vec<ATax>>,
}

/// `country_code`, `document_type`, `document_id`.
type ATax = (Option<S>, Option<S>, Option<S>);

#[derive(Arbitrary, Debug)]
struct AAddress {
    street_line_1: Option<S>,
    street_line_1_en: Option<S>,
    street_line_2: Option<S>,
    street_line_2_en: Option<S>,
    city: Option<S>,
    subdivision_code: Option<S>,
    postal_code: Option<S>,
    country: Option<S>,
}

#[derive(Arbitrary, Debug)]
struct AFinancial {
    employment_status: Option<S>,
    occupation_id: Option<Id>,
    purpose_id: Option<Id>,
    purpose_remarks: Option<S>,
    source_of_fund_ids: Option<Vec<Id>>,
    source_of_funds_description: Option<S>,
    monthly_volume_usd: Option<Id>,
}

impl ACreate {
    fn build(&self) -> CreateIndividualV2 {
        let mut r = CreateIndividualV2::default();
        r.verification_type = self.verification_type.as_ref().map(|v| VerificationType::from_wire(&v.get()));
        r.basic_info = self.basic_info.as_ref().map(|a| {
            let mut b = BasicInfoV2::default();
            b.first_name = s(&a.first_name);
            b.first_name_en = s(&a.first_name_en);
            b.middle_name = s(&a.middle_name);
            b.middle_name_en = s(&a.middle_name_en);
            b.last_name = s(&a.last_name);
            b.last_name_en = s(&a.last_name_en);
            b.dob = s(&a.dob);
            b.email = s(&a.email);
            b.phone = s(&a.phone);
            b.country_of_residence = s(&a.country_of_residence);
            b.primary_nationality = s(&a.primary_nationality);
            b.secondary_nationality = s(&a.secondary_nationality);
            b.gender = a.gender.as_ref().map(|g| Gender::from_wire(&g.get()));
            b.tax_info = a.tax_info.as_ref().map(|list| {
                list.iter()
                    .map(|(country, kind, number)| {
                        let mut t = TaxInfo::default();
                        t.country_code = s(country);
                        t.document_type = s(kind);
                        t.document_id = s(number);
                        t
                    })
                    .collect()
            });
            b
        });
        r.address = self.address.as_ref().map(|a| {
            let mut d = AddressV2::default();
            d.street_line_1 = s(&a.street_line_1);
            d.street_line_1_en = s(&a.street_line_1_en);
            d.street_line_2 = s(&a.street_line_2);
            d.street_line_2_en = s(&a.street_line_2_en);
            d.city = s(&a.city);
            d.subdivision_code = s(&a.subdivision_code);
            d.postal_code = s(&a.postal_code);
            d.country = s(&a.country);
            d
        });
        r.financial_profile = self.financial_profile.as_ref().map(|a| {
            let mut p = FinancialProfileV2::default();
            p.employment_status = a.employment_status.as_ref().map(|e| EmploymentStatus::from_wire(&e.get()));
            p.occupation_id = id(&a.occupation_id);
            p.purpose_id = id(&a.purpose_id);
            p.purpose_remarks = s(&a.purpose_remarks);
            p.source_of_fund_ids = a.source_of_fund_ids.as_ref().map(|ids| ids.iter().map(Id::get).collect());
            p.source_of_funds_description = s(&a.source_of_funds_description);
            p.monthly_volume_usd = id(&a.monthly_volume_usd);
            p
        });
        r.meta_data =
            self.meta_data.as_ref().map(|m| m.iter().map(|(k, v)| (k.get(), v.value())).collect::<Map<_, _>>());
        r
    }
}

#[derive(Arbitrary, Debug)]
struct AAttach {
    identifying_documents: Option<Vec<AIdentity>>,
    address_documents: Option<Vec<AAddressDoc>>,
    tos_policies_value: Option<S>,
}

#[derive(Arbitrary, Debug)]
struct AIdentity {
    kind: Option<S>,
    number: Option<S>,
    country: Option<S>,
    state: Option<S>,
    issue_date: Option<S>,
    expiry_date: Option<S>,
    files: Option<Vec<AFile>>,
}

#[derive(Arbitrary, Debug)]
struct AAddressDoc {
    kind: Option<S>,
    country: Option<S>,
    issue_date: Option<S>,
    files: Option<Vec<AFile>>,
}

#[derive(Arbitrary, Debug)]
struct AFile {
    uri: Option<S>,
    side: Option<S>,
}

fn files(v: &Option<Vec<AFile>>) -> Option<Vec<DocumentFile>> {
    v.as_ref().map(|list| {
        list.iter()
            .map(|a| {
                let mut f = DocumentFile::default();
                f.uri = s(&a.uri);
                f.side = a.side.as_ref().map(|x| Side::from_wire(&x.get()));
                f
            })
            .collect()
    })
}

impl AAttach {
    fn build(&self) -> AttachIndividualV2 {
        let mut r = AttachIndividualV2::default();
        r.identifying_documents = self.identifying_documents.as_ref().map(|docs| {
            docs.iter()
                .map(|a| {
                    let mut d = IdentifyingDocument::default();
                    d.kind = a.kind.as_ref().map(|k| IdentityDocumentType::from_wire(&k.get()));
                    d.number = s(&a.number);
                    d.country = s(&a.country);
                    d.state = s(&a.state);
                    d.issue_date = s(&a.issue_date);
                    d.expiry_date = s(&a.expiry_date);
                    d.files = files(&a.files);
                    d
                })
                .collect()
        });
        r.address_documents = self.address_documents.as_ref().map(|docs| {
            docs.iter()
                .map(|a| {
                    let mut d = AddressDocument::default();
                    d.kind = a.kind.as_ref().map(|k| AddressDocumentType::from_wire(&k.get()));
                    d.country = s(&a.country);
                    d.issue_date = s(&a.issue_date);
                    d.files = files(&a.files);
                    d
                })
                .collect()
        });
        r.tos_policies_value = s(&self.tos_policies_value);
        r
    }
}

#[derive(Arbitrary, Debug)]
struct ACustomer {
    customer_type: Option<S>,
    api_version: Option<S>,
    status: Option<S>,
    country_of_residence: Option<S>,
    file_uris: Option<Vec<S>>,
    attach_in_flight: Option<bool>,
}

type Ids = Option<Vec<u8>>;

#[derive(Arbitrary, Debug)]
struct AContext {
    /// None: no date; Some(None): 2026-11-26; Some(Some(..)): another day.
    today: Option<Option<(u8, u8, u8)>>,
    reliance_enabled: Option<Option<bool>>,
    selfie_required: Option<bool>,
    customer: Option<ACustomer>,
    /// Occupation, purpose and source-of-funds IDs.
    catalog: Option<(Ids, Ids, Ids)>,
}

impl AContext {
    fn build(&self) -> Context {
        let mut ctx = Context::default();
        ctx.today = self.today.as_ref().and_then(|t| match t {
            None => Date::parse("2026-11-26").ok(),
            Some((y, m, d)) => {
                Date::parse(&format!("{:04}-{:02}-{:02}", 1990 + u32::from(*y % 60), 1 + m % 12, 1 + d % 31)).ok()
            }
        });
        if let Some(reliance) = self.reliance_enabled {
            let mut client = Client::default();
            client.reliance_enabled = reliance;
            client.selfie_required = self.selfie_required;
            ctx.client = Some(client);
        }
        ctx.customer = self.customer.as_ref().map(|a| {
            let mut c = Customer::default();
            c.customer_type = s(&a.customer_type);
            c.api_version = s(&a.api_version);
            c.status = s(&a.status);
            c.country_of_residence = s(&a.country_of_residence);
            c.file_uris = a.file_uris.as_ref().map(|u| u.iter().map(S::get).collect());
            c.attach_in_flight = a.attach_in_flight;
            c
        });
        ctx.catalog = self.catalog.as_ref().map(|(o, p, f)| {
            let ids = |v: &Ids| v.as_ref().map(|l| l.iter().map(|n| u64::from(*n % 8)).collect());
            let mut c = Catalog::default();
            c.occupation_ids = ids(o);
            c.purpose_ids = ids(p);
            c.source_of_fund_ids = ids(f);
            c
        });
        ctx
    }
}

#[derive(Arbitrary, Debug)]
enum Input {
    Create { request: Box<ACreate>, context: AContext, suggest: bool },
    Attach { request: AAttach, customer_id: Option<S>, context: AContext, suggest: bool },
}

fn compare(typed: Request<'_>, json: &[u8], customer_id: Option<&str>, ctx: &Context, options: &Options) {
    let kind = typed.kind();
    let from_typed = validate(typed, ctx, options);
    let raw = match customer_id {
        Some(id) => Request::json(kind, json).with_customer_id(id),
        None => Request::json(kind, json),
    };
    let from_json = validate(raw, ctx, options);
    assert_eq!(
        from_typed,
        from_json,
        "typed and JSON reports differ\njson: {}\ncontext: {ctx:?}",
        String::from_utf8_lossy(json)
    );
    let tree = kyc_rules_fuzz::parse_tree(json);
    let input = kyc_rules_fuzz::Input { body: json, tree: &tree, customer_id, options };
    kyc_rules_fuzz::check_report(&from_json, &input);
}

fuzz_target!(|input: Input| {
    match input {
        Input::Create { request, context, suggest } => {
            let typed = request.build();
            let ctx = context.build();
            let options = Options::default().with_suggestions(suggest);
            let json = serde_json::to_vec(&typed).expect("a typed request serialises");
            let back: CreateIndividualV2 = serde_json::from_slice(&json).expect("its JSON reads back");
            assert_eq!(back, typed, "the JSON reads back as another request");
            compare(Request::create_individual_v2(&typed), &json, None, &ctx, &options);
        }
        Input::Attach { request, customer_id, context, suggest } => {
            let typed = request.build();
            let ctx = context.build();
            let customer_id = s(&customer_id);
            let options = Options::default().with_suggestions(suggest);
            let json = serde_json::to_vec(&typed).expect("a typed request serialises");
            let back: AttachIndividualV2 = serde_json::from_slice(&json).expect("its JSON reads back");
            assert_eq!(back, typed, "the JSON reads back as another request");
            let req = Request::attach_individual_v2(&typed);
            let req = match customer_id.as_deref() {
                Some(id) => req.with_customer_id(id),
                None => req,
            };
            compare(req, &json, customer_id.as_deref(), &ctx, &options);
        }
    }
});
