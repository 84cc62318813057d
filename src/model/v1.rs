//! Typed V1 requests: `POST /v1/customers/individual` and
//! `POST /v1/customers/individual/attach` (spec §4, §5).

use super::{DocumentFileOf, Owned, Repr, VerificationType, OPT, REQ};
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

schema! {
    /// `POST /v1/customers/individual`.
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct CreateIndividualV1Of<'a, R> as CreateIndividualV1 {
        /// `STANDARD` (the default when absent) or `RELIANCE`.
        verification_type: choice(VerificationType) OPT,
        /// The person (required).
        basic_info: object(BasicInfoV1Of) REQ,
        /// The residential address (required).
        address: object(AddressV1Of) REQ,
        /// Occupation, purpose, funds, volume (required).
        financial_profile: plain(FinancialProfileV1) REQ,
        /// Free-form client data (optional).
        meta_data: free OPT,
    }
}

schema! {
    /// `basic_info` of a V1 create request. Every string is ASCII (no `_en` companions in V1).
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct BasicInfoV1Of<'a, R> as BasicInfoV1 {
        /// Legal first name.
        first_name: text(Text) REQ,
        /// Legal last name.
        last_name: text(Text) REQ,
        /// Date of birth, `YYYY-MM-DD` (no age bound is documented for V1).
        dob: text(Date) REQ,
        /// Lowercase email address.
        email: text(Email) REQ,
        /// E.164 phone number of the country of residence.
        phone: text(Phone) REQ,
        /// ISO 3166-1 alpha-3.
        country_of_residence: text(Country) REQ,
        /// ISO 3166-1 alpha-3 (V2: `primary_nationality`).
        nationality: text(Country) REQ,
        /// The tax ID in its country's format; a US SSN for US residents (V2: `tax_info[]`).
        tin: text(Text) REQ,
    }
}

schema! {
    /// `address` of a V1 create request.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct AddressV1Of<'a, R> as AddressV1 {
        /// House and street (V2: `street_line_1`).
        street: text(Text) REQ,
        /// City.
        city: text(Text) REQ,
        /// Full ISO 3166-2 code, e.g. `US-CA` (V2: `subdivision_code`).
        state: text(Text) REQ,
        /// Postal code.
        postal_code: text(Text) REQ,
        /// ISO 3166-1 alpha-3; the country of residence.
        country: text(Country) REQ,
    }
}

schema! {
    /// `financial_profile` of a V1 create request.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct FinancialProfileV1 {
        /// Catalogue ID from `GET /v1/occupations`.
        occupation_id: int(Id) REQ,
        /// One catalogue ID from `GET /v1/source-of-funds?type=INDIVIDUAL` (V2: `source_of_fund_ids`).
        source_of_fund_id: int(Id) REQ,
        /// Catalogue ID from `GET /v1/purposes?type=INDIVIDUAL`.
        purpose_id: int(Id) REQ,
        /// Expected monthly volume in whole USD, at least 0.
        monthly_volume_usd: int(Amount) REQ,
    }
}

schema! {
    /// `POST /v1/customers/individual/attach`.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct AttachIndividualV1Of<'a, R> as AttachIndividualV1 {
        /// The customer, in the body (V2 moved it to the path).
        customer_id: text(Uuid) REQ,
        /// The identity document.
        proof_of_identity: object(ProofOfIdentityV1Of) REQ,
        /// The proof of address.
        proof_of_address: object(ProofOfAddressV1Of) REQ,
        /// The value from the `tos_policies_url` of the create response.
        tos_policies_value: text(Text) REQ,
    }
}

schema! {
    /// `proof_of_identity` (V1): every member required.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ProofOfIdentityV1Of<'a, R> as ProofOfIdentityV1 {
        /// The document type.
        kind as "type": choice(IdentityDocumentTypeV1) REQ,
        /// Document number.
        number: text(Text) REQ,
        /// Issuing country, ISO 3166-1 alpha-3.
        country: text(Country) REQ,
        /// `YYYY-MM-DD`.
        issue_date: text(Date) REQ,
        /// `YYYY-MM-DD`, in the future.
        expiry_date: text(Date) REQ,
        /// Uploaded files (one, or FRONT and BACK).
        files: array(DocumentFileOf, 1, _) REQ,
    }
}

schema! {
    /// `proof_of_address` (V1).
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ProofOfAddressV1Of<'a, R> as ProofOfAddressV1 {
        /// The document type.
        kind as "type": choice(AddressProofTypeV1) REQ,
        /// Issuing country, ISO 3166-1 alpha-3.
        country: text(Country) REQ,
        /// Uploaded files (V1 address files have no side).
        files: array(AddressFileV1Of, 1, _) REQ,
    }
}

schema! {
    /// One `proof_of_address.files[]` entry (V1).
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct AddressFileV1Of<'a, R> as AddressFileV1 {
        /// The URI returned by the upload endpoint.
        uri: text(Text) REQ,
    }
}
