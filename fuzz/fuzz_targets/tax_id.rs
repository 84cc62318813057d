//! Tax IDs: `(country, document_type, document_id)` from the fuzzer.
//!
//! Asserts, for every input: no panic; `tax_id::check` answers as the scheme its name
//! selects (or, for `TIN`, as the first scheme of the country that accepts the number);
//! and for every printable-ASCII `document_id` (what the engine lets through to the
//! schemes), each scheme of the country accepts the number exactly when it accepts its own
//! compact form of it.
#![no_main]

use arbitrary::Arbitrary;
use kyc_rules::tax_id::{self, Verdict, COUNTRIES, GENERIC};
use kyc_rules::Date;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    country: u8,
    /// Which name: one of the country's, `TIN`, or an unlisted one.
    name: u8,
    /// Days since 1970-01-01 for `today`, or none.
    today: Option<u16>,
    document_id: &'a str,
}

/// Schemes whose reference answers differently for a number and for its compact form, so the
/// engine (which follows the reference, `tests/tax_id_agreement.rs`) does too. In python-stdnum
/// 2.2, `compact` strips a country prefix once (`CLCL 12531909-2` compacts to `CL125319092`,
/// refused, then accepted) in cl.rut, es.nif, gr.vat, hr.oib, nz.ird, pl.nip and pt.nif; and
/// se.personnummer's puts a `-` back only when it reads 10 or 12 digits (`00440-6190225`:
/// refused; its compact `004406190225`: accepted).
const NOT_IDEMPOTENT: &[&str] = &["cl.rut", "es.nif", "gr.vat", "hr.oib", "nz.ird", "pl.nip", "pt.nif", "se.personnummer"];

fuzz_target!(|input: Input<'_>| {
    let country = &COUNTRIES[usize::from(input.country) % COUNTRIES.len()];
    let names: Vec<&str> = country.entries().iter().flat_map(|e| e.names().iter().copied()).collect();
    let pick = usize::from(input.name) % (names.len() + 2);
    let name = match pick {
        p if p < names.len() => names[p],
        p if p == names.len() => GENERIC,
        _ => "PASSPORT",
    };
    let today = input.today.and_then(|d| Date::from_days_since_unix_epoch(i64::from(d)));
    let id = input.document_id;
    let verdict = tax_id::check(country.code(), name, id, today);

    // The verdict is the selected scheme's answer.
    let expected = if name == GENERIC {
        match country.entries().iter().find(|e| e.scheme().check(id, today).is_ok()) {
            Some(e) => Verdict::Valid(e.scheme()),
            None => Verdict::NoSchemeAccepts(country),
        }
    } else if let Some(e) = country.entries().iter().find(|e| e.names().contains(&name)) {
        match e.scheme().check(id, today) {
            Ok(()) => Verdict::Valid(e.scheme()),
            Err(fault) => Verdict::Invalid(e.scheme(), fault),
        }
    } else {
        Verdict::Unverified
    };
    assert_eq!(verdict, expected);

    // A number and its compact form get the same answer.
    if id.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        for e in country.entries().iter().filter(|e| !NOT_IDEMPOTENT.contains(&e.scheme().module())) {
            let scheme = e.scheme();
            if let Some(compact) = scheme.compact(id) {
                // Valid or not alike (the fault named may differ, as python-stdnum's exception
                // for a number and for its compact form may).
                assert_eq!(
                    scheme.check(id, today).is_ok(),
                    scheme.check(compact.as_str(), today).is_ok(),
                    "{}: a number and its compact form differ",
                    scheme.module()
                );
            }
        }
    }
});
