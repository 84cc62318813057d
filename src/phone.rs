//! The country of an E.164 phone number, resolved the way libphonenumber resolves it.
//!
//! The provider checks phone numbers with libphonenumber, so this module reproduces what
//! `PhoneNumberUtil.getRegionCodeForNumber(parse("+..."))` answers, from libphonenumber's own
//! metadata (python-phonenumbers 9.0.43; see `src/data/phone.rs` and `scripts/README.md`).
//!
//! How libphonenumber decides, and so how this module does:
//!
//! 1. The country calling code is the first 1 to 3 digits that form an assigned code (assigned
//!    codes are prefix-free).  No such code: no region.
//! 2. A calling code used by a single region (`+33`: FR) gives that region, whatever follows.
//!    Non-geographic codes (`+800`, `+882`, ... region "001") give no country.
//! 3. A shared calling code (`+1`, `+7`, `+44`, `+47`, `+61`, ...) first gets the national
//!    prefix of its main region stripped when the number carries one (`+44 0 7797...`), as
//!    `parse` does; then the regions are tried in libphonenumber's order (main region first):
//!    a region with `leading_digits` wins when they match at the start of the national number;
//!    any other region wins when the number is valid there (matches the general pattern and
//!    one of the number-type patterns).  The first winner is the answer; none: no region.
//!
//! Patterns are libphonenumber's regular expressions, kept verbatim.  They use a small subset
//! (digits, `\d`, `[...]`, groups, `|`, `?`, `{n,m}`), which is evaluated here on the *set* of
//! positions reachable in the at most 15-digit input, held as a bitmask: a digit class
//! advances every position whose digit it accepts, alternation is union, a sequence
//! composes, a quantifier iterates.  The work is bounded by the size of the static pattern
//! (times its repetition counts), whatever the input; it needs no allocation, no regex engine
//! and no lazily built state, and recursion follows only the nesting of the static patterns
//! (at most 8 deep, checked by the generator), never the input.

use crate::data::phone::{CallingCode, Desc, Rule, Strip, CALLING_CODES, NON_ISO_REGIONS};

/// Whether a phone number belongs to a country, per libphonenumber's region resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneMatch {
    /// The number resolves to the country.
    Match,
    /// The number resolves to another country, to no country (non-geographic `+800` etc.),
    /// has an unassigned calling code, or is unresolved under a calling code the country does
    /// not use.
    Mismatch,
    /// Nothing can be said: the country has no calling code of its own (`ATA`, `BVT`, `SGS`,
    /// `HMD`, `PCN`, `ATF`, `UMI`); or the number is unresolved under a calling code the
    /// country shares; or the inputs are not of the expected shape.
    NotApplicable,
}

/// The region libphonenumber gives an E.164 number (`region_code_for_number`).
///
/// `number` must be `+` followed by 8 to 15 ASCII digits (the caller checks that shape); any
/// other input gives `None`.  Also `None` where libphonenumber gives no region or the
/// non-geographic "001": unassigned calling code, `+800`/`+882`/..., or a number under a
/// shared calling code that no region claims.
///
/// The answer is libphonenumber's region code: an ISO 3166-1 alpha-2 code except `"AC"`
/// (Ascension) and `"TA"` (Tristan da Cunha), both part of ISO's `SH`, and `"XK"` (Kosovo).
///
/// `"+14165550123"` is `"CA"`, `"+14155552671"` `"US"`, `"+17875550123"` `"PR"`,
/// `"+447797123456"` `"JE"` (Jersey, not GB), `"+77012345678"` `"KZ"`.
#[must_use]
pub fn region_for_number(number: &str) -> Option<&'static str> {
    let digits = e164_digits(number)?;
    let (cc, national) = split_calling_code(digits)?;
    resolve(cc, national).filter(|r| *r != "001")
}

