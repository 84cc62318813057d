//! V1 to V2 migration, pure: turns a V1 create request into a V2 create
//! request, and a V1 attach request into a V2 attach request plus its path
//! `customer_id`, with a note for everything that could not be carried over
//! as it was (spec §14).
//!
//! ```
//! use kyc_rules::migrate::create_v1_to_v2;
//! use kyc_rules::{CreateIndividualV1, Context};
//!
//! let v1: CreateIndividualV1 = serde_json::from_str(include_str!("../examples/create-individual-v1.json")).unwrap();
//! let migrated = create_v1_to_v2(&v1, &Context::default());
//! assert_eq!(migrated.request.basic_info.as_ref().unwrap().primary_nationality.as_deref(), Some("USA"));
//! assert!(migrated.notes.iter().any(|n| n.v2_path == "/financial_profile/employment_status"));
//! ```

use crate::context::Context;
use crate::date::Date;
use crate::model::{
    AddressDocument, AddressV2, AttachIndividualV1, AttachIndividualV2, BasicInfoV2, CreateIndividualV1,
    CreateIndividualV2, DocumentFile, FinancialProfileV2, IdentifyingDocument, IdentityDocumentType, TaxInfo,
    VerificationType,
};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashSet;

/// Something the migration changed, inferred or could not carry over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// A stable code (see [`NoteCode`]).
    pub code: NoteCode,
    /// Where it was in the V1 request (JSON Pointer; `""` is the body).
    pub v1_path: String,
    /// Where it is, or must be supplied, in the V2 request. `/customer_id`
    /// names the V2 path parameter.
    pub v2_path: String,
    /// What happened and what to do.
    pub message: Cow<'static, str>,
}

/// Migration note codes: stable API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoteCode {
    /// `verification_type` was absent (V1 default STANDARD) and is now given explicitly.
    VerificationTypeDefaulted,
    /// `tax_info[0].country_code` was taken from `country_of_residence`.
    TaxCountryInferred,
    /// `tax_info[0].document_type` was inferred: the first scheme of the residence country (in
    /// the tax-ID table's order) that accepts the `tin`, else TIN.
    TaxDocumentTypeInferred,
    /// No scheme of the residence country accepts the `tin`: V2 will report `invalid_tax_id`.
    TaxIdNotRecognised,
    /// `employment_status` is required in V2 and has no V1 source: the caller must supply it.
    EmploymentStatusRequired,
    /// The person is outside V2's 18–120 age bound (V1 has none).
    AgeOutOfRange,
    /// `customer_id` moved from the body to the path.
    CustomerIdMoved,
    /// A US driver's licence needs its issuing `state` in V2, which V1 did not carry.
    StateRequired,
    /// The V1 proof of address is not one of V2's three address types: an address document must be provided.
    AddressDocumentRequired,
    /// V2 takes exactly one address file; the V1 proof of address had more.
    TooManyAddressFiles,
    /// V2 requires unique file URIs across the request; V1 did not.
    DuplicateFileUri,
    /// The client must attach a SELFIE in V2, which V1 had no place for.
    SelfieRequired,
}

/// A migrated request with its notes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Migrated<T> {
    /// The V2 request.
    pub request: T,
    /// The V2 path parameter `customer_id` (attach).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// Everything not carried over as it was.
    pub notes: Vec<Note>,
}

fn note(code: NoteCode, v1: &str, v2: &str, message: &'static str) -> Note {
    Note { code, v1_path: v1.to_owned(), v2_path: v2.to_owned(), message: Cow::Borrowed(message) }
}

