//! Phone numbers as libphonenumber sees them: whether an E.164 number is possible, and its
//! country.
//!
//! The provider checks phone numbers with libphonenumber, so this module reproduces what
//! `PhoneNumberUtil.isPossibleNumberWithReason(parse("+..."))` and
//! `getRegionCodeForNumber(parse("+..."))` answer, from libphonenumber's own metadata
//! (python-phonenumbers 9.0.43; see `src/data/phone.rs` and `scripts/README.md`).  `parse`
//! here is `parse(number, None)`: the number carries its calling code after the `+`.
//!
//! # Possible numbers: [`possibility`]
//!
//! How libphonenumber decides, and so how this module does:
//!
//! 1. The country calling code is the first 1 to 3 digits that form an assigned code (assigned
//!    codes are prefix-free).  No such code: [`UnknownCallingCode`](Possibility::UnknownCallingCode)
//!    (but `parse` rejects 2 digits or fewer in all as too short, whatever they are).
//! 2. The rest is the national number; `parse` rejects it below 2 digits.
//! 3. `parse` may strip a national (trunk) prefix left in it (`+44 0 20...`, `+1 1 415...`) or
//!    rewrite it by a transform rule (Argentina's `0 11 15 ...` becomes `9 11 ...`, a 7-digit
//!    Malagasy number gains `20`), as the calling code's main region does: the first match of
//!    the region's `national_prefix_for_parsing` at the start (in the regex engine's order)
//!    gives a candidate, given up when the number matches the region's general pattern and
//!    the candidate does not.  The candidate replaces the number unless its length is too
//!    short, local-only or invalid for the region (so a short number keeps its digits).
//! 4. `parse` rejects more than 17 digits left.
//! 5. The answer is where that length stands among the main region's possible lengths (a
//!    non-geographic code's: the entity's): a possible length, a local-only one (a number
//!    dialled without its area code), too short, too long, or between possible lengths.
//!
//! Only step 3 looks at the digits, and only the candidate's length matters after it.  So
//! `scripts/gen_tables.py` compiles step 3, for each calling code whose main region has a
//! national prefix pattern, into a deterministic automaton: read the national number digit by
//! digit, and the state reached says how many digits the candidate has more or fewer than the
//! number (or that there is none).  The rest is arithmetic on the digit count, with two bit
//! masks per calling code (possible and local-only lengths).  One table look-up per national
//! digit, no allocation, no regex engine.  The generator checks the tables, run as this module
//! runs them, against python-phonenumbers on some 240,000 numbers; the tests check this module
//! against it on every example number of the metadata, one digit short and one digit long
//! (`tests/phone_agreement.rs`).
//!
//! # Regions: [`region_for_number`], [`matches_country`]
//!
//! 1. The calling code as above; the number must parse (steps 2 to 4).
//! 2. A calling code used by a single region (`+33`: FR) gives that region, whatever follows.
//!    Non-geographic codes (`+800`, `+882`, ... region "001") give no country.
//! 3. A shared calling code (`+1`, `+7`, `+44`, `+47`, `+61`, ...) first gets the national
//!    prefix of its main region stripped when the number carries one (`+44 0 7797...`), as
//!    `parse` does; then the regions are tried in libphonenumber's order (main region first):
//!    a region with `leading_digits` wins when they match at the start of the national number;
//!    any other region wins when the number is valid there (matches the general pattern and
//!    one of the number-type patterns).  The first winner is the answer; none: no region.
//!
//! Step 3 depends on libphonenumber's regular expressions, which `scripts/gen_tables.py`
//! compiles ahead of time into one deterministic automaton per shared calling code: read the
//! national number digit by digit, and the state reached says which region wins (stripping
//! included: whether the first winning rule, after stripping, is a given region is a regular
//! property of the number too).  Resolving a number here is one table look-up per national
//! digit: no allocation, no regex engine, no lazily built state.  The patterns themselves are
//! kept, compiled into the tests only, with an evaluator for them; the tests check the
//! automata against it and it against Python's `re`.