/// Does `number` (E.164, see [`region_for_number`]) belong to `country_alpha3`, an ISO 3166-1
/// alpha-3 code?
///
/// * The country has no libphonenumber region, i.e. no calling code of its own (`ATA`, `BVT`,
///   `SGS`, `HMD`, `PCN`, `ATF`, `UMI`): [`NotApplicable`].
/// * Unassigned or non-geographic calling code (`+999...`, `+800...`): [`Mismatch`].
/// * Resolved region: [`Match`] when it is the country, else [`Mismatch`].  Ascension (`AC`)
///   and Tristan da Cunha (`TA`) count as `SHN`; Kosovo (`XK`) matches no ISO country.
/// * Unresolved (no region of a shared calling code claims the number): [`NotApplicable`] when
///   the country is one of that calling code's regions (libphonenumber cannot tell), else
///   [`Mismatch`].
/// * `number` not of the E.164 shape, or `country_alpha3` not an ISO 3166-1 alpha-3 code:
///   [`NotApplicable`] (other rules report those).
///
/// `+1416...` is a [`Mismatch`] for `USA` and a [`Match`] for `CAN`; `+1787...` matches `PRI`;
/// `+447797...` matches `JEY` and not `GBR`.
///
/// [`Match`]: PhoneMatch::Match
/// [`Mismatch`]: PhoneMatch::Mismatch
/// [`NotApplicable`]: PhoneMatch::NotApplicable
#[must_use]
pub fn matches_country(number: &str, country_alpha3: &str) -> PhoneMatch {
    let Some(alpha2) = crate::subdivision::alpha2_of(country_alpha3) else {
        return PhoneMatch::NotApplicable;
    };
    let Some(digits) = e164_digits(number) else {
        return PhoneMatch::NotApplicable;
    };
    if !has_region(alpha2) {
        return PhoneMatch::NotApplicable;
    }
    let Some((cc, national)) = split_calling_code(digits) else {
        return PhoneMatch::Mismatch;
    };
    match resolve(cc, national) {
        Some(region) if iso_alpha2(region) == Some(alpha2) => PhoneMatch::Match,
        Some(_) => PhoneMatch::Mismatch,
        None if cc.regions.iter().any(|r| iso_alpha2(r) == Some(alpha2)) => PhoneMatch::NotApplicable,
        None => PhoneMatch::Mismatch,
    }
}

/// The digits of `+` then 8..=15 ASCII digits.
fn e164_digits(number: &str) -> Option<&[u8]> {
    let digits = number.strip_prefix('+')?.as_bytes();
    let shape = (8..=15).contains(&digits.len()) && digits.iter().all(u8::is_ascii_digit);
    shape.then_some(digits)
}

/// The assigned calling code the digits start with, and the national number after it.
fn split_calling_code(digits: &[u8]) -> Option<(&'static CallingCode, &[u8])> {
    if digits.first() == Some(&b'0') {
        return None;
    }
    let mut code: u16 = 0;
    for (i, d) in digits.iter().take(3).enumerate() {
        let digit = d.checked_sub(b'0').filter(|v| *v <= 9)?;
        code = code * 10 + u16::from(digit);
        if let Ok(index) = CALLING_CODES.binary_search_by_key(&code, |c| c.code) {
            let entry = CALLING_CODES.get(index)?;
            return Some((entry, digits.get(i + 1..)?));
        }
    }
    None
}

