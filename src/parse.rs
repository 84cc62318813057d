//! The JSON front end: raw bytes to a request of the model in one pass.
//!
//! The front end's own visitors drive a serde deserializer -- the fast reader of
//! [`crate::json`], or serde_json when the fast reader gives up -- so a single pass over the
//! bytes sees every member: it records duplicate, unknown and V1 members, wrong types and
//! out-of-range numbers as violations, settles their paths (so no later rule reports on them
//! again), and fills the request with everything that did parse. The rules then run on it
//! exactly as they do for SDK-built requests.
//!
//! Raw bodies are read into the borrowed form of the model ([`crate::model::Repr`]): strings
//! are borrowed from the body unless they hold escapes, closed sets are matched on the borrowed
//! text, short arrays are held inline and objects are read in place, so the documented
//! examples are validated without a single allocation; paths are built only when a violation
//! is reported. The member tables and readers of each object come from its `schema!`
//! declaration in `src/model.rs`, through [`object_impl!`].

use crate::model::{Borrowed, IntKind, Owned, Repr, OPT, REQ};
use crate::pointer::Loc;
use crate::report::Code;
use crate::rules::{about, member_name};
use crate::sink::Sink;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::marker::PhantomData;
use std::ops::DerefMut;

/// Parses `body` as a request of type `T`. On a syntax error, reports
/// `malformed_json` alone and returns `None`. `scratch` holds the copy read when the body has
/// numbers beyond f64 (see below), so that a borrowed `T` may borrow from it.
pub(crate) fn parse<'de, T: Object<'de>>(body: &'de [u8], scratch: &'de mut Vec<u8>, sink: &mut Sink) -> Option<T> {
    let root = Loc::Root;
    let message = match parse_once::<T>(body, sink) {
        Ok(Some(v)) => return Some(v),
        Ok(None) => Cow::Borrowed("The body must be a JSON object."),
        Err(e) => {
            // Valid JSON whose numbers overflow f64 (RFC 8259 sets no limit) stops serde_json
            // ("number out of range"): such numbers are clamped to ±1e308 in a copy (error
            // positions kept) and the copy is read once more. Integer members then report
            // `out_of_range`, as they should. A body without such numbers keeps its error.
            sink.reset();
            let copy = clamp_huge_numbers(body).map(|copy| -> &'de [u8] {
                *scratch = copy;
                scratch
            });
            match copy.map(|copy| parse_once::<T>(copy, sink)) {
                Some(Ok(Some(v))) => return Some(v),
                Some(Ok(None)) => Cow::Borrowed("The body must be a JSON object."),
                Some(Err(e)) => Cow::Owned(describe(&e)),
                None => Cow::Owned(describe(&e)),
            }
        }
    };
    sink.reset();
    sink.emit_structural(Code::MalformedJson, &root, message);
    None
}

/// Reads `body` once: with the fast reader ([`crate::json`]), or, when it gives up, with
/// serde_json, whose answer is the engine's (the fast reader reads only what serde_json reads,
/// and reads it the same way).
fn parse_once<'de, T: Object<'de>>(body: &'de [u8], sink: &mut Sink) -> Result<Option<T>, serde_json::Error> {
    if let Some(read) = parse_fast::<T>(body, sink) {
        return Ok(read);
    }
    sink.reset();
    let mut de = serde_json::Deserializer::from_slice(body);
    let root = Loc::Root;
    let mut read = None;
    let seed = ObjectSeed::<T> { sink, loc: &root, required: REQ, top: true, target: &mut read, _t: PhantomData };
    seed.deserialize(&mut de).and_then(|()| de.end()).map(|()| read)
}

fn parse_fast<'de, T: Object<'de>>(body: &'de [u8], sink: &mut Sink) -> Option<Option<T>> {
    let mut reader = crate::json::Reader::new(body).ok()?;
    let root = Loc::Root;
    let mut read = None;
    let seed = ObjectSeed::<T> { sink, loc: &root, required: REQ, top: true, target: &mut read, _t: PhantomData };
    seed.deserialize(&mut reader).ok()?;
    reader.end().ok()?;
    Some(read)
}