/// `POST /v1/customers/individual` to `POST /v2/customers/individual`.
///
/// `ctx.today` is used to announce V2's age bound, which V1 does not have.
pub fn create_v1_to_v2(v1: &CreateIndividualV1, ctx: &Context) -> Migrated<CreateIndividualV2> {
    let mut notes = Vec::new();
    let verification_type = Some(v1.verification_type.clone().unwrap_or_else(|| {
        notes.push(note(
            NoteCode::VerificationTypeDefaulted,
            "/verification_type",
            "/verification_type",
            "V1 defaults an absent verification_type to STANDARD; V2 requires it, so STANDARD is given explicitly.",
        ));
        VerificationType::Standard
    }));
    let basic_info = v1.basic_info.as_ref().map(|b| {
        let tax_info = b.tin.as_ref().map(|tin| {
            let residence = b.country_of_residence.clone();
            notes.push(note(
                NoteCode::TaxCountryInferred,
                "/basic_info/tin",
                "/basic_info/tax_info/0/country_code",
                "The tax ID's country was taken from country_of_residence; correct it if the ID was issued elsewhere.",
            ));
            let country = residence.as_deref().unwrap_or("");
            let inferred = crate::tax_id::first_accepting(country, tin, ctx.today);
            let document_type = inferred.map_or(crate::tax_id::GENERIC, |e| e.document_type());
            notes.push(Note {
                code: NoteCode::TaxDocumentTypeInferred,
                v1_path: "/basic_info/tin".to_owned(),
                v2_path: "/basic_info/tax_info/0/document_type".to_owned(),
                message: match inferred {
                    Some(e) => Cow::Owned(format!(
                        "The tax document type was inferred as {document_type}: the first scheme of the residence country that accepts the tin ({}).",
                        e.scheme().name()
                    )),
                    None => Cow::Borrowed(
                        "The tax document type was inferred as TIN; give the specific type if there is one.",
                    ),
                },
            });
            let table_country = crate::tax_id::country(country).is_some();
            if inferred.is_none() && table_country && tin.is_ascii() && crate::text::is_clean(tin) {
                notes.push(note(
                    NoteCode::TaxIdNotRecognised,
                    "/basic_info/tin",
                    "/basic_info/tax_info/0/document_id",
                    "No tax-ID scheme of the country of residence accepts the tin, so V2 will reject it (invalid_tax_id): check the number, and give its country_code and specific document_type if it was issued elsewhere.",
                ));
            }
            vec![TaxInfo {
                country_code: residence,
                document_type: Some(document_type.to_owned()),
                document_id: Some(tin.clone()),
            }]
        });
        if let (Some(today), Some(dob)) = (ctx.today, b.dob.as_deref().and_then(|d| Date::parse(d).ok())) {
            // A date of birth after `today` gives an age below 0: out of range too.
            if !(18..=120).contains(&dob.age_on(today)) {
                notes.push(note(
                    NoteCode::AgeOutOfRange,
                    "/basic_info/dob",
                    "/basic_info/dob",
                    "V2 accepts only people aged 18 to 120; V1 had no bound.",
                ));
            }
        }
        BasicInfoV2 {
            first_name: b.first_name.clone(),
            last_name: b.last_name.clone(),
            dob: b.dob.clone(),
            email: b.email.clone(),
            phone: b.phone.clone(),
            country_of_residence: b.country_of_residence.clone(),
            primary_nationality: b.nationality.clone(),
            tax_info,
            ..BasicInfoV2::default()
        }
    });
    let address = v1.address.as_ref().map(|a| AddressV2 {
        street_line_1: a.street.clone(),
        city: a.city.clone(),
        subdivision_code: a.state.clone(),
        postal_code: a.postal_code.clone(),
        country: a.country.clone(),
        ..AddressV2::default()
    });
    let financial_profile = v1.financial_profile.as_ref().map(|p| {
        notes.push(note(
            NoteCode::EmploymentStatusRequired,
            "/financial_profile",
            "/financial_profile/employment_status",
            "V2 requires employment_status (EMPLOYED, SELF_EMPLOYED, RETIRED, STUDENT or UNEMPLOYED), which V1 does not have; supply it.",
        ));
        // Every member named, so that a member V2 gains is mapped here or said to have no
        // V1 source (a `..Default` would leave it out silently).
        FinancialProfileV2 {
            employment_status: None, // no V1 source: the note above
            occupation_id: p.occupation_id,
            purpose_id: p.purpose_id,
            purpose_remarks: None,             // no V1 source, optional in V2
            source_of_funds_description: None, // no V1 source, optional in V2
            source_of_fund_ids: p.source_of_fund_id.map(|id| vec![id]),
            monthly_volume_usd: p.monthly_volume_usd,
        }
    });
    let request = CreateIndividualV2 {
        verification_type,
        basic_info,
        address,
        financial_profile,
        meta_data: v1.meta_data.clone(),
    };
    Migrated { request, customer_id: None, notes }
}

