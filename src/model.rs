//! Typed requests, for SDKs that build requests in code.
//!
//! Each type mirrors the wire JSON member for member: every member is an
//! `Option` (absent when `None`), and every closed set of strings is an enum
//! with an `Other` variant, so that anything the JSON front end can read is
//! representable and goes through exactly the same rules. Serialising a typed
//! request gives the JSON that validates to the same report.

use crate::pointer::Loc;
use serde::{Deserialize, Serialize};

pub use v1::{
    AddressFileV1, AddressProofTypeV1, AddressV1, AttachIndividualV1, BasicInfoV1, CreateIndividualV1,
    FinancialProfileV1, IdentityDocumentTypeV1, ProofOfAddressV1, ProofOfIdentityV1,
};

macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
            /// A value outside the allowed set (reported as `invalid_enum`).
            Other(String),
        }

        impl $name {
            /// The allowed wire values.
            pub const WIRE: &'static [&'static str] = &[$($wire),*];

            /// The variant for a wire value (case-sensitive).
            pub fn from_wire(s: &str) -> Self {
                match s {
                    $($wire => $name::$variant,)*
                    other => $name::Other(other.to_owned()),
                }
            }

            /// Like [`Self::from_wire`], reusing the string's allocation for `Other`.
            pub fn from_string(s: String) -> Self {
                match s.as_str() {
                    $($wire => $name::$variant,)*
                    _ => $name::Other(s),
                }
            }

            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)*
                    $name::Other(s) => s,
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                String::deserialize(d).map($name::from_string)
            }
        }
    };
}

// Declared after the macro so that it can use it.
mod v1;

wire_enum! {
    /// `verification_type`.
    VerificationType { /// Standard KYC.
        Standard = "STANDARD", /// Reliance on a third party's KYC (needs the client feature).
        Reliance = "RELIANCE" }
}

wire_enum! {
    /// `basic_info.gender`.
    Gender { /// Male.
        Male = "MALE", /// Female.
        Female = "FEMALE" }
}

wire_enum! {
    /// `financial_profile.employment_status`.
    EmploymentStatus {
        /// Employed.
        Employed = "EMPLOYED",
        /// Self-employed.
        SelfEmployed = "SELF_EMPLOYED",
        /// Retired.
        Retired = "RETIRED",
        /// Student.
        Student = "STUDENT",
        /// Unemployed.
        Unemployed = "UNEMPLOYED",
    }
}

wire_enum! {
    /// `identifying_documents[].type` (V2 attach).
    IdentityDocumentType {
        /// Passport: one file.
        Passport = "PASSPORT",
        /// National ID card: FRONT and BACK.
        NationalId = "NATIONAL_ID",
        /// Driver's licence: FRONT and BACK; `state` required when issued in the USA.
        DriversLicense = "DRIVERS_LICENSE",
        /// Residence permit: FRONT and BACK.
        ResidencePermit = "RESIDENCE_PERMIT",
        /// A selfie: one file; every other member is ignored.
        Selfie = "SELFIE",
    }
}

impl IdentityDocumentType {
    /// Two-sided documents take exactly one FRONT and one BACK file.
    pub fn is_two_sided(&self) -> bool {
        matches!(self, Self::NationalId | Self::DriversLicense | Self::ResidencePermit)
    }

    /// A primary document: any known type but SELFIE.
    pub fn is_primary(&self) -> bool {
        matches!(self, Self::Passport | Self::NationalId | Self::DriversLicense | Self::ResidencePermit)
    }

    /// How many files the type takes (`None` for an unknown type).
    pub fn file_count(&self) -> Option<usize> {
        match self {
            Self::Passport | Self::Selfie => Some(1),
            Self::NationalId | Self::DriversLicense | Self::ResidencePermit => Some(2),
            Self::Other(_) => None,
        }
    }
}

wire_enum! {
    /// `address_documents[].type` (V2 attach).
    AddressDocumentType {
        /// A utility bill.
        UtilityBill = "UTILITY_BILL",
        /// A letter from a government body.
        GovernmentLetter = "GOVERNMENT_LETTER",
        /// A bank statement.
        BankStatement = "BANK_STATEMENT",
    }
}