/// A copy of `body` with every huge number outside strings replaced by `1e308` (or
/// `-1e308`) padded with spaces to the token's length; `None` when there is none.
///
/// A token (from a `-` or a digit outside strings, the run of `0-9 + - . e E` that
/// follows) is a huge number when it is a JSON number (RFC 8259 §6, see
/// [`is_json_number`]) of magnitude 1e308 or more. Only such tokens change, and into
/// another JSON number plus whitespace, so the copy is JSON exactly when the body is: a
/// token that is not a JSON number (`1.e400`, `01e400`, `1e400.`) stays as it is, as does
/// a stray character before a token (`+1e400`, `.1e400`), and serde_json rejects the
/// copy as it rejected the body. The bound is 1e308 rather than "overflows f64" so that serde_json's own
/// rounding near `f64::MAX` (it rejects some numbers just below it without its
/// `float_roundtrip` feature) cannot leave a rejected number unclamped.
/// One linear scan; only called after serde_json rejected the body.
fn clamp_huge_numbers(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let (mut i, mut changed, mut in_string) = (0, false, false);
    while i < body.len() {
        let b = body[i];
        if in_string {
            out.push(b);
            match b {
                b'\\' if i + 1 < body.len() => {
                    out.push(body[i + 1]);
                    i += 1;
                }
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
        } else if b == b'"' {
            in_string = true;
            out.push(b);
            i += 1;
        } else if b == b'-' || b.is_ascii_digit() {
            let start = i;
            while i < body.len() && matches!(body[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') {
                i += 1;
            }
            let token = &body[start..i];
            let value = || std::str::from_utf8(token).ok().and_then(|t| t.parse::<f64>().ok());
            let huge = is_json_number(token) && value().is_some_and(|f| f.abs() >= 1e308);
            if huge {
                // The shortest huge number ("1e308", "-1e308") is as long as its replacement,
                // so padding with spaces keeps every later error position where it was.
                changed = true;
                let clamp: &[u8] = if token[0] == b'-' { b"-1e308" } else { b"1e308" };
                out.extend_from_slice(clamp);
                out.resize(out.len() + token.len().saturating_sub(clamp.len()), b' ');
            } else {
                out.extend_from_slice(token);
            }
        } else {
            out.push(b);
            i += 1;
        }
    }
    changed.then_some(out)
}

/// Whether `token` is a JSON number, RFC 8259 §6:
/// `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?`. No leading zeros, a digit
/// after `.` and after the exponent's `e` and sign, no `+` in front.
fn is_json_number(token: &[u8]) -> bool {
    let digits_from =
        |i: usize| token.get(i..).map_or(0, |rest| rest.iter().take_while(|b| b.is_ascii_digit()).count());
    let mut i = usize::from(token.first() == Some(&b'-'));
    match token.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i += digits_from(i),
        _ => return false,
    }
    if token.get(i) == Some(&b'.') {
        match digits_from(i + 1) {
            0 => return false,
            n => i += 1 + n,
        }
    }
    if matches!(token.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(token.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        match digits_from(i) {
            0 => return false,
            n => i += n,
        }
    }
    i == token.len()
}

/// A description of a syntax error with its position; never quotes the input.
fn describe(e: &serde_json::Error) -> String {
    let what = match e.classify() {
        serde_json::error::Category::Eof => "it ends too early".to_owned(),
        serde_json::error::Category::Syntax => {
            // serde_json's syntax messages are fixed phrases ("expected `,` or `}`",
            // "recursion limit exceeded", ...) followed by the position.
            let full = e.to_string();
            let phrase = full.split(" at line ").next().unwrap_or("syntax error").to_owned();
            if phrase == "recursion limit exceeded" {
                "it is nested 128 or more levels deep (the limit is 127)".to_owned()
            } else {
                phrase
            }
        }
        _ => "it cannot be read".to_owned(),
    };
    format!("The body is not valid JSON: {what} (line {}, column {}).", e.line(), e.column())
}

// ---------------------------------------------------------------------------
// Objects

/// A JSON object of the request model, read member by member from a body that lives for `'de`.
pub(crate) trait Object<'de>: Default {
    /// V1 member names and their V2 replacements.
    const RENAMED: &'static [(&'static str, &'static str)] = &[];
    /// Members whose violations the sink holds back until [`Object::finish`] decides
    /// (a SELFIE ignores all but `type` and `files`).
    const DEFERRED: &'static [&'static str] = &[];
    /// Called once the object is read.
    fn finish(&mut self, _sink: &mut Sink, _loc: &Loc<'_>) {}

    /// Reads the value of member `key` if the object defines it (reporting a
    /// repeat once through `seen`: bit i, member i seen; bit 64 + i, its repeat
    /// reported); `false` for an unknown key,
    /// whose value the caller then skips.
    fn member<A: MapAccess<'de>>(
        &mut self,
        key: &str,
        seen: &mut u128,
        map: &mut A,
        sink: &mut Sink,
        parent: &Loc<'_>,
    ) -> Result<bool, A::Error>;
}