/// `region_code_for_number` for the calling code and the national number.
fn resolve(cc: &'static CallingCode, national: &[u8]) -> Option<&'static str> {
    if let [only] = cc.regions {
        return Some(*only);
    }
    let national = match &cc.strip {
        Some(strip) => strip_national_prefix(strip, national),
        None => national,
    };
    let number = Digits::new(national);
    cc.regions.iter().zip(cc.rules).find(|(_, rule)| wins(rule, &number)).map(|(region, _)| *region)
}

/// `parse`'s national prefix stripping (`maybeStripNationalPrefixAndCarrierCode` followed by
/// the possible-length test), for prefixes without a transform rule.
fn strip_national_prefix<'a>(strip: &Strip, national: &'a [u8]) -> &'a [u8] {
    let number = Digits::new(national);
    let ends = eval(strip.prefix, &number);
    if ends == 0 {
        return national;
    }
    // The generator checks that the prefix language is prefix-free, so there is one end.
    let end = ends.trailing_zeros() as usize;
    let Some(stripped) = national.get(end..) else {
        return national;
    };
    let viable_original = full_match(strip.general, &number);
    if viable_original && !full_match(strip.general, &Digits::new(stripped)) {
        return national;
    }
    // testNumberLength: keep the prefix when the rest is local-only, too short or of an
    // invalid length; strip when it is of a possible length or longer than all of them.
    let len = stripped.len();
    // The possible lengths >= len, shifted down so that bit 0 stands for len itself.
    let from_len = u32::try_from(len).ok().and_then(|n| strip.lengths.checked_shr(n)).unwrap_or(0);
    let possible = from_len & 1 != 0;
    let too_long = from_len == 0;
    if has_length(strip.local_only, len) || !(possible || too_long) {
        return national;
    }
    stripped
}

/// Does a region of a shared calling code claim the number?
fn wins(rule: &Rule, number: &Digits) -> bool {
    match rule {
        Rule::LeadingDigits(pattern) => eval(pattern, number) != 0,
        Rule::Valid { general, types } => {
            matches_desc(general, number) && types.iter().any(|t| matches_desc(t, number))
        }
        Rule::Never => false,
    }
}

/// `_is_number_matching_desc`: possible length, then the full pattern.
fn matches_desc(desc: &Desc, number: &Digits) -> bool {
    has_length(desc.lengths, number.len) && full_match(desc.pattern, number)
}

fn has_length(mask: u32, len: usize) -> bool {
    len < 32 && mask & (1 << len) != 0
}

fn full_match(pattern: &str, number: &Digits) -> bool {
    eval(pattern, number) & (1 << number.len) != 0
}

