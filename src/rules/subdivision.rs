//! ## What it does
//! Checks `address.subdivision_code` against ISO 3166-2 (iso-codes 4.20.1,
//! 5,046 codes, generated into `src/data/subdivisions.rs`):
//! - `unknown_subdivision`: not a code at all (bare `CA`, `US-XX`, lowercase `us-ca`).
//!   With suggestions on, `CA` with country USA suggests `US-CA`.
//! - `subdivision_country_mismatch`: a real code of another country than `address.country`.
//!   Countries without subdivisions of their own that ISO lists as a subdivision
//!   of another country accept that code (PRI `US-PR`, HKG `CN-HK`, ABW `NL-AW`, REU `FR-974`, ...).
//! - `subdivision_unverified` (warning): the country has no subdivisions and no
//!   such code (JEY, GGY, IMN, VAT, ...), so nothing can be checked.
//!
//! In V1 the same rules apply to `address.state`.
//!
//! ## Why
//! "Full ISO 3166-2 code including the alpha-2 prefix, e.g. `US-CA`"; valid
//! values are listed per country (spec §1.2, §9.3; S1, S2-B, S7).
//!
//! ## Example
//! Invalid: `"subdivision_code": "CA"` with `"country": "USA"`. Valid: `"US-CA"`.

use super::{checks, clean, country, Rule};
use crate::context::Context;
use crate::model::{CreateIndividualV1Of, CreateIndividualV2Of, Repr, Text};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;
use crate::subdivision::{self as iso, SubdivisionCheck};

pub(crate) const RULE: Rule = Rule {
    name: "subdivision",
    doc: include_str!("subdivision.rs"),
    codes: &[Code::UnknownSubdivision, Code::SubdivisionCountryMismatch, Code::SubdivisionUnverified],
    summary: "Subdivision codes must be ISO 3166-2 codes of the address's country.",
    source: "spec §1.2, §9.3 (S1, S2-B, S7); ISO 3166-2 via iso-codes 4.20.1",
    check: checks!(create_v2: check_create_v2, create_v1: check_create_v1),
};

const UNKNOWN: &str = "This is not an ISO 3166-2 subdivision code; give the full code with the country prefix, in uppercase, such as US-CA.";

/// Checks one subdivision member against the address country (`country` is the raw member).
pub(crate) fn check(code: &Option<impl Text>, country_member: &Option<impl Text>, loc: &Loc<'_>, sink: &mut Sink) {
    let Some(code) = clean(code) else { return };
    if !code.is_ascii() {
        return; // non_ascii covers it
    }
    let Some(country) = country(country_member) else {
        if !iso::is_known(code) {
            sink.emit(Code::UnknownSubdivision, loc, UNKNOWN);
        }
        return;
    };
    match iso::check(country, code) {
        SubdivisionCheck::Valid => {}
        SubdivisionCheck::Unknown => sink
            .emit_suggesting(Code::UnknownSubdivision, loc, UNKNOWN, || iso::suggest(country, code).map(str::to_owned)),
        SubdivisionCheck::CountryMismatch => sink.emit(
            Code::SubdivisionCountryMismatch,
            loc,
            "This subdivision belongs to another country than the address's `country`.",
        ),
        SubdivisionCheck::Unverified => sink.emit(
            Code::SubdivisionUnverified,
            loc,
            "The address's country has no ISO 3166-2 subdivisions, so this code cannot be verified.",
        ),
    }
}

fn check_create_v2<R: Repr>(req: &CreateIndividualV2Of<'_, R>, _: &Context, sink: &mut Sink) {
    if let Some(a) = &req.address {
        let root = Loc::Root;
        let l = root.key("address");
        check(&a.subdivision_code, &a.country, &l.key("subdivision_code"), sink);
    }
}

fn check_create_v1<R: Repr>(req: &CreateIndividualV1Of<'_, R>, _: &Context, sink: &mut Sink) {
    if let Some(a) = &req.address {
        let root = Loc::Root;
        let l = root.key("address");
        check(&a.state, &a.country, &l.key("state"), sink);
    }
}
