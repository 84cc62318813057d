//! V1 to V2 migration: round trips and the "only announced errors" property.

use kyc_rules::migrate::{attach_v1_to_v2, create_v1_to_v2, migrate, MigrateError, MigratedRequest, NoteCode};
use kyc_rules::{validate, AttachIndividualV1, Context, CreateIndividualV1, Date, Options, Request, RequestKind};
use proptest::prelude::*;
use serde_json::{json, Value};

const CREATE_V1: &str = include_str!("../examples/create-individual-v1.json");
const ATTACH_V1: &str = include_str!("../examples/attach-individual-v1.json");

fn today() -> Context {
    Context::on(Date::parse("2026-11-26").unwrap())
}

fn codes_and_paths(report: &kyc_rules::Report) -> Vec<(String, String)> {
    report.violations.iter().map(|v| (v.code.as_str().to_owned(), v.path().to_owned())).collect()
}

#[test]
fn valid_v1_create_migrates_to_v2_missing_only_employment_status() {
    let ctx = today();
    let v1 = validate(Request::json(RequestKind::CreateIndividualV1, CREATE_V1.as_bytes()), &ctx, &Options::default());
    assert!(v1.valid, "{v1:?}");
    let m = migrate(Request::json(RequestKind::CreateIndividualV1, CREATE_V1.as_bytes()), &ctx, &Options::default())
        .unwrap();
    assert_eq!(
        codes_and_paths(&m.report),
        [("required".to_owned(), "/financial_profile/employment_status".to_owned())]
    );
    let MigratedRequest::CreateIndividualV2(v2) = &m.request else { panic!("wrong kind") };
    let bi = v2.basic_info.as_ref().unwrap();
    assert_eq!(bi.primary_nationality.as_deref(), Some("USA"));
    let tax = &bi.tax_info.as_ref().unwrap()[0];
    assert_eq!(
        (tax.country_code.as_deref(), tax.document_type.as_deref(), tax.document_id.as_deref()),
        (Some("USA"), Some("SSN"), Some("123-45-6789"))
    );
    let a = v2.address.as_ref().unwrap();
    assert_eq!((a.street_line_1.as_deref(), a.subdivision_code.as_deref()), (Some("123 Main St"), Some("US-NY")));
    assert_eq!(v2.financial_profile.as_ref().unwrap().source_of_fund_ids, Some(vec![1]));
    let codes: Vec<NoteCode> = m.notes.iter().map(|n| n.code).collect();
    assert_eq!(
        codes,
        [NoteCode::TaxCountryInferred, NoteCode::TaxDocumentTypeInferred, NoteCode::EmploymentStatusRequired]
    );
    // Supplying employment_status makes it valid.
    let mut fixed = v2.clone();
    fixed.financial_profile.as_mut().unwrap().employment_status = Some(kyc_rules::model::EmploymentStatus::Employed);
    assert!(validate(Request::create_individual_v2(&fixed), &ctx, &Options::default()).valid);
}

/// `meta_data` is carried into the V2 request as it was written, whatever JSON it holds: every
/// kind of value, negative integers and fractions included, strings with escapes (decoded, a
/// path of their own), at every depth.
#[test]
fn meta_data_is_carried_over_as_written() {
    let meta = json!({
        "s": "x\u{e9}", "e": "say \"hi\"\n", "u": 7, "i": -7, "f": 2.5, "g": -0.25, "big": 18446744073709551615u64,
        "t": true, "b": false, "n": null,
        "a": [1, -1, 0.5, "y", true, null, [], {}, [-2, 3.5]],
        "o": {"nested": {"deeper": [-3, 1.25, "z", false, null]}},
    });
    let mut body: Value = serde_json::from_str(CREATE_V1).unwrap();
    body["meta_data"] = meta.clone();
    let text = serde_json::to_vec(&body).unwrap();
    let m = migrate(Request::json(RequestKind::CreateIndividualV1, &text), &today(), &Options::default()).unwrap();
    let MigratedRequest::CreateIndividualV2(v2) = &m.request else { panic!("wrong kind") };
    assert_eq!(v2.meta_data.as_ref().map(|m| Value::Object(m.clone())), Some(meta));
}

