//! The rule catalogue: every rule's codes, statuses, request kinds and
//! documentation, from one source — the rule's own module doc comment
//! (`## What it does`, `## Why`, `## Example` with `Invalid:` and `Valid:`),
//! embedded at compile time. `kyc-rules rules` and `kyc-rules explain CODE`
//! print it; `docs/rules.md` is generated from [`markdown`].

use crate::model::{AttachIndividualV1, AttachIndividualV2, CreateIndividualV1, CreateIndividualV2, Field, Walk};
use crate::pointer::Loc;
use crate::report::{Code, Severity};
use crate::rules::{Rule, RULES};
use crate::RequestKind;
use serde::de::Visitor;
use serde::Serialize;

/// One code of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeDoc {
    /// The stable code.
    pub code: Code,
    /// Its severity.
    pub severity: Severity,
    /// Its HTTP status (`None` for warnings).
    pub status: Option<u16>,
}

/// A rule's documentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleDoc {
    /// The rule's name (its file under `src/rules/`).
    pub name: &'static str,
    /// The codes it emits.
    pub codes: Vec<CodeDoc>,
    /// The request kinds it applies to.
    pub kinds: Vec<&'static str>,
    /// One line.
    pub summary: &'static str,
    /// What it checks.
    pub what: String,
    /// Why, with the spec source.
    pub why: String,
    /// A request that breaks it.
    pub invalid_example: String,
    /// A close request that passes.
    pub valid_example: String,
    /// The spec section and sources.
    pub source: &'static str,
    /// A reference table the rule reads (Markdown), for the rules that have one: the tax-ID
    /// schemes of `invalid_tax_id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
}

/// The reference table of a rule, by rule name: generated from the data the rule reads.
fn table(rule: &str) -> Option<String> {
    match rule {
        "invalid_tax_id" => Some(crate::tax_id::markdown_table()),
        _ => None,
    }
}

/// The request kinds a rule emitted by the JSON front end alone (no check of its own) applies
/// to. The structural rules read any body; `v1_field` needs an object that declares V1 member
/// names (`@renamed` in the `schema!` declarations of `src/model.rs`), and only V2 objects do.
fn front_end_kinds(rule: &str) -> &'static [RequestKind] {
    match rule {
        "v1_field" => &[RequestKind::CreateIndividualV2, RequestKind::AttachIndividualV2],
        _ => RequestKind::ALL,
    }
}

/// The member classes (bits of [`Applies`](crate::rules::Applies)) a request of `kind` can hold: the walk of a
/// request with every member present (every optional member, one item in every array)
/// gives each member of the kind once, and each member can be of the class of its clean
/// value, [`UNCLEAN`](crate::rules::Applies::UNCLEAN) (strings), or absent ([`MISSING`](crate::rules::Applies::MISSING) when required,
/// [`ABSENT`](crate::rules::Applies::ABSENT) otherwise).
fn member_classes(kind: RequestKind) -> u32 {
    let mut bits = 0;
    let mut visit = |_: &Loc<'_>, field: Field<'_>| bits |= possible_classes(field);
    match kind {
        RequestKind::CreateIndividualV2 => full::<CreateIndividualV2>().walk(&mut visit),
        RequestKind::AttachIndividualV2 => full::<AttachIndividualV2>().walk(&mut visit),
        RequestKind::CreateIndividualV1 => full::<CreateIndividualV1>().walk(&mut visit),
        RequestKind::AttachIndividualV1 => full::<AttachIndividualV1>().walk(&mut visit),
    }
    bits
}

/// The classes one member can be of, whatever its value.
fn possible_classes(field: Field<'_>) -> u32 {
    let values = match field {
        Field::Str { kind, required, .. } => {
            [Some("x"), Some(" "), None].map(|value| Field::Str { value, kind, required })
        }
        Field::Int { kind, required, .. } => [Some(1), None, None].map(|value| Field::Int { value, kind, required }),
        Field::Array { min, max, required, .. } => {
            [Some(1), None, None].map(|len| Field::Array { len, min, max, required })
        }
        Field::Object { required, .. } => [true, false, false].map(|present| Field::Object { present, required }),
    };
    values.iter().fold(0, |bits, f| bits | 1 << f.class())
}

