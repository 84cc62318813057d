//! The rule catalogue: every rule's codes, statuses, request kinds and
//! documentation, from one source — the rule's own module doc comment
//! (`## What it does`, `## Why`, `## Example` with `Invalid:` and `Valid:`),
//! embedded at compile time. `kyc-rules rules` and `kyc-rules explain CODE`
//! print it; `docs/rules.md` is generated from [`markdown`].

use crate::report::{Code, Severity};
use crate::rules::{Rule, RULES};
use crate::RequestKind;
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

impl Rule {
    /// The request kinds the rule applies to.
    pub fn kinds(&self) -> Vec<RequestKind> {
        let c = &self.check;
        let everywhere = c.field.is_some()
            || (c.create_v2.is_none() && c.attach_v2.is_none() && c.create_v1.is_none() && c.attach_v1.is_none());
        RequestKind::ALL
            .iter()
            .copied()
            .filter(|k| {
                everywhere
                    || match k {
                        RequestKind::CreateIndividualV2 => c.create_v2.is_some(),
                        RequestKind::AttachIndividualV2 => c.attach_v2.is_some(),
                        RequestKind::CreateIndividualV1 => c.create_v1.is_some(),
                        RequestKind::AttachIndividualV1 => c.attach_v1.is_some(),
                    }
            })
            .collect()
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
}
