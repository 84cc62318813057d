//! Typed requests, for SDKs that build requests in code.
//!
//! Each type mirrors the wire JSON member for member: every member is an
//! `Option` (absent when `None`), and every closed set of strings is an enum
//! with an `Other` variant, so that anything the JSON front end can read is
//! representable and goes through exactly the same rules. Serialising a typed
//! request gives the JSON that validates to the same report.
//!
//! Each object is declared once (`schema!`, below) as a struct generic over how it holds its
//! strings, lists and free-form data ([`Repr`]): the public types (`CreateIndividualV2`, ...) are
//! the [`Owned`] form, and the JSON front end reads raw bodies into the borrowed form (strings
//! borrowed from the body unless they hold escapes, short lists inline), so that validating raw
//! JSON copies nothing. The rules are generic over the form: one set of rules for both.

use crate::pointer::Loc;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt::Debug;
use std::ops::{Deref, DerefMut};

/// How a model object holds its strings, lists and free-form data: [`Owned`] (the public
/// types, for requests built in code) or borrowed from a JSON body (the engine's raw path).
pub trait Repr:
    sealed::Sealed + Default + Copy + Debug + PartialEq + Eq + Serialize + DeserializeOwned + 'static
{
    /// A string member.
    type Str<'a>: Deref<Target = str> + Default + Clone + Debug + PartialEq + Eq + Serialize + DeserializeOwned;
    /// An array member.
    type List<T: Element>: DerefMut<Target = [T]> + Extend<T> + Element;
    /// A free-form object (`meta_data`).
    type Meta<'a>: Default + Clone + Debug + PartialEq + Serialize + DeserializeOwned;
}

/// What the items of a [`Repr::List`] (and the list itself) are: every model object and ID.
pub trait Element: Default + Clone + Debug + PartialEq + Eq + Serialize + DeserializeOwned {}

impl<T: Default + Clone + Debug + PartialEq + Eq + Serialize + DeserializeOwned> Element for T {}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Owned {}
    impl Sealed for super::Borrowed {}
}

/// The owned form of the model: `String`s, `Vec`s and a `serde_json` map for `meta_data`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owned;

impl Repr for Owned {
    type Str<'a> = String;
    type List<T: Element> = Vec<T>;
    type Meta<'a> = serde_json::Map<String, serde_json::Value>;
}

/// The borrowed form of the model, read from a JSON body: strings borrowed unless they hold
/// escapes, arrays of up to two items inline, `meta_data` checked but not kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Borrowed;

impl Repr for Borrowed {
    type Str<'a> = Cow<'a, str>;
    type List<T: Element> = tinyvec::TinyVec<[T; 2]>;
    type Meta<'a> = ();
}

/// A string member's value, owned or borrowed (what the rules read strings as).
pub(crate) trait Text: Deref<Target = str> {}

impl<T: Deref<Target = str>> Text for T {}

/// The items of an optional array member (none when absent).
pub(crate) fn items<T, L: Deref<Target = [T]>>(list: &Option<L>) -> &[T] {
    list.as_deref().unwrap_or(&[])
}