/// A typed request with every member present: every `Option` is `Some`, every array holds
/// one item, every string is `"x"` (so every closed set holds `Other("x")`: an identifying
/// document that is not a SELFIE, whose members are all walked), every number is 1, and free
/// maps (`meta_data`) are empty. Built through the model's own `Deserialize`, so a member
/// added to the model is present without anyone listing it here.
fn full<T: serde::de::DeserializeOwned>() -> T {
    T::deserialize(Full).expect("every model type reads from the full deserializer")
}

/// The deserializer behind [`full`].
struct Full;

impl<'de> serde::Deserializer<'de> for Full {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
        v.visit_str("x")
    }
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
        v.visit_some(Full)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
        v.visit_u64(1)
    }
    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
        v.visit_seq(serde::de::value::SeqDeserializer::new(std::iter::once(Full)))
    }
    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
        v.visit_map(serde::de::value::MapDeserializer::new(std::iter::empty::<(&str, &str)>()))
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Self::Error> {
        v.visit_map(serde::de::value::MapDeserializer::new(fields.iter().map(|&f| (f, Full))))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct tuple tuple_struct enum identifier ignored_any
    }
}

impl<'de> serde::de::IntoDeserializer<'de> for Full {
    type Deserializer = Full;
    fn into_deserializer(self) -> Full {
        self
    }
}

impl Rule {
    /// The request kinds the rule applies to: those with a whole-request check of the rule,
    /// those holding a member of a class its field check applies to (see `member_classes`),
    /// and, for a rule emitted by the JSON front end alone, `front_end_kinds`.
    pub fn kinds(&self) -> Vec<RequestKind> {
        RequestKind::ALL.iter().copied().filter(|&k| self.applies_to(k)).collect()
    }

    fn applies_to(&self, kind: RequestKind) -> bool {
        let c = &self.check;
        // The owned and the borrowed instantiations are the same functions (`checks!`).
        let w = &c.owned;
        let whole = match kind {
            RequestKind::CreateIndividualV2 => w.create_v2.is_some(),
            RequestKind::AttachIndividualV2 => w.attach_v2.is_some(),
            RequestKind::CreateIndividualV1 => w.create_v1.is_some(),
            RequestKind::AttachIndividualV1 => w.attach_v1.is_some(),
        };
        let field = c.field.is_some_and(|(applies, _)| applies.0 & member_classes(kind) != 0);
        let front_end_only = c.field.is_none()
            && w.create_v2.is_none()
            && w.attach_v2.is_none()
            && w.create_v1.is_none()
            && w.attach_v1.is_none();
        whole || field || (front_end_only && front_end_kinds(self.name).contains(&kind))
    }

    /// The rule's documentation, read from its module doc comment.
    pub fn doc(&self) -> RuleDoc {
        let sections = sections(self.doc);
        let section =
            |name: &str| sections.iter().find(|(n, _)| *n == name).map(|(_, t)| t.clone()).unwrap_or_default();
        let example = section("Example");
        let (invalid, valid) = split_example(&example);
        RuleDoc {
            name: self.name,
            codes: self
                .codes
                .iter()
                .map(|&code| CodeDoc { code, severity: code.severity(), status: code.status() })
                .collect(),
            kinds: self.kinds().iter().map(|k| k.as_str()).collect(),
            summary: self.summary,
            what: section("What it does"),
            why: section("Why"),
            invalid_example: invalid,
            valid_example: valid,
            source: self.source,
            table: table(self.name),
        }
    }
}