/// `POST /v1/customers/individual/attach` to `POST /v2/customers/{customer_id}/individual/attach`.
///
/// `ctx.client.selfie_required` is used to announce a SELFIE the client must add.
pub fn attach_v1_to_v2(v1: &AttachIndividualV1, ctx: &Context) -> Migrated<AttachIndividualV2> {
    let mut notes = Vec::new();
    if v1.customer_id.is_some() {
        notes.push(note(
            NoteCode::CustomerIdMoved,
            "/customer_id",
            "/customer_id",
            "customer_id moved from the body to the path: POST /v2/customers/{customer_id}/individual/attach.",
        ));
    }
    let identifying_documents = v1.proof_of_identity.as_ref().map(|p| {
        // By wire name: a type V1 does not know but V2 does (`SELFIE`) becomes V2's own variant,
        // so the migrated request is validated as the JSON it prints.
        let kind = p.kind.as_ref().map(|k| IdentityDocumentType::from_wire(k.as_str()));
        if kind == Some(IdentityDocumentType::DriversLicense) && p.country.as_deref() == Some("USA") {
            notes.push(note(
                NoteCode::StateRequired,
                "/proof_of_identity",
                "/identifying_documents/0/state",
                "V2 needs the issuing state of a US driver's licence (such as US-CA), which V1 did not carry; add it.",
            ));
        }
        vec![IdentifyingDocument {
            kind,
            number: p.number.clone(),
            country: p.country.clone(),
            state: None,
            issue_date: p.issue_date.clone(),
            expiry_date: p.expiry_date.clone(),
            files: p.files.clone(),
        }]
    });
    if ctx.client.as_ref().and_then(|c| c.selfie_required) == Some(true) {
        notes.push(note(
            NoteCode::SelfieRequired,
            "",
            "/identifying_documents",
            "This client must attach a SELFIE in V2; add an identifying document of type SELFIE.",
        ));
    }
    let address_documents = v1.proof_of_address.as_ref().and_then(|p| {
        let Some(kind) = p.kind.as_ref().and_then(|k| k.to_v2()) else {
            notes.push(note(
                NoteCode::AddressDocumentRequired,
                "/proof_of_address",
                "/address_documents",
                "V2 accepts only UTILITY_BILL, GOVERNMENT_LETTER or BANK_STATEMENT as proof of address; provide one.",
            ));
            return None;
        };
        if p.files.as_ref().is_some_and(|f| f.len() > 1) {
            notes.push(note(
                NoteCode::TooManyAddressFiles,
                "/proof_of_address/files",
                "/address_documents/0/files",
                "V2 takes exactly one address document file; keep one.",
            ));
        }
        let files =
            p.files.as_ref().map(|fs| fs.iter().map(|f| DocumentFile { uri: f.uri.clone(), side: None }).collect());
        Some(vec![AddressDocument { kind: Some(kind), country: p.country.clone(), issue_date: None, files }])
    });
    let request = AttachIndividualV2 {
        identifying_documents,
        address_documents,
        tos_policies_value: v1.tos_policies_value.clone(),
    };
    note_duplicate_uris(&request, &mut notes);
    Migrated { request, customer_id: v1.customer_id.clone(), notes }
}

/// V2 requires unique file URIs across the request; V1 did not check.
fn note_duplicate_uris(request: &AttachIndividualV2, notes: &mut Vec<Note>) {
    let mut seen = HashSet::new();
    let lists = [
        (
            "identifying_documents",
            "/proof_of_identity",
            request.identifying_documents.iter().flatten().map(|d| &d.files).collect::<Vec<_>>(),
        ),
        (
            "address_documents",
            "/proof_of_address",
            request.address_documents.iter().flatten().map(|d| &d.files).collect(),
        ),
    ];
    for (list, v1, docs) in lists {
        for (i, files) in docs.into_iter().enumerate() {
            for (k, uri) in files.iter().flatten().enumerate().filter_map(|(k, f)| f.uri.as_deref().map(|u| (k, u))) {
                if !seen.insert(uri) {
                    notes.push(Note {
                        code: NoteCode::DuplicateFileUri,
                        v1_path: format!("{v1}/files/{k}/uri"),
                        v2_path: format!("/{list}/{i}/files/{k}/uri"),
                        message: Cow::Borrowed(
                            "V2 requires every file URI to be unique across the request; upload a separate file.",
                        ),
                    });
                }
            }
        }
    }
}

