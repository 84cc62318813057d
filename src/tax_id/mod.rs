//! Individual tax IDs by country: which scheme a `tax_info` entry's `document_type`
//! selects, and the schemes themselves.
//!
//! The contract is `shared/spec/tax-ids.md`: 58 countries, the `document_type` names that
//! select each scheme, the generic `TIN` (the number must pass at least one scheme of the
//! country), and python-stdnum 2.2 as the reference for every scheme except the US SSN,
//! which keeps its documented `AAA-GG-SSSS` form. [`COUNTRIES`] is that table; the rule
//! `invalid_tax_id`, the V1 migration, the catalogue and the docs all read it.
//!
//! One file per country, named as python-stdnum names its package (`br.rs` is `stdnum.br`,
//! `in_.rs` is `stdnum.in_`); shared building blocks are in `scheme.rs`, generated tables
//! of facts in `tables.rs` (`scripts/gen_tax_id_tables.py`).
//!
//! ```
//! use kyc_rules::tax_id::{check, Verdict};
//! assert!(matches!(check("BRA", "CPF", "390.533.447-05", None), Verdict::Valid(_)));
//! assert!(matches!(check("BRA", "CPF", "390.533.447-06", None), Verdict::Invalid(..)));
//! assert!(matches!(check("BRA", "TIN", "39053344705", None), Verdict::Valid(_)));
//! assert!(matches!(check("BRA", "PASSPORT", "X1", None), Verdict::Unverified));
//! assert!(matches!(check("FJI", "TIN", "X1", None), Verdict::NotCovered));
//! ```

mod scheme;
mod tables;

mod ar;
mod at;
mod au;
mod be;
mod bg;
mod br;
mod ca;
mod ch;
mod cl;
mod cn;
mod co;
mod cr;
mod cz;
mod de;
mod dk;
mod do_;
mod ec;
mod ee;
mod eg;
mod es;
mod fi;
mod fr;
mod gb;
mod gh;
mod gr;
mod gt;
mod hr;
mod id;
mod ie;
mod il;
mod in_;
mod is_;
mod it;
mod jp;
mod ke;
mod kr;
mod lt;
mod mx;
mod my;
mod nl;
mod no;
mod nz;
mod pe;
mod pk;
mod pl;
mod pt;
mod py;
mod ro;
mod ru;
mod se;
mod th;
mod tr;
mod ua;
pub(crate) mod us;
mod ve;
mod vn;
mod za;

pub use scheme::{Compact, Fault, Scheme};

use crate::date::Date;

/// The generic `document_type`: the number must pass at least one scheme of its country.
pub const GENERIC: &str = "TIN";

/// One scheme of a country and the `document_type` names that select it.
#[derive(Debug)]
pub struct Entry {
    names: &'static [&'static str],
    scheme: &'static Scheme,
}

impl Entry {
    /// The `document_type` names that select the scheme (empty: only [`GENERIC`] does).
    pub fn names(&self) -> &'static [&'static str] {
        self.names
    }
    /// The scheme.
    pub fn scheme(&self) -> &'static Scheme {
        self.scheme
    }
    /// The name a migration gives this scheme: its first name, else [`GENERIC`].
    pub fn document_type(&self) -> &'static str {
        self.names.first().copied().unwrap_or(GENERIC)
    }
}

/// A country of the table and its schemes, in the contract's order.
#[derive(Debug)]
pub struct Country {
    code: &'static str,
    name: &'static str,
    entries: &'static [Entry],
}

/// Countries are the same when their codes are.
impl PartialEq for Country {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl Eq for Country {}

impl Country {
    /// The ISO 3166-1 alpha-3 code.
    pub fn code(&self) -> &'static str {
        self.code
    }
    /// The country's English short name.
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// Its schemes, in the contract's order (the order a migration tries them in).
    pub fn entries(&self) -> &'static [Entry] {
        self.entries
    }
}