/// The `## ` sections of a leading `//!` comment, each as one paragraph-preserving text.
fn sections(source: &str) -> Vec<(&str, String)> {
    let mut out: Vec<(&str, String)> = Vec::new();
    for line in source.lines().take_while(|l| l.starts_with("//!")) {
        let text = line.trim_start_matches("//!").strip_prefix(' ').unwrap_or("");
        if let Some(name) = text.strip_prefix("## ") {
            out.push((name.trim(), String::new()));
        } else if let Some((_, body)) = out.last_mut() {
            if text.is_empty() {
                if !body.is_empty() && !body.ends_with("\n\n") {
                    body.push_str("\n\n");
                }
            } else {
                if !body.is_empty() && !body.ends_with('\n') {
                    body.push(if text.starts_with("- ") { '\n' } else { ' ' });
                }
                body.push_str(text);
            }
        }
    }
    for (_, body) in &mut out {
        let trimmed = body.trim_end().len();
        body.truncate(trimmed);
    }
    out
}

/// Splits an example section at `Valid:` into the invalid and the valid part.
fn split_example(example: &str) -> (String, String) {
    let Some(at) = example.find("Valid:") else { return (example.to_owned(), String::new()) };
    let invalid = example[..at].trim();
    let invalid = invalid.split_once(':').map_or(invalid, |(_, rest)| rest.trim());
    (invalid.to_owned(), example[at + "Valid:".len()..].trim().to_owned())
}

/// Every rule's documentation, in registry order.
pub fn catalog() -> Vec<RuleDoc> {
    RULES.iter().map(|r| r.doc()).collect()
}

/// The documentation of the rule that emits `code`.
pub fn explain(code: Code) -> Option<RuleDoc> {
    crate::rules::rule_for(code).map(Rule::doc)
}

/// One rule as Markdown (what `kyc-rules explain` prints).
pub fn rule_markdown(doc: &RuleDoc) -> String {
    let mut out = format!("## {}\n\n{}\n\n", doc.name, doc.summary);
    out.push_str("| code | severity | status |\n|---|---|---|\n");
    for c in &doc.codes {
        let status = c.status.map_or_else(|| "—".to_owned(), |s| s.to_string());
        let severity = match c.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!("| `{}` | {severity} | {status} |\n", c.code));
    }
    out.push_str(&format!("\nRequest kinds: {}.\n\n", doc.kinds.join(", ")));
    out.push_str(&format!("### What it does\n\n{}\n\n", doc.what));
    if let Some(table) = &doc.table {
        out.push_str(&format!("### Table\n\n{table}\n"));
    }
    out.push_str(&format!("### Why\n\n{}\n\nSource: {}\n\n", doc.why, doc.source));
    out.push_str(&format!("### Example\n\nInvalid: {}\n\nValid: {}\n", doc.invalid_example, doc.valid_example));
    out
}