/// A migrated V2 request of either kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum MigratedRequest {
    /// From `create-individual-v1`.
    CreateIndividualV2(Box<CreateIndividualV2>),
    /// From `attach-individual-v1`.
    AttachIndividualV2(AttachIndividualV2),
}

/// The outcome of [`migrate`]: the V2 request, its notes, and its validation report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Migration {
    /// The V2 body.
    pub request: MigratedRequest,
    /// The V2 path parameter (attach).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// Everything not carried over as it was.
    pub notes: Vec<Note>,
    /// The validation report of the V2 request (with its `customer_id`).
    pub report: crate::Report,
}

/// Why [`migrate`] could not migrate.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MigrateError {
    /// Only V1 kinds migrate.
    #[error("only V1 requests migrate; {0} is not one")]
    NotV1(crate::RequestKind),
    /// The V1 JSON body cannot be read (malformed or too large); the V1 report says why.
    #[error("the V1 body cannot be read")]
    Unreadable(crate::Report),
}

/// Migrates a V1 request (raw JSON or typed) and validates the result as V2.
///
/// Members of the V1 JSON that have the wrong type are left out (their V2
/// counterparts are then reported as missing); a body that is not JSON at
/// all gives [`MigrateError::Unreadable`] with the V1 report.
pub fn migrate(
    request: crate::Request<'_>,
    ctx: &Context,
    options: &crate::Options,
) -> Result<Migration, MigrateError> {
    use crate::{Body, RequestKind};
    let read = |kind: RequestKind, body: &[u8]| -> Result<Migrated<MigratedRequest>, MigrateError> {
        let mut sink = crate::sink::Sink::new(options);
        let unreadable = |sink: crate::sink::Sink| MigrateError::Unreadable(sink.into_report());
        if body.len() > options.max_body_bytes {
            return Err(MigrateError::Unreadable(crate::validate(crate::Request::json(kind, body), ctx, options)));
        }
        match kind {
            RequestKind::CreateIndividualV1 => {
                match crate::parse::parse::<CreateIndividualV1>(body, &mut Vec::new(), &mut sink) {
                    Some(v1) => Ok(wrap_create(create_v1_to_v2(&v1, ctx))),
                    None => Err(unreadable(sink)),
                }
            }
            RequestKind::AttachIndividualV1 => {
                match crate::parse::parse::<AttachIndividualV1>(body, &mut Vec::new(), &mut sink) {
                    Some(v1) => Ok(wrap_attach(attach_v1_to_v2(&v1, ctx))),
                    None => Err(unreadable(sink)),
                }
            }
            other => Err(MigrateError::NotV1(other)),
        }
    };
    let migrated = match request.body {
        Body::Json(kind, body) => read(kind, body)?,
        Body::CreateIndividualV1(v1) => wrap_create(create_v1_to_v2(v1, ctx)),
        Body::AttachIndividualV1(v1) => wrap_attach(attach_v1_to_v2(v1, ctx)),
        _ => return Err(MigrateError::NotV1(request.kind())),
    };
    let report = match &migrated.request {
        MigratedRequest::CreateIndividualV2(r) => {
            crate::validate(crate::Request::create_individual_v2(r), ctx, options)
        }
        MigratedRequest::AttachIndividualV2(r) => {
            let mut req = crate::Request::attach_individual_v2(r);
            if let Some(id) = &migrated.customer_id {
                req = req.with_customer_id(id);
            }
            crate::validate(req, ctx, options)
        }
    };
    Ok(Migration { request: migrated.request, customer_id: migrated.customer_id, notes: migrated.notes, report })
}

fn wrap_create(m: Migrated<CreateIndividualV2>) -> Migrated<MigratedRequest> {
    Migrated {
        request: MigratedRequest::CreateIndividualV2(Box::new(m.request)),
        customer_id: m.customer_id,
        notes: m.notes,
    }
}

fn wrap_attach(m: Migrated<AttachIndividualV2>) -> Migrated<MigratedRequest> {
    Migrated { request: MigratedRequest::AttachIndividualV2(m.request), customer_id: m.customer_id, notes: m.notes }
}