/// Migrates the example with another residence and tin: the V2 tax entry and the notes' codes.
fn migrate_tin(country: &str, tin: &str) -> ((Option<String>, Option<String>), Vec<NoteCode>) {
    let mut v1: CreateIndividualV1 = serde_json::from_str(CREATE_V1).unwrap();
    let bi = v1.basic_info.as_mut().unwrap();
    bi.country_of_residence = Some(country.into());
    bi.tin = Some(tin.into());
    let m = create_v1_to_v2(&v1, &today());
    let tax = &m.request.basic_info.as_ref().unwrap().tax_info.as_ref().unwrap()[0];
    ((tax.country_code.clone(), tax.document_type.clone()), m.notes.iter().map(|n| n.code).collect())
}

#[test]
fn the_tin_gets_the_first_scheme_of_the_residence_that_accepts_it() {
    let typed = |c: &str, t: &str| (Some(c.to_owned()), Some(t.to_owned()));
    // Mexico lists RFC before CURP; the number is an RFC.
    let (tax, notes) = migrate_tin("MEX", "GAGM900415AB1");
    assert_eq!(tax, typed("MEX", "RFC"));
    assert!(!notes.contains(&NoteCode::TaxIdNotRecognised));
    assert_eq!(migrate_tin("MEX", "BOXW310820HNERXN09").0, typed("MEX", "CURP"));
    // Argentina: CUIT (listed first, with CUIL) before DNI.
    assert_eq!(migrate_tin("ARG", "20-26756539-3").0, typed("ARG", "CUIT"));
    assert_eq!(migrate_tin("ARG", "20.123.456").0, typed("ARG", "DNI"));
    // A scheme selected only by the generic name stays TIN.
    assert_eq!(migrate_tin("AUT", "59-119/9013").0, typed("AUT", "TIN"));
    // The USA: an SSN in its documented form is an SSN; without dashes it is not.
    assert_eq!(migrate_tin("USA", "123-45-6789").0, typed("USA", "SSN"));
    // No scheme accepts it: TIN, and a note at the V2 document_id says V2 will reject it.
    let (tax, notes) = migrate_tin("BRA", "12345");
    assert_eq!(tax, typed("BRA", "TIN"));
    assert!(notes.contains(&NoteCode::TaxIdNotRecognised), "{notes:?}");
    // A country outside the table: TIN, nothing to announce.
    let (tax, notes) = migrate_tin("FJI", "12345");
    assert_eq!(tax, typed("FJI", "TIN"));
    assert!(!notes.contains(&NoteCode::TaxIdNotRecognised));
}

#[test]
fn the_unrecognised_tin_note_points_at_the_v2_document_id() {
    let mut v1: CreateIndividualV1 = serde_json::from_str(CREATE_V1).unwrap();
    let bi = v1.basic_info.as_mut().unwrap();
    bi.country_of_residence = Some("IND".into());
    bi.tin = Some("ABCDE".into());
    let m = create_v1_to_v2(&v1, &today());
    let note = m.notes.iter().find(|n| n.code == NoteCode::TaxIdNotRecognised).unwrap();
    assert_eq!(
        (note.v1_path.as_str(), note.v2_path.as_str()),
        ("/basic_info/tin", "/basic_info/tax_info/0/document_id")
    );
    assert!(!note.message.contains("ABCDE"));
    let code = serde_json::to_value(note.code).unwrap();
    assert_eq!(code, json!("tax_id_not_recognised"));
}

#[test]
fn missing_verification_type_is_defaulted() {
    let mut v1: CreateIndividualV1 = serde_json::from_str(CREATE_V1).unwrap();
    v1.verification_type = None;
    let m = create_v1_to_v2(&v1, &today());
    assert_eq!(m.request.verification_type, Some(kyc_rules::model::VerificationType::Standard));
    assert!(m.notes.iter().any(|n| n.code == NoteCode::VerificationTypeDefaulted));
}

#[test]
fn valid_v1_attach_with_a_v2_address_type_migrates_to_a_valid_v2_attach() {
    let ctx = today();
    let m = migrate(Request::json(RequestKind::AttachIndividualV1, ATTACH_V1.as_bytes()), &ctx, &Options::default())
        .unwrap();
    assert!(m.report.valid, "{:?}", m.report);
    assert_eq!(m.customer_id.as_deref(), Some("0ca13984-63f3-45d7-99a7-52b9133f0259"));
    let MigratedRequest::AttachIndividualV2(v2) = &m.request else { panic!("wrong kind") };
    let docs = v2.identifying_documents.as_ref().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].files.as_ref().unwrap().len(), 2);
    assert_eq!(v2.address_documents.as_ref().unwrap()[0].files.as_ref().unwrap()[0].side, None);
    assert_eq!(m.notes.iter().map(|n| n.code).collect::<Vec<_>>(), [NoteCode::CustomerIdMoved]);
    // The body no longer carries customer_id.
    let body = serde_json::to_value(v2).unwrap();
    assert!(body.get("customer_id").is_none());
}

