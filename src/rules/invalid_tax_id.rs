//! ## What it does
//! Checks a tax ID against its country's format, from a table keyed by
//! country and document type (`invalid_tax_id`, path of the `document_id`).
//! In V1, `basic_info.tin` of a US resident is an SSN.
//! Today: USA `SSN` must be `AAA-GG-SSSS` digits, with area not 000, 666 or
//! 900–999, group not 00 and serial not 0000.
//!
//! ## Why
//! The document ID "format [is] validated per country and document type"
//! (spec §2; S1); the SSN rules are the Social Security Administration's.
//!
//! ## Example
//! Invalid: `"document_id": "666-12-3456"` for USA/SSN. Valid: `"123-45-6789"`.

use super::{clean, Check, Rule};
use crate::context::Context;
use crate::model::{CreateIndividualV1, CreateIndividualV2};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;

pub(crate) const RULE: Rule = Rule {
    name: "invalid_tax_id",
    doc: include_str!("invalid_tax_id.rs"),
    codes: &[Code::InvalidTaxId],
    summary: "Tax IDs must have the format of their country and document type.",
    source: "spec §2 (S1 \"validated per country and document type\"); SSA SSN rules",
    check: Check { create_v2: Some(check_create_v2), create_v1: Some(check_create_v1), ..Check::FRONT_END },
};

/// One known tax ID format.
struct Format {
    country: &'static str,
    document_type: &'static str,
    is_valid: fn(&str) -> bool,
    message: &'static str,
}

/// Known formats by (country, document type). Add a country here.
const FORMATS: &[Format] = &[Format {
    country: "USA",
    document_type: "SSN",
    is_valid: is_ssn,
    message: "A US SSN must be written AAA-GG-SSSS in digits, with an area other than 000, 666 or 900-999, a group other than 00 and a serial other than 0000.",
}];

/// `AAA-GG-SSSS` with the SSA's never-issued ranges excluded.
pub(crate) fn is_ssn(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 11 || b[3] != b'-' || b[6] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..3) && digits(4..6) && digits(7..11)) {
        return false;
    }
    let area = &s[0..3];
    area != "000" && area != "666" && !area.starts_with('9') && &s[4..6] != "00" && &s[7..11] != "0000"
}

/// Checks one ID given its country and document type.
pub(crate) fn check(
    country: Option<&str>,
    document_type: Option<&str>,
    id: Option<&str>,
    id_loc: &Loc<'_>,
    sink: &mut Sink,
) {
    let (Some(country), Some(document_type), Some(id)) = (country, document_type, id) else {
        return;
    };
    if !id.is_ascii() {
        return; // non_ascii covers it
    }
    if let Some(f) = FORMATS.iter().find(|f| f.country == country && f.document_type == document_type) {
        if !(f.is_valid)(id) {
            sink.emit(Code::InvalidTaxId, id_loc, f.message);
        }
    }
}

fn check_create_v2(req: &CreateIndividualV2, _: &Context, sink: &mut Sink) {
    let Some(tax) = req.basic_info.as_ref().and_then(|b| b.tax_info.as_ref()) else {
        return;
    };
    let root = Loc::Root;
    let bi = root.key("basic_info");
    let list = bi.key("tax_info");
    for (i, t) in tax.iter().enumerate() {
        let item = list.index(i);
        check(
            super::country(&t.country_code),
            clean(&t.document_type),
            clean(&t.document_id),
            &item.key("document_id"),
            sink,
        );
    }
}

/// V1 has one `tin`; for a US resident it is an SSN (spec §4; S1, S13).
fn check_create_v1(req: &CreateIndividualV1, _: &Context, sink: &mut Sink) {
    let Some(bi) = &req.basic_info else { return };
    if super::country(&bi.country_of_residence) == Some("USA") {
        let root = Loc::Root;
        let l = root.key("basic_info");
        check(Some("USA"), Some("SSN"), clean(&bi.tin), &l.key("tin"), sink);
    }
}

#[cfg(test)]
mod tests {
    use super::is_ssn;

    #[test]
    fn ssn() {
        assert!(is_ssn("123-45-6789"));
        assert!(is_ssn("899-99-9999"));
        for bad in [
            "000-12-3456",
            "666-12-3456",
            "900-12-3456",
            "999-12-3456",
            "123-00-4567",
            "123-45-0000",
            "123456789",
            "12-345-6789",
            "123-45-678a",
            "１23-45-6789",
        ] {
            assert!(!is_ssn(bad), "{bad}");
        }
    }
}
