//! Bounded reports: hostile bodies of about 1 MiB give reports of at most
//! `max_violations` violations, and the engine's peak heap while validating them stays
//! within a small multiple of the body (measured by a global allocator that tracks the
//! bytes in use).

use kyc_rules::{validate, Code, Context, Date, Options, Report, Request, RequestKind};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

struct Tracking;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = IN_USE.fetch_add(by, Ordering::SeqCst) + by;
    PEAK.fetch_max(now, Ordering::SeqCst);
}

// SAFETY: forwards to the system allocator, only keeping count of the bytes in use.
unsafe impl GlobalAlloc for Tracking {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::SeqCst);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            grew(new_size - layout.size());
        } else {
            IN_USE.fetch_sub(layout.size() - new_size, Ordering::SeqCst);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Tracking = Tracking;

/// One test at a time: the counters are global, and a test running beside another would
/// count the other's allocations.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// The report, and the peak heap in use during validation above what was in use before.
fn peak_during(kind: RequestKind, body: &[u8], options: &Options) -> (Report, usize) {
    let ctx = Context::on(Date::parse("2026-11-26").unwrap());
    let before = IN_USE.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    let report = validate(Request::json(kind, body), &ctx, options);
    let peak = PEAK.load(Ordering::SeqCst) - before;
    (report, peak)
}

const EXAMPLE: &str = include_str!("../examples/create-individual-v2.json");

/// The documented example with `member` (a JSON Pointer to an array) replaced by `items`
/// copies of `item`, as many as fit in about 1 MiB.
fn hostile(parent: &str, member: &str, item: &str) -> Vec<u8> {
    let mut body: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    body.pointer_mut(parent).unwrap()[member] = serde_json::json!("@");
    let text = serde_json::to_string(&body).unwrap();
    let room = 1024 * 1024 - text.len() - 16;
    let n = room / (item.len() + 1);
    let items = vec![item; n].join(",");
    text.replace("\"@\"", &format!("[{items}]")).into_bytes()
}

/// Bodies that produce one or more violations per few bytes.
fn bodies() -> Vec<(&'static str, Vec<u8>)> {
    let unknown: String =
        (0..100_000).map(|i| format!("\"x{i}\":1")).collect::<Vec<_>>().join(",").chars().take(1_000_000).collect();
    let unknown = format!("{{{}}}", unknown.rsplit_once(',').unwrap().0);
    vec![
        (
            "tax_info entries with an empty type and id and a lowercase country",
            hostile("/basic_info", "tax_info", r#"{"country_code":"usa","document_type":"","document_id":""}"#),
        ),
        ("repeated source_of_fund_ids", hostile("/financial_profile", "source_of_fund_ids", "1")),
        ("unknown members", unknown.into_bytes()),
        ("tax_info entries of the wrong type", hostile("/basic_info", "tax_info", "7")),
    ]
}

#[test]
fn hostile_bodies_give_bounded_reports_in_bounded_memory() {
    let _one = serial();
    // The default options: arrays are cut at 10,000 items (the items past the limit are
    // read but not kept), reports at 1,000 violations.
    let options = Options::default();
    for (what, body) in bodies() {
        assert!(body.len() <= 1024 * 1024 && body.len() > 900_000, "{what}: {} bytes", body.len());
        let (report, peak) = peak_during(RequestKind::CreateIndividualV2, &body, &options);
        assert!(report.truncated, "{what}: {} violations", report.total);
        assert!(report.total > 9_000, "{what}: {} violations", report.total);
        assert_eq!(report.violations.len(), options.max_violations, "{what}");
        let json = serde_json::to_vec(&report).unwrap();
        assert!(json.len() < 400 * options.max_violations, "{what}: a {} byte report", json.len());
        // What remains is the owned typed model the raw path builds (at most 10,000 items an
        // array) and the names of unknown members, kept to find their repeats (about 5 x the
        // body for an object of 90,000 unknown members, the worst case measured); the
        // violations past the bound are not kept.
        let ratio = peak as f64 / body.len() as f64;
        println!("{what}: {} violations, peak heap {peak} bytes = {ratio:.2} x the body", report.total);
        assert!(ratio < 6.0, "{what}: peak heap {peak} bytes for a {} byte body", body.len());
    }
}

#[test]
fn unbounded_reports_are_complete_and_bounded_ones_are_their_prefix() {
    let _one = serial();
    let (_, body) = bodies().swap_remove(0);
    let all = Options::default().with_max_array_items(usize::MAX).with_max_violations(usize::MAX);
    let (full, _) = peak_during(RequestKind::CreateIndividualV2, &body, &all);
    assert!(!full.truncated);
    assert_eq!(full.total, full.violations.len());
    for n in [0, 1, 7, 1_000, full.total - 1, full.total, full.total + 1] {
        let (bounded, _) = peak_during(RequestKind::CreateIndividualV2, &body, &all.clone().with_max_violations(n));
        assert_eq!(bounded.violations, full.violations[..n.min(full.total)], "bound {n}");
        assert_eq!(bounded.truncated, n < full.total, "bound {n}");
        assert_eq!((bounded.valid, bounded.status, bounded.total), (full.valid, full.status, full.total), "bound {n}");
    }
}

#[test]
fn the_status_counts_violations_past_the_bound() {
    let _one = serial();
    // A 403 (a file the customer does not own) sorts after the unknown members at the top
    // (`/a...` < `/identifying_documents`): with a bound of 1 it is left out of the list but
    // still sets the status.
    let body = br#"{"a": 1, "identifying_documents": [{"type": "PASSPORT", "number": "X1", "country": "USA",
        "issue_date": "2020-01-15", "expiry_date": "2030-01-15", "files": [{"uri": "/Zzzzzzzz_p.jpg"}]}],
        "address_documents": [{"type": "UTILITY_BILL", "country": "USA", "issue_date": "2026-01-15",
        "files": [{"uri": "/Yyyyyyyy_bill.pdf"}]}]}"#;
    let ctx: Context = serde_json::from_str(
        r#"{"today": "2026-11-26", "customer": {"status": "INCOMPLETE", "country_of_residence": "USA",
            "file_uris": ["/Yyyyyyyy_bill.pdf"]}}"#,
    )
    .unwrap();
    let run = |n| {
        validate(
            Request::json(RequestKind::AttachIndividualV2, body)
                .with_customer_id("0ca13984-63f3-45d7-99a7-52b9133f0259"),
            &ctx,
            &Options::default().with_max_violations(n),
        )
    };
    let full = run(usize::MAX);
    assert_eq!(full.status, 403, "{full:?}");
    assert!(full.has(Code::FileNotOwned));
    let one = run(1);
    assert_eq!(one.violations.len(), 1);
    assert_ne!(one.violations[0].code, Code::FileNotOwned);
    assert!(one.truncated);
    assert_eq!((one.valid, one.status), (false, 403));
}