/// How the front end builds a [`Repr`]'s strings and free-form objects from a body that lives
/// for `'de`, into an object that lives for `'a`.
pub(crate) trait Build<'de, 'a>: Repr {
    /// A string member, as read (borrowed from the body unless it holds escapes).
    fn text(s: Cow<'de, str>) -> Self::Str<'a>;
    /// Reads `meta_data`: any JSON object, its repeated members reported at every level.
    fn meta<A: MapAccess<'de>>(map: &mut A, sink: &mut Sink, loc: &Loc<'_>)
        -> Result<Option<Self::Meta<'a>>, A::Error>;
}

impl<'de, 'a> Build<'de, 'a> for Owned {
    fn text(s: Cow<'de, str>) -> String {
        s.into_owned()
    }
    fn meta<A: MapAccess<'de>>(
        map: &mut A,
        sink: &mut Sink,
        loc: &Loc<'_>,
    ) -> Result<Option<Map<String, Value>>, A::Error> {
        map.next_value_seed(MetaSeed::<true> { sink, loc })
    }
}

impl<'de: 'a, 'a> Build<'de, 'a> for Borrowed {
    fn text(s: Cow<'de, str>) -> Cow<'a, str> {
        s
    }
    fn meta<A: MapAccess<'de>>(map: &mut A, sink: &mut Sink, loc: &Loc<'_>) -> Result<Option<()>, A::Error> {
        map.next_value_seed(MetaSeed::<false> { sink, loc }).map(|v| v.map(drop))
    }
}

/// The position of `name` in `members`, at compile time (a member's bit in `seen`).
pub(crate) const fn member_index(members: &[&str], name: &str) -> usize {
    match crate::model::position(members, name) {
        Some(i) => i,
        None => panic!("not a member"),
    }
}

/// Where an object is read into: its member's `Option`, or a new item of a list. Objects are
/// read in place: none is moved once read.
pub(crate) trait Place<T> {
    /// Puts a default `T` in place and gives it to `f` to fill.
    fn fill<R>(&mut self, f: impl FnOnce(&mut T) -> R) -> R;
    /// The value was not an object: a member stays absent, an item is a placeholder (its path
    /// settled by the violation).
    fn not_read(&mut self);
}

impl<T: Default> Place<T> for Option<T> {
    fn fill<R>(&mut self, f: impl FnOnce(&mut T) -> R) -> R {
        f(self.insert(T::default()))
    }
    fn not_read(&mut self) {}
}

/// The next item of a list.
pub(crate) struct NewItem<'l, L>(&'l mut L);

impl<T: Default, L: Extend<T> + DerefMut<Target = [T]>> Place<T> for NewItem<'_, L> {
    fn fill<R>(&mut self, f: impl FnOnce(&mut T) -> R) -> R {
        self.0.extend(Some(T::default()));
        match self.0.last_mut() {
            Some(item) => f(item),
            None => f(&mut T::default()), // not reached: an item was just added
        }
    }
    fn not_read(&mut self) {
        self.0.extend(Some(T::default()));
    }
}

/// Reads an object of type `T` into its place `P`.
pub(crate) struct ObjectSeed<'s, 'l, 't, T, P = Option<T>> {
    sink: &'s mut Sink,
    loc: &'l Loc<'l>,
    required: bool,
    top: bool,
    target: &'t mut P,
    _t: PhantomData<T>,
}