#[test]
fn an_identity_document_as_proof_of_address_is_not_carried() {
    let mut v1: AttachIndividualV1 = serde_json::from_str(ATTACH_V1).unwrap();
    v1.proof_of_address.as_mut().unwrap().kind = Some(kyc_rules::model::AddressProofTypeV1::Passport);
    let m = attach_v1_to_v2(&v1, &today());
    assert_eq!(m.request.address_documents, None);
    let note = m.notes.iter().find(|n| n.code == NoteCode::AddressDocumentRequired).unwrap();
    assert_eq!((note.v1_path.as_str(), note.v2_path.as_str()), ("/proof_of_address", "/address_documents"));
}

#[test]
fn migrate_refuses_v2_kinds_and_reports_unreadable_v1_bodies() {
    let ctx = today();
    let err = migrate(Request::json(RequestKind::CreateIndividualV2, b"{}"), &ctx, &Options::default()).unwrap_err();
    assert!(matches!(err, MigrateError::NotV1(RequestKind::CreateIndividualV2)));
    let err = migrate(Request::json(RequestKind::CreateIndividualV1, b"{oops"), &ctx, &Options::default()).unwrap_err();
    let MigrateError::Unreadable(report) = err else { panic!() };
    assert_eq!(report.violations[0].code.as_str(), "malformed_json");
}

// ---------------------------------------------------------------------------
// Property: a valid V1 request migrates to a V2 request whose errors are all announced by notes.

/// (country, phone, subdivision, a tin: valid for the country's tax-ID table where it has one,
/// except GBR's and FRA's, which no scheme accepts).
const PLACES: &[(&str, &str, &str, &str)] = &[
    ("USA", "+14155552671", "US-CA", "123-45-6789"),
    ("CAN", "+14165550123", "CA-ON", "123-456-782"),
    ("MEX", "+525512345678", "MX-CMX", "GAGM900415AB1"),
    ("GBR", "+447400123456", "GB-LND", "QQ123456C"),
    ("FRA", "+33123456789", "FR-75C", "1234567890123"),
    ("PRI", "+17875550123", "US-PR", "123-45-6789"),
    ("BRA", "+5511987654321", "BR-SP", "390.533.447-05"),
    ("DEU", "+4915123456789", "DE-BE", "36 574 261 809"),
    ("DNK", "+4520123456", "DK-84", "211062-5629"),
];

/// Tins no scheme of any country is likely to accept, tried in every place but the USA.
const ODD_TINS: &[&str] = &["X", "12345", "ABC-123", "0000000000"];

fn v1_create() -> impl Strategy<Value = Value> {
    (
        (0..PLACES.len(), 0..ODD_TINS.len() * 2),
        any::<bool>(),
        1900i32..2030,
        1u32..=12,
        1u32..=28,
        1u64..50,
        1u64..50,
        1u64..50,
        0u64..1_000_000,
    )
        .prop_map(|((p, odd), with_vt, y, m, d, occ, pur, fund, vol)| {
            let (country, phone, state, tin) = PLACES[p];
            let tin = match ODD_TINS.get(odd) {
                Some(odd) if country != "USA" && country != "PRI" => odd,
                _ => tin,
            };
            let mut v = json!({
                "basic_info": {"first_name": "John", "last_name": "Doe", "dob": format!("{y:04}-{m:02}-{d:02}"),
                    "email": "john.doe@example.com", "phone": phone, "country_of_residence": country,
                    "nationality": country, "tin": tin},
                "address": {"street": "1 Main St", "city": "Springfield", "state": state, "postal_code": "12345", "country": country},
                "financial_profile": {"occupation_id": occ, "source_of_fund_id": fund, "purpose_id": pur, "monthly_volume_usd": vol}
            });
            if with_vt {
                v["verification_type"] = json!("STANDARD");
            }
            v
        })
}

const ID_TYPES: &[(&str, bool)] =
    &[("PASSPORT", false), ("NATIONAL_ID", true), ("DRIVERS_LICENSE", true), ("RESIDENCE_PERMIT", true)];
const POA_TYPES: &[&str] = &[
    "PASSPORT",
    "NATIONAL_ID",
    "DRIVERS_LICENSE",
    "RESIDENCE_PERMIT",
    "UTILITY_BILL",
    "GOVERNMENT_LETTER",
    "BANK_STATEMENT",
];

