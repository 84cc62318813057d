//! What every tax-ID scheme is made of: a compacting step, a validity check over the
//! compact form, the faults a check can find, and the check-digit algorithms that
//! several countries share.
//!
//! A scheme decides exactly what python-stdnum 2.2's module of the same name decides
//! (`is_valid`), with the module's own tolerance for separators, spaces, case and
//! country prefixes. Facts and algorithms carry over; its code does not.
//!
//! Nothing here allocates: a compact form lives in a [`Compact`], a stack buffer of
//! [`Compact::CAPACITY`] bytes; a longer input is a [`Fault::Length`].

use crate::date::Date;

/// Why a number fails its scheme, in general terms (messages never show the number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Fault {
    /// It has the wrong number of characters.
    Length,
    /// A character is not allowed where it stands.
    Format,
    /// A check digit or check letter does not match.
    Checksum,
    /// A part that must name something real does not (a birth date, a region, an office code).
    Component,
}

impl Fault {
    /// The fault in words, for messages.
    pub const fn describe(self) -> &'static str {
        match self {
            Fault::Length => "it has the wrong number of characters",
            Fault::Format => "a character is not allowed where it stands",
            Fault::Checksum => "its check digit does not match",
            Fault::Component => "a part of it (a date, region or office code) is not valid",
        }
    }

    /// A short stable name, for message parameters.
    pub const fn name(self) -> &'static str {
        match self {
            Fault::Length => "length",
            Fault::Format => "format",
            Fault::Checksum => "checksum",
            Fault::Component => "component",
        }
    }
}

/// The answer of a scheme's check.
pub(crate) type Outcome = Result<(), Fault>;

/// One tax-ID scheme: a python-stdnum module's `compact` and `validate`.
pub struct Scheme {
    /// The python-stdnum module that is the reference (`"br.cpf"`).
    pub(crate) module: &'static str,
    /// The number's name, for messages and the catalogue (`"CPF (Cadastro de Pessoas Físicas)"`).
    pub(crate) name: &'static str,
    /// The module's `compact`: separators and prefixes removed, case folded as it does.
    /// `None` when the compact form would not fit a [`Compact`] (then the number is too long).
    pub(crate) compact: fn(&str) -> Option<Compact>,
    /// The module's `validate` on an already compact number. `today` is the context's
    /// date, for the schemes that compare a birth date with today (`None`: no such bound).
    pub(crate) validate: fn(&Compact, Option<Date>) -> Outcome,
}

impl Scheme {
    /// Checks a number as written (compacting it first), as the module's `validate` does.
    /// `today` bounds birth dates for the schemes that hold one (`None`: no bound).
    pub fn check(&self, number: &str, today: Option<Date>) -> Result<(), Fault> {
        let compact = (self.compact)(number).ok_or(Fault::Length)?;
        (self.validate)(&compact, today)
    }

    /// The python-stdnum module that is the reference, e.g. `"br.cpf"`.
    pub fn module(&self) -> &'static str {
        self.module
    }

    /// The number's name, e.g. `"Cadastro de Pessoas Físicas"`.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The compact form of `number` (separators, spaces and prefixes removed, case folded as
    /// the reference does), or `None` when it is longer than any number of any scheme.
    pub fn compact(&self, number: &str) -> Option<Compact> {
        (self.compact)(number)
    }
}

impl std::fmt::Debug for Compact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A compact form is a submitted value: it is never shown.
        f.write_str("Compact(..)")
    }
}

/// Schemes are the same when their reference module is.
impl PartialEq for Scheme {
    fn eq(&self, other: &Self) -> bool {
        self.module == other.module
    }
}

impl Eq for Scheme {}

impl std::fmt::Debug for Scheme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.module)
    }
}

/// A number's compact form, on the stack (see [`Scheme::compact`]).
#[derive(Clone, Copy)]
pub struct Compact {
    buf: [u8; Compact::CAPACITY],
    len: u8,
}

impl Compact {
    /// The longest compact form kept; every scheme's valid numbers are far shorter.
    pub const CAPACITY: usize = 40;

