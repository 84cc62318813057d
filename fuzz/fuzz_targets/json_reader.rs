//! The JSON front end's fast reader against serde_json, on any bytes.
//!
//! Asserts that the reader is sound: whatever it reads, serde_json reads too, to the same
//! value (the engine relies on it: a body the reader gives up on is read again by serde_json,
//! whose answer is the engine's, so the reader may only ever read what serde_json would, and
//! the same way).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    if let Some(fast) = kyc_rules::fuzzing::read_json_fast(body) {
        match serde_json::from_slice::<serde_json::Value>(body) {
            Ok(slow) => assert_eq!(fast, slow, "the fast reader and serde_json read different values"),
            Err(e) => panic!("the fast reader read a body serde_json rejects ({e})"),
        }
    }
});