impl<'s, 'l, 't, T, P> ObjectSeed<'s, 'l, 't, T, P> {
    /// The seed of a member or an item (not the body) of type `T`.
    pub(crate) fn new(sink: &'s mut Sink, loc: &'l Loc<'l>, required: bool, target: &'t mut P) -> Self {
        ObjectSeed { sink, loc, required, top: false, target, _t: PhantomData }
    }
}

impl<'de, T: Object<'de>, P: Place<T>> DeserializeSeed<'de> for ObjectSeed<'_, '_, '_, T, P> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, T: Object<'de>, P: Place<T>> Visitor<'de> for ObjectSeed<'_, '_, '_, T, P> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let ObjectSeed { sink, loc, target, .. } = self;
        target.fill(|out| read_members(out, sink, loc, &mut map))
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        if !self.top {
            null(self.sink, self.loc, self.required);
        }
        self.target.not_read();
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Skip)?.is_some() {}
        self.wrong_type()
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        self.wrong_type()
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        self.wrong_type()
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        self.wrong_type()
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        self.wrong_type()
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        self.wrong_type()
    }
}

impl<T, P: Place<T>> ObjectSeed<'_, '_, '_, T, P> {
    fn wrong_type<E>(self) -> Result<(), E> {
        if !self.top {
            wrong_type(self.sink, self.loc, "an object");
        }
        self.target.not_read();
        Ok(())
    }
}

/// Reads the members of an object into `out`, reporting unknown, V1 and repeated members.
fn read_members<'de, T: Object<'de>, A: MapAccess<'de>>(
    out: &mut T,
    sink: &mut Sink,
    loc: &Loc<'_>,
    map: &mut A,
) -> Result<(), A::Error> {
    if !T::DEFERRED.is_empty() {
        sink.begin_deferral(loc, T::DEFERRED);
    }
    let mut seen: u128 = 0;
    // Unknown members seen, and those whose repeat was reported (once, however often): made
    // at the first unknown member (most objects have none, and need not make or drop them).
    let mut unknown: Option<(Names, Names)> = None;
    while let Some(key) = map.next_key_seed(KeySeed)? {
        if out.member(&key, &mut seen, map, sink, loc)? {
            continue;
        }
        let loc = loc.named(&key);
        let (others, repeated) = unknown.get_or_insert_with(Default::default);
        if !others.insert(key.clone()) {
            if repeated.insert(key.clone()) {
                duplicate(sink, &loc);
            }
        } else if let Some((_, new)) = T::RENAMED.iter().find(|(old, _)| *old == key) {
            let before = sink.mark();
            sink.emit_structural(
                Code::V1Field,
                &loc,
                about(&loc, &[" is a V1 member that V2 ignores; use ", new, "."]),
            );
            sink.set_params(before, vec![("replacement", (*new).to_owned())]);
        } else {
            sink.emit_structural(
                Code::UnknownField,
                &loc,
                "This member is not part of the request and will be ignored; check its spelling.",
            );
        }
        map.next_value_seed(Skip)?;
    }
    out.finish(sink, loc);
    Ok(())
}

/// At [`Options::max_array_items`](crate::Options) items: when more follow, reports
/// `too_many_items` once and skips the rest. `true` when the array is done.
fn skip_beyond_limit<'de, A: SeqAccess<'de>>(
    seq: &mut A,
    sink: &mut Sink,
    loc: &Loc<'_>,
    len: usize,
) -> Result<bool, A::Error> {
    let limit = sink.max_array_items;
    if len < limit {
        return Ok(false);
    }
    if seq.next_element_seed(Skip)?.is_some() {
        let before = sink.mark();
        sink.emit_structural(
            Code::TooManyItems,
            loc,
            format!("`{}` holds more than the limit of {limit} items.", member_name(loc)),
        );
        sink.set_params(before, vec![("max", limit.to_string())]);
        while seq.next_element_seed(Skip)?.is_some() {}
    }
    Ok(true)
}

