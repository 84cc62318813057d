//! Validate a request built in code, as an SDK would before the network call:
//! `cargo run --example typed_request`.

use kyc_rules::model::{
    AddressV2, BasicInfoV2, CreateIndividualV2, EmploymentStatus, FinancialProfileV2, TaxInfo, VerificationType,
};
use kyc_rules::{validate, Context, Date, Options, Request};

fn main() {
    let request = CreateIndividualV2 {
        verification_type: Some(VerificationType::Standard),
        basic_info: Some(BasicInfoV2 {
            first_name: Some("María".into()),
            first_name_en: Some("Maria".into()),
            last_name: Some("Garcia".into()),
            dob: Some("1990-04-15".into()),
            email: Some("Maria.Garcia@example.com".into()), // not lowercase: reported
            phone: Some("+14155552671".into()),
            country_of_residence: Some("USA".into()),
            primary_nationality: Some("USA".into()),
            tax_info: Some(vec![TaxInfo {
                country_code: Some("USA".into()),
                document_type: Some("SSN".into()),
                document_id: Some("123-45-6789".into()),
            }]),
            ..Default::default()
        }),
        address: Some(AddressV2 {
            street_line_1: Some("123 Market Street".into()),
            city: Some("San Francisco".into()),
            subdivision_code: Some("CA".into()), // bare code: reported, US-CA suggested
            postal_code: Some("94103".into()),
            country: Some("USA".into()),
            ..Default::default()
        }),
        financial_profile: Some(FinancialProfileV2 {
            employment_status: Some(EmploymentStatus::Employed),
            occupation_id: Some(42),
            purpose_id: Some(3),
            source_of_fund_ids: Some(vec![1, 5]),
            monthly_volume_usd: Some(5000),
            ..Default::default()
        }),
        meta_data: None,
    };
    let ctx = Context::on(Date::parse("2026-11-26").expect("a date"));
    let report = validate(Request::create_individual_v2(&request), &ctx, &Options::default().with_suggestions(true));
    for v in &report.violations {
        let fix = v.suggestion.as_deref().map(|s| format!(" (suggested: {s})")).unwrap_or_default();
        println!("{} {}: {}{fix}", v.path(), v.code, v.message());
    }
    assert_eq!(report.violations.len(), 2);
}
