//! ## What it does
//! Reports a country member that is not one of the 249 ISO 3166-1 alpha-3
//! codes in uppercase (`invalid_country`): `USA` is valid; `usa`, `US`,
//! `XKX` (Kosovo, not in the standard) are not.
//!
//! ## Why
//! Every country member uses the `CountryCode` enum of exactly 249 alpha-3
//! values (spec §1.1; S1).
//!
//! ## Example
//! Invalid: `"country_of_residence": "US"`. Valid: `"country_of_residence": "USA"`.

use super::{Applies, Check, Rule};
use crate::context::Context;
use crate::model::{Field, StrKind};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;
use crate::wording::Wording;

pub(crate) const RULE: Rule = Rule {
    name: "invalid_country",
    doc: include_str!("invalid_country.rs"),
    codes: &[Code::InvalidCountry],
    summary: "Country members must be uppercase ISO 3166-1 alpha-3 codes.",
    source: "spec §1.1 (S1 CountryCode, 249 values)",
    check: Check::field(Applies::COUNTRY, check),
};

/// Whether `s` is one of the 249 uppercase ISO 3166-1 alpha-3 codes: a binary search in the
/// generated ISO 3166-1 table, which a test proves identical to `isocountry::for_alpha3`.
pub(crate) fn is_alpha3(s: &str) -> bool {
    crate::subdivision::is_country(s)
}

fn check(loc: &Loc<'_>, field: Field<'_>, _: &Context, sink: &mut Sink) {
    if let Field::Str { value: Some(s), kind: StrKind::Country, .. } = field {
        if !is_alpha3(s) {
            sink.emit(
                Code::InvalidCountry,
                loc,
                Wording::About(" must be an uppercase ISO 3166-1 alpha-3 country code, such as USA."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_alpha3;

    #[test]
    fn alpha3() {
        assert!(is_alpha3("USA"));
        assert!(is_alpha3("ALA"));
        for bad in ["usa", "Usa", "US", "XKX", "ANT", "USAA", ""] {
            assert!(!is_alpha3(bad), "{bad}");
        }
    }
}