/// The whole catalogue as Markdown: the content of `docs/rules.md`.
pub fn markdown() -> String {
    let docs = catalog();
    let mut out = String::from(
        "# Rules\n\nGenerated from the rule modules in `src/rules/` (`kyc-rules rules --format markdown`); \
         do not edit by hand.\n\n| rule | codes | summary |\n|---|---|---|\n",
    );
    for d in &docs {
        let codes: Vec<String> = d.codes.iter().map(|c| format!("`{}`", c.code)).collect();
        out.push_str(&format!("| [{}](#{}) | {} | {} |\n", d.name, d.name, codes.join(", "), d.summary));
    }
    for d in &docs {
        out.push('\n');
        out.push_str(&rule_markdown(d));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each kind of member can be present and valid, absent, and (a string) unclean; an absent
    /// member is `MISSING` when required, else `ABSENT` (test from mutation testing: the
    /// classes of every kind, not only of strings, are unions).
    #[test]
    fn possible_classes_of_each_kind_of_member() {
        use crate::model::{IntKind, StrKind};
        let bits = |classes: &[usize]| classes.iter().fold(0u32, |b, c| b | 1 << c);
        let cases = [
            (Field::Str { value: None, kind: StrKind::Text, required: true }, bits(&[0, 13, 14])),
            (Field::Str { value: None, kind: StrKind::Email, required: false }, bits(&[6, 13, 15])),
            (Field::Int { value: None, kind: IntKind::Id, required: true }, bits(&[9, 14])),
            (Field::Int { value: None, kind: IntKind::Amount, required: false }, bits(&[10, 15])),
            (Field::Array { len: None, min: 1, max: None, required: true }, bits(&[11, 14])),
            (Field::Object { present: false, required: false }, bits(&[12, 15])),
        ];
        for (field, want) in cases {
            assert_eq!(possible_classes(field), want, "{field:?}");
        }
    }

    #[test]
    fn every_rule_documents_every_part() {
        for d in catalog() {
            for (part, text) in [
                ("What it does", &d.what),
                ("Why", &d.why),
                ("invalid example", &d.invalid_example),
                ("valid example", &d.valid_example),
            ] {
                assert!(text.len() > 2, "rule {} lacks {part}", d.name);
            }
            assert!(!d.summary.is_empty() && !d.source.is_empty(), "rule {}", d.name);
            assert!(!d.codes.is_empty() && !d.kinds.is_empty(), "rule {}", d.name);
            assert!(
                d.why.contains("spec") || d.why.contains("RFC") || d.why.contains("S1"),
                "rule {} cites no source",
                d.name
            );
        }
    }

    #[test]
    fn sections_and_examples_parse() {
        let src = "//! ## What it does\n//! Checks a thing\n//! across lines.\n//!\n//! ## Example\n//! Invalid: `a`. Valid: `b`.\nuse x;";
        let s = sections(src);
        assert_eq!(s[0], ("What it does", "Checks a thing across lines.".to_owned()));
        assert_eq!(split_example(&s[1].1), ("`a`.".to_owned(), "`b`.".to_owned()));
        // A blank line right after a heading adds nothing; one between paragraphs keeps them apart;
        // list items start on their own line.
        let src = "//! ## Why\n//!\n//! One.\n//!\n//!\n//! Two\n//! - a\n//! - b\n";
        assert_eq!(sections(src)[0].1, "One.\n\nTwo\n- a\n- b");
    }

    #[test]
    fn kinds_follow_the_checks() {
        let d = explain(Code::AttachInProgress).unwrap();
        assert_eq!(d.kinds, ["attach-individual-v2"]);
        let d = explain(Code::Required).unwrap();
        assert_eq!(d.kinds.len(), RequestKind::ALL.len());
        let d = explain(Code::AgeOutOfRange).unwrap();
        assert_eq!(d.kinds, ["create-individual-v2"]);
    }

    #[test]
    fn kinds_follow_the_members_each_kind_has() {
        let kinds = |code| explain(code).unwrap().kinds;
        // Only V2 create has `_en` companions.
        assert_eq!(kinds(Code::TransliterationRequired), ["create-individual-v2"]);
        // The path parameter (V2 attach) and the body member (V1 attach); no create request has one.
        assert_eq!(kinds(Code::InvalidUuid), ["attach-individual-v2", "attach-individual-v1"]);
        // Emails, phones and catalogue IDs are members of create requests only.
        for code in [Code::InvalidEmail, Code::InvalidPhone, Code::OutOfRange] {
            assert_eq!(kinds(code), ["create-individual-v2", "create-individual-v1"], "{code}");
        }
        // A V1 create request has no array.
        assert_eq!(kinds(Code::TooFewItems), ["create-individual-v2", "attach-individual-v2", "attach-individual-v1"]);
        // V1 member names are reported in V2 requests.
        assert_eq!(kinds(Code::V1Field), ["create-individual-v2", "attach-individual-v2"]);
        // Every kind has required members, strings and objects.
        for code in [Code::Required, Code::Empty, Code::InvalidCharacters, Code::NonAscii, Code::UnknownField] {
            assert_eq!(kinds(code).len(), RequestKind::ALL.len(), "{code}");
        }
        for d in catalog() {
            assert!(!d.kinds.is_empty(), "rule {} lists no request kind", d.name);
        }
    }

    #[test]
    fn member_classes_come_from_the_walk() {
        use crate::rules::Applies;
        let has = |kind, class: Applies| member_classes(kind) & class.0 != 0;
        let v2 = RequestKind::CreateIndividualV2;
        // Every class a field can be of, but ABSENT-only members aside, occurs in V2 create.
        for class in [Applies::TRANSLITERABLE, Applies::COMPANION, Applies::EMAIL, Applies::PHONE, Applies::ID] {
            assert!(has(v2, class));
        }
        assert!(!has(v2, Applies::UUID));
        assert!(has(RequestKind::AttachIndividualV1, Applies::UUID));
        assert!(!has(RequestKind::CreateIndividualV1, Applies::ARRAY));
        // Array items are not objects of their own: a V2 attach body holds arrays and strings.
        assert!(!has(RequestKind::AttachIndividualV2, Applies::OBJECT));
        for kind in RequestKind::ALL.iter().copied() {
            for class in [Applies::TEXT, Applies::UNCLEAN, Applies::MISSING] {
                assert!(has(kind, class), "{kind}");
            }
            assert!(!has(kind, Applies::COMPANION) || kind == v2, "{kind}");
        }
        // The full request really has every optional member: a SELFIE-free document with dates.
        let full: AttachIndividualV2 = full();
        let doc = &full.identifying_documents.as_ref().unwrap()[0];
        assert!(!doc.is_selfie() && doc.state.is_some() && doc.files.as_ref().unwrap()[0].side.is_some());
    }

    /// V1 objects declare no V1 member names (`v1_field` is for V2 requests); V2 objects do.
    #[test]
    fn v1_field_kinds_match_the_front_end() {
        use crate::model::{
            AddressFileV1, AddressV1, AddressV2, BasicInfoV1, BasicInfoV2, FinancialProfileV1, FinancialProfileV2,
            ProofOfAddressV1, ProofOfIdentityV1,
        };
        use crate::parse::Object;
        for renamed in [
            CreateIndividualV1::RENAMED,
            BasicInfoV1::RENAMED,
            AddressV1::RENAMED,
            FinancialProfileV1::RENAMED,
            AttachIndividualV1::RENAMED,
            ProofOfIdentityV1::RENAMED,
            ProofOfAddressV1::RENAMED,
            AddressFileV1::RENAMED,
        ] {
            assert!(renamed.is_empty());
        }
        for renamed in
            [BasicInfoV2::RENAMED, AddressV2::RENAMED, FinancialProfileV2::RENAMED, AttachIndividualV2::RENAMED]
        {
            assert!(!renamed.is_empty());
        }
    }

    /// For each rule and each kind it lists, a fixture of that kind (its hand-written `expect`
    /// list, which `tests/fixtures.rs` holds to the report) triggers one of its codes; and no
    /// fixture triggers a code of a rule that does not list its kind.
    #[test]
    fn every_listed_kind_can_produce_the_rule_and_no_other_kind_does() {
        #[derive(serde::Deserialize)]
        struct Fixture {
            expect: Vec<(String, String)>,
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let docs = catalog();
        let mut failures = Vec::new();
        for &kind in RequestKind::ALL {
            let mut seen = std::collections::BTreeSet::new();
            let mut paths: Vec<_> = std::fs::read_dir(dir.join(kind.as_str()))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| {
                    p.extension().is_some_and(|x| x == "json") && !p.to_string_lossy().ends_with(".report.json")
                })
                .collect();
            paths.sort();
            assert!(paths.len() > 10, "{kind}: only {} fixtures", paths.len());
            for path in paths {
                let fixture: Fixture = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                for (code, _) in fixture.expect {
                    let code = Code::from_wire(&code).unwrap_or_else(|| panic!("{}: unknown {code}", path.display()));
                    let doc = explain(code).unwrap();
                    if !doc.kinds.contains(&kind.as_str()) {
                        failures.push(format!("{}: {code} of rule {} not listed for {kind}", path.display(), doc.name));
                    }
                    seen.insert(code);
                }
            }
            for d in &docs {
                if !d.kinds.contains(&kind.as_str()) {
                    continue;
                }
                if !d.codes.iter().any(|c| seen.contains(&c.code)) {
                    failures.push(format!("rule {} lists {kind}, but no fixture of {kind} triggers it", d.name));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
