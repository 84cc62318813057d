//! ## What it does
//! Reports a phone number whose country is not the country of residence
//! (`phone_country_mismatch`, path of the phone). The country is resolved as
//! libphonenumber does: the calling code, then, within a shared code (+1 NANP
//! has 25 regions; +7, +44, +61, +590, ...), each region's leading digits and
//! number patterns. +1 416 is Canada, +1 787 Puerto Rico, +44 7797 Jersey.
//! Countries with no calling code of their own (ATA, BVT, SGS, HMD, PCN, ATF,
//! UMI) are not checked; a number whose region cannot be decided within the
//! residence's own calling code is accepted. A number with an unassigned
//! calling code (`+999...`) is reported here; a number that is not possible
//! (not E.164, or not of a possible length: `invalid_phone`) is not.
//!
//! ## Why
//! "country/area code must match country_of_residence" (spec §1.5, §9.2; S6-V1,
//! applied to V2 as well [I]).
//!
//! ## Example
//! Invalid: residence `USA` with `"+14165550123"` (Toronto). Valid: residence `CAN` with it.

use super::{checks, clean, country, Rule};
use crate::context::Context;
use crate::model::{CreateIndividualV1Of, CreateIndividualV2Of, Repr, Text};
use crate::phone::{matches_country, possibility, PhoneMatch, Possibility};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "phone_country_mismatch",
    doc: include_str!("phone_country_mismatch.rs"),
    codes: &[Code::PhoneCountryMismatch],
    summary: "The phone number must belong to the country of residence.",
    source: "spec §1.5, §9.2 (S6-V1; [I] for V2)",
    check: checks!(create_v2: check_create_v2, create_v1: check_create_v1),
};

/// Checks one phone member against a residence country.
pub(crate) fn check(phone: &Option<impl Text>, residence: &Option<impl Text>, phone_loc: &Loc<'_>, sink: &mut Sink) {
    let (Some(number), Some(residence)) = (clean(phone), country(residence)) else {
        return;
    };
    // `invalid_phone` reports the numbers that are not possible; an unassigned calling code
    // says nothing about the length, and is a mismatch with every country.
    if !matches!(possibility(number), Possibility::Possible | Possibility::UnknownCallingCode) {
        return;
    }
    if matches_country(number, residence) == PhoneMatch::Mismatch {
        sink.emit(
            Code::PhoneCountryMismatch,
            phone_loc,
            "The phone number's country calling code does not belong to `country_of_residence`; give a number of the country of residence.",
        );
    }
}

fn check_create_v2<R: Repr>(req: &CreateIndividualV2Of<'_, R>, _: &Context, sink: &mut Sink) {
    if let Some(bi) = &req.basic_info {
        let root = Loc::Root;
        let l = root.key("basic_info");
        check(&bi.phone, &bi.country_of_residence, &l.key("phone"), sink);
    }
}

fn check_create_v1<R: Repr>(req: &CreateIndividualV1Of<'_, R>, _: &Context, sink: &mut Sink) {
    if let Some(bi) = &req.basic_info {
        let root = Loc::Root;
        let l = root.key("basic_info");
        check(&bi.phone, &bi.country_of_residence, &l.key("phone"), sink);
    }
}