wire_enum! {
    /// `files[].side`.
    Side {
        /// The front of a document.
        Front = "FRONT",
        /// The back of a document.
        Back = "BACK",
    }
}

/// `POST /v2/customers/{customer_id}/individual/attach` (the body; `customer_id` is a path parameter).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachIndividualV2 {
    /// At most one primary document plus an optional SELFIE; at least one entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifying_documents: Option<Vec<IdentifyingDocument>>,
    /// Exactly one proof of address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_documents: Option<Vec<AddressDocument>>,
    /// The value from the `tos_policies_url` of the create response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tos_policies_value: Option<String>,
}

/// One `identifying_documents[]` entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentifyingDocument {
    /// The document type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<IdentityDocumentType>,
    /// Document number (required except for SELFIE).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Issuing country, ISO 3166-1 alpha-3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Issuing state (required for a US driver's licence; forbidden on other primary types).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// `YYYY-MM-DD`, not in the future.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_date: Option<String>,
    /// `YYYY-MM-DD`, in the future and after `issue_date` (required except for SELFIE).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_date: Option<String>,
    /// Uploaded files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files: Option<Vec<DocumentFile>>,
}

impl IdentifyingDocument {
    /// Whether this entry is a SELFIE (whose other members are ignored).
    pub fn is_selfie(&self) -> bool {
        self.kind == Some(IdentityDocumentType::Selfie)
    }
}

/// One `address_documents[]` entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressDocument {
    /// The document type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AddressDocumentType>,
    /// Issuing country: the customer's country of residence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// `YYYY-MM-DD`, not in the future.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_date: Option<String>,
    /// Exactly one uploaded file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files: Option<Vec<DocumentFile>>,
}

/// One `files[]` entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentFile {
    /// The URI returned by the upload endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// FRONT or BACK.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
}

/// `POST /v2/customers/individual`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateIndividualV2 {
    /// `STANDARD` or `RELIANCE` (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification_type: Option<VerificationType>,
    /// The person (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_info: Option<BasicInfoV2>,
    /// The residential address (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<AddressV2>,
    /// Employment and expected volume (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financial_profile: Option<FinancialProfileV2>,
    /// Free-form client data (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta_data: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `basic_info` of a V2 create request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BasicInfoV2 {
    /// Legal first name; needs `first_name_en` when not ASCII.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// ASCII transliteration of `first_name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name_en: Option<String>,
    /// Middle name (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// ASCII transliteration of `middle_name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name_en: Option<String>,
    /// Legal last name; needs `last_name_en` when not ASCII.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// ASCII transliteration of `last_name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name_en: Option<String>,
    /// Date of birth, `YYYY-MM-DD`; age 18 to 120.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dob: Option<String>,
    /// Lowercase email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// E.164 phone number of the country of residence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// ISO 3166-1 alpha-3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_of_residence: Option<String>,
    /// ISO 3166-1 alpha-3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_nationality: Option<String>,
    /// ISO 3166-1 alpha-3 (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary_nationality: Option<String>,
    /// `MALE` or `FEMALE` (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// At least one tax document, with unique `document_id`s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_info: Option<Vec<TaxInfo>>,
}

/// One `basic_info.tax_info[]` entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxInfo {
    /// ISO 3166-1 alpha-3 of the issuing country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// `SSN`, `TIN`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_type: Option<String>,
    /// The number, in the country's format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_id: Option<String>,
}

