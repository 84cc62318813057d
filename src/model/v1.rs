//! Typed V1 requests: `POST /v1/customers/individual` and
//! `POST /v1/customers/individual/attach` (spec §4, §5).

use super::{
    array_field, int_field, object_field, str_field, DocumentFile, Field, IntKind, StrKind, VerificationType, Visit,
    OPTIONAL, REQUIRED,
};
use crate::pointer::Loc;
use serde::{Deserialize, Serialize};

wire_enum! {
    /// `proof_of_identity.type` (V1).
    IdentityDocumentTypeV1 {
        /// Passport: one file.
        Passport = "PASSPORT",
        /// National ID card: FRONT and BACK.
        NationalId = "NATIONAL_ID",
        /// Driver's licence: FRONT and BACK.
        DriversLicense = "DRIVERS_LICENSE",
        /// Residence permit: FRONT and BACK.
        ResidencePermit = "RESIDENCE_PERMIT",
    }
}

impl IdentityDocumentTypeV1 {
    /// The same type in V2 (`identifying_documents[].type`).
    pub fn to_v2(&self) -> super::IdentityDocumentType {
        use super::IdentityDocumentType as V2;
        match self {
            Self::Passport => V2::Passport,
            Self::NationalId => V2::NationalId,
            Self::DriversLicense => V2::DriversLicense,
            Self::ResidencePermit => V2::ResidencePermit,
            Self::Other(s) => V2::Other(s.clone()),
        }
    }
}

wire_enum! {
    /// `proof_of_address.type` (V1): the identity types and three address types.
    /// (`COMPANY_DOC` exists only for businesses.)
    AddressProofTypeV1 {
        /// Passport.
        Passport = "PASSPORT",
        /// National ID card.
        NationalId = "NATIONAL_ID",
        /// Driver's licence.
        DriversLicense = "DRIVERS_LICENSE",
        /// Residence permit.
        ResidencePermit = "RESIDENCE_PERMIT",
        /// A utility bill.
        UtilityBill = "UTILITY_BILL",
        /// A letter from a government body.
        GovernmentLetter = "GOVERNMENT_LETTER",
        /// A bank statement.
        BankStatement = "BANK_STATEMENT",
    }
}

impl AddressProofTypeV1 {
    /// The V2 address document type, for the three types V2 still accepts as proof of address.
    pub fn to_v2(&self) -> Option<super::AddressDocumentType> {
        use super::AddressDocumentType as V2;
        match self {
            Self::UtilityBill => Some(V2::UtilityBill),
            Self::GovernmentLetter => Some(V2::GovernmentLetter),
            Self::BankStatement => Some(V2::BankStatement),
            _ => None,
        }
    }
}

/// `POST /v1/customers/individual`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateIndividualV1 {
    /// `STANDARD` (the default when absent) or `RELIANCE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification_type: Option<VerificationType>,
    /// The person (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_info: Option<BasicInfoV1>,
    /// The residential address (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<AddressV1>,
    /// Occupation, purpose, funds, volume (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financial_profile: Option<FinancialProfileV1>,
    /// Free-form client data (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta_data: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `basic_info` of a V1 create request. Every string is ASCII (no `_en` companions in V1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BasicInfoV1 {
    /// Legal first name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Legal last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Date of birth, `YYYY-MM-DD` (no age bound is documented for V1).
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
    /// ISO 3166-1 alpha-3 (V2: `primary_nationality`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<String>,
    /// The tax ID in its country's format; a US SSN for US residents (V2: `tax_info[]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tin: Option<String>,
}

/// `address` of a V1 create request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressV1 {
    /// House and street (V2: `street_line_1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Full ISO 3166-2 code, e.g. `US-CA` (V2: `subdivision_code`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-3; the country of residence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// `financial_profile` of a V1 create request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinancialProfileV1 {
    /// Catalogue ID from `GET /v1/occupations`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation_id: Option<u64>,
    /// One catalogue ID from `GET /v1/source-of-funds?type=INDIVIDUAL` (V2: `source_of_fund_ids`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_of_fund_id: Option<u64>,
    /// Catalogue ID from `GET /v1/purposes?type=INDIVIDUAL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose_id: Option<u64>,
    /// Expected monthly volume in whole USD, at least 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_volume_usd: Option<u64>,
}

/// `POST /v1/customers/individual/attach`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachIndividualV1 {
    /// The customer, in the body (V2 moved it to the path).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// The identity document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof_of_identity: Option<ProofOfIdentityV1>,
    /// The proof of address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof_of_address: Option<ProofOfAddressV1>,
    /// The value from the `tos_policies_url` of the create response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tos_policies_value: Option<String>,
}

/// `proof_of_identity` (V1): every member required.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProofOfIdentityV1 {
    /// The document type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<IdentityDocumentTypeV1>,
    /// Document number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Issuing country, ISO 3166-1 alpha-3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_date: Option<String>,
    /// `YYYY-MM-DD`, in the future.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_date: Option<String>,
    /// Uploaded files (one, or FRONT and BACK).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files: Option<Vec<DocumentFile>>,
}

