//! The valid path allocates nothing: validating a typed, valid request makes
//! zero heap allocations (counted by a global allocator wrapper).

use kyc_rules::{validate, Context, Date, Options, Request};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator, only counting calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    let out = f();
    (out, ALLOCATIONS.load(Ordering::SeqCst) - before)
}

#[test]
fn validating_a_valid_typed_request_allocates_nothing() {
    let body = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/create-individual-v2.json")).unwrap();
    let mut req: kyc_rules::CreateIndividualV2 = serde_json::from_slice(&body).unwrap();
    // With a catalogue and client settings too, so those rules run.
    let mut ctx: Context = serde_json::from_str(
        r#"{"client": {"reliance_enabled": true}, "catalog": {"occupation_ids": [42], "purpose_ids": [3], "source_of_fund_ids": [1, 5]}}"#,
    )
    .unwrap();
    ctx.today = Some(Date::parse("2026-11-26").unwrap());
    let opts = Options::default();
    let (report, n) = allocations_during(|| validate(Request::create_individual_v2(&req), &ctx, &opts));
    assert!(report.valid, "{report:?}");
    assert_eq!(n, 0, "the valid typed path allocated {n} times");

    // A non-ASCII name with its transliteration, and several tax entries: still nothing.
    let bi = req.basic_info.as_mut().unwrap();
    bi.first_name = Some("María".into());
    bi.first_name_en = Some("Maria".into());
    let entry = bi.tax_info.as_ref().unwrap()[0].clone();
    for i in 0..10 {
        let mut e = entry.clone();
        e.document_id = Some(format!("123-45-{:04}", 1000 + i));
        bi.tax_info.as_mut().unwrap().push(e);
    }
    let (report, n) = allocations_during(|| validate(Request::create_individual_v2(&req), &ctx, &opts));
    assert!(report.valid, "{report:?}");
    assert_eq!(n, 0, "the valid typed path allocated {n} times");

    // The counter does count: an invalid request allocates its violations.
    req.basic_info.as_mut().unwrap().email = Some("Upper@Example.com".into());
    let (report, n) = allocations_during(|| validate(Request::create_individual_v2(&req), &ctx, &opts));
    assert!(!report.valid);
    assert!(n > 0);
}