#[cold]
pub(crate) fn duplicate(sink: &mut Sink, loc: &Loc<'_>) {
    sink.emit_structural(Code::DuplicateKey, loc, about(loc, &[" appears more than once in this object; keep one."]));
}

#[cold]
fn wrong_type(sink: &mut Sink, loc: &Loc<'_>, expected: &str) {
    sink.emit_settling(Code::InvalidType, loc, about(loc, &[" must be ", expected, "."]));
}

/// `null` means absent for a required member (the `required` rule reports it)
/// and is a type error for an optional one.
#[cold]
fn null(sink: &mut Sink, loc: &Loc<'_>, required: bool) {
    if !required {
        sink.emit_settling(Code::InvalidType, loc, about(loc, &[" is null; leave the member out instead."]));
    }
}

/// Skips a value, but reads it as serde_json reads any value: strings are decoded (UTF-8
/// and escapes checked) and nesting counts toward the depth limit, so a value the request
/// does not use cannot smuggle what would be malformed anywhere else. No allocation:
/// strings without escapes are borrowed.
pub(crate) struct Skip;

impl<'de> DeserializeSeed<'de> for Skip {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Skip)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(Skip)?.is_some() {
            map.next_value_seed(Skip)?;
        }
        Ok(())
    }
}

/// Member names, borrowed from the input unless they contain escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

// ---------------------------------------------------------------------------
// Scalars

/// A scalar value, or the kind of a container that was skipped. Strings are borrowed from
/// the body unless they hold escapes.
pub(crate) enum Scalar<'de> {
    Str(Cow<'de, str>),
    U64(u64),
    I64(i64),
    F64(f64),
    Other,
    Null,
}

pub(crate) struct ScalarSeed;

impl<'de> DeserializeSeed<'de> for ScalarSeed {
    type Value = Scalar<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Scalar<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ScalarSeed {
    type Value = Scalar<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Str(Cow::Owned(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Scalar<'de>, E> {
        Ok(Scalar::U64(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Scalar<'de>, E> {
        Ok(Scalar::I64(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Scalar<'de>, E> {
        Ok(Scalar::F64(v))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Other)
    }
    fn visit_unit<E>(self) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Null)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar<'de>, A::Error> {
        while map.next_entry_seed(Skip, Skip)?.is_some() {}
        Ok(Scalar::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar<'de>, A::Error> {
        while seq.next_element_seed(Skip)?.is_some() {}
        Ok(Scalar::Other)
    }
}

/// The string as read: borrowed from the body when it holds no escapes (closed sets take
/// their variant without copying it).
pub(crate) fn text<'de>(v: Scalar<'de>, sink: &mut Sink, loc: &Loc<'_>, required: bool) -> Option<Cow<'de, str>> {
    match v {
        Scalar::Str(s) => Some(s),
        Scalar::Null => {
            null(sink, loc, required);
            None
        }
        _ => {
            wrong_type(sink, loc, "a string");
            None
        }
    }
}

/// 2^64 as an f64: the first value that does not fit in u64.
const U64_LIMIT: f64 = 18_446_744_073_709_551_616.0;

pub(crate) fn integer(v: Scalar<'_>, sink: &mut Sink, loc: &Loc<'_>, required: bool, kind: IntKind) -> Option<u64> {
    let out_of_range = |sink: &mut Sink| {
        let msg = crate::rules::out_of_range_message(kind, loc);
        let before = sink.mark();
        sink.emit_settling(Code::OutOfRange, loc, msg);
        sink.set_params(before, crate::rules::out_of_range_params(kind));
        None
    };
    match v {
        Scalar::U64(n) => Some(n),
        Scalar::I64(n) => u64::try_from(n).ok().or_else(|| out_of_range(sink)),
        Scalar::F64(f) if f.is_finite() && f.fract() == 0.0 => {
            if !(0.0..U64_LIMIT).contains(&f) {
                out_of_range(sink)
            } else {
                // Integral and within [0, 2^64): the conversion is exact.
                Some(f as u64)
            }
        }
        Scalar::Null => {
            null(sink, loc, required);
            None
        }
        _ => {
            wrong_type(sink, loc, "a whole number");
            None
        }
    }
}

// ---------------------------------------------------------------------------
// Arrays

/// An array item type.
pub(crate) trait Item<'de>: Sized {
    /// Reads the next item into `list` (a placeholder, its path settled, when it has the wrong
    /// type); `false` at the end of the array.
    fn next_into<A: SeqAccess<'de>, L: Extend<Self> + DerefMut<Target = [Self]>>(
        seq: &mut A,
        list: &mut L,
        sink: &mut Sink,
        loc: &Loc<'_>,
    ) -> Result<bool, A::Error>;
}

impl<'de> Item<'de> for u64 {
    fn next_into<A: SeqAccess<'de>, L: Extend<u64> + DerefMut<Target = [u64]>>(
        seq: &mut A,
        list: &mut L,
        sink: &mut Sink,
        loc: &Loc<'_>,
    ) -> Result<bool, A::Error> {
        let Some(v) = seq.next_element_seed(ScalarSeed)? else { return Ok(false) };
        list.extend(Some(integer(v, sink, loc, OPT, IntKind::Id).unwrap_or(0)));
        Ok(true)
    }
}

impl<'de, T: Object<'de>> Item<'de> for T {
    fn next_into<A: SeqAccess<'de>, L: Extend<T> + DerefMut<Target = [T]>>(
        seq: &mut A,
        list: &mut L,
        sink: &mut Sink,
        loc: &Loc<'_>,
    ) -> Result<bool, A::Error> {
        let mut item = NewItem(list);
        Ok(seq.next_element_seed(ObjectSeed::<T, _>::new(sink, loc, OPT, &mut item))?.is_some())
    }
}