    /// `number` without the bytes in `remove` (python-stdnum's `clean(number, remove)`).
    /// `None` when what is left does not fit.
    ///
    /// Like `clean`, it first maps look-alike characters to their ASCII form; of ASCII
    /// input only the backtick changes (to `'`).
    pub(crate) fn clean(number: &str, remove: &[u8]) -> Option<Compact> {
        // The bytes to remove as a 256-bit set: one test a byte, whatever `remove` holds.
        let mut removed = [0u64; 4];
        for &r in remove {
            removed[usize::from(r >> 6)] |= 1 << (r & 63);
        }
        let keep = |b: u8| removed[usize::from(b >> 6)] & (1 << (b & 63)) == 0;
        let mut out = Compact { buf: [0; Compact::CAPACITY], len: 0 };
        let mut len = 0;
        let bytes = number.as_bytes();
        if bytes.len() <= Compact::CAPACITY {
            // Every byte fits: write each one and advance past the kept ones, without branches.
            for &b in bytes {
                let b = if b == b'`' { b'\'' } else { b };
                // len never passes the bytes read so far, so the slot always exists.
                if let Some(slot) = out.buf.get_mut(len) {
                    *slot = b;
                }
                len += usize::from(keep(b));
            }
        } else {
            for &b in bytes {
                let b = if b == b'`' { b'\'' } else { b };
                if keep(b) {
                    *out.buf.get_mut(len)? = b;
                    len += 1;
                }
            }
        }
        out.len = len as u8; // at most CAPACITY
        Some(out)
    }

    /// A compact form of `bytes` as they are.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Compact> {
        let mut out = Compact { buf: [0; Compact::CAPACITY], len: 0 };
        out.buf.get_mut(..bytes.len())?.copy_from_slice(bytes);
        out.len = bytes.len() as u8; // at most CAPACITY
        Some(out)
    }

    /// Keeps `range` of the bytes, moved to the front (in place, no copy of the buffer).
    fn keep(mut self, start: usize, end: usize) -> Compact {
        if start < end && end <= self.len() {
            self.buf.copy_within(start..end, 0);
            self.len = (end - start) as u8;
        } else {
            self.len = 0;
        }
        self
    }

    fn push(&mut self, b: u8) -> Option<()> {
        let slot = self.buf.get_mut(usize::from(self.len))?;
        *slot = b;
        self.len += 1;
        Some(())
    }

    /// ASCII letters uppercased (`str.upper()` on ASCII).
    pub(crate) fn upper(mut self) -> Compact {
        self.buf[..usize::from(self.len)].make_ascii_uppercase();
        self
    }

    /// Without leading and trailing spaces (`str.strip()` on ASCII without control characters).
    pub(crate) fn strip(self) -> Compact {
        let b = self.as_bytes();
        let start = b.iter().position(|&c| c != b' ').unwrap_or(b.len());
        let end = b.iter().rposition(|&c| c != b' ').map_or(start, |i| i + 1);
        self.keep(start, end)
    }

    /// Without `prefix` when it starts with it (`number[len(prefix):]` after `startswith`).
    pub(crate) fn strip_prefix(self, prefix: &[u8]) -> Compact {
        if self.as_bytes().starts_with(prefix) {
            self.keep(prefix.len(), self.len())
        } else {
            self
        }
    }

    /// Left-padded with `0` to `width` bytes, after a leading sign if there is one
    /// (python's `str.zfill`); as it is when already that long.
    pub(crate) fn zfill(self, width: usize) -> Option<Compact> {
        let b = self.as_bytes();
        let Some(missing) = width.checked_sub(b.len()).filter(|&m| m > 0) else {
            return Some(self);
        };
        let (sign, rest) = match b.split_first() {
            Some((&s @ (b'+' | b'-'), rest)) => (Some(s), rest),
            _ => (None, b),
        };
        let mut out = Compact { buf: [0; Compact::CAPACITY], len: 0 };
        for c in sign.into_iter().chain(std::iter::repeat(b'0').take(missing)).chain(rest.iter().copied()) {
            out.push(c)?;
        }
        Some(out)
    }

    /// The bytes of the compact form.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..usize::from(self.len)]
    }

    /// The compact form as text (its bytes are always those of a UTF-8 string: schemes
    /// only remove or case-fold ASCII bytes of one).
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).unwrap_or("")
    }

    /// The number of bytes.
    pub(crate) fn len(&self) -> usize {
        usize::from(self.len)
    }
}