/// `address` of a V2 create request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressV2 {
    /// Street and number; needs `street_line_1_en` when not ASCII.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_line_1: Option<String>,
    /// ASCII transliteration of `street_line_1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_line_1_en: Option<String>,
    /// Apartment, suite, ... (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_line_2: Option<String>,
    /// ASCII transliteration of `street_line_2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_line_2_en: Option<String>,
    /// City, ASCII.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Full ISO 3166-2 code, e.g. `US-CA`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subdivision_code: Option<String>,
    /// Postal code, ASCII.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-3; equal to the country of residence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// `financial_profile` of a V2 create request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinancialProfileV2 {
    /// Employment status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment_status: Option<EmploymentStatus>,
    /// Catalogue ID from `GET /v1/occupations`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation_id: Option<u64>,
    /// Catalogue ID from `GET /v1/purposes?type=INDIVIDUAL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose_id: Option<u64>,
    /// Free text (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose_remarks: Option<String>,
    /// Catalogue IDs from `GET /v1/source-of-funds?type=INDIVIDUAL`; at least one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_of_fund_ids: Option<Vec<u64>>,
    /// Free text (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_of_funds_description: Option<String>,
    /// Expected monthly volume in whole USD, at least 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_volume_usd: Option<u64>,
}

// ---------------------------------------------------------------------------
// The declarative view that field rules walk over.

/// How a string member is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StrKind {
    /// ASCII only (`non_ascii`): city, postal code, tax fields, free text, ...
    Text,
    /// May be non-ASCII when its `_en` companion is given (names, street lines).
    Transliterable,
    /// An `_en` companion: ASCII only (`transliteration_not_ascii`).
    Companion,
    /// One of a closed set (`invalid_enum`).
    Enum(&'static [&'static str]),
    /// ISO 3166-1 alpha-3 (`invalid_country`).
    Country,
    /// `YYYY-MM-DD` (`invalid_date`).
    Date,
    /// Email address (`invalid_email`, `email_not_lowercase`).
    Email,
    /// E.164 phone number (`invalid_phone`).
    Phone,
    /// A UUID (`invalid_uuid`).
    Uuid,
}

/// How an integer member is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IntKind {
    /// A catalogue ID: at least 1.
    Id,
    /// An amount: at least 0.
    Amount,
}

/// One member as the field rules see it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Field<'a> {
    Str { value: Option<&'a str>, kind: StrKind, required: bool },
    Int { value: Option<u64>, kind: IntKind, required: bool },
    Array { len: Option<usize>, min: usize, max: Option<usize>, required: bool },
    Object { present: bool, required: bool },
}

impl Field<'_> {
    /// The member's class: the bit position in [`crate::rules::Applies`]. A string that is
    /// blank or holds forbidden characters is of class 13 (`UNCLEAN`) whatever its kind.
    /// An absent member is of class 14 (`MISSING`) when it is required, else 15 (`ABSENT`).
    pub(crate) fn class(&self) -> usize {
        if self.is_absent() {
            return if self.is_required() { 14 } else { 15 };
        }
        match *self {
            Field::Str { value: Some(s), .. } if !crate::text::is_clean(s) => 13,
            Field::Str { kind, .. } => match kind {
                StrKind::Text => 0,
                StrKind::Transliterable => 1,
                StrKind::Companion => 2,
                StrKind::Enum(_) => 3,
                StrKind::Country => 4,
                StrKind::Date => 5,
                StrKind::Email => 6,
                StrKind::Phone => 7,
                StrKind::Uuid => 8,
            },
            Field::Int { kind: IntKind::Id, .. } => 9,
            Field::Int { kind: IntKind::Amount, .. } => 10,
            Field::Array { .. } => 11,
            Field::Object { .. } => 12,
        }
    }

    fn is_absent(&self) -> bool {
        match *self {
            Field::Str { value, .. } => value.is_none(),
            Field::Int { value, .. } => value.is_none(),
            Field::Array { len, .. } => len.is_none(),
            Field::Object { present, .. } => !present,
        }
    }

    fn is_required(&self) -> bool {
        match *self {
            Field::Str { required, .. }
            | Field::Int { required, .. }
            | Field::Array { required, .. }
            | Field::Object { required, .. } => required,
        }
    }
}

/// The callback a walk reports each member to.
pub(crate) type Visit<'v> = dyn FnMut(&Loc<'_>, Field<'_>) + 'v;

pub(crate) const REQUIRED: bool = true;
pub(crate) const OPTIONAL: bool = false;

pub(crate) fn str_field(value: &Option<String>, kind: StrKind, required: bool) -> Field<'_> {
    Field::Str { value: value.as_deref(), kind, required }
}