fn v1_attach() -> impl Strategy<Value = (Value, bool)> {
    (
        0..ID_TYPES.len(),
        prop::sample::select(vec!["USA", "MEX", "DEU"]),
        0..POA_TYPES.len(),
        1usize..=3,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(t, country, poa, poa_files, reuse, selfie_required)| {
            let (kind, two_sided) = ID_TYPES[t];
            let files = if two_sided {
                json!([{"uri": "/Aaaaaaaa_front.jpg", "side": "FRONT"}, {"uri": "/Bbbbbbbb_back.jpg", "side": "BACK"}])
            } else {
                json!([{"uri": "/Aaaaaaaa_passport.jpg"}])
            };
            let mut poa_list: Vec<Value> =
                (0..poa_files).map(|i| json!({"uri": format!("/Cccccc{i:02}_poa.pdf")})).collect();
            if reuse {
                poa_list[0] = json!({"uri": "/Aaaaaaaa_front.jpg"});
                if !two_sided {
                    poa_list[0] = json!({"uri": "/Aaaaaaaa_passport.jpg"});
                }
            }
            let v = json!({
                "customer_id": "0ca13984-63f3-45d7-99a7-52b9133f0259",
                "proof_of_identity": {"type": kind, "number": "X1", "country": country, "issue_date": "2020-01-15",
                    "expiry_date": "2030-01-15", "files": files},
                "proof_of_address": {"type": POA_TYPES[poa], "country": "USA", "files": poa_list},
                "tos_policies_value": "e9414388-fbdf-4407-b5c2-bc39eae3645b"
            });
            (v, selfie_required)
        })
}

fn assert_only_announced_errors(kind: RequestKind, body: &Value, ctx: &Context) -> Result<(), TestCaseError> {
    let bytes = serde_json::to_vec(body).unwrap();
    let v1 = validate(Request::json(kind, &bytes), ctx, &Options::default());
    prop_assert!(v1.valid, "the generator made an invalid V1 request: {:?}", v1);
    let m = migrate(Request::json(kind, &bytes), ctx, &Options::default()).unwrap();
    for e in m.report.errors() {
        prop_assert!(
            m.notes.iter().any(|n| n.v2_path == e.path()),
            "{} at {} is not announced; notes: {:?}",
            e.code,
            e.path(),
            m.notes
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn migrated_create_has_only_announced_errors(body in v1_create()) {
        assert_only_announced_errors(RequestKind::CreateIndividualV1, &body, &today())?;
    }

    #[test]
    fn migrated_attach_has_only_announced_errors((body, selfie_required) in v1_attach()) {
        let mut ctx = today();
        ctx.client = Some(kyc_rules::Client { selfie_required: Some(selfie_required), ..Default::default() });
        assert_only_announced_errors(RequestKind::AttachIndividualV1, &body, &ctx)?;
    }
}

#[test]
fn typed_v1_requests_migrate_like_their_json_and_large_bodies_are_unreadable() {
    let ctx = today();
    let opts = Options::default();
    let create: CreateIndividualV1 = serde_json::from_str(CREATE_V1).unwrap();
    let typed = migrate(Request::create_individual_v1(&create), &ctx, &opts).unwrap();
    let json = migrate(Request::json(RequestKind::CreateIndividualV1, CREATE_V1.as_bytes()), &ctx, &opts).unwrap();
    assert_eq!(typed, json);
    let attach: AttachIndividualV1 = serde_json::from_str(ATTACH_V1).unwrap();
    let typed = migrate(Request::attach_individual_v1(&attach), &ctx, &opts).unwrap();
    let json = migrate(Request::json(RequestKind::AttachIndividualV1, ATTACH_V1.as_bytes()), &ctx, &opts).unwrap();
    assert_eq!(typed, json);
    assert!(typed.report.valid);

    // At the limit the body is read; one byte over, it is not.
    let at_limit = Options::default().with_max_body_bytes(CREATE_V1.len());
    assert!(migrate(Request::json(RequestKind::CreateIndividualV1, CREATE_V1.as_bytes()), &ctx, &at_limit).is_ok());
    let below = Options::default().with_max_body_bytes(CREATE_V1.len() - 1);
    let err = migrate(Request::json(RequestKind::CreateIndividualV1, CREATE_V1.as_bytes()), &ctx, &below).unwrap_err();
    let MigrateError::Unreadable(report) = err else { panic!("not unreadable") };
    assert_eq!(report.violations[0].code.as_str(), "payload_too_large");
}
