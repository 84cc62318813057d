//! Every tax-ID scheme agrees with python-stdnum 2.2 on the committed fixtures.
//!
//! `tests/data/tax_ids/<module>.tsv` is written by `scripts/gen_tax_id_fixtures.py` from the
//! reference (at least 200 valid numbers per scheme, python-stdnum's own `format()` output
//! among them, and at least 200 near-misses): `valid<TAB>tin<TAB>=compact<TAB>input`, where
//! `valid` is the module's `is_valid`, `tin` what `document_type: "TIN"` must answer for the
//! country (some scheme of it accepts), and `compact` the module's `compact`. The US SSN's
//! file follows the contract's strict form instead (see the generator).
//!
//! Each line is checked through the scheme, through `tax_id::check` with every name that
//! selects the scheme and with `TIN`, and through `validate()` on the documented example with
//! its `tax_info` replaced (raw JSON and the typed model).

use kyc_rules::tax_id::{self, Country, Entry, Verdict};
use kyc_rules::{validate, Code, Context, CreateIndividualV2, Date, Options, Request, RequestKind};
use std::path::Path;

/// The date the fixtures were generated against (their header says it too).
fn today() -> Date {
    Date::parse("2026-12-01").unwrap()
}

struct Fixture {
    module: String,
    lines: Vec<Line>,
}

struct Line {
    valid: bool,
    tin: bool,
    compact: Option<String>,
    input: String,
}

fn fixtures() -> Vec<Fixture> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tax_ids");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let module = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("# python-stdnum 2.2 "), "{module}: header names the reference");
        assert!(text.lines().next().unwrap().contains("today 2026-12-01"), "{module}: header names today");
        let lines = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| {
                let mut cols = l.splitn(4, '\t');
                let mut next = || cols.next().unwrap_or_else(|| panic!("{module}: short line {l:?}"));
                let (valid, tin, compact, input) = (next(), next(), next(), next());
                Line {
                    valid: valid == "1",
                    tin: tin == "1",
                    compact: compact.strip_prefix('=').map(str::to_owned),
                    input: input.to_owned(),
                }
            })
            .collect();
        out.push(Fixture { module, lines });
    }
    out.sort_by(|a, b| a.module.cmp(&b.module));
    out
}

/// The country and entry a fixture's module belongs to (`sk.rc` is `cz.rc` for Slovakia).
fn entry_of(module: &str) -> (&'static Country, &'static Entry) {
    let (country, module) = if module == "sk.rc" { (Some("SVK"), "cz.rc") } else { (None, module) };
    tax_id::COUNTRIES
        .iter()
        .filter(|c| country.map_or(true, |code| c.code() == code))
        .flat_map(|c| c.entries().iter().map(move |e| (c, e)))
        .find(|(_, e)| e.scheme().module() == module)
        .unwrap_or_else(|| panic!("no entry for {module}"))
}

#[test]
fn every_scheme_has_a_fixture_of_200_valid_and_200_invalid_numbers() {
    let fixtures = fixtures();
    let entries: usize = tax_id::COUNTRIES.iter().map(|c| c.entries().len()).sum();
    assert_eq!(fixtures.len(), entries, "one fixture per (country, scheme)");
    for f in &fixtures {
        let valid = f.lines.iter().filter(|l| l.valid).count();
        assert!(valid >= 200, "{}: {valid} valid", f.module);
        assert!(f.lines.len() - valid >= 200, "{}: {} invalid", f.module, f.lines.len() - valid);
        let _ = entry_of(&f.module);
    }
}

#[test]
fn every_scheme_agrees_with_python_stdnum() {
    let today = Some(today());
    let mut disagreements = Vec::new();
    let mut checked = 0;
    for f in fixtures() {
        let (country, entry) = entry_of(&f.module);
        let scheme = entry.scheme();
        for l in &f.lines {
            checked += 1;
            let got = scheme.check(&l.input, today);
            if got.is_ok() != l.valid {
                disagreements.push(format!("{}: {:?}: reference {}, ours {got:?}", f.module, l.input, l.valid));
            }
            if let Some(want) = l.compact.as_deref().filter(|c| c.len() <= tax_id::Compact::CAPACITY) {
                let ours = scheme.compact(&l.input);
                let ours = ours.as_ref().map(|c| c.as_str());
                // us.itin judges where the dashes are written, which its compact form forgets:
                // ours keeps a number with misplaced dashes as written, so that it and its
                // compact form get the same (negative) answer.
                let itin_as_written = f.module == "us.itin" && !l.valid && ours == Some(l.input.trim());
                if ours != Some(want) && !itin_as_written {
                    disagreements.push(format!("{}: {:?}: compact differs", f.module, l.input));
                }
            }
            for name in entry.names() {
                let verdict = tax_id::check(country.code(), name, &l.input, today);
                if matches!(verdict, Verdict::Valid(_)) != l.valid {
                    disagreements.push(format!("{} as {name}: {:?}: {verdict:?}", f.module, l.input));
                }
            }
            let verdict = tax_id::check(country.code(), tax_id::GENERIC, &l.input, today);
            if matches!(verdict, Verdict::Valid(_)) != l.tin {
                disagreements.push(format!("{} as TIN: {:?}: {verdict:?}", f.module, l.input));
            }
        }
    }
    assert!(checked > 30_000, "{checked} lines");
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// The documented example with one `tax_info` entry.
fn request(country: &str, document_type: &str, document_id: &str) -> Vec<u8> {
    static EXAMPLE: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    let mut body = EXAMPLE
        .get_or_init(|| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/create-individual-v2.json");
            serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
        })
        .clone();
    body["basic_info"]["tax_info"] = serde_json::json!([{
        "country_code": country, "document_type": document_type, "document_id": document_id
    }]);
    serde_json::to_vec(&body).unwrap()
}