use crate::data::phone::{
    CallingCode, CALLING_CODES, CALLING_CODE_INDEX, ISO_WITHOUT_REGION, LENGTH_CHANGE, NEXT, NON_ISO_REGIONS,
    NO_CANDIDATE, NO_CODE, NO_REGION, OUTPUT,
};

/// What libphonenumber says of a number: `isPossibleNumberWithReason(parse(number))`, with
/// `parse`'s failures folded in.  Only [`Possible`](Possibility::Possible) is a possible number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Possibility {
    /// `IS_POSSIBLE`: the national number has a possible length for its calling code.
    Possible,
    /// `IS_POSSIBLE_LOCAL_ONLY`: the length of a number dialled without its area code, within
    /// the area (`+1 555 0123`: 7 digits in the US); not a number that can be called from
    /// abroad.
    LocalOnly,
    /// `TOO_SHORT`, or `parse` rejects the number as too short (2 digits or fewer in all, or
    /// fewer than 2 after the calling code).
    TooShort,
    /// `TOO_LONG`, or `parse` rejects the number as too long (more than 17 digits after the
    /// calling code once a national prefix is stripped).
    TooLong,
    /// `INVALID_LENGTH`: between the shortest and the longest possible length, but not one of
    /// them.
    InvalidLength,
    /// The digits do not start with an assigned country calling code (`parse` fails with
    /// `INVALID_COUNTRY_CODE`): nothing is known of the number's length.
    UnknownCallingCode,
    /// Not of the E.164 shape: `+`, a digit 1 to 9, then ASCII digits only.
    NotE164,
}

impl Possibility {
    /// Is the number possible ([`Possibility::Possible`])?
    #[must_use]
    pub fn is_possible(self) -> bool {
        self == Possibility::Possible
    }
}

/// Whether `number` is a possible phone number, as libphonenumber says:
/// `isPossibleNumberWithReason(parse(number))`, i.e. whether its national number, once `parse`
/// has stripped a national prefix left in it, has one of the possible lengths of its calling
/// code's main region.  See the [module documentation](self) for how it is decided.
///
/// `number` must have the E.164 shape: `+`, a digit 1 to 9, then ASCII digits only (no spaces
/// or punctuation, which `parse` would skip); anything else is [`NotE164`].  There is no fixed
/// length: the lengths come from the metadata, so 7-digit numbers of Niue, Tokelau or Tristan
/// da Cunha are possible and E.164's 15-digit maximum is not enforced where libphonenumber
/// allows more.  [`UnknownCallingCode`] says nothing of the length.
///
/// `"+14155552671"` and `"+6837012"` (Niue) are [`Possible`]; `"+1415555267"` is
/// [`TooShort`], `"+15550123"` [`LocalOnly`], `"+33 6 12 34 56 78"` [`NotE164`] and
/// `"+99912345678"` [`UnknownCallingCode`].
///
/// [`Possible`]: Possibility::Possible
/// [`LocalOnly`]: Possibility::LocalOnly
/// [`TooShort`]: Possibility::TooShort
/// [`NotE164`]: Possibility::NotE164
/// [`UnknownCallingCode`]: Possibility::UnknownCallingCode
#[must_use]
pub fn possibility(number: &str) -> Possibility {
    let Some(digits) = e164_digits(number) else {
        return Possibility::NotE164;
    };
    if digits.len() <= 2 {
        // `parse` rejects these before it looks for a calling code.
        return Possibility::TooShort;
    }
    let Some((cc, national)) = split_calling_code(digits) else {
        return Possibility::UnknownCallingCode;
    };
    match parsed_length(cc, national) {
        Ok(len) => length_result(cc, len),
        Err(failure) => failure,
    }
}

