//! The JSON front end's fast reader: a serde [`Deserializer`] over a body that is valid UTF-8,
//! borrowing every string that holds no escape.
//!
//! It is *sound, not complete*. Whatever it reads, serde_json reads too, with the same visitor
//! calls and the same values; on anything else -- a syntax error, a number with a fraction or
//! an exponent it cannot hand over whole, an escape it does not decode, nesting at serde_json's
//! limit -- it stops with [`Fallback`], and the front end reads the body again with serde_json,
//! which decides what the body is and describes its error. So the engine's answers are
//! serde_json's answers, and the common body is read at a fraction of serde_json's cost: the
//! body's UTF-8 is checked once (not once per string), whitespace and string contents are
//! scanned eight bytes at a time, and short integers are read directly.
//!
//! Numbers follow serde_json: an integer is `visit_u64` when it is not negative, `visit_i64`
//! when negative (and `-0` is `visit_f64(-0.0)`, as serde_json has it); any other number
//! (a fraction, an exponent, more than 19 digits) is handed to serde_json itself, token by token.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The reader gave up: serde_json decides (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fallback;

impl fmt::Display for Fallback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("read again with serde_json")
    }
}

impl std::error::Error for Fallback {}

impl de::Error for Fallback {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Fallback
    }
}

/// serde_json's nesting limit: it fails on the 128th open array or object.
const DEPTH_LIMIT: usize = 127;

/// A body read with the fast reader.
pub(crate) struct Reader<'de> {
    text: &'de str,
    pos: usize,
    depth: usize,
}

impl<'de> Reader<'de> {
    /// A reader of `body`, when it is UTF-8 (else serde_json decides).
    pub(crate) fn new(body: &'de [u8]) -> Result<Self, Fallback> {
        let text = std::str::from_utf8(body).map_err(|_| Fallback)?;
        Ok(Reader { text, pos: 0, depth: 0 })
    }

