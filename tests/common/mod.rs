//! Helpers shared by the property tests: editing JSON bodies by pointer (the pointers the
//! tests build never need escaping), an independent calendar, a small deterministic RNG,
//! and the expectations' shorthand.
#![allow(dead_code)] // each test binary uses its own subset

use proptest::prelude::ProptestConfig;
use serde_json::Value;

pub fn split(ptr: &str) -> (&str, &str) {
    ptr.rsplit_once('/').expect("a member pointer")
}

pub fn set(j: &mut Value, ptr: &str, new: Value) {
    let (parent, key) = split(ptr);
    match j.pointer_mut(parent) {
        Some(Value::Object(m)) => {
            m.insert(key.to_owned(), new);
        }
        Some(Value::Array(a)) => a[key.parse::<usize>().expect("index")] = new,
        _ => panic!("no container at {parent}"),
    }
}

pub fn remove(j: &mut Value, ptr: &str) {
    let (parent, key) = split(ptr);
    match j.pointer_mut(parent) {
        Some(Value::Object(m)) => {
            m.remove(key);
        }
        Some(Value::Array(a)) => {
            a.remove(key.parse::<usize>().expect("index"));
        }
        _ => panic!("no container at {parent}"),
    }
}

pub fn insert_item(j: &mut Value, array: &str, at: usize, new: Value) {
    match j.pointer_mut(array) {
        Some(Value::Array(a)) => a.insert(at, new),
        _ => panic!("no array at {array}"),
    }
}

pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn civil_from_days(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

pub fn e(code: &'static str, path: &str) -> (&'static str, String) {
    (code, path.to_owned())
}

pub fn edit(base: &Value, f: impl FnOnce(&mut Value)) -> Value {
    let mut j = base.clone();
    f(&mut j);
    j
}

/// JSON text of a string or a value.
pub fn js<T: serde::Serialize + ?Sized>(x: &T) -> String {
    serde_json::to_string(x).expect("serialise")
}

/// The longest prefix of `s` of at most `n` bytes that ends on a character boundary.
pub fn char_prefix(s: &str, mut n: usize) -> &str {
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    &s[..n]
}

/// Inserts `c` at a random character boundary of `s`.
pub fn insert_char(s: &str, c: char, rng: &mut Rng) -> String {
    let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).collect();
    let at = *rng.pick(&bounds);
    format!("{}{c}{}", &s[..at], &s[at..])
}

/// A small deterministic generator for choices inside one property case.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    pub fn in_range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
}

pub const FORBIDDEN: &[char] = &[
    '\u{0}', '\u{7}', '\n', '\u{1b}', '\u{1f}', '\u{7f}', '\u{85}', '\u{9f}', '\u{202a}', '\u{202e}', '\u{2066}',
    '\u{2069}',
];

/// `cases` cases (`PROPTEST_CASES` overrides it for deeper runs); no regression files are
/// written (a failure prints its minimal input).
pub fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}