pub(crate) fn int_field(value: Option<u64>, kind: IntKind, required: bool) -> Field<'static> {
    Field::Int { value, kind, required }
}

pub(crate) fn array_field<T>(value: &Option<Vec<T>>, min: usize, max: Option<usize>, required: bool) -> Field<'static> {
    Field::Array { len: value.as_ref().map(Vec::len), min, max, required }
}

pub(crate) fn object_field<T>(value: &Option<T>, required: bool) -> Field<'static> {
    Field::Object { present: value.is_some(), required }
}

impl CreateIndividualV2 {
    /// Reports every member, present or not, to `f` with its location and kind.
    pub(crate) fn walk(&self, f: &mut Visit<'_>) {
        use StrKind::*;
        let root = Loc::Root;
        let vt = self.verification_type.as_ref().map(VerificationType::as_str);
        f(
            &root.key("verification_type"),
            Field::Str { value: vt, kind: Enum(VerificationType::WIRE), required: REQUIRED },
        );

        let bi_loc = root.key("basic_info");
        f(&bi_loc, object_field(&self.basic_info, REQUIRED));
        if let Some(bi) = &self.basic_info {
            let l = &bi_loc;
            f(&l.key("first_name"), str_field(&bi.first_name, Transliterable, REQUIRED));
            f(&l.key("first_name_en"), str_field(&bi.first_name_en, Companion, OPTIONAL));
            f(&l.key("middle_name"), str_field(&bi.middle_name, Transliterable, OPTIONAL));
            f(&l.key("middle_name_en"), str_field(&bi.middle_name_en, Companion, OPTIONAL));
            f(&l.key("last_name"), str_field(&bi.last_name, Transliterable, REQUIRED));
            f(&l.key("last_name_en"), str_field(&bi.last_name_en, Companion, OPTIONAL));
            f(&l.key("dob"), str_field(&bi.dob, Date, REQUIRED));
            f(&l.key("email"), str_field(&bi.email, Email, REQUIRED));
            f(&l.key("phone"), str_field(&bi.phone, Phone, REQUIRED));
            f(&l.key("country_of_residence"), str_field(&bi.country_of_residence, Country, REQUIRED));
            f(&l.key("primary_nationality"), str_field(&bi.primary_nationality, Country, REQUIRED));
            f(&l.key("secondary_nationality"), str_field(&bi.secondary_nationality, Country, OPTIONAL));
            let gender = bi.gender.as_ref().map(Gender::as_str);
            f(&l.key("gender"), Field::Str { value: gender, kind: Enum(Gender::WIRE), required: OPTIONAL });
            let ti_loc = l.key("tax_info");
            f(&ti_loc, array_field(&bi.tax_info, 1, None, REQUIRED));
            for (i, t) in bi.tax_info.iter().flatten().enumerate() {
                let il = ti_loc.index(i);
                f(&il.key("country_code"), str_field(&t.country_code, Country, REQUIRED));
                f(&il.key("document_type"), str_field(&t.document_type, Text, REQUIRED));
                f(&il.key("document_id"), str_field(&t.document_id, Text, REQUIRED));
            }
        }

        let ad_loc = root.key("address");
        f(&ad_loc, object_field(&self.address, REQUIRED));
        if let Some(a) = &self.address {
            let l = &ad_loc;
            f(&l.key("street_line_1"), str_field(&a.street_line_1, Transliterable, REQUIRED));
            f(&l.key("street_line_1_en"), str_field(&a.street_line_1_en, Companion, OPTIONAL));
            f(&l.key("street_line_2"), str_field(&a.street_line_2, Transliterable, OPTIONAL));
            f(&l.key("street_line_2_en"), str_field(&a.street_line_2_en, Companion, OPTIONAL));
            f(&l.key("city"), str_field(&a.city, Text, REQUIRED));
            f(&l.key("subdivision_code"), str_field(&a.subdivision_code, Text, REQUIRED));
            f(&l.key("postal_code"), str_field(&a.postal_code, Text, REQUIRED));
            f(&l.key("country"), str_field(&a.country, Country, REQUIRED));
        }

        let fp_loc = root.key("financial_profile");
        f(&fp_loc, object_field(&self.financial_profile, REQUIRED));
        if let Some(p) = &self.financial_profile {
            let l = &fp_loc;
            let es = p.employment_status.as_ref().map(EmploymentStatus::as_str);
            f(
                &l.key("employment_status"),
                Field::Str { value: es, kind: Enum(EmploymentStatus::WIRE), required: REQUIRED },
            );
            f(&l.key("occupation_id"), int_field(p.occupation_id, IntKind::Id, REQUIRED));
            f(&l.key("purpose_id"), int_field(p.purpose_id, IntKind::Id, REQUIRED));
            f(&l.key("purpose_remarks"), str_field(&p.purpose_remarks, Text, OPTIONAL));
            let sl = l.key("source_of_fund_ids");
            f(&sl, array_field(&p.source_of_fund_ids, 1, None, REQUIRED));
            for (i, &id) in p.source_of_fund_ids.iter().flatten().enumerate() {
                f(&sl.index(i), int_field(Some(id), IntKind::Id, REQUIRED));
            }
            f(&l.key("source_of_funds_description"), str_field(&p.source_of_funds_description, Text, OPTIONAL));
            f(&l.key("monthly_volume_usd"), int_field(p.monthly_volume_usd, IntKind::Amount, REQUIRED));
        }
    }
}

