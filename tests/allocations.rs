//! The valid path allocates nothing: validating a typed, valid request makes
//! zero heap allocations (counted by a global allocator wrapper).

use kyc_rules::{validate, Context, Date, Options, Request, RequestKind};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    /// Allocations made by this thread: the tests run in parallel, and each counts its own.
    /// A `const` thread-local of a `Cell<usize>` has no destructor, so counting allocates nothing.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

// SAFETY: forwards to the system allocator, only counting calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let out = f();
    (out, ALLOCATIONS.with(Cell::get) - before)
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

/// The raw path (issue 12): the front end reads the body into the borrowed model (strings
/// borrowed from the body, arrays of up to two items inline, `meta_data` checked and not
/// kept), so validating the documented examples allocates nothing, as the typed path does.
#[test]
fn validating_the_raw_documented_examples_allocates_nothing() {
    let read = |name: &str| std::fs::read(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut ctx: Context = serde_json::from_str(
        r#"{"client": {"reliance_enabled": true}, "catalog": {"occupation_ids": [42], "purpose_ids": [3], "source_of_fund_ids": [1, 5]}}"#,
    )
    .unwrap();
    ctx.today = Some(Date::parse("2026-11-26").unwrap());
    let opts = Options::default();
    let body = read("create-individual-v2.json");
    let request = Request::json(RequestKind::CreateIndividualV2, &body);
    let (report, n) = allocations_during(|| validate(request, &ctx, &opts));
    assert!(report.valid, "{report:?}");
    assert_eq!(n, 0, "the raw create path allocated {n} times");

    let body = read("attach-individual-v2.json");
    let mut attach_ctx = Context::from_json(std::str::from_utf8(&read("attach-context.json")).unwrap()).unwrap();
    attach_ctx.today = ctx.today;
    let request = Request::json(RequestKind::AttachIndividualV2, &body).with_customer_id(CUSTOMER_ID);
    let (report, n) = allocations_during(|| validate(request, &attach_ctx, &opts));
    assert!(report.valid, "{report:?}");
    assert_eq!(n, 0, "the raw attach path allocated {n} times");

    // `meta_data` is read to be checked, not kept: nested arrays and objects of every kind of
    // value allocate nothing either.
    let text = String::from_utf8(read("create-individual-v2.json")).unwrap();
    let nested = r#""meta_data": {"a": [1, -1, 2.5, "x", true, null, [[], {}], {"b": [false, "y"]}], "#;
    let deep = text.replacen(r#""meta_data": {"#, nested, 1);
    assert_ne!(deep, text, "the example has meta_data");
    let request = Request::json(RequestKind::CreateIndividualV2, deep.as_bytes());
    let (report, n) = allocations_during(|| validate(request, &ctx, &opts));
    assert!(report.valid, "{report:?}");
    assert_eq!(n, 0, "meta_data's arrays allocated {n} times");

    // What does allocate on the raw path: a string with an escape. serde_json decodes it into
    // its scratch buffer (allocated, and grown, on first use) and the front end keeps a copy:
    // a few allocations for that member, nothing for the others.
    let text = String::from_utf8(read("create-individual-v2.json")).unwrap();
    let escaped = text.replacen(r#""city": ""#, r#""city": "\u0053"#, 1);
    assert_ne!(escaped, text, "the example has a city");
    let request = Request::json(RequestKind::CreateIndividualV2, escaped.as_bytes());
    let (report, n) = allocations_during(|| validate(request, &ctx, &opts));
    assert!(report.valid, "{report:?}");
    assert!((1..=4).contains(&n), "an escaped string allocated {n} times");
}

/// A well-formed `customer_id` path parameter.
const CUSTOMER_ID: &str = "0b7e2a1c-1f9e-4c3a-9d6b-2f5e8c1a7b34";