pub use v1::{
    AddressFileV1, AddressFileV1Of, AddressProofTypeV1, AddressV1, AddressV1Of, AttachIndividualV1,
    AttachIndividualV1Of, BasicInfoV1, BasicInfoV1Of, CreateIndividualV1, CreateIndividualV1Of, FinancialProfileV1,
    IdentityDocumentTypeV1, ProofOfAddressV1, ProofOfAddressV1Of, ProofOfIdentityV1, ProofOfIdentityV1Of,
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

/// Declares one object of the request model, once: each member's name, wire name, kind and
/// whether it is required are stated in one line, and from that line come
/// - the owned struct (every member an `Option`, its serde form: absent when `None`),
/// - the JSON front end's member table and readers ([`crate::parse::Object`]), and
/// - the walk the field rules run over ([`Walk`]).
///
/// A member line is `name [as "wire"]: kind REQ|OPT`, the kind one of `text(StrKind)`,
/// `choice(Enum)` (a [`wire_enum!`]), `int(IntKind)`, `object(TypeOf)` (a generic object),
/// `plain(Type)` (an object of numbers and closed sets, declared without `<'a, R>`),
/// `array(Item, min, max)` (`max` is `_` for none) or `free` (`meta_data`: any JSON object,
/// read for duplicates but not walked). Before the members, `@renamed [(v1, v2), ...];` lists
/// V1 member names the object reports as `v1_field`, and `@ignored_when predicate: [...];`
/// the members the provider ignores when the predicate holds (a SELFIE's).
macro_rules! schema {
    // An object holding strings, lists or free-form data: generic over the `Repr`, with the
    // owned form under the public name.
    (
        $(#[doc = $doc:literal])*
        #[derive($($derive:path),* $(,)?)]
        pub struct $of:ident<'a, R> as $name:ident { $($body:tt)* }
    ) => {
        $(#[doc = $doc])*
        pub type $name = $of<'static, Owned>;

        schema!(@emit
            [
                $(#[doc = $doc])*
                ///
                /// Generic over the [`Repr`]: the public, owned form is
                #[doc = concat!("[`", stringify!($name), "`].")]
                #[derive($($derive),*)]
                // The `Repr`'s own bounds make every member (de)serialisable.
                #[serde(bound = "")]
            ]
            [pub struct $of<'a, R: Repr>]
            [impl<'a, R: Repr> $crate::model::Walk for $of<'a, R>]
            [impl<'de, 'a, R: $crate::parse::Build<'de, 'a>> $crate::parse::Object<'de> for $of<'a, R>]
            $($body)*
        );
    };
    // An object of numbers and closed sets only: one form.
    (
        $(#[doc = $doc:literal])*
        #[derive($($derive:path),* $(,)?)]
        pub struct $name:ident { $($body:tt)* }
    ) => {
        schema!(@emit
            [$(#[doc = $doc])* #[derive($($derive),*)]]
            [pub struct $name]
            [impl $crate::model::Walk for $name]
            [impl<'de> $crate::parse::Object<'de> for $name]
            $($body)*
        );
    };
    (@emit $head:tt $struct:tt [$($walk:tt)*] $object:tt
        $(@renamed [$(($old:literal, $new:literal)),* $(,)?];)?
        $(@ignored_when $pred:ident: [$($ignored:literal),* $(,)?];)?
        $(
            $(#[doc = $fdoc:literal])*
            $field:ident $(as $wire:literal)?: $kind:ident $(($($arg:tt)*))? $req:ident
        ),* $(,)?
    ) => {
        schema_struct!($head $struct [] $([$(#[doc = $fdoc])*] $field [$($wire)?] $kind $(($($arg)*))?,)*);

        $($walk)* {
            fn walk_at(&self, loc: &$crate::pointer::Loc<'_>, f: &mut $crate::model::Visit<'_>) {
                const IGNORED: &[&str] = &[$($($ignored),*)?];
                let ignored = false $(|| self.$pred())?;
                $(
                    if !(ignored && const { $crate::model::position(IGNORED, wire_name!($field $($wire)?)).is_some() }) {
                        let at = loc.key(wire_name!($field $($wire)?));
                        walk_member!($kind $(($($arg)*))?, &self.$field, &at, f, $req);
                    }
                )*
            }
        }

        $crate::parse::object_impl!($object {
            renamed: [$($(($old, $new)),*)?],
            ignored: [$($($ignored),*)?],
            $(@ignored_when $pred;)?
            $($field $(as $wire)?: $kind $(($($arg)*))? $req),*
        });
    };
}

/// The struct of a [`schema!`] declaration, its member types spelled out one member at a time
/// (`derive` cannot see through a type macro): `[attributes] [struct header] [fields so far] members...`.
macro_rules! schema_struct {
    (@typed $head:tt $of:tt [$($acc:tt)*] [$($docs:tt)*] $field:ident [$($wire:literal)?] [$($ty:tt)*] $($rest:tt)*) => {
        schema_struct!(
            $head $of [
                $($acc)*
                $($docs)*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                $(#[serde(rename = $wire)])?
                pub $field: Option<$($ty)*>,
            ]
            $($rest)*
        );
    };
    ([$($head:tt)*] [$($struct:tt)*] [$($acc:tt)*]) => {
        $($head)*
        $($struct)* {
            $($acc)*
        }
    };
    ($head:tt $of:tt $acc:tt $docs:tt $field:ident $wire:tt text($k:ident), $($rest:tt)*) => {
        schema_struct!(@typed $head $of $acc $docs $field $wire [R::Str<'a>] $($rest)*);
    };
    ($head:tt $of:tt $acc:tt $docs:tt $field:ident $wire:tt choice($e:ty), $($rest:tt)*) => {
        schema_struct!(@typed $head $of $acc $docs $field $wire [$e] $($rest)*);
    };
    ($head:tt $of:tt $acc:tt $docs:tt $field:ident $wire:tt int($k:ident), $($rest:tt)*) => {
        schema_struct!(@typed $head $of $acc $docs $field $wire [u64] $($rest)*);
    };
    ($head:tt $of:tt $acc:tt $docs:tt $field:ident $wire:tt object($t:ident), $($rest:tt)*) => {
        schema_struct!(@typed $head $of $acc $docs $field $wire [$t<'a, R>] $($rest)*);
    };
    ($head:tt $of:tt $acc:tt $docs:tt $field:ident $wire:tt plain($t:ident), $($rest:tt)*) => {
        schema_struct!(@typed $head $of $acc $docs $field $wire [$t] $($rest)*);
    };
    ($head:tt $of:tt $acc:tt $docs:tt $field:ident $wire:tt array($t:ident, $min:literal, $max:tt), $($rest:tt)*) => {
        schema_struct!(@typed $head $of $acc $docs $field $wire [R::List<$t<'a, R>>] $($rest)*);
    };
    ($head:tt $of:tt $acc:tt $docs:tt $field:ident $wire:tt ids($min:literal, $max:tt), $($rest:tt)*) => {
        schema_struct!(@typed $head $of $acc $docs $field $wire [R::List<u64>] $($rest)*);
    };
    ($head:tt $of:tt $acc:tt $docs:tt $field:ident $wire:tt free, $($rest:tt)*) => {
        schema_struct!(@typed $head $of $acc $docs $field $wire [R::Meta<'a>] $($rest)*);
    };
}

/// The wire name of a member: its field name, or the `as "name"` given.
macro_rules! wire_name {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident $wire:literal) => {
        $wire
    };
}

/// How the walk reports a member of a [`schema!`] declaration.
macro_rules! walk_member {
    (text($k:ident), $v:expr, $at:expr, $f:ident, $req:ident) => {
        $f($at, $crate::model::Field::Str { value: $v.as_deref(), kind: $crate::model::StrKind::$k, required: $req })
    };
    (choice($e:ty), $v:expr, $at:expr, $f:ident, $req:ident) => {
        $f(
            $at,
            $crate::model::Field::Str {
                value: $v.as_ref().map(<$e>::as_str),
                kind: $crate::model::StrKind::Enum(<$e>::WIRE),
                required: $req,
            },
        )
    };
    (int($k:ident), $v:expr, $at:expr, $f:ident, $req:ident) => {
        $f($at, $crate::model::Field::Int { value: *$v, kind: $crate::model::IntKind::$k, required: $req })
    };
    (plain($t:ident), $v:expr, $at:expr, $f:ident, $req:ident) => {
        walk_member!(object($t), $v, $at, $f, $req)
    };
    (object($t:ident), $v:expr, $at:expr, $f:ident, $req:ident) => {{
        $f($at, $crate::model::Field::Object { present: $v.is_some(), required: $req });
        if let Some(o) = $v {
            $crate::model::Walk::walk_at(o, $at, $f);
        }
    }};
    (array($t:ident, $min:literal, $max:tt), $v:expr, $at:expr, $f:ident, $req:ident) => {
        walk_member!(ids($min, $max), $v, $at, $f, $req)
    };
    (ids($min:literal, $max:tt), $v:expr, $at:expr, $f:ident, $req:ident) => {{
        let (len, max) = ($v.as_deref().map(<[_]>::len), max_items!($max));
        $f($at, $crate::model::Field::Array { len, min: $min, max, required: $req });
        for (i, item) in $crate::model::items($v).iter().enumerate() {
            $crate::model::Walk::walk_at(item, &$at.index(i), $f);
        }
    }};
    (free, $v:expr, $at:expr, $f:ident, $req:ident) => {
        let _ = $at;
    };
}

/// The `max` of an `array(...)` member: `_` for none.
macro_rules! max_items {
    (_) => {
        None
    };
    ($n:literal) => {
        Some($n)
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

schema! {
    /// `POST /v2/customers/{customer_id}/individual/attach` (the body; `customer_id` is a path parameter).
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct AttachIndividualV2Of<'a, R> as AttachIndividualV2 {
        @renamed [
            ("customer_id", "the path parameter: POST /v2/customers/{customer_id}/individual/attach"),
            ("proof_of_identity", "`identifying_documents` (an array)"),
            ("proof_of_address", "`address_documents` (an array of exactly one)"),
        ];
        /// At most one primary document plus an optional SELFIE; at least one entry.
        identifying_documents: array(IdentifyingDocumentOf, 1, _) REQ,
        /// Exactly one proof of address.
        address_documents: array(AddressDocumentOf, 1, 1) REQ,
        /// The value from the `tos_policies_url` of the create response.
        tos_policies_value: text(Text) REQ,
    }
}

schema! {
    /// One `identifying_documents[]` entry.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct IdentifyingDocumentOf<'a, R> as IdentifyingDocument {
        // A SELFIE "carries only `type` and `files`; all other fields are ignored" (S1): the walk
        // skips these members of a SELFIE, and the front end drops what it found wrong with them.
        @ignored_when is_selfie: ["number", "country", "state", "issue_date", "expiry_date"];
        /// The document type.
        kind as "type": choice(IdentityDocumentType) REQ,
        /// Document number (required except for SELFIE).
        number: text(Text) OPT,
        /// Issuing country, ISO 3166-1 alpha-3.
        country: text(Country) OPT,
        /// Issuing state (required for a US driver's licence; forbidden on other primary types).
        state: text(Text) OPT,
        /// `YYYY-MM-DD`, not in the future.
        issue_date: text(Date) OPT,
        /// `YYYY-MM-DD`, in the future and after `issue_date` (required except for SELFIE).
        expiry_date: text(Date) OPT,
        /// Uploaded files.
        files: array(DocumentFileOf, 1, _) REQ,
    }
}

impl<R: Repr> IdentifyingDocumentOf<'_, R> {
    /// Whether this entry is a SELFIE (whose other members are ignored).
    pub fn is_selfie(&self) -> bool {
        self.kind == Some(IdentityDocumentType::Selfie)
    }
}

schema! {
    /// One `address_documents[]` entry.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct AddressDocumentOf<'a, R> as AddressDocument {
        /// The document type.
        kind as "type": choice(AddressDocumentType) REQ,
        /// Issuing country: the customer's country of residence.
        country: text(Country) REQ,
        /// `YYYY-MM-DD`, not in the future.
        issue_date: text(Date) OPT,
        /// Exactly one uploaded file.
        files: array(DocumentFileOf, 1, 1) REQ,
    }
}

schema! {
    /// One `files[]` entry.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct DocumentFileOf<'a, R> as DocumentFile {
        /// The URI returned by the upload endpoint.
        uri: text(Text) REQ,
        /// FRONT or BACK.
        side: choice(Side) OPT,
    }
}

schema! {
    /// `POST /v2/customers/individual`.
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct CreateIndividualV2Of<'a, R> as CreateIndividualV2 {
        /// `STANDARD` or `RELIANCE` (required).
        verification_type: choice(VerificationType) REQ,
        /// The person (required).
        basic_info: object(BasicInfoV2Of) REQ,
        /// The residential address (required).
        address: object(AddressV2Of) REQ,
        /// Employment and expected volume (required).
        financial_profile: object(FinancialProfileV2Of) REQ,
        /// Free-form client data (optional).
        meta_data: free OPT,
    }
}

schema! {
    /// `basic_info` of a V2 create request.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct BasicInfoV2Of<'a, R> as BasicInfoV2 {
        @renamed [
            ("tin", "`tax_info` (an array of {country_code, document_type, document_id})"),
            ("nationality", "`primary_nationality`"),
        ];
        /// Legal first name; needs `first_name_en` when not ASCII.
        first_name: text(Transliterable) REQ,
        /// ASCII transliteration of `first_name`.
        first_name_en: text(Companion) OPT,
        /// Middle name (optional).
        middle_name: text(Transliterable) OPT,
        /// ASCII transliteration of `middle_name`.
        middle_name_en: text(Companion) OPT,
        /// Legal last name; needs `last_name_en` when not ASCII.
        last_name: text(Transliterable) REQ,
        /// ASCII transliteration of `last_name`.
        last_name_en: text(Companion) OPT,
        /// Date of birth, `YYYY-MM-DD`; age 18 to 120.
        dob: text(Date) REQ,
        /// Lowercase email address.
        email: text(Email) REQ,
        /// E.164 phone number of the country of residence.
        phone: text(Phone) REQ,
        /// ISO 3166-1 alpha-3.
        country_of_residence: text(Country) REQ,
        /// ISO 3166-1 alpha-3.
        primary_nationality: text(Country) REQ,
        /// ISO 3166-1 alpha-3 (optional).
        secondary_nationality: text(Country) OPT,
        /// `MALE` or `FEMALE` (optional).
        gender: choice(Gender) OPT,
        /// At least one tax document, with unique `document_id`s.
        tax_info: array(TaxInfoOf, 1, _) REQ,
    }
}

schema! {
    /// One `basic_info.tax_info[]` entry.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct TaxInfoOf<'a, R> as TaxInfo {
        /// ISO 3166-1 alpha-3 of the issuing country.
        country_code: text(Country) REQ,
        /// `SSN`, `TIN`, ...
        document_type: text(Text) REQ,
        /// The number, in the country's format.
        document_id: text(Text) REQ,
    }
}

schema! {
    /// `address` of a V2 create request.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct AddressV2Of<'a, R> as AddressV2 {
        @renamed [("street", "`street_line_1` (and `street_line_2`)"), ("state", "`subdivision_code`")];
        /// Street and number; needs `street_line_1_en` when not ASCII.
        street_line_1: text(Transliterable) REQ,
        /// ASCII transliteration of `street_line_1`.
        street_line_1_en: text(Companion) OPT,
        /// Apartment, suite, ... (optional).
        street_line_2: text(Transliterable) OPT,
        /// ASCII transliteration of `street_line_2`.
        street_line_2_en: text(Companion) OPT,
        /// City, ASCII.
        city: text(Text) REQ,
        /// Full ISO 3166-2 code, e.g. `US-CA`.
        subdivision_code: text(Text) REQ,
        /// Postal code, ASCII.
        postal_code: text(Text) REQ,
        /// ISO 3166-1 alpha-3; equal to the country of residence.
        country: text(Country) REQ,
    }
}

schema! {
    /// `financial_profile` of a V2 create request.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct FinancialProfileV2Of<'a, R> as FinancialProfileV2 {
        @renamed [("source_of_fund_id", "`source_of_fund_ids` (an array of IDs)")];
        /// Employment status.
        employment_status: choice(EmploymentStatus) REQ,
        /// Catalogue ID from `GET /v1/occupations`.
        occupation_id: int(Id) REQ,
        /// Catalogue ID from `GET /v1/purposes?type=INDIVIDUAL`.
        purpose_id: int(Id) REQ,
        /// Free text (optional).
        purpose_remarks: text(Text) OPT,
        /// Catalogue IDs from `GET /v1/source-of-funds?type=INDIVIDUAL`; at least one.
        source_of_fund_ids: ids(1, _) REQ,
        /// Free text (optional).
        source_of_funds_description: text(Text) OPT,
        /// Expected monthly volume in whole USD, at least 0.
        monthly_volume_usd: int(Amount) REQ,
    }
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

/// A member is required (`REQ`) or optional (`OPT`) in a [`schema!`] declaration.
pub(crate) const REQ: bool = true;
/// See [`REQ`].
pub(crate) const OPT: bool = false;

/// What the field rules walk over: every member of a model object, present or not, with its
/// location and [`Field`]. Generated by [`schema!`]; an array item of catalogue IDs (`u64`)
/// walks as a required ID.
pub(crate) trait Walk {
    /// Reports every member of the value at `loc` to `f`, nested objects and items included.
    fn walk_at(&self, loc: &Loc<'_>, f: &mut Visit<'_>);

    /// Reports every member of a whole request to `f`.
    fn walk(&self, f: &mut Visit<'_>) {
        self.walk_at(&Loc::Root, f)
    }
}

impl Walk for u64 {
    fn walk_at(&self, loc: &Loc<'_>, f: &mut Visit<'_>) {
        f(loc, Field::Int { value: Some(*self), kind: IntKind::Id, required: REQ })
    }
}

/// The position of `name` in `list`, at compile time.
pub(crate) const fn position(list: &[&str], name: &str) -> Option<usize> {
    let mut i = 0;
    while i < list.len() {
        let (a, b) = (list[i].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}