/// The region libphonenumber gives an E.164 number (`region_code_for_number(parse(number))`).
///
/// `number` must be `+`, a digit 1 to 9, then ASCII digits; any other input gives `None`.  Also
/// `None` where `parse` fails (see [`Possibility::TooShort`] and [`Possibility::TooLong`]) or
/// libphonenumber gives no region or the non-geographic "001": unassigned calling code,
/// `+800`/`+882`/..., or a number under a shared calling code that no region claims.  The
/// number need not be possible ([`possibility`]).
///
/// The answer is libphonenumber's region code: an ISO 3166-1 alpha-2 code except `"AC"`
/// (Ascension) and `"TA"` (Tristan da Cunha), both part of ISO's `SH`, and `"XK"` (Kosovo).
///
/// `"+14165550123"` is `"CA"`, `"+14155552671"` `"US"`, `"+17875550123"` `"PR"`,
/// `"+447797123456"` `"JE"` (Jersey, not GB), `"+77012345678"` `"KZ"`, `"+6837012"` `"NU"`.
#[must_use]
pub fn region_for_number(number: &str) -> Option<&'static str> {
    // Two digits or fewer fail here too, as `parse` fails them: no calling code, or a national
    // number too short.
    let (cc, national) = split_calling_code(e164_digits(number)?)?;
    parsed_length(cc, national).ok()?;
    resolve(cc, national).filter(|r| *r != "001")
}

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
/// * `number` not of the E.164 shape or rejected by `parse` (too short or too long; see
///   [`possibility`]), or `country_alpha3` not an ISO 3166-1 alpha-3 code: [`NotApplicable`]
///   (other rules report those).
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
    let Some(digits) = e164_digits(number).filter(|d| d.len() > 2) else {
        return PhoneMatch::NotApplicable;
    };
    if !has_region(alpha2) {
        return PhoneMatch::NotApplicable;
    }
    let Some((cc, national)) = split_calling_code(digits) else {
        return PhoneMatch::Mismatch;
    };
    if parsed_length(cc, national).is_err() {
        return PhoneMatch::NotApplicable;
    }
    match resolve(cc, national) {
        Some(region) if iso_alpha2(region) == Some(alpha2) => PhoneMatch::Match,
        Some(_) => PhoneMatch::Mismatch,
        None if cc.regions.iter().any(|r| iso_alpha2(r) == Some(alpha2)) => PhoneMatch::NotApplicable,
        None => PhoneMatch::Mismatch,
    }
}

/// The digits of `+`, a digit 1 to 9, then ASCII digits.
fn e164_digits(number: &str) -> Option<&[u8]> {
    let digits = number.strip_prefix('+')?.as_bytes();
    let shape = matches!(digits.first(), Some(b'1'..=b'9')) && digits.iter().all(u8::is_ascii_digit);
    shape.then_some(digits)
}

/// The assigned calling code the digits start with, and the national number after it.
fn split_calling_code(digits: &[u8]) -> Option<(&'static CallingCode, &[u8])> {
    if digits.first() == Some(&b'0') {
        return None;
    }
    let mut code = 0;
    for (i, d) in digits.iter().take(3).enumerate() {
        let digit = d.checked_sub(b'0').filter(|v| *v <= 9)?;
        code = code * 10 + usize::from(digit);
        match *CALLING_CODE_INDEX.get(code)? {
            NO_CODE => {}
            index => return Some((CALLING_CODES.get(usize::from(index))?, digits.get(i + 1..)?)),
        }
    }
    None
}

/// `parse`'s limits on the national number (`_MIN_LENGTH_FOR_NSN`, `_MAX_LENGTH_FOR_NSN`).
const MIN_NATIONAL: usize = 2;
const MAX_NATIONAL: usize = 17;

