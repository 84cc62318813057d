//! Validate a raw JSON body, as a server would: `cargo run --example validate_json [FILE]`.
//!
//! Reads the body (default: the documented create example), validates it as
//! `create-individual-v2` on today's date, and prints each violation.

use kyc_rules::{validate, Context, Date, Options, Request, RequestKind};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "examples/create-individual-v2.json".to_owned());
    let body = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let ctx = Context { today: Date::from_days_since_unix_epoch((secs / 86_400) as i64), ..Context::default() };
    let report = validate(Request::json(RequestKind::CreateIndividualV2, &body), &ctx, &Options::default());
    if report.valid {
        println!("valid");
    }
    for v in &report.violations {
        println!("{:<30} {:<28} {}", v.path(), v.code, v.message());
    }
    std::process::exit(if report.valid { 0 } else { 1 });
}
