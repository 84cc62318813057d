//! ## What it does
//! Reports an `address.country` that differs from
//! `basic_info.country_of_residence` (`address_country_mismatch`, path
//! `/address/country`). Checked only when both are valid country codes.
//!
//! ## Why
//! "The address country must match the country of residence" (spec §2, §9.1; S2-B, S7).
//!
//! ## Example
//! Invalid: residence `USA`, address country `MEX`. Valid: both `USA`.

use super::{checks, country, Rule};
use crate::context::Context;
use crate::model::{CreateIndividualV1Of, CreateIndividualV2Of, Repr, Text};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "address_country_mismatch",
    doc: include_str!("address_country_mismatch.rs"),
    codes: &[Code::AddressCountryMismatch],
    summary: "The address country must equal the country of residence.",
    source: "spec §2, §9.1 (S2-B, S7)",
    check: checks!(create_v2: check_create_v2, create_v1: check_create_v1),
};

/// Checks an address country member against a residence member.
pub(crate) fn check(
    address_country: &Option<impl Text>,
    residence: &Option<impl Text>,
    loc: &Loc<'_>,
    sink: &mut Sink,
) {
    if let (Some(a), Some(r)) = (country(address_country), country(residence)) {
        if a != r {
            sink.emit(
                Code::AddressCountryMismatch,
                loc,
                "`country` must equal `basic_info.country_of_residence`: the address is the current residential address.",
            );
        }
    }
}

fn check_create_v2<R: Repr>(req: &CreateIndividualV2Of<'_, R>, _: &Context, sink: &mut Sink) {
    let (Some(a), Some(bi)) = (&req.address, &req.basic_info) else {
        return;
    };
    let root = Loc::Root;
    let l = root.key("address");
    check(&a.country, &bi.country_of_residence, &l.key("country"), sink);
}

fn check_create_v1<R: Repr>(req: &CreateIndividualV1Of<'_, R>, _: &Context, sink: &mut Sink) {
    let (Some(a), Some(bi)) = (&req.address, &req.basic_info) else { return };
    let root = Loc::Root;
    let l = root.key("address");
    check(&a.country, &bi.country_of_residence, &l.key("country"), sink);
}