/// The codes reported at the entry's members, and whether the typed model agrees.
fn tax_codes(body: &[u8], ctx: &Context) -> Vec<(Code, String)> {
    let report = validate(Request::json(RequestKind::CreateIndividualV2, body), ctx, &Options::default());
    let typed: CreateIndividualV2 = serde_json::from_slice(body).unwrap();
    let typed_report = validate(Request::create_individual_v2(&typed), ctx, &Options::default());
    assert_eq!(report, typed_report, "raw and typed reports differ");
    report
        .violations
        .into_iter()
        .filter(|v| v.path().starts_with("/basic_info/tax_info/0/"))
        .map(|v| (v.code, v.path().to_owned()))
        .collect()
}

#[test]
fn validate_reports_invalid_tax_id_exactly_where_python_stdnum_says_invalid() {
    let ctx = Context::on(today());
    let id_path = "/basic_info/tax_info/0/document_id".to_owned();
    let mut checked = 0;
    for f in fixtures() {
        let (country, entry) = entry_of(&f.module);
        // Every line through one name of the scheme, every fourth also through TIN (the
        // previous test covers TIN on every line without the request around it).
        for (i, l) in f.lines.iter().enumerate() {
            let mut cases = vec![];
            if let Some(name) = entry.names().first() {
                cases.push((*name, l.valid));
            }
            if i % 4 == 0 || entry.names().is_empty() {
                cases.push((tax_id::GENERIC, l.tin));
            }
            for (name, valid) in cases {
                let want = if valid { vec![] } else { vec![(Code::InvalidTaxId, id_path.clone())] };
                let got = tax_codes(&request(country.code(), name, &l.input), &ctx);
                assert_eq!(got, want, "{} as {name}: {:?}", f.module, l.input);
                checked += 1;
            }
        }
    }
    assert!(checked > 30_000, "{checked} requests");
}

#[test]
fn unlisted_types_warn_and_other_countries_are_not_checked() {
    let ctx = Context::on(today());
    let got = tax_codes(&request("BRA", "PASSPORT", "anything"), &ctx);
    assert_eq!(got, vec![(Code::TaxIdUnverified, "/basic_info/tax_info/0/document_type".to_owned())]);
    assert_eq!(tax_codes(&request("FJI", "TIN", "anything"), &ctx), vec![]);
    assert_eq!(tax_codes(&request("FJI", "PASSPORT", "anything"), &ctx), vec![]);
    // One violation per cause: an unclean or non-ASCII ID is reported by its own rule only.
    let got = tax_codes(&request("BRA", "CPF", "390.533.447-0\u{0007}"), &ctx);
    assert_eq!(got, vec![(Code::InvalidCharacters, "/basic_info/tax_info/0/document_id".to_owned())]);
    let got = tax_codes(&request("BRA", "CPF", "390.533.447-0٥"), &ctx);
    assert_eq!(got, vec![(Code::NonAscii, "/basic_info/tax_info/0/document_id".to_owned())]);
    let got = tax_codes(&request("BRA", "CPF", "  "), &ctx);
    assert_eq!(got, vec![(Code::Empty, "/basic_info/tax_info/0/document_id".to_owned())]);
}

#[test]
fn messages_name_the_scheme_and_never_the_number() {
    let ctx = Context::on(today());
    let body = request("BRA", "CPF", "390.533.447-06");
    let report = validate(Request::json(RequestKind::CreateIndividualV2, &body), &ctx, &Options::default());
    let v = report.violations.iter().find(|v| v.code == Code::InvalidTaxId).unwrap();
    assert!(v.message().contains("Cadastro de Pessoas Físicas"), "{}", v.message());
    assert!(v.message().contains("check digit"), "{}", v.message());
    assert!(!v.message().contains("390") && !v.message().contains("447"), "{}", v.message());
    let body = request("ARG", "TIN", "1");
    let report = validate(Request::json(RequestKind::CreateIndividualV2, &body), &ctx, &Options::default());
    let v = report.violations.iter().find(|v| v.code == Code::InvalidTaxId).unwrap();
    assert!(v.message().contains("Argentina"), "{}", v.message());
}