pub(crate) fn walk_files(files: &Option<Vec<DocumentFile>>, loc: &Loc<'_>, max: Option<usize>, f: &mut Visit<'_>) {
    f(loc, array_field(files, 1, max, REQUIRED));
    for (k, file) in files.iter().flatten().enumerate() {
        let fl = loc.index(k);
        f(&fl.key("uri"), str_field(&file.uri, StrKind::Text, REQUIRED));
        let side = file.side.as_ref().map(Side::as_str);
        f(&fl.key("side"), Field::Str { value: side, kind: StrKind::Enum(Side::WIRE), required: OPTIONAL });
    }
}

impl AttachIndividualV2 {
    /// Reports every member to `f`. A SELFIE's members other than `type` and
    /// `files` are ignored by the provider, so they are not walked.
    pub(crate) fn walk(&self, f: &mut Visit<'_>) {
        use StrKind::*;
        let root = Loc::Root;
        let il = root.key("identifying_documents");
        f(&il, array_field(&self.identifying_documents, 1, None, REQUIRED));
        for (i, d) in self.identifying_documents.iter().flatten().enumerate() {
            let l = il.index(i);
            let kind = d.kind.as_ref().map(IdentityDocumentType::as_str);
            f(&l.key("type"), Field::Str { value: kind, kind: Enum(IdentityDocumentType::WIRE), required: REQUIRED });
            if !d.is_selfie() {
                f(&l.key("number"), str_field(&d.number, Text, OPTIONAL));
                f(&l.key("country"), str_field(&d.country, Country, OPTIONAL));
                f(&l.key("state"), str_field(&d.state, Text, OPTIONAL));
                f(&l.key("issue_date"), str_field(&d.issue_date, Date, OPTIONAL));
                f(&l.key("expiry_date"), str_field(&d.expiry_date, Date, OPTIONAL));
            }
            walk_files(&d.files, &l.key("files"), None, f);
        }
        let al = root.key("address_documents");
        f(&al, array_field(&self.address_documents, 1, Some(1), REQUIRED));
        for (i, d) in self.address_documents.iter().flatten().enumerate() {
            let l = al.index(i);
            let kind = d.kind.as_ref().map(AddressDocumentType::as_str);
            f(&l.key("type"), Field::Str { value: kind, kind: Enum(AddressDocumentType::WIRE), required: REQUIRED });
            f(&l.key("country"), str_field(&d.country, Country, REQUIRED));
            f(&l.key("issue_date"), str_field(&d.issue_date, Date, OPTIONAL));
            walk_files(&d.files, &l.key("files"), Some(1), f);
        }
        f(&root.key("tos_policies_value"), str_field(&self.tos_policies_value, Text, REQUIRED));
    }
}
