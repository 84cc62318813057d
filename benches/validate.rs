//! Criterion benchmarks: validation next to the cost of parsing the same bytes.
//!
//! `cargo bench` runs them. Baselines run in the same process on the same bytes,
//! so compare ratios, not absolute times.

use criterion::{criterion_group, criterion_main, Criterion};
use kyc_rules::{validate, Context, CreateIndividualV2, Date, Options, Request, RequestKind};
use std::hint::black_box;

const EXAMPLE: &[u8] = include_bytes!("../examples/create-individual-v2.json");

/// Baseline (a): the same fields into a plain struct, no validation.
mod plain {
    use serde::Deserialize;

    #[allow(dead_code)]
    #[derive(Deserialize)]
    pub struct Create {
        verification_type: String,
        basic_info: BasicInfo,
        address: Address,
        financial_profile: Profile,
        meta_data: Option<serde_json::Map<String, serde_json::Value>>,
    }
    #[allow(dead_code)]
    #[derive(Deserialize)]
    struct BasicInfo {
        first_name: String,
        first_name_en: Option<String>,
        middle_name: Option<String>,
        middle_name_en: Option<String>,
        last_name: String,
        last_name_en: Option<String>,
        dob: String,
        email: String,
        phone: String,
        country_of_residence: String,
        primary_nationality: String,
        secondary_nationality: Option<String>,
        gender: Option<String>,
        tax_info: Vec<Tax>,
    }
    #[allow(dead_code)]
    #[derive(Deserialize)]
    struct Tax {
        country_code: String,
        document_type: String,
        document_id: String,
    }
    #[allow(dead_code)]
    #[derive(Deserialize)]
    struct Address {
        street_line_1: String,
        street_line_1_en: Option<String>,
        street_line_2: Option<String>,
        street_line_2_en: Option<String>,
        city: String,
        subdivision_code: String,
        postal_code: String,
        country: String,
    }
    #[allow(dead_code)]
    #[derive(Deserialize)]
    struct Profile {
        employment_status: String,
        occupation_id: u64,
        purpose_id: u64,
        purpose_remarks: Option<String>,
        source_of_fund_ids: Vec<u64>,
        source_of_funds_description: Option<String>,
        monthly_volume_usd: u64,
    }
}

fn create_v2(c: &mut Criterion) {
    let ctx = Context::on(Date::parse("2026-11-26").unwrap());
    let opts = Options::default();
    let typed: CreateIndividualV2 = serde_json::from_slice(EXAMPLE).unwrap();
    let mut g = c.benchmark_group("create-individual-v2/valid");
    g.bench_function("baseline: serde_json into plain struct", |b| {
        b.iter(|| serde_json::from_slice::<plain::Create>(black_box(EXAMPLE)).unwrap())
    });
    g.bench_function("baseline: serde_json into Value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(EXAMPLE)).unwrap())
    });
    g.bench_function("validate raw bytes", |b| {
        b.iter(|| validate(Request::json(RequestKind::CreateIndividualV2, black_box(EXAMPLE)), &ctx, &opts))
    });
    g.bench_function("validate typed", |b| {
        b.iter(|| validate(Request::create_individual_v2(black_box(&typed)), &ctx, &opts))
    });
    g.finish();
}

criterion_group!(benches, create_v2);
criterion_main!(benches);