/// `proof_of_address` (V1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProofOfAddressV1 {
    /// The document type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AddressProofTypeV1>,
    /// Issuing country, ISO 3166-1 alpha-3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Uploaded files (V1 address files have no side).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files: Option<Vec<AddressFileV1>>,
}

/// One `proof_of_address.files[]` entry (V1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressFileV1 {
    /// The URI returned by the upload endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
}

impl CreateIndividualV1 {
    /// Reports every member to `f`.
    pub(crate) fn walk(&self, f: &mut Visit<'_>) {
        use StrKind::*;
        let root = Loc::Root;
        let vt = self.verification_type.as_ref().map(VerificationType::as_str);
        f(
            &root.key("verification_type"),
            Field::Str { value: vt, kind: Enum(VerificationType::WIRE), required: OPTIONAL },
        );
        let bl = root.key("basic_info");
        f(&bl, object_field(&self.basic_info, REQUIRED));
        if let Some(b) = &self.basic_info {
            f(&bl.key("first_name"), str_field(&b.first_name, Text, REQUIRED));
            f(&bl.key("last_name"), str_field(&b.last_name, Text, REQUIRED));
            f(&bl.key("dob"), str_field(&b.dob, Date, REQUIRED));
            f(&bl.key("email"), str_field(&b.email, Email, REQUIRED));
            f(&bl.key("phone"), str_field(&b.phone, Phone, REQUIRED));
            f(&bl.key("country_of_residence"), str_field(&b.country_of_residence, Country, REQUIRED));
            f(&bl.key("nationality"), str_field(&b.nationality, Country, REQUIRED));
            f(&bl.key("tin"), str_field(&b.tin, Text, REQUIRED));
        }
        let al = root.key("address");
        f(&al, object_field(&self.address, REQUIRED));
        if let Some(a) = &self.address {
            f(&al.key("street"), str_field(&a.street, Text, REQUIRED));
            f(&al.key("city"), str_field(&a.city, Text, REQUIRED));
            f(&al.key("state"), str_field(&a.state, Text, REQUIRED));
            f(&al.key("postal_code"), str_field(&a.postal_code, Text, REQUIRED));
            f(&al.key("country"), str_field(&a.country, Country, REQUIRED));
        }
        let pl = root.key("financial_profile");
        f(&pl, object_field(&self.financial_profile, REQUIRED));
        if let Some(p) = &self.financial_profile {
            f(&pl.key("occupation_id"), int_field(p.occupation_id, IntKind::Id, REQUIRED));
            f(&pl.key("source_of_fund_id"), int_field(p.source_of_fund_id, IntKind::Id, REQUIRED));
            f(&pl.key("purpose_id"), int_field(p.purpose_id, IntKind::Id, REQUIRED));
            f(&pl.key("monthly_volume_usd"), int_field(p.monthly_volume_usd, IntKind::Amount, REQUIRED));
        }
    }
}

impl AttachIndividualV1 {
    /// Reports every member to `f`.
    pub(crate) fn walk(&self, f: &mut Visit<'_>) {
        use StrKind::*;
        let root = Loc::Root;
        f(&root.key("customer_id"), str_field(&self.customer_id, Uuid, REQUIRED));
        let il = root.key("proof_of_identity");
        f(&il, object_field(&self.proof_of_identity, REQUIRED));
        if let Some(d) = &self.proof_of_identity {
            let kind = d.kind.as_ref().map(IdentityDocumentTypeV1::as_str);
            f(
                &il.key("type"),
                Field::Str { value: kind, kind: Enum(IdentityDocumentTypeV1::WIRE), required: REQUIRED },
            );
            f(&il.key("number"), str_field(&d.number, Text, REQUIRED));
            f(&il.key("country"), str_field(&d.country, Country, REQUIRED));
            f(&il.key("issue_date"), str_field(&d.issue_date, Date, REQUIRED));
            f(&il.key("expiry_date"), str_field(&d.expiry_date, Date, REQUIRED));
            super::walk_files(&d.files, &il.key("files"), None, f);
        }
        let al = root.key("proof_of_address");
        f(&al, object_field(&self.proof_of_address, REQUIRED));
        if let Some(d) = &self.proof_of_address {
            let kind = d.kind.as_ref().map(AddressProofTypeV1::as_str);
            f(&al.key("type"), Field::Str { value: kind, kind: Enum(AddressProofTypeV1::WIRE), required: REQUIRED });
            f(&al.key("country"), str_field(&d.country, Country, REQUIRED));
            let fl = al.key("files");
            f(&fl, array_field(&d.files, 1, None, REQUIRED));
            for (k, file) in d.files.iter().flatten().enumerate() {
                let l = fl.index(k);
                f(&l.key("uri"), str_field(&file.uri, Text, REQUIRED));
            }
        }
        f(&root.key("tos_policies_value"), str_field(&self.tos_policies_value, Text, REQUIRED));
    }
}