/// The ISO 3166-1 alpha-2 code a libphonenumber region stands for.
fn iso_alpha2(region: &'static str) -> Option<&'static str> {
    match NON_ISO_REGIONS.iter().find(|(r, _)| *r == region) {
        Some((_, iso)) => *iso,
        None => Some(region),
    }
}

/// Is some libphonenumber region that ISO country (directly or as AC/TA for SH)?
fn has_region(alpha2: &str) -> bool {
    CALLING_CODES.iter().flat_map(|c| c.regions).any(|r| iso_alpha2(r) == Some(alpha2))
}

// ---------------------------------------------------------------------------------------------
// Pattern evaluation on position sets.
// ---------------------------------------------------------------------------------------------

/// A set of positions 0..=len in the input: bit `p` = "the pattern so far can end at `p`".
type Set = u32;

/// Input prepared for evaluation: for each digit, the positions where it occurs.
struct Digits {
    at: [Set; 10],
    any: Set,
    len: usize,
}

impl Digits {
    /// At most 31 digits are represented (inputs here have at most 14).
    fn new(digits: &[u8]) -> Self {
        let mut at = [0; 10];
        let mut any = 0;
        let len = digits.len().min(31);
        for (p, d) in digits.iter().take(len).enumerate() {
            if let Some(slot) = at.get_mut(usize::from(d.wrapping_sub(b'0'))) {
                *slot |= 1 << p;
                any |= 1 << p;
            }
        }
        Digits { at, any, len }
    }

    /// The positions after one digit of `class` (bit `d` = digit `d`) from positions `set`.
    fn step(&self, set: Set, class: u16) -> Set {
        let allowed = if class == ALL_DIGITS {
            self.any
        } else {
            let mut allowed = 0;
            let mut rest = class;
            while rest != 0 {
                allowed |= self.at.get(rest.trailing_zeros() as usize).copied().unwrap_or(0);
                rest &= rest - 1;
            }
            allowed
        };
        (set & allowed) << 1
    }
}

/// The class `\d`.
const ALL_DIGITS: u16 = 0x3ff;

/// The malformed-pattern signal (the generator validates all patterns; this keeps the
/// evaluator total: a pattern it does not understand matches nothing).
struct Malformed;

/// Nesting limit for groups; the generator keeps the data at 8 or less.
const MAX_DEPTH: u8 = 16;

/// The end positions of `pattern` matched from position 0 (empty set: no match).
fn eval(pattern: &str, number: &Digits) -> Set {
    let p = pattern.as_bytes();
    let mut i = 0;
    match eval_alt(p, &mut i, 1, number, 0) {
        Ok(set) if i == p.len() => set,
        _ => 0,
    }
}

/// `alt := seq ('|' seq)*`, stopping before `)` or at the end.
fn eval_alt(p: &[u8], i: &mut usize, set: Set, n: &Digits, depth: u8) -> Result<Set, Malformed> {
    let mut acc = 0;
    loop {
        acc |= eval_seq(p, i, set, n, depth)?;
        if p.get(*i) == Some(&b'|') {
            *i += 1;
        } else {
            return Ok(acc);
        }
    }
}

/// `seq := (atom quantifier?)*`, stopping before `|`, `)` or at the end.
fn eval_seq(p: &[u8], i: &mut usize, set: Set, n: &Digits, depth: u8) -> Result<Set, Malformed> {
    let mut cur = set;
    while let Some(&c) = p.get(*i) {
        if c == b'|' || c == b')' {
            break;
        }
        if cur == 0 {
            // Nothing can match any more: skip the rest of this branch.
            skip_seq(p, i)?;
            break;
        }
        let start = *i;
        let once = eval_atom(p, i, cur, n, depth)?;
        cur = match quantifier(p, i)? {
            None => once,
            Some(q) => {
                let mut again = |s: Set| eval_atom(p, &mut { start }, s, n, depth);
                repeat(cur, once, q, &mut again)?
            }
        };
    }
    Ok(cur)
}

/// The union of `f^k(set)` for `min <= k <= max` (`max == None`: unbounded), given
/// `once = f(set)`.  Stops as soon as an iteration adds nothing new, which is exact because
/// `f` distributes over union.
fn repeat(
    set: Set,
    once: Set,
    (min, max): Quantifier,
    f: &mut dyn FnMut(Set) -> Result<Set, Malformed>,
) -> Result<Set, Malformed> {
    let (min, max) = (u16::from(min), max.map(u16::from));
    let mut acc = if min == 0 { set } else { 0 };
    let mut cur = once; // f^k(set)
    let mut k: u16 = 1;
    loop {
        if cur == 0 || max.is_some_and(|m| k > m) {
            return Ok(acc);
        }
        if k >= min {
            // acc is the union for min..k-1; if f^k adds nothing, no later power can.
            if k > min && cur & !acc == 0 {
                return Ok(acc);
            }
            acc |= cur;
        }
        cur = f(cur)?;
        k += 1; // at most 256 + 33 iterations: min <= 255, then acc grows every round
    }
}

/// `atom := DIGIT | '\d' | class | '(?:' alt ')' | '(' alt ')'`.
fn eval_atom(p: &[u8], i: &mut usize, set: Set, n: &Digits, depth: u8) -> Result<Set, Malformed> {
    match p.get(*i).copied().ok_or(Malformed)? {
        c @ b'0'..=b'9' => {
            *i += 1;
            Ok(n.step(set, 1 << (c - b'0')))
        }
        b'\\' => {
            if p.get(*i + 1) != Some(&b'd') {
                return Err(Malformed);
            }
            *i += 2;
            Ok(n.step(set, ALL_DIGITS))
        }
        b'[' => {
            let class = parse_class(p, i)?;
            Ok(n.step(set, class))
        }
        b'(' => {
            if depth >= MAX_DEPTH {
                return Err(Malformed);
            }
            *i += 1;
            if p.get(*i) == Some(&b'?') {
                if p.get(*i + 1) != Some(&b':') {
                    return Err(Malformed);
                }
                *i += 2;
            }
            let out = eval_alt(p, i, set, n, depth + 1)?;
            if p.get(*i) != Some(&b')') {
                return Err(Malformed);
            }
            *i += 1;
            Ok(out)
        }
        _ => Err(Malformed),
    }
}

/// `[...]` with digits, ranges and an optional leading `^`, as a 10-bit digit mask.
fn parse_class(p: &[u8], i: &mut usize) -> Result<u16, Malformed> {
    *i += 1; // '['
    let negated = p.get(*i) == Some(&b'^');
    if negated {
        *i += 1;
    }
    let mut class: u16 = 0;
    loop {
        let lo = match p.get(*i).copied().ok_or(Malformed)? {
            b']' => break,
            c @ b'0'..=b'9' => c - b'0',
            _ => return Err(Malformed),
        };
        *i += 1;
        let mut hi = lo;
        if p.get(*i) == Some(&b'-') {
            match p.get(*i + 1).copied() {
                Some(c @ b'0'..=b'9') if c - b'0' >= lo => hi = c - b'0',
                _ => return Err(Malformed),
            }
            *i += 2;
        }
        for d in lo..=hi {
            class |= 1 << d;
        }
    }
    *i += 1; // ']'
    Ok(if negated { !class & ALL_DIGITS } else { class })
}

/// Repetition bounds: minimum and maximum (`None`: unbounded).
type Quantifier = (u8, Option<u8>);

/// An optional quantifier after an atom: `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`.
fn quantifier(p: &[u8], i: &mut usize) -> Result<Option<Quantifier>, Malformed> {
    let q = match p.get(*i) {
        Some(b'?') => (0, Some(1)),
        Some(b'*') => (0, None),
        Some(b'+') => (1, None),
        Some(b'{') => {
            *i += 1;
            let min = number(p, i)?;
            let max = if p.get(*i) == Some(&b',') {
                *i += 1;
                if p.get(*i) == Some(&b'}') {
                    None
                } else {
                    Some(number(p, i)?)
                }
            } else {
                Some(min)
            };
            if p.get(*i) != Some(&b'}') || max.is_some_and(|m| m < min) {
                return Err(Malformed);
            }
            (min, max)
        }
        _ => return Ok(None),
    };
    *i += 1;
    Ok(Some(q))
}

/// A decimal number of at most 3 digits, at most 255.
fn number(p: &[u8], i: &mut usize) -> Result<u8, Malformed> {
    let mut value: u16 = 0;
    let start = *i;
    while let Some(&c @ b'0'..=b'9') = p.get(*i) {
        value = value * 10 + u16::from(c - b'0');
        *i += 1;
        if *i - start > 3 {
            return Err(Malformed);
        }
    }
    if *i == start {
        return Err(Malformed);
    }
    u8::try_from(value).map_err(|_| Malformed)
}

/// Moves `i` to the `|` or `)` ending the current branch (or to the end), skipping nested
/// groups and classes.
fn skip_seq(p: &[u8], i: &mut usize) -> Result<(), Malformed> {
    let mut depth: usize = 0;
    while let Some(&c) = p.get(*i) {
        match c {
            b'(' => depth += 1,
            b')' if depth == 0 => return Ok(()),
            b')' => depth -= 1,
            b'|' if depth == 0 => return Ok(()),
            b'\\' => *i += 1,
            b'[' => {
                while p.get(*i).is_some_and(|&c| c != b']') {
                    *i += 1;
                }
                if *i >= p.len() {
                    return Err(Malformed);
                }
            }
            _ => {}
        }
        *i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends(pattern: &str, digits: &str) -> Set {
        eval(pattern, &Digits::new(digits.as_bytes()))
    }

    fn full(pattern: &str, digits: &str) -> bool {
        full_match(pattern, &Digits::new(digits.as_bytes()))
    }

    #[test]
    fn evaluator_basics() {
        assert!(full(r"[2-9]\d{9}|3\d{6}", "4155552671"));
        assert!(full(r"[2-9]\d{9}|3\d{6}", "3123456"));
        assert!(!full(r"[2-9]\d{9}|3\d{6}", "415555267"));
        assert!(!full(r"[2-9]\d{9}", "1155552671"));
        assert_eq!(ends(r"8\d{6}(?:\d{2})?", "8123456789"), 1 << 7 | 1 << 9);
        assert_eq!(ends(r"\d{2,4}", "12345"), 0b11100);
        assert_eq!(ends(r"1?2", "12"), 1 << 2);
        assert_eq!(ends(r"1?2", "2"), 1 << 1);
        assert_eq!(ends(r"(183[12])|0", "18312"), 1 << 4);
        assert_eq!(ends(r"(183[12])|0", "05"), 1 << 1);
        assert_eq!(ends(r"[^0-8]", "9"), 1 << 1);
        assert_eq!(ends(r"1*", "1112"), 0b1111);
        assert_eq!(ends(r"(?:12)+", "121212"), 1 << 2 | 1 << 4 | 1 << 6);
        assert_eq!(ends(r"\d{2,}", "12345"), 0b11_1100);
        assert_eq!(ends(r"(?:1|12)(?:2|3)?", "123"), 0b1110);
        assert_eq!(ends("", "12"), 1);
    }

    /// Every pattern in the data against Python's `re` on generated inputs (fixture written by
    /// `scripts/gen_tables.py`): full match and match at the start.
    #[test]
    fn evaluator_agrees_with_python_re() {
        let fixture = include_str!("../tests/data/phone_patterns.tsv");
        let (mut patterns, mut cases) = (0, 0);
        let mut pattern = "";
        for line in fixture.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields[0] == "P" {
                pattern = fields[1];
                patterns += 1;
                continue;
            }
            let (input, full_expected, start_expected) = (fields[0], fields[1], fields[2]);
            let n = Digits::new(input.as_bytes());
            assert_eq!(full_match(pattern, &n), full_expected == "1", "{pattern} {input}");
            assert_eq!(eval(pattern, &n) != 0, start_expected == "1", "{pattern} {input}");
            cases += 1;
        }
        assert!(patterns > 100 && cases > 5_000, "{patterns} patterns, {cases} cases");
    }

    #[test]
    fn malformed_patterns_match_nothing() {
        for p in ["(", ")", "[1", "\\w", "1{2", "1{3,2}", "(?=1)", "1)", "a", "1{999}"] {
            assert_eq!(ends(p, "111"), 0, "{p}");
        }
    }

    #[test]
    fn all_data_patterns_are_well_formed() {
        // Every digit everywhere: no branch dies early, so every branch is parsed.
        let everything = Digits { at: [u32::MAX; 10], any: u32::MAX, len: 31 };
        let check = |p: &str| {
            let mut i = 0;
            let parsed = eval_alt(p.as_bytes(), &mut i, u32::MAX, &everything, 0);
            assert!(parsed.is_ok() && i == p.len(), "{p}");
        };
        for cc in &CALLING_CODES {
            for rule in cc.rules {
                match rule {
                    Rule::LeadingDigits(p) => check(p),
                    Rule::Valid { general, types } => {
                        check(general.pattern);
                        types.iter().for_each(|t| check(t.pattern));
                    }
                    Rule::Never => {}
                }
            }
            if let Some(s) = &cc.strip {
                check(s.prefix);
                check(s.general);
            }
        }
    }
}