/// The length of the national number `parse` keeps (steps 2 to 4 of the module
/// documentation), or why `parse` fails: [`Possibility::TooShort`] or [`Possibility::TooLong`].
fn parsed_length(cc: &CallingCode, national: &[u8]) -> Result<usize, Possibility> {
    let mut len = national.len();
    if len < MIN_NATIONAL {
        return Err(Possibility::TooShort);
    }
    // No candidate is shorter than the number by more than `most_removed` digits
    // (`LENGTH_CHANGE` is sorted), so a longer number fails whatever the automaton would say.
    let most_removed = LENGTH_CHANGE.first().map_or(0, |&c| usize::from(c.min(0).unsigned_abs()));
    if len > MAX_NATIONAL + most_removed {
        return Err(Possibility::TooLong);
    }
    // The candidate after national prefix stripping, when its length differs.
    let change = match cc.national_prefix.and_then(|start| run(start, national)) {
        None | Some(NO_CANDIDATE) => None,
        Some(output) => LENGTH_CHANGE.get(usize::from(output)),
    };
    if let Some(candidate) = change.and_then(|&c| len.checked_add_signed(isize::from(c))) {
        let kept = length_result(cc, candidate);
        if !matches!(kept, Possibility::TooShort | Possibility::LocalOnly | Possibility::InvalidLength) {
            len = candidate;
        }
    }
    if len > MAX_NATIONAL {
        return Err(Possibility::TooLong);
    }
    Ok(len)
}

/// libphonenumber's `testNumberLength`: where a national number of `len` digits stands among
/// the calling code's possible and local-only lengths.
fn length_result(cc: &CallingCode, len: usize) -> Possibility {
    // The generator checks that every calling code has possible lengths, between 2 and 17.
    let shortest = cc.lengths.trailing_zeros() as usize;
    let longest = cc.lengths.checked_ilog2().unwrap_or(0) as usize;
    if has_length(cc.local_only, len) {
        Possibility::LocalOnly
    } else if len < shortest {
        Possibility::TooShort
    } else if len > longest {
        Possibility::TooLong
    } else if has_length(cc.lengths, len) {
        Possibility::Possible
    } else {
        Possibility::InvalidLength
    }
}

/// Is bit `len` of a length mask set?
fn has_length(mask: u32, len: usize) -> bool {
    u32::try_from(len).ok().and_then(|len| 1u32.checked_shl(len)).is_some_and(|bit| mask & bit != 0)
}