    /// After the value: nothing but whitespace may follow.
    pub(crate) fn end(&mut self) -> Result<(), Fallback> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(Fallback),
        }
    }

    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    /// The next byte that is not JSON whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        let mut pos = self.pos;
        let next = loop {
            match bytes.get(pos) {
                // The common case first (every JSON whitespace byte is at most a space).
                Some(&b) if b > b' ' => break Some(b),
                // Indentation: up to eight spaces at a time (at least this one).
                Some(b' ') => match bytes[pos..].first_chunk::<8>() {
                    Some(word) => pos += (u64::from_le_bytes(*word) ^ SPACES).trailing_zeros() as usize / 8,
                    None => pos += 1,
                },
                Some(b'\n' | b'\r' | b'\t') => pos += 1,
                other => break other.copied(),
            }
        };
        self.pos = pos;
        next
    }

    /// Consumes `expected` as the next byte after whitespace.
    fn expect(&mut self, expected: u8) -> Result<(), Fallback> {
        if self.peek() == Some(expected) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Fallback)
        }
    }

    /// Consumes a literal (`true`, `false`, `null`) whose first byte was peeked.
    fn literal(&mut self, word: &[u8]) -> Result<(), Fallback> {
        if self.bytes()[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(Fallback)
        }
    }

    /// Reads a string whose opening quote is at `pos`: borrowed when it has no escape.
    fn string<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Fallback> {
        let start = self.pos + 1;
        let end = start + special_byte(&self.bytes()[start..]).ok_or(Fallback)?;
        match self.bytes()[end] {
            b'"' => {
                self.pos = end + 1;
                // The body is UTF-8 and `"` is ASCII, so both ends are character boundaries.
                let s = self.text.get(start..end).ok_or(Fallback)?;
                visitor.visit_borrowed_str(s)
            }
            b'\\' => {
                let s = self.escaped(start, end)?;
                visitor.visit_string(s)
            }
            _ => Err(Fallback), // a control character: serde_json says which
        }
    }

    /// Decodes a string with escapes: `start` is its first byte, `first` its first backslash.
    fn escaped(&mut self, start: usize, first: usize) -> Result<String, Fallback> {
        let mut out = String::with_capacity(first - start + 16);
        let (mut from, mut at) = (start, first);
        loop {
            out.push_str(self.text.get(from..at).ok_or(Fallback)?);
            match self.bytes()[at] {
                b'"' => {
                    self.pos = at + 1;
                    return Ok(out);
                }
                b'\\' => {
                    let (c, len) = self.escape(at)?;
                    out.push(c);
                    from = at + len;
                }
                _ => return Err(Fallback),
            }
            at = from + special_byte(&self.bytes()[from..]).ok_or(Fallback)?;
        }
    }

    /// The character of the escape at `at` (a backslash) and the escape's length.
    fn escape(&self, at: usize) -> Result<(char, usize), Fallback> {
        let c = match self.bytes().get(at + 1).ok_or(Fallback)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4(at + 2)?;
                if !(0xD800..0xE000).contains(&unit) {
                    return Ok((char::from_u32(unit).ok_or(Fallback)?, 6));
                }
                // A surrogate: only a high one followed by an escaped low one is a character;
                // serde_json rejects the rest.
                if unit >= 0xDC00 || self.bytes().get(at + 6..at + 8) != Some(b"\\u") {
                    return Err(Fallback);
                }
                let low = self.hex4(at + 8)?;
                if !(0xDC00..0xE000).contains(&low) {
                    return Err(Fallback);
                }
                let c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                return Ok((char::from_u32(c).ok_or(Fallback)?, 12));
            }
            _ => return Err(Fallback),
        };
        Ok((c, 2))
    }

    /// Four hexadecimal digits at `at`.
    fn hex4(&self, at: usize) -> Result<u32, Fallback> {
        let digits = self.bytes().get(at..at + 4).ok_or(Fallback)?;
        digits.iter().try_fold(0u32, |n, &b| Ok(n * 16 + (b as char).to_digit(16).ok_or(Fallback)?))
    }

    /// Reads a number whose first byte (`-` or a digit) is at `pos`.
    fn number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Fallback> {
        let Some((negative, n, end)) = plain_integer(self.bytes(), self.pos) else {
            return self.number_by_serde_json(visitor);
        };
        self.pos = end;
        if !negative {
            return visitor.visit_u64(n);
        }
        // serde_json: the negation as an i64 when it is one (i64::MIN included), else an f64
        // (and so -0 is -0.0).
        let neg = (n as i64).wrapping_neg();
        if neg >= 0 {
            visitor.visit_f64(-(n as f64))
        } else {
            visitor.visit_i64(neg)
        }
    }

    /// Hands the number token at `pos` to serde_json, which must read all of it.
    fn number_by_serde_json<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Fallback> {
        let bytes = self.bytes();
        let len = bytes[self.pos..]
            .iter()
            .take_while(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
            .count();
        let token = &bytes[self.pos..self.pos + len];
        let mut de = serde_json::Deserializer::from_slice(token);
        let value = de.deserialize_any(visitor).map_err(|_| Fallback)?;
        de.end().map_err(|_| Fallback)?;
        self.pos += len;
        Ok(value)
    }

    fn enter(&mut self) -> Result<(), Fallback> {
        self.depth += 1;
        if self.depth > DEPTH_LIMIT {
            return Err(Fallback);
        }
        self.pos += 1;
        Ok(())
    }
}

/// The number at `start` when it is a plain integer the reader reads itself: an optional `-`,
/// 1 to 19 digits without a leading zero (below 10^19 < 2^64: no overflow), and no fraction or
/// exponent after them. Returns whether it is negative, its magnitude and where it ends; anything
/// else (`None`) goes to serde_json.
fn plain_integer(bytes: &[u8], start: usize) -> Option<(bool, u64, usize)> {
    let negative = bytes.get(start) == Some(&b'-');
    let digits_start = start + usize::from(negative);
    let rest = bytes.get(digits_start..)?;
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let end = digits_start + digits;
    let plain = digits > 0
        && digits <= 19
        && !(digits > 1 && rest[0] == b'0')
        && !matches!(bytes.get(end), Some(b'.' | b'e' | b'E' | b'0'..=b'9'));
    plain.then(|| (negative, rest[..digits].iter().fold(0u64, |n, &b| n * 10 + u64::from(b - b'0')), end))
}