/// Reads an array into its member's place, a list `L` of items (a `Vec`, or a short inline
/// list), which stays `None` when the value is not an array.
pub(crate) struct ArraySeed<'s, 'l, 't, L> {
    sink: &'s mut Sink,
    loc: &'l Loc<'l>,
    required: bool,
    target: &'t mut Option<L>,
}

impl<'s, 'l, 't, L> ArraySeed<'s, 'l, 't, L> {
    pub(crate) fn new(sink: &'s mut Sink, loc: &'l Loc<'l>, required: bool, target: &'t mut Option<L>) -> Self {
        ArraySeed { sink, loc, required, target }
    }
}

impl<'de, T: Item<'de>, L: Default + Extend<T> + DerefMut<Target = [T]>> DeserializeSeed<'de>
    for ArraySeed<'_, '_, '_, L>
{
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, T: Item<'de>, L: Default + Extend<T> + DerefMut<Target = [T]>> Visitor<'de> for ArraySeed<'_, '_, '_, L> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let out = self.target.insert(L::default());
        loop {
            if skip_beyond_limit(&mut seq, self.sink, self.loc, out.len())? {
                return Ok(());
            }
            let loc = self.loc.index(out.len());
            if !T::next_into(&mut seq, out, self.sink, &loc)? {
                return Ok(());
            }
        }
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        null(self.sink, self.loc, self.required);
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry_seed(Skip, Skip)?.is_some() {}
        self.wrong_type()
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        self.wrong_type()
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        self.wrong_type()
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        self.wrong_type()
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        self.wrong_type()
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        self.wrong_type()
    }
}

