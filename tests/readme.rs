//! The README stays true: its rule table lists every code with its status.

use kyc_rules::{Code, Severity};

#[test]
fn readme_rule_table_lists_every_code_with_its_status() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for &code in Code::ALL {
        let status = match code.severity() {
            Severity::Warning => "warning".to_owned(),
            Severity::Error => code.status().unwrap().to_string(),
        };
        let row = format!("| `{}` | {} |", code.as_str(), status);
        assert!(readme.contains(&row), "README lacks the row {row}");
    }
}
