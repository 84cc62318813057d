//! ## What it does
//! Checks each `tax_info` entry's `document_id` against the scheme its
//! `document_type` selects for its `country_code` (`invalid_tax_id`, path of the
//! `document_id`), from the tax-ID table of 58 countries and 72 schemes (below, and
//! `src/tax_id/`). `TIN` is the generic name: the number must pass at least one scheme
//! of the country. A `document_type` the table does not list for a country of the
//! table is not checked and gets the warning `tax_id_unverified` (path of the
//! `document_type`); a country outside the table gets neither.
//!
//! Each scheme decides exactly as python-stdnum 2.2's module of the same name, with
//! its tolerance for separators, spaces, case and country prefixes (`390.533.447-05`
//! and `PL 8567346215` are valid); schemes that hold a birth date compare it with the
//! context's `today` (without one, no future-date bound). The one exception is the US
//! `SSN` (also as `TIN`): it keeps the documented `AAA-GG-SSSS` form, area not 000, 666
//! or 900–999, group not 00, serial not 0000. A `document_id` reported as `empty`,
//! `non_ascii` or `invalid_characters` is not checked again.
//!
//! In V1, `basic_info.tin` of a US resident is an SSN; nothing else is checked.
//!
//! ## Why
//! The document ID "format [is] validated per country and document type", and
//! integrators are told to use "the country's official tax number format" (spec §2,
//! §9.7; S1, S13). The table and its reference are ours (`shared/spec/tax-ids.md`):
//! the provider's own list is not public.
//!
//! ## Example
//! Invalid: `{"country_code": "BRA", "document_type": "CPF", "document_id": "390.533.447-06"}`
//! (check digits). Valid: `"390.533.447-05"`, or `"document_type": "TIN"` with it.

use super::{about, checks, clean, subject, Rule};
use crate::context::Context;
use crate::model::{CreateIndividualV1Of, CreateIndividualV2Of, Repr};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;
use crate::tax_id::{self, Verdict};

pub(crate) const RULE: Rule = Rule {
    name: "invalid_tax_id",
    doc: include_str!("invalid_tax_id.rs"),
    codes: &[Code::InvalidTaxId, Code::TaxIdUnverified],
    summary: "Tax IDs must pass the scheme of their country and document type (python-stdnum 2.2).",
    source: "spec §2, §9.7 (S1 \"validated per country and document type\", S13); shared/spec/tax-ids.md",
    check: checks!(create_v2: check_create_v2, create_v1: check_create_v1),
};

/// What a US SSN must look like (the contract's exception to python-stdnum's tolerance).
const SSN_FORM: &str = "is not a valid US Social Security Number: write it AAA-GG-SSSS in digits, with an area other than 000, 666 or 900-999, a group other than 00 and a serial other than 0000.";

/// Where one entry's members are.
struct At<'a, 'p> {
    document_type: &'a Loc<'p>,
    document_id: &'a Loc<'p>,
}

/// Checks one entry given its country, document type and ID (each `None` when absent or
/// already reported by another rule).
fn check(
    country: Option<&str>,
    document_type: Option<&str>,
    id: Option<&str>,
    today: Option<crate::Date>,
    at: &At<'_, '_>,
    sink: &mut Sink,
) {
    // A non-ASCII type is reported as `non_ascii`, and is no name of the table either.
    let (Some(country), Some(document_type)) = (country, document_type.filter(|t| t.is_ascii())) else {
        return;
    };
    // The warning needs no usable ID: it is about the type.
    let id = id.filter(|id| id.is_ascii()); // non_ascii covers the rest
    match (tax_id::check(country, document_type, id.unwrap_or(""), today), id) {
        (Verdict::Unverified, _) => sink.emit(
            Code::TaxIdUnverified,
            at.document_type,
            "This `document_type` is not one the tax-ID table lists for the country, so `document_id` was not checked; use one of the country's listed types (see `kyc-rules explain invalid_tax_id`) or `TIN`.",
        ),
        (Verdict::Invalid(scheme, fault), Some(_)) => sink.emit_with(
            Code::InvalidTaxId,
            at.document_id,
            if *scheme == tax_id::us::SSN {
                about(at.document_id, &[" ", SSN_FORM])
            } else {
                format!(
                    "{} is not a valid {} ({}): {}. Check the number against the document.",
                    subject(at.document_id),
                    scheme.name(),
                    scheme.module(),
                    fault.describe()
                )
            },
            vec![("scheme", scheme.module().to_owned()), ("fault", fault.name().to_owned())],
        ),
        (Verdict::NoSchemeAccepts(c), Some(_)) => sink.emit_with(
            Code::InvalidTaxId,
            at.document_id,
            format!(
                "{} is not a valid tax ID of {}: none of its schemes ({}) accepts it. Check the number, and give its specific `document_type`.",
                subject(at.document_id),
                c.name(),
                c.entries().iter().map(|e| e.scheme().name()).collect::<Vec<_>>().join(", ")
            ),
            vec![("scheme", "TIN".to_owned())],
        ),
        _ => {}
    }
}

fn check_create_v2<R: Repr>(req: &CreateIndividualV2Of<'_, R>, ctx: &Context, sink: &mut Sink) {
    let Some(tax) = req.basic_info.as_ref().and_then(|b| b.tax_info.as_ref()) else {
        return;
    };
    let root = Loc::Root;
    let bi = root.key("basic_info");
    let list = bi.key("tax_info");
    for (i, t) in tax.iter().enumerate() {
        let item = list.index(i);
        let at = At { document_type: &item.key("document_type"), document_id: &item.key("document_id") };
        check(super::country(&t.country_code), clean(&t.document_type), clean(&t.document_id), ctx.today, &at, sink);
    }
}

/// V1 has one `tin`; for a US resident it is an SSN (spec §4; S1, S13).
fn check_create_v1<R: Repr>(req: &CreateIndividualV1Of<'_, R>, _: &Context, sink: &mut Sink) {
    let Some(bi) = &req.basic_info else { return };
    if super::country(&bi.country_of_residence) == Some("USA") {
        let root = Loc::Root;
        let l = root.key("basic_info");
        let tin = l.key("tin");
        check(Some("USA"), Some("SSN"), clean(&bi.tin), None, &At { document_type: &tin, document_id: &tin }, sink);
    }
}