impl<L> ArraySeed<'_, '_, '_, L> {
    fn wrong_type<E>(self) -> Result<(), E> {
        wrong_type(self.sink, self.loc, "an array");
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Free-form objects (`meta_data`): any content, but duplicate members are
// reported at every level. Kept as a `Value` when `KEEP` (the owned model), else only
// checked (the borrowed model: nothing is copied).

struct FreeSeed<'s, 'l, const KEEP: bool> {
    sink: &'s mut Sink,
    loc: &'l Loc<'l>,
}

impl<'de, const KEEP: bool> DeserializeSeed<'de> for FreeSeed<'_, '_, KEEP> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// A scalar's value when kept, else a placeholder that is neither null nor an object.
fn kept<const KEEP: bool>(v: impl FnOnce() -> Value) -> Value {
    if KEEP {
        v()
    } else {
        Value::Bool(false)
    }
}

impl<'de, const KEEP: bool> Visitor<'de> for FreeSeed<'_, '_, KEEP> {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(kept::<KEEP>(|| Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(kept::<KEEP>(|| Value::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(kept::<KEEP>(|| Value::from(v)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(kept::<KEEP>(|| Value::from(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(kept::<KEEP>(|| Value::String(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(kept::<KEEP>(|| Value::String(v)))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        let mut len = 0;
        loop {
            if skip_beyond_limit(&mut seq, self.sink, self.loc, len)? {
                return Ok(Value::Array(out));
            }
            let loc = self.loc.index(len);
            match seq.next_element_seed(FreeSeed::<KEEP> { sink: &mut *self.sink, loc: &loc })? {
                Some(v) if KEEP => out.push(v),
                Some(_) => {}
                None => return Ok(Value::Array(out)),
            }
            len += 1;
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        free_map::<KEEP, A>(self.sink, self.loc, &mut map).map(Value::Object)
    }
}

fn free_map<'de, const KEEP: bool, A: MapAccess<'de>>(
    sink: &mut Sink,
    loc: &Loc<'_>,
    map: &mut A,
) -> Result<Map<String, Value>, A::Error> {
    let mut out = Map::new();
    let mut names = Names::default();
    // Members whose repeat was reported (once, however often they repeat), made at the first.
    let mut repeated: Option<Names> = None;
    while let Some(key) = map.next_key_seed(KeySeed)? {
        let member = loc.named(&key);
        if names.insert(key.clone()) {
            let v = map.next_value_seed(FreeSeed::<KEEP> { sink: &mut *sink, loc: &member })?;
            if KEEP {
                out.insert(key.into_owned(), v);
            }
        } else {
            if repeated.get_or_insert_with(Names::default).insert(key.clone()) {
                duplicate(sink, &member);
            }
            map.next_value_seed(Skip)?;
        }
    }
    Ok(out)
}

/// Member names seen so far in one object (unknown members of the model's objects, every member
/// of a free-form one): up to 8 inline (no allocation), hashed beyond (linear time whatever the
/// object's size).
#[derive(Default)]
struct Names<'de> {
    few: tinyvec::ArrayVec<[Cow<'de, str>; 8]>,
    many: HashSet<Cow<'de, str>>,
}

impl<'de> Names<'de> {
    /// Records `name`; `false` when it was recorded before.
    fn insert(&mut self, name: Cow<'de, str>) -> bool {
        if self.many.is_empty() {
            if self.few.contains(&name) {
                return false;
            }
            if self.few.len() < self.few.capacity() {
                self.few.push(name);
                return true;
            }
            self.many.extend(self.few.drain(..));
        }
        self.many.insert(name)
    }
}

/// `meta_data`: an object of anything (kept when `KEEP`, else checked and left empty).
pub(crate) struct MetaSeed<'s, 'l, const KEEP: bool> {
    pub(crate) sink: &'s mut Sink,
    pub(crate) loc: &'l Loc<'l>,
}

impl<'de, const KEEP: bool> DeserializeSeed<'de> for MetaSeed<'_, '_, KEEP> {
    type Value = Option<Map<String, Value>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        match d.deserialize_any(FreeSeed::<KEEP> { sink: &mut *self.sink, loc: self.loc })? {
            Value::Object(m) => Ok(Some(m)),
            Value::Null => {
                null(self.sink, self.loc, OPT);
                Ok(None)
            }
            _ => {
                wrong_type(self.sink, self.loc, "an object");
                Ok(None)
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The request model's objects: their `Object` impls come from the model's `schema!`
// declarations (`src/model.rs`), through this macro.

/// The [`Object`] impl of a `schema!` declaration: the member table and how each member is read.
macro_rules! object_impl {
    ([$($header:tt)*] {
        renamed: [$(($old:literal, $new:literal)),*],
        ignored: [$($ignored:literal),*],
        $(@ignored_when $pred:ident;)?
        $($field:ident $(as $wire:literal)?: $kind:ident $(($($arg:tt)*))? $req:ident),*
    }) => {
        const _: () = {
            const MEMBERS: &[&str] = &[$(wire_name!($field $($wire)?)),*];
        $($header)* {
            const RENAMED: &'static [(&'static str, &'static str)] = &[$(($old, $new)),*];
            const DEFERRED: &'static [&'static str] = &[$($ignored),*];
            $(
                // What the front end found wrong with the members the provider ignores was
                // held back (`DEFERRED`): dropped when they are ignored, kept otherwise.
                fn finish(&mut self, sink: &mut $crate::sink::Sink, _: &$crate::pointer::Loc<'_>) {
                    sink.end_deferral(self.$pred())
                }
            )?
            fn member<A: serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                seen: &mut u128,
                map: &mut A,
                sink: &mut $crate::sink::Sink,
                parent: &$crate::pointer::Loc<'_>,
            ) -> Result<bool, A::Error> {
                const _: () = assert!(MEMBERS.len() <= 64, "`seen` has 64 bits");
                match key {
                    $(
                        wire_name!($field $($wire)?) => {
                            const BIT: u128 = 1 << $crate::parse::member_index(MEMBERS, wire_name!($field $($wire)?));
                            let loc = parent.key(wire_name!($field $($wire)?));
                            if *seen & BIT != 0 {
                                // Reported once however often it repeats (bit + 64: reported).
                                if *seen & (BIT << 64) == 0 {
                                    *seen |= BIT << 64;
                                    $crate::parse::duplicate(sink, &loc);
                                }
                                map.next_value_seed($crate::parse::Skip)?;
                            } else {
                                *seen |= BIT;
                                $crate::parse::read!($kind $(($($arg)*))?, map, sink, &loc, $req, self.$field);
                            }
                            Ok(true)
                        }
                    )*
                    _ => Ok(false),
                }
            }
        }
        };
    };
}
pub(crate) use object_impl;

/// Reads the value of a member of a `schema!` declaration.
macro_rules! read {
    (text($k:ident), $map:ident, $sink:ident, $loc:expr, $req:ident) => {
        $crate::parse::text($map.next_value_seed($crate::parse::ScalarSeed)?, $sink, $loc, $req).map(R::text)
    };
    (choice($e:ty), $map:ident, $sink:ident, $loc:expr, $req:ident) => {
        $crate::parse::text($map.next_value_seed($crate::parse::ScalarSeed)?, $sink, $loc, $req).map(|s| match s {
            std::borrow::Cow::Borrowed(s) => <$e>::from_wire(s),
            std::borrow::Cow::Owned(s) => <$e>::from_string(s),
        })
    };
    (int($kind:ident), $map:ident, $sink:ident, $loc:expr, $req:ident) => {
        $crate::parse::integer(
            $map.next_value_seed($crate::parse::ScalarSeed)?,
            $sink,
            $loc,
            $req,
            $crate::model::IntKind::$kind,
        )
    };
    (plain($t:ident), $map:ident, $sink:ident, $loc:expr, $req:ident, $target:expr) => {
        $map.next_value_seed($crate::parse::ObjectSeed::<$t>::new($sink, $loc, $req, &mut $target))?
    };
    (object($t:ident), $map:ident, $sink:ident, $loc:expr, $req:ident, $target:expr) => {
        $map.next_value_seed($crate::parse::ObjectSeed::<$t<'a, R>>::new($sink, $loc, $req, &mut $target))?
    };
    (array($t:ident, $min:literal, $max:tt), $map:ident, $sink:ident, $loc:expr, $req:ident, $target:expr) => {
        $map.next_value_seed($crate::parse::ArraySeed::new($sink, $loc, $req, &mut $target))?
    };
    (ids($min:literal, $max:tt), $map:ident, $sink:ident, $loc:expr, $req:ident, $target:expr) => {
        $map.next_value_seed($crate::parse::ArraySeed::new($sink, $loc, $req, &mut $target))?
    };
    ($($kind:ident $(($($arg:tt)*))?)?, $map:ident, $sink:ident, $loc:expr, $req:ident, $target:expr) => {
        $target = $crate::parse::read!($($kind $(($($arg)*))?)?, $map, $sink, $loc, $req)
    };

    (free, $map:ident, $sink:ident, $loc:expr, $req:ident) => {
        R::meta($map, $sink, $loc)?
    };
}
pub(crate) use read;