/// Eight spaces, as a word: XOR with it leaves zero bytes where the spaces are.
const SPACES: u64 = u64::from_le_bytes([b' '; 8]);

/// The position of the first `"`, `\` or control character in `bytes`, eight bytes at a time.
fn special_byte(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    // The high bit of each byte that is zero in `x`. A borrow can flag a byte above a flagged
    // one, never below it, so the lowest flag (the first byte, little-endian) is exact.
    let zeros = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let mut offset = 0;
    while let Some(chunk) = bytes.get(offset..offset + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // Below 0x20: subtracting 0x20 borrows (the same argument: the lowest flag is exact).
        let control = x.wrapping_sub(ONES * 0x20) & !x & HIGHS;
        let found = control | zeros(x ^ (ONES * u64::from(b'"'))) | zeros(x ^ (ONES * u64::from(b'\\')));
        if found != 0 {
            return Some(offset + found.trailing_zeros() as usize / 8);
        }
        offset += 8;
    }
    bytes[offset..].iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).map(|i| offset + i)
}

impl<'de> Deserializer<'de> for &mut Reader<'de> {
    type Error = Fallback;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fallback> {
        match self.peek().ok_or(Fallback)? {
            b'{' => {
                self.enter()?;
                let value = visitor.visit_map(Members { reader: &mut *self, first: true })?;
                self.expect(b'}')?;
                self.depth -= 1;
                Ok(value)
            }
            b'[' => {
                self.enter()?;
                let value = visitor.visit_seq(Items { reader: &mut *self, first: true })?;
                self.expect(b']')?;
                self.depth -= 1;
                Ok(value)
            }
            b'"' => self.string(visitor),
            b'-' | b'0'..=b'9' => self.number(visitor),
            b't' => self.literal(b"true").and_then(|()| visitor.visit_bool(true)),
            b'f' => self.literal(b"false").and_then(|()| visitor.visit_bool(false)),
            b'n' => self.literal(b"null").and_then(|()| visitor.visit_unit()),
            _ => Err(Fallback),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// The members of an object; the caller consumes its closing brace.
struct Members<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> MapAccess<'de> for Members<'_, 'de> {
    type Error = Fallback;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Fallback> {
        let r = &mut *self.reader;
        match r.peek() {
            Some(b'}') => return Ok(None),
            Some(b',') if !self.first => {
                r.pos += 1;
                // After a comma, a member must follow (serde_json rejects a trailing comma).
                if r.peek() != Some(b'"') {
                    return Err(Fallback);
                }
            }
            Some(b'"') if self.first => {}
            _ => return Err(Fallback),
        }
        self.first = false;
        seed.deserialize(Key(r)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Fallback> {
        let r = &mut *self.reader;
        // The colon usually follows the name directly.
        if r.bytes().get(r.pos) == Some(&b':') {
            r.pos += 1;
        } else {
            r.expect(b':')?;
        }
        seed.deserialize(&mut *r)
    }
}

/// A member name: the reader is at its opening quote.
struct Key<'a, 'de>(&'a mut Reader<'de>);

impl<'de> Deserializer<'de> for Key<'_, 'de> {
    type Error = Fallback;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fallback> {
        self.0.string(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// The items of an array; the caller consumes its closing bracket.
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Fallback;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Fallback> {
        let r = &mut *self.reader;
        match r.peek() {
            Some(b']') => return Ok(None),
            // After a comma, an item must follow: a `]` there fails as the item.
            Some(b',') if !self.first => r.pos += 1,
            Some(_) if self.first => {}
            _ => return Err(Fallback),
        }
        self.first = false;
        seed.deserialize(&mut *r).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Deserialize;
    use serde_json::Value;

    /// The reader's `Value`, when it reads `text`.
    fn read(text: &str) -> Result<Value, Fallback> {
        let mut r = Reader::new(text.as_bytes())?;
        let v = Value::deserialize(&mut r)?;
        r.end()?;
        Ok(v)
    }

    #[test]
    fn reads_what_serde_json_reads_and_the_same_way() {
        let cases = [
            r#"{"a": [1, -2, 0, -0, 18446744073709551615, -9223372036854775808, 9223372036854775808]}"#,
            r#"{"s": "plain", "e": "tab\tquote\"slash\/back\\u\u00e9 pair\ud83d\ude00", "n": null}"#,
            r#"[true, false, null, {}, [], [[]], {"k": {"k": {}}}]"#,
            "  \n\t\r {\"x\"  :  1.5e3 , \"y\":-0.25,\"z\":1E2}\n   ",
            r#"{"dup": 1, "dup": 2}"#,
            r#""just a string""#,
            "12345678901234567890",
            "-12345678901234567890",
            "1e400",
        ];
        for text in cases {
            let want: Result<Value, _> = serde_json::from_str(text);
            match read(text) {
                Ok(got) => assert_eq!(Ok(got), want.map_err(|e| e.to_string()), "{text}"),
                Err(Fallback) => assert!(want.is_err() || text.contains("e400"), "gave up on {text}"),
            }
        }
        // -0 is -0.0 in both.
        assert!(read("-0").unwrap().as_f64().unwrap().is_sign_negative());
    }

    #[test]
    fn plain_integers_are_read_without_serde_json() {
        // The fast path's domain (the reader's speed depends on it; serde_json would give the
        // same values): read here, at an offset, with what follows them.
        for (text, negative, n) in [
            ("0", false, 0),
            ("7", false, 7),
            ("12", false, 12),
            ("-5", true, 5),
            ("-0", true, 0),
            ("1234567890123456789", false, 1_234_567_890_123_456_789),
            ("-9223372036854775808", true, 9_223_372_036_854_775_808),
        ] {
            for (before, after) in [("", ""), (": ", ","), ("[", "]"), ("{\"a\":", "}")] {
                let body = format!("{before}{text}{after}");
                let got = plain_integer(body.as_bytes(), before.len());
                assert_eq!(got, Some((negative, n, before.len() + text.len())), "{body}");
            }
        }
        // Everything else is serde_json's: leading zeros, fractions, exponents, 20 digits, signs.
        for text in ["01", "-01", "00", "1.5", "1e5", "1E5", "0.0", "12345678901234567890", "-", "+1", "x", ""] {
            assert_eq!(plain_integer(text.as_bytes(), 0), None, "{text}");
        }
        assert_eq!(plain_integer(b"5", 1), None, "past the end");
    }

    #[test]
    fn gives_up_on_what_serde_json_rejects() {
        for text in [
            "",
            " ",
            "{",
            "}",
            "[1,]",
            "{\"a\":1,}",
            "{,}",
            "[,1]",
            "{\"a\" 1}",
            "{\"a\":}",
            "01",
            "-",
            "1.",
            "-01",
            "+1",
            ".5",
            "1e",
            "tru",
            "nul",
            "falsey",
            "{\"a\":1}x",
            "[1 2]",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            // A high surrogate followed by text that reads as a low one two bytes later.
            "\"\\ud800abdc00\"",
            "\"\\udc00\\udc00\"",
            "\"a\u{1}b\"",
            "'a'",
            "{a:1}",
            "[\"unterminated]",
        ] {
            assert!(serde_json::from_str::<Value>(text).is_err(), "serde_json reads {text:?}");
            assert_eq!(read(text), Err(Fallback), "{text:?}");
        }
        assert!(Reader::new(b"\"\xff\"").is_err());
    }

    #[test]
    fn says_what_giving_up_means() {
        assert_eq!(Fallback.to_string(), "read again with serde_json");
        assert_eq!(<Fallback as de::Error>::custom("anything"), Fallback);
    }

    #[test]
    fn gives_up_at_the_nesting_limit_as_serde_json_fails() {
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(read(&nested(DEPTH_LIMIT)).is_ok());
        assert!(serde_json::from_str::<Value>(&nested(DEPTH_LIMIT)).is_ok());
        assert_eq!(read(&nested(DEPTH_LIMIT + 1)), Err(Fallback));
        assert!(serde_json::from_str::<Value>(&nested(DEPTH_LIMIT + 1)).is_err());
        // The limit is of depth, not of count: leaving an object or array gives its level back
        // (mutation testing: a depth that only grew would hand these bodies to serde_json).
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let siblings = format!("[{}1]", format!("{open}1{close},").repeat(2 * DEPTH_LIMIT));
            assert!(read(&siblings).is_ok(), "{open}");
        }
    }

    /// Any JSON value, with the strings, numbers and nesting that test the reader's edges.
    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
            "(?s).{0,24}".prop_map(Value::from),
            "[ -~\u{80}-\u{10FFFF}\\\"\u{0}-\u{1f}]{0,12}".prop_map(Value::from),
        ];
        leaf.prop_recursive(6, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec(("[a-z\\\"]{0,4}", inner), 0..6)
                    .prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// Complete on what serde_json writes: the reader reads it, and to the same value.
        #[test]
        fn reads_what_serde_json_writes(v in any_value(), pretty in any::<bool>()) {
            let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
            prop_assert_eq!(read(&text), Ok(serde_json::from_str::<Value>(&text).unwrap()), "{}", text);
        }

        /// Sound on anything: when the reader reads a text (here, JSON with one byte changed,
        /// inserted or removed), serde_json reads it too, to the same value.
        #[test]
        fn reads_nothing_serde_json_rejects(
            v in any_value(),
            at in any::<prop::sample::Index>(),
            edit in 0..3u8,
            byte in prop::sample::select(b"{}[],:\"\\ \t\n0123456789-+.eEtrufalsn\x00\x1f\x7fu".to_vec()),
        ) {
            let mut bytes = serde_json::to_vec(&v).unwrap();
            let i = at.index(bytes.len() + 1);
            match edit {
                0 if i < bytes.len() => bytes[i] = byte,
                1 if i < bytes.len() => { bytes.remove(i); }
                _ => bytes.insert(i, byte),
            }
            let ours = Reader::new(&bytes).and_then(|mut r| {
                let v = Value::deserialize(&mut r)?;
                r.end().map(|()| v)
            });
            if let Ok(got) = ours {
                let want = serde_json::from_slice::<Value>(&bytes);
                prop_assert!(want.is_ok(), "read what serde_json rejects: {:?}", String::from_utf8_lossy(&bytes));
                prop_assert_eq!(got, want.unwrap());
            }
        }
    }

    #[test]
    fn skips_whitespace_runs_of_any_length() {
        for len in 0..30 {
            for tail in ["x", "", "\u{1}"] {
                let text = format!("{}{tail}", " \n\t\r".repeat(len).chars().take(len).collect::<String>());
                let mut r = Reader::new(text.as_bytes()).unwrap();
                assert_eq!(r.peek(), tail.bytes().next(), "{text:?}");
                assert_eq!(r.pos, len);
                let spaces = format!("{}{tail}", " ".repeat(len));
                let mut r = Reader::new(spaces.as_bytes()).unwrap();
                assert_eq!(r.peek(), tail.bytes().next(), "{len} spaces");
                assert_eq!(r.pos, len);
            }
        }
    }

    #[test]
    fn finds_special_bytes_in_and_beyond_whole_words() {
        for len in 0..40 {
            for at in 0..len {
                for special in [b'"', b'\\', 0x00, 0x1f] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = special;
                    assert_eq!(special_byte(&bytes), Some(at), "{len} {at} {special}");
                }
                let mut bytes = vec![0xC3; len];
                bytes[at] = b' ';
                assert_eq!(special_byte(&bytes), None);
            }
            assert_eq!(special_byte(&vec![0x7f; len]), None);
        }
    }
}