/// What the table says of one `tax_info` entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The scheme the name selects (or, for [`GENERIC`], the first that accepts it) accepts it.
    Valid(&'static Scheme),
    /// The scheme the name selects does not accept it, for this reason.
    Invalid(&'static Scheme, Fault),
    /// [`GENERIC`]: no scheme of the country accepts it.
    NoSchemeAccepts(&'static Country),
    /// A country of the table with a `document_type` it does not list: not checked.
    Unverified,
    /// A country outside the table: not checked.
    NotCovered,
}

macro_rules! entry {
    ([$($name:literal),*] => $scheme:path) => {
        Entry { names: &[$($name),*], scheme: &$scheme }
    };
}

/// Every country of the contract, sorted by code; each country's schemes in the contract's order.
pub static COUNTRIES: &[Country] = COUNTRY_TABLE;

const COUNTRY_TABLE: &[Country] = &[
    Country {
        code: "ARG",
        name: "Argentina",
        entries: &[entry!(["CUIT", "CUIL"] => ar::CUIT), entry!(["DNI"] => ar::DNI)],
    },
    Country { code: "AUS", name: "Australia", entries: &[entry!(["TFN"] => au::TFN)] },
    Country { code: "AUT", name: "Austria", entries: &[entry!([] => at::TIN)] },
    Country { code: "BEL", name: "Belgium", entries: &[entry!(["NN", "NISS"] => be::NN)] },
    Country { code: "BGR", name: "Bulgaria", entries: &[entry!(["EGN"] => bg::EGN)] },
    Country { code: "BRA", name: "Brazil", entries: &[entry!(["CPF"] => br::CPF)] },
    Country { code: "CAN", name: "Canada", entries: &[entry!(["SIN"] => ca::SIN)] },
    Country { code: "CHE", name: "Switzerland", entries: &[entry!(["AHV", "AVS"] => ch::SSN)] },
    Country { code: "CHL", name: "Chile", entries: &[entry!(["RUT", "RUN"] => cl::RUT)] },
    Country { code: "CHN", name: "China", entries: &[entry!(["RIC"] => cn::RIC)] },
    Country { code: "COL", name: "Colombia", entries: &[entry!(["NIT"] => co::NIT)] },
    Country { code: "CRI", name: "Costa Rica", entries: &[entry!(["CEDULA"] => cr::CPF)] },
    Country { code: "CZE", name: "Czechia", entries: &[entry!(["RC"] => cz::RC)] },
    Country {
        code: "DEU",
        name: "Germany",
        entries: &[entry!(["IDNR", "STEUER_ID"] => de::IDNR), entry!(["STNR"] => de::STNR)],
    },
    Country { code: "DNK", name: "Denmark", entries: &[entry!(["CPR"] => dk::CPR)] },
    Country { code: "DOM", name: "Dominican Republic", entries: &[entry!(["CEDULA"] => do_::CEDULA)] },
    Country {
        code: "ECU",
        name: "Ecuador",
        entries: &[entry!(["CI", "CEDULA"] => ec::CI), entry!(["RUC"] => ec::RUC)],
    },
    Country { code: "EGY", name: "Egypt", entries: &[entry!(["TRN"] => eg::TN)] },
    Country {
        code: "ESP",
        name: "Spain",
        entries: &[entry!(["NIF"] => es::NIF), entry!(["DNI"] => es::DNI), entry!(["NIE"] => es::NIE)],
    },
    Country { code: "EST", name: "Estonia", entries: &[entry!(["ISIKUKOOD"] => ee::IK)] },
    Country { code: "FIN", name: "Finland", entries: &[entry!(["HETU"] => fi::HETU)] },
    Country { code: "FRA", name: "France", entries: &[entry!(["NIF", "SPI"] => fr::NIF), entry!(["NIR"] => fr::NIR)] },
    Country { code: "GBR", name: "United Kingdom", entries: &[entry!(["UTR"] => gb::UTR)] },
    Country { code: "GHA", name: "Ghana", entries: &[entry!([] => gh::TIN)] },
    Country { code: "GRC", name: "Greece", entries: &[entry!(["AFM"] => gr::VAT), entry!(["AMKA"] => gr::AMKA)] },
    Country { code: "GTM", name: "Guatemala", entries: &[entry!(["NIT"] => gt::NIT)] },
    Country { code: "HRV", name: "Croatia", entries: &[entry!(["OIB"] => hr::OIB)] },
    Country { code: "IDN", name: "Indonesia", entries: &[entry!(["NIK"] => id::NIK), entry!(["NPWP"] => id::NPWP)] },
    Country {
        code: "IND",
        name: "India",
        entries: &[entry!(["PAN"] => in_::PAN), entry!(["AADHAAR"] => in_::AADHAAR)],
    },
    Country { code: "IRL", name: "Ireland", entries: &[entry!(["PPS", "PPSN"] => ie::PPS)] },
    Country { code: "ISL", name: "Iceland", entries: &[entry!(["KENNITALA"] => is_::KENNITALA)] },
    Country { code: "ISR", name: "Israel", entries: &[entry!(["TEUDAT_ZEHUT"] => il::IDNR)] },
    Country { code: "ITA", name: "Italy", entries: &[entry!(["CODICE_FISCALE", "CF"] => it::CODICE_FISCALE)] },
    Country { code: "JPN", name: "Japan", entries: &[entry!(["MY_NUMBER"] => jp::IN)] },
    Country { code: "KEN", name: "Kenya", entries: &[entry!(["PIN"] => ke::PIN)] },
    Country { code: "KOR", name: "South Korea", entries: &[entry!(["RRN"] => kr::RRN)] },
    Country { code: "LTU", name: "Lithuania", entries: &[entry!(["ASMENS_KODAS"] => lt::ASMENS)] },
    Country { code: "MEX", name: "Mexico", entries: &[entry!(["RFC"] => mx::RFC), entry!(["CURP"] => mx::CURP)] },
    Country { code: "MYS", name: "Malaysia", entries: &[entry!(["NRIC"] => my::NRIC)] },
    Country { code: "NLD", name: "Netherlands", entries: &[entry!(["BSN"] => nl::BSN)] },
    Country { code: "NOR", name: "Norway", entries: &[entry!(["FODSELSNUMMER"] => no::FODSELSNUMMER)] },
    Country { code: "NZL", name: "New Zealand", entries: &[entry!(["IRD"] => nz::IRD)] },
    Country { code: "PAK", name: "Pakistan", entries: &[entry!(["CNIC"] => pk::CNIC)] },
    Country { code: "PER", name: "Peru", entries: &[entry!(["DNI", "CUI"] => pe::CUI), entry!(["RUC"] => pe::RUC)] },
    Country { code: "POL", name: "Poland", entries: &[entry!(["PESEL"] => pl::PESEL), entry!(["NIP"] => pl::NIP)] },
    Country { code: "PRT", name: "Portugal", entries: &[entry!(["NIF"] => pt::NIF)] },
    Country { code: "PRY", name: "Paraguay", entries: &[entry!(["RUC"] => py::RUC)] },
    Country { code: "ROU", name: "Romania", entries: &[entry!(["CNP"] => ro::CNP)] },
    Country { code: "RUS", name: "Russia", entries: &[entry!(["INN"] => ru::INN)] },
    Country { code: "SVK", name: "Slovakia", entries: &[entry!(["RC"] => cz::RC)] },
    Country { code: "SWE", name: "Sweden", entries: &[entry!(["PERSONNUMMER"] => se::PERSONNUMMER)] },
    Country { code: "THA", name: "Thailand", entries: &[entry!(["PIN"] => th::PIN)] },
    Country { code: "TUR", name: "Türkiye", entries: &[entry!(["TCKN"] => tr::TCKIMLIK)] },
    Country { code: "UKR", name: "Ukraine", entries: &[entry!(["RNOKPP"] => ua::RNTRC)] },
    Country {
        code: "USA",
        name: "United States",
        entries: &[entry!(["SSN"] => us::SSN), entry!(["ITIN"] => us::ITIN)],
    },
    Country { code: "VEN", name: "Venezuela", entries: &[entry!(["RIF"] => ve::RIF)] },
    Country { code: "VNM", name: "Viet Nam", entries: &[entry!(["MST"] => vn::MST)] },
    Country { code: "ZAF", name: "South Africa", entries: &[entry!([] => za::TIN), entry!(["ID_NUMBER"] => za::IDNR)] },
];

/// The country of the table with this ISO 3166-1 alpha-3 code.
pub fn country(code: &str) -> Option<&'static Country> {
    let key = key_of(code)?;
    KEYS.binary_search(&key).ok().and_then(|i| COUNTRIES.get(i))
}

/// A three-byte code as one integer, ordered as the code is (`None` for any other length).
const fn key_of(code: &str) -> Option<u32> {
    match code.as_bytes() {
        &[a, b, c] => Some(u32::from_be_bytes([0, a, b, c])),
        _ => None,
    }
}

/// [`COUNTRIES`]' codes as integers, for a look-up by integer comparisons.
/// (`COUNTRY_TABLE` is the constant [`COUNTRIES`] is made of.)
static KEYS: [u32; COUNTRY_TABLE.len()] = {
    let mut keys = [0; COUNTRY_TABLE.len()];
    let mut i = 0;
    while i < COUNTRY_TABLE.len() {
        keys[i] = match key_of(COUNTRY_TABLE[i].code) {
            Some(k) => k,
            None => panic!("a country code is not three bytes"),
        };
        i += 1;
    }
    keys
};

/// Decides one `tax_info` entry: `country` (alpha-3), `document_type` and `document_id` as
/// written. `today` bounds the birth dates of the schemes that hold one (`None`: no bound).
///
/// The caller screens the `document_id` first: python-stdnum's answers are defined here for
/// ASCII text without control characters (the engine reports anything else as `non_ascii`
/// or `invalid_characters`); other input gets an answer, never a panic.
pub fn check(country_code: &str, document_type: &str, document_id: &str, today: Option<Date>) -> Verdict {
    let Some(country) = country(country_code) else {
        return Verdict::NotCovered;
    };
    if document_type == GENERIC {
        return match country.entries.iter().find(|e| e.scheme.check(document_id, today).is_ok()) {
            Some(e) => Verdict::Valid(e.scheme),
            None => Verdict::NoSchemeAccepts(country),
        };
    }
    match country.entries.iter().find(|e| e.names.contains(&document_type)) {
        Some(e) => match e.scheme.check(document_id, today) {
            Ok(()) => Verdict::Valid(e.scheme),
            Err(fault) => Verdict::Invalid(e.scheme, fault),
        },
        None => Verdict::Unverified,
    }
}

/// The first scheme of `country_code`, in the contract's order, that accepts `document_id`
/// (what a V1 `tin` migrates to). `None` also for a country outside the table.
pub fn first_accepting(country_code: &str, document_id: &str, today: Option<Date>) -> Option<&'static Entry> {
    country(country_code)?.entries.iter().find(|e| e.scheme.check(document_id, today).is_ok())
}