// ---------------------------------------------------------------------------
// Small helpers over ASCII bytes.

/// One or more ASCII digits and nothing else: python-stdnum's `isdigits`.
pub(crate) fn digits_only(b: &[u8]) -> bool {
    !b.is_empty() && is_digits(b)
}

/// Every byte is an ASCII digit. True for the empty string, unlike python-stdnum's `isdigits`
/// ([`digits_only`]): for parts whose length is already known.
pub(crate) fn is_digits(b: &[u8]) -> bool {
    b.iter().all(u8::is_ascii_digit)
}

/// Exactly `len` ASCII digits: else a [`Fault::Length`] (checked first) or a [`Fault::Format`].
pub(crate) fn digits_of_length(b: &[u8], len: usize) -> Outcome {
    if b.len() != len {
        return Err(Fault::Length);
    }
    if !is_digits(b) {
        return Err(Fault::Format);
    }
    Ok(())
}

/// The value of an ASCII digit.
pub(crate) fn digit(b: u8) -> u32 {
    u32::from(b.wrapping_sub(b'0'))
}

/// The value of two ASCII digits (`int(number[i:i + 2])` on digits).
pub(crate) fn pair(tens: u8, units: u8) -> u32 {
    digit(tens) * 10 + digit(units)
}

/// The value of a run of ASCII digits (callers check [`is_digits`] first; at most 19 digits).
pub(crate) fn number(b: &[u8]) -> u64 {
    b.iter().fold(0u64, |acc, &c| acc.wrapping_mul(10).wrapping_add(u64::from(c.wrapping_sub(b'0'))))
}

/// Σ digit × weight over the digits and weights paired up (the shorter one ends it).
pub(crate) fn weighted_sum(digits: &[u8], weights: &[u32]) -> u32 {
    digits.iter().zip(weights).map(|(&d, &w)| digit(d) * w).sum()
}

/// A calendar date, when the parts name a real one (python's `datetime.date(y, m, d)`).
pub(crate) fn date(year: u32, month: u32, day: u32) -> Option<Date> {
    Date::new(u16::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

// ---------------------------------------------------------------------------
// Check-digit algorithms shared by several countries.

/// The Luhn checksum of a digit string (0 when valid), as `stdnum.luhn.checksum`.
pub(crate) fn luhn_checksum(digits: &[u8]) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let v = digit(d);
            if i % 2 == 1 {
                let x = v * 2;
                x / 10 + x % 10
            } else {
                v
            }
        })
        .sum::<u32>()
        % 10
}

/// A Luhn-valid digit string (`stdnum.luhn.is_valid` on digits).
pub(crate) fn luhn_valid(digits: &[u8]) -> bool {
    !digits.is_empty() && is_digits(digits) && luhn_checksum(digits) == 0
}

/// The Verhoeff checksum of a digit string (0 when valid), as `stdnum.verhoeff.checksum`.
pub(crate) fn verhoeff_checksum(digits: &[u8]) -> u8 {
    const D: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    digits
        .iter()
        .rev()
        .enumerate()
        .fold(0u8, |c, (i, &d)| D[usize::from(c)][usize::from(P[i % 8][(digit(d) % 10) as usize])])
}

/// ISO 7064 Mod 11, 10 over digits: the running check value (1 when valid), as
/// `stdnum.iso7064.mod_11_10.checksum`.
pub(crate) fn mod_11_10_checksum(digits: &[u8]) -> u32 {
    // Each step is ((check or 10) * 2 mod 11 + d) mod 10; both values are small enough for one
    // subtraction to stand for the remainder (at most 20, then at most 19), so the chain of
    // steps has no division in it.
    digits.iter().fold(5, |check, &d| {
        let doubled = if check == 0 { 20 } else { check * 2 };
        let doubled = if doubled >= 11 { doubled - 11 } else { doubled };
        let sum = doubled + digit(d) % 10;
        if sum >= 10 {
            sum - 10
        } else {
            sum
        }
    })
}