/// `region_code_for_number` for the calling code and the national number (ASCII digits).
fn resolve(cc: &'static CallingCode, national: &[u8]) -> Option<&'static str> {
    let Some(start) = cc.automaton else {
        // A single region (the generator emits an automaton for every shared calling code).
        return cc.regions.first().copied();
    };
    match run(start, national)? {
        NO_REGION => None,
        index => cc.regions.get(usize::from(index)).copied(),
    }
}

/// The output of the automaton starting at `start` (in `NEXT`/`OUTPUT`) after reading
/// `digits`, ASCII digits: the low four bits of `b'0'..=b'9'` are the digit.  `None` only for a
/// state outside the tables, which the generated data never has.
fn run(start: u16, digits: &[u8]) -> Option<u8> {
    let mut state = start;
    for d in digits {
        state = NEXT.get(usize::from(state))?[usize::from(d & 0xf)];
    }
    OUTPUT.get(usize::from(state)).copied()
}

/// The ISO 3166-1 alpha-2 code a libphonenumber region stands for.
fn iso_alpha2(region: &'static str) -> Option<&'static str> {
    match NON_ISO_REGIONS.iter().find(|(r, _)| *r == region) {
        Some((_, iso)) => *iso,
        None => Some(region),
    }
}

/// Is some libphonenumber region the ISO 3166-1 country `alpha2` (directly or as AC/TA for
/// SH)?  `alpha2` must be an ISO 3166-1 alpha-2 code; every one has a region except the seven
/// in `ISO_WITHOUT_REGION` (a unit test checks this against the calling code table).
fn has_region(alpha2: &str) -> bool {
    !ISO_WITHOUT_REGION.contains(&alpha2)
}

#[cfg(test)]
mod patterns {
    use crate::data::phone::patterns::{Desc, Rule, Strip};

    /// `parse`'s national prefix stripping (`maybeStripNationalPrefixAndCarrierCode` followed by
    /// the possible-length test), for prefixes without a transform rule: how many leading digits
    /// are stripped.
    pub(super) fn strip_national_prefix(strip: &Strip, national: &[u8]) -> usize {
        let number = Digits::new(national);
        let ends = eval(strip.prefix, &number);
        if ends == 0 {
            return 0;
        }
        // The generator checks that the prefix language is prefix-free, so there is one end.
        let end = ends.trailing_zeros() as usize;
        let Some(stripped) = national.get(end..) else {
            return 0;
        };
        let viable_original = full_match(strip.general, &number);
        if viable_original && !full_match(strip.general, &Digits::new(stripped)) {
            return 0;
        }
        // testNumberLength: keep the prefix when the rest is local-only, too short or of an
        // invalid length; strip when it is of a possible length or longer than all of them.
        let len = stripped.len();
        // The possible lengths >= len, shifted down so that bit 0 stands for len itself.
        let from_len = u32::try_from(len).ok().and_then(|n| strip.lengths.checked_shr(n)).unwrap_or(0);
        let possible = from_len & 1 != 0;
        let too_long = from_len == 0;
        if has_length(strip.local_only, len) || !(possible || too_long) {
            return 0;
        }
        end
    }

    /// The index of the first region whose rule claims the national number (after stripping).
    pub(super) fn winner(rules: &[Rule], national: &[u8]) -> Option<usize> {
        let number = Digits::new(national);
        rules.iter().position(|rule| wins(rule, &number))
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

    pub(super) fn full_match(pattern: &str, number: &Digits) -> bool {
        eval(pattern, number) & (1 << number.len) != 0
    }

    /// A set of positions 0..=len in the input: bit `p` = "the pattern so far can end at `p`".
    pub(super) type Set = u32;

    /// Input prepared for evaluation: for each digit, the positions where it occurs.
    pub(super) struct Digits {
        pub(super) at: [Set; 10],
        pub(super) any: Set,
        pub(super) len: usize,
    }

    impl Digits {
        /// At most 31 digits are represented (inputs here have at most 14).
        pub(super) fn new(digits: &[u8]) -> Self {
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
    pub(super) struct Malformed;

    /// Nesting limit for groups; the generator keeps the data at 8 or less.
    const MAX_DEPTH: u8 = 16;

    /// The end positions of `pattern` matched from position 0 (empty set: no match).
    pub(super) fn eval(pattern: &str, number: &Digits) -> Set {
        let p = pattern.as_bytes();
        let mut i = 0;
        match eval_alt(p, &mut i, 1, number, 0) {
            Ok(set) if i == p.len() => set,
            _ => 0,
        }
    }

    /// `alt := seq ('|' seq)*`, stopping before `)` or at the end.
    pub(super) fn eval_alt(p: &[u8], i: &mut usize, set: Set, n: &Digits, depth: u8) -> Result<Set, Malformed> {
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
}

#[cfg(test)]
mod tests {
    use super::patterns::{eval, eval_alt, full_match, strip_national_prefix, winner, Digits, Set};
    use super::*;
    use crate::data::phone::patterns::{Rule, SHARED};
    use std::collections::BTreeSet;

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
        for shared in &SHARED {
            for rule in shared.rules {
                match rule {
                    Rule::LeadingDigits(p) => check(p),
                    Rule::Valid { general, types } => {
                        check(general.pattern);
                        types.iter().for_each(|t| check(t.pattern));
                    }
                    Rule::Never => {}
                }
            }
            if let Some(s) = &shared.strip {
                check(s.prefix);
                check(s.general);
            }
        }
    }

    /// A small deterministic generator (xorshift64*).
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
        }

        fn digit(&mut self) -> u8 {
            b'0' + self.below(10) as u8
        }
    }

    /// National numbers (at most 14 digits, as after a calling code in E.164) to compare the
    /// automata of calling code `code` with the patterns on: those of the fixture numbers under
    /// `code`, every input of the pattern fixture, and mutations of all of those (a digit
    /// changed, inserted in front, dropped, appended; cut) and random digit strings.
    fn national_numbers(code: u16, rng: &mut Rng) -> BTreeSet<Vec<u8>> {
        let fixtures =
            [include_str!("../tests/data/phone_examples.tsv"), include_str!("../tests/data/phone_variants.tsv")];
        let mut seeds: Vec<Vec<u8>> = Vec::new();
        for line in fixtures.iter().flat_map(|f| f.lines()).filter(|l| !l.starts_with('#')) {
            let number = line.split('\t').next().unwrap_or_default();
            if let Some((cc, national)) = e164_digits(number).and_then(split_calling_code) {
                if cc.code == code {
                    seeds.push(national.to_vec());
                }
            }
        }
        let patterns = include_str!("../tests/data/phone_patterns.tsv");
        for line in patterns.lines().filter(|l| !l.starts_with('#') && !l.starts_with("P\t")) {
            seeds.push(line.split('\t').next().unwrap_or_default().as_bytes().to_vec());
        }
        let mut out: BTreeSet<Vec<u8>> = BTreeSet::new();
        for seed in &seeds {
            out.insert(seed.clone());
            let mut x = seed.clone();
            match rng.below(5) {
                0 if !x.is_empty() => {
                    let i = rng.below(x.len());
                    x[i] = rng.digit();
                }
                1 => x.insert(0, rng.digit()),
                2 => {
                    x.pop();
                }
                3 => x.push(rng.digit()),
                _ => x.truncate(rng.below(x.len() + 1)),
            }
            out.insert(x);
        }
        for _ in 0..2_000 {
            let len = rng.below(15);
            out.insert((0..len).map(|_| rng.digit()).collect());
        }
        out.retain(|n| n.len() <= MAX_NATIONAL);
        out
    }

    /// The automata give what the patterns give (national prefix stripping, then the first
    /// region whose rule wins) for every shared calling code, on the fixture numbers, the pattern
    /// fixture's inputs, mutations of those and random numbers.
    #[test]
    fn automata_agree_with_the_patterns() {
        let mut rng = Rng(0x3166_2024);
        let mut cases = 0;
        for patterns in &SHARED {
            let cc = CALLING_CODES.iter().find(|c| c.code == patterns.code).expect("calling code");
            assert_eq!(cc.regions.len(), patterns.rules.len(), "+{}", cc.code);
            for national in national_numbers(cc.code, &mut rng) {
                let stripped = patterns.strip.as_ref().map_or(0, |s| strip_national_prefix(s, &national));
                let expected = winner(patterns.rules, &national[stripped..]).map(|i| cc.regions[i]);
                let shown = String::from_utf8_lossy(&national);
                assert_eq!(resolve(cc, &national), expected, "+{} {shown} (stripped: {stripped})", cc.code);
                cases += 1;
            }
        }
        assert!(cases > 150_000, "{cases} cases");
    }

    /// Every transition stays in the table; every output reachable from a start is a region
    /// index or `NO_REGION`; exactly the shared calling codes have an automaton.
    #[test]
    fn automata_tables_are_consistent() {
        assert_eq!(NEXT.len(), OUTPUT.len());
        assert!(NEXT.iter().all(|row| row[..10].iter().all(|&t| usize::from(t) < NEXT.len()) && row[10..] == [0; 6]));
        let outputs = |start: u16| {
            let (mut seen, mut todo) = (BTreeSet::from([start]), vec![start]);
            while let Some(s) = todo.pop() {
                for &t in &NEXT[usize::from(s)][..10] {
                    if seen.insert(t) {
                        todo.push(t);
                    }
                }
            }
            seen.into_iter().map(|s| OUTPUT[usize::from(s)]).collect::<BTreeSet<u8>>()
        };
        let mut shared_codes = 0;
        for cc in &CALLING_CODES {
            let Some(start) = cc.automaton else {
                assert_eq!(cc.regions.len(), 1, "+{}", cc.code);
                continue;
            };
            shared_codes += 1;
            assert!(cc.regions.len() > 1, "+{}", cc.code);
            for out in outputs(start) {
                assert!(out == NO_REGION || usize::from(out) < cc.regions.len(), "+{} {out}", cc.code);
            }
        }
        assert_eq!(shared_codes, SHARED.len());
        let mut prefix_codes = 0;
        for cc in &CALLING_CODES {
            if let Some(start) = cc.national_prefix {
                prefix_codes += 1;
                for out in outputs(start) {
                    assert!(out == NO_CANDIDATE || usize::from(out) < LENGTH_CHANGE.len(), "+{} {out}", cc.code);
                }
            }
        }
        assert!(prefix_codes > 100, "{prefix_codes} calling codes with a national prefix automaton");
        assert!(LENGTH_CHANGE.iter().all(|&c| c != 0) && LENGTH_CHANGE.windows(2).all(|w| w[0] < w[1]));
    }

    /// Every calling code has possible lengths, all within `parse`'s limits, disjoint from its
    /// local-only lengths (as `length_result` assumes).
    #[test]
    fn length_masks_are_consistent() {
        let within = (1u32 << (MAX_NATIONAL + 1)) - (1 << MIN_NATIONAL);
        for cc in &CALLING_CODES {
            assert!(cc.lengths != 0 && cc.lengths & !within == 0, "+{}", cc.code);
            assert!(cc.local_only & !within == 0 && cc.local_only & cc.lengths == 0, "+{}", cc.code);
        }
    }

    #[test]
    fn length_results() {
        let us = split_calling_code(b"1").map(|(cc, _)| cc).expect("+1");
        // US: 10 digits; 7 local only.
        assert_eq!(length_result(us, 10), Possibility::Possible);
        assert_eq!(length_result(us, 7), Possibility::LocalOnly);
        assert_eq!(length_result(us, 9), Possibility::TooShort);
        assert_eq!(length_result(us, 11), Possibility::TooLong);
        assert_eq!(length_result(us, 100), Possibility::TooLong);
        let de = split_calling_code(b"49").map(|(cc, _)| cc).expect("+49");
        assert_eq!(length_result(de, 2), Possibility::LocalOnly);
        assert_eq!(length_result(de, 1), Possibility::TooShort);
        assert_eq!(length_result(de, 16), Possibility::TooLong);
        let ru = split_calling_code(b"7").map(|(cc, _)| cc).expect("+7");
        // RU: 10 or 14 digits.
        assert_eq!(length_result(ru, 12), Possibility::InvalidLength);
    }

    /// `parse` strips a national prefix only when what is left has an acceptable length.
    #[test]
    fn parsed_lengths() {
        let parsed = |number: &str| {
            let (cc, national) = e164_digits(number).and_then(split_calling_code).expect(number);
            parsed_length(cc, national)
        };
        assert_eq!(parsed("+114155552671"), Ok(10)); // trunk prefix 1 stripped
        assert_eq!(parsed("+11555012"), Ok(7)); // 6 left would be too short: kept
        assert_eq!(parsed("+4402079460958"), Ok(10));
        assert_eq!(parsed("+2617123456"), Ok(9)); // Madagascar: 20 put in front
        assert_eq!(parsed("+540111512345678"), Ok(11)); // Argentina: 0 and 15 out, 9 in
        assert_eq!(parsed("+5401115123456"), Ok(11)); // 9 digits that way: invalid, kept
        assert_eq!(parsed("+12"), Err(Possibility::TooShort));
        assert_eq!(parsed(&format!("+1{}", "2".repeat(18))), Err(Possibility::TooLong));
        assert_eq!(parsed(&format!("+1{}", "2".repeat(17))), Ok(17));
    }

    #[test]
    fn calling_code_index_lists_every_code() {
        assert!(CALLING_CODES.windows(2).all(|w| w[0].code < w[1].code));
        for (code, &index) in CALLING_CODE_INDEX.iter().enumerate() {
            let expected = CALLING_CODES.iter().position(|c| usize::from(c.code) == code);
            assert_eq!((index != NO_CODE).then_some(usize::from(index)), expected, "{code}");
        }
    }

    /// `has_region` (a list of the ISO countries without a region) is what the calling code
    /// table says, for every ISO 3166-1 country.
    #[test]
    fn has_region_agrees_with_the_calling_codes() {
        for country in &crate::data::subdivisions::COUNTRIES {
            let listed = CALLING_CODES.iter().flat_map(|c| c.regions).any(|r| iso_alpha2(r) == Some(country.alpha2));
            assert_eq!(has_region(country.alpha2), listed, "{}", country.alpha3);
        }
    }
}