/// Every scheme with the countries and names that select it, as a Markdown table (for the
/// catalogue and `docs/rules.md`).
pub fn markdown_table() -> String {
    let mut out = String::from("| country | `document_type` | scheme | python-stdnum |\n|---|---|---|---|\n");
    for c in COUNTRIES {
        for e in c.entries {
            let names = if e.names.is_empty() {
                format!("`{GENERIC}` only")
            } else {
                e.names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
            };
            let reference = if e.scheme.module == us::SSN.module {
                "us.ssn, `AAA-GG-SSSS` only".to_owned()
            } else {
                e.scheme.module.to_owned()
            };
            out.push_str(&format!("| {} {} | {names} | {} | {reference} |\n", c.code, c.name, e.scheme.name));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_sorted_and_unique() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].code < w[1].code));
        assert_eq!(COUNTRIES.len(), 58);
        assert_eq!(COUNTRIES.iter().map(|c| c.entries.len()).sum::<usize>(), 72);
        for c in COUNTRIES {
            assert!(crate::rules::is_alpha3(c.code), "{}", c.code);
            assert_eq!(country(c.code).map(|x| x.code), Some(c.code));
            let mut names: Vec<_> = c.entries.iter().flat_map(|e| e.names).collect();
            let n = names.len();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), n, "{}: a name selects two schemes", c.code);
            assert!(!names.contains(&&GENERIC), "{}", c.code);
            assert!(names.iter().all(|n| n.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')));
        }
        assert!(country("XXX").is_none());
        assert!(country("US").is_none() && country("USAA").is_none() && country("").is_none());
        assert!(KEYS.windows(2).all(|w| w[0] < w[1]), "keys sorted as the codes are");
    }

    #[test]
    fn the_table_in_markdown_names_every_scheme_once_and_the_ssn_exception() {
        let md = markdown_table();
        assert_eq!(md.lines().count(), 2 + 72);
        assert!(md.contains("| USA United States | `SSN` | Social Security Number | us.ssn, `AAA-GG-SSSS` only |"));
        assert!(md.contains("| USA United States | `ITIN` | Individual Taxpayer Identification Number | us.itin |"));
        assert!(md.contains("| AUT Austria | `TIN` only | Abgabenkontonummer | at.tin |"));
        assert!(md.contains("| ARG Argentina | `CUIT`, `CUIL` |"));
    }

    #[test]
    fn accessors_equality_and_debug() {
        let arg = country("ARG").unwrap();
        assert_eq!((arg.code(), arg.name()), ("ARG", "Argentina"));
        assert_eq!(arg.entries()[0].names(), ["CUIT", "CUIL"]);
        assert_eq!(arg.entries()[0].document_type(), "CUIT");
        assert_eq!(country("AUT").unwrap().entries()[0].document_type(), GENERIC);
        assert_eq!(arg, country("ARG").unwrap());
        assert_ne!(arg, country("AUT").unwrap());
        assert_eq!(check("ARG", "TIN", "1", None), Verdict::NoSchemeAccepts(arg));
        assert_ne!(check("ARG", "TIN", "1", None), Verdict::NoSchemeAccepts(country("BRA").unwrap()));
        assert_eq!(format!("{:?}", ar::CUIT), "ar.cuit");
        // A compact form is a submitted value: Debug never shows it.
        let compact = ar::CUIT.compact("20-26756539-3").unwrap();
        assert_eq!(compact.as_str(), "20267565393");
        assert_eq!(format!("{compact:?}"), "Compact(..)");
    }

    #[test]
    fn generic_and_unlisted_names() {
        assert_eq!(check("AUT", "TIN", "59-119/9013", None), Verdict::Valid(&at::TIN));
        assert!(matches!(check("AUT", "TIN", "59-119/9014", None), Verdict::NoSchemeAccepts(c) if c.code == "AUT"));
        assert_eq!(check("AUT", "STNR", "59-119/9013", None), Verdict::Unverified);
        assert_eq!(check("ATA", "TIN", "1", None), Verdict::NotCovered);
        assert_eq!(check("BRA", "cpf", "390.533.447-05", None), Verdict::Unverified, "names are matched exactly");
        // USA: the SSN keeps its documented form; TIN accepts an SSN or an ITIN.
        assert_eq!(check("USA", "SSN", "123-45-6789", None), Verdict::Valid(&us::SSN));
        assert!(matches!(check("USA", "SSN", "123456789", None), Verdict::Invalid(..)));
        assert_eq!(first_accepting("USA", "123-45-6789", None).map(Entry::document_type), Some("SSN"));
        assert_eq!(first_accepting("AUT", "59-119/9013", None).map(Entry::document_type), Some("TIN"));
        assert!(first_accepting("FJI", "1", None).is_none());
    }
}