/// The EAN (GTIN) check digit for `digits` (without it), as `stdnum.ean.calc_check_digit`.
pub(crate) fn ean_check_digit(digits: &[u8]) -> u32 {
    let sum: u32 = digits.iter().rev().enumerate().map(|(i, &d)| digit(d) * if i % 2 == 0 { 3 } else { 1 }).sum();
    (10 - sum % 10) % 10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_and_case() {
        assert_eq!(Compact::clean("a`b", b"").unwrap().as_str(), "a'b", "clean maps the backtick");
        assert_eq!(Compact::clean("a`b", b"'").unwrap().as_str(), "ab");
        let c = Compact::clean("ab-12 c.d", b" -.").unwrap();
        assert_eq!(c.as_str(), "ab12cd");
        assert_eq!(c.upper().as_str(), "AB12CD");
        assert_eq!(Compact::from_bytes(b"  x y ").unwrap().strip().as_str(), "x y");
        assert_eq!(Compact::from_bytes(b"   ").unwrap().strip().as_str(), "");
        assert_eq!(Compact::from_bytes(b"PL123").unwrap().strip_prefix(b"PL").as_str(), "123");
        assert_eq!(Compact::from_bytes(b"123").unwrap().strip_prefix(b"PL").as_str(), "123");
        // str.zfill: zeros after the sign; nothing for a long enough string.
        let zfill = |s: &str, w| Compact::from_bytes(s.as_bytes()).unwrap().zfill(w).map(|c| c.as_str().to_owned());
        assert_eq!(zfill("123", 6).as_deref(), Some("000123"));
        assert_eq!(zfill("+12", 6).as_deref(), Some("+00012"));
        assert_eq!(zfill("-", 3).as_deref(), Some("-00"));
        assert_eq!(zfill("", 2).as_deref(), Some("00"));
        assert_eq!(zfill("12345", 3).as_deref(), Some("12345"));
        assert_eq!(zfill("1", Compact::CAPACITY + 1), None);
        assert_eq!(pair(b'4', b'2'), 42);
        assert!(digits_only(b"0") && !digits_only(b"") && !digits_only(b"1a") && is_digits(b""));
        assert_eq!(digits_of_length(b"123", 3), Ok(()));
        assert_eq!(digits_of_length(b"12a", 3), Err(Fault::Format));
        assert_eq!(digits_of_length(b"12a4", 3), Err(Fault::Length));
        assert!(Compact::clean(&"1".repeat(Compact::CAPACITY), b"").is_some());
        assert!(Compact::clean(&"1".repeat(Compact::CAPACITY + 1), b"").is_none());
        assert!(Compact::clean(&"1-".repeat(Compact::CAPACITY), b"-").is_some());
    }

    #[test]
    fn faults_have_names_and_descriptions() {
        let all = [Fault::Length, Fault::Format, Fault::Checksum, Fault::Component];
        let names: Vec<&str> = all.iter().map(|f| f.name()).collect();
        assert_eq!(names, ["length", "format", "checksum", "component"]);
        for f in all {
            assert!(f.describe().len() > 20, "{f:?}");
        }
        assert!(Fault::Checksum.describe().contains("check digit"));
    }

    #[test]
    fn algorithms() {
        // Known-good values from the algorithms' own descriptions.
        assert!(luhn_valid(b"79927398713"));
        assert!(!luhn_valid(b"79927398710"));
        assert!(!luhn_valid(b""));
        assert_eq!(verhoeff_checksum(b"2363"), 0);
        assert_ne!(verhoeff_checksum(b"2364"), 0);
        assert_eq!(mod_11_10_checksum(b"794623"), 1);
        // (input, checksum) from stdnum.iso7064.mod_11_10.
        for (s, sum) in [("0", 0), ("1", 1), ("12345", 6), ("99999999", 3), ("5", 5)] {
            assert_eq!(mod_11_10_checksum(s.as_bytes()), sum, "{s}");
        }
        assert_eq!(ean_check_digit(b"400638133393"), 1);
        assert_eq!(weighted_sum(b"123", &[3, 2, 1]), 10);
        assert_eq!(number(b"0042"), 42);
        assert!(date(2024, 2, 29).is_some());
        assert!(date(2023, 2, 29).is_none());
        assert!(date(70000, 1, 1).is_none());
    }
}
