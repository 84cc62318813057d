//! A violation's message kept as its parts, written only when it is read.
//!
//! Most messages are a fixed text, or a fixed text about the violation's own location
//! (`` `city` is empty; ... ``, `` item 2 of `source_of_fund_ids` ... ``). A violation keeps
//! such a message as a [`Wording`]: the fixed parts and the numbers or lists it names, and
//! derives the rest from its location when the message is read
//! ([`Violation::message`](crate::Violation::message)) or serialized (written straight into
//! the output). Reporting a violation then allocates nothing for its message or its
//! parameters; a report read only for its codes and paths never writes a message.

use crate::pointer::{decimal, Loc, Token};
use std::borrow::Cow;
use std::fmt::{self, Write};

/// What a violation's message is made of.
#[derive(Clone, Debug)]
pub(crate) enum Wording {
    /// The whole message, as written (fixed, built by a rule, or translated).
    Text(Cow<'static, str>),
    /// The location's subject, then `rest`: `` `city` is empty; ... ``.
    About(&'static str),
    /// The location's subject, then `first` and `second` (a rule's texts chosen at run time).
    About2(&'static str, &'static str),
    /// `before`, the location's member name, `after`: ``The value ...; add `first_name_en` ...``.
    Named(&'static str, &'static str),
    /// The location's subject must be one of `allowed` (parameter `allowed`: them, comma-separated).
    OneOf(&'static [&'static str]),
    /// The location's member must hold at least (`min`) or at most `n` items (parameter `min`
    /// or `max`: `n`).
    Count { min: bool, n: usize },
}

impl From<&'static str> for Wording {
    fn from(s: &'static str) -> Self {
        Wording::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Wording {
    fn from(s: String) -> Self {
        Wording::Text(Cow::Owned(s))
    }
}

impl From<Cow<'static, str>> for Wording {
    fn from(s: Cow<'static, str>) -> Self {
        Wording::Text(s)
    }
}

/// How a message names a location: an array item's index and the member it belongs to
/// (`"body"` for the whole body).
#[derive(Clone, Copy)]
pub(crate) struct Subject<'a> {
    pub(crate) index: Option<usize>,
    pub(crate) name: &'a str,
}

impl<'a> Subject<'a> {
    /// The subject of a location.
    pub(crate) fn of_loc(loc: &Loc<'a>) -> Subject<'a> {
        match *loc {
            Loc::Index(parent, i) => Subject { index: Some(i), name: member_name(parent) },
            _ => Subject { index: None, name: member_name(loc) },
        }
    }

    /// The subject of a location held as its tokens: the same as of its [`Loc`].
    pub(crate) fn of_tokens(tokens: &[Token]) -> Subject<'static> {
        let name = tokens.iter().rev().find_map(|t| match *t {
            Token::Member(name) => Some(name),
            Token::Index(_) => None,
        });
        let index = match tokens.last() {
            Some(Token::Index(i)) => Some(*i),
            _ => None,
        };
        Subject { index, name: name.unwrap_or("body") }
    }
}

/// The last member name of a location (`"city"` for `/address/city`, `"body"` for the root).
pub(crate) fn member_name<'a>(loc: &Loc<'a>) -> &'a str {
    match *loc {
        Loc::Key(_, name) => name,
        Loc::Member(_, name) => name,
        Loc::Index(parent, _) => member_name(parent),
        Loc::Root => "body",
    }
}

impl Wording {
    /// Whether the message needs its location to be written.
    pub(crate) fn needs_subject(&self) -> bool {
        !matches!(self, Wording::Text(_))
    }

    /// The message as text about `subject`: borrowed when it is held as text.
    pub(crate) fn text(&self, subject: Subject<'_>) -> Cow<'_, str> {
        match self {
            Wording::Text(t) => Cow::Borrowed(t),
            _ => {
                let mut out = String::new();
                // Writing into a String never fails.
                let _ = self.write(&mut out, subject);
                Cow::Owned(out)
            }
        }
    }

    /// Writes the message about `subject`.
    pub(crate) fn write(&self, out: &mut impl Write, subject: Subject<'_>) -> fmt::Result {
        let write_subject = |out: &mut dyn Write| {
            if let Some(i) = subject.index {
                out.write_str("item ")?;
                out.write_str(decimal(i, &mut [0; 20]))?;
                out.write_str(" of ")?;
            }
            out.write_char('`')?;
            out.write_str(subject.name)?;
            out.write_char('`')
        };
        match self {
            Wording::Text(t) => out.write_str(t),
            Wording::About(rest) => {
                write_subject(out)?;
                out.write_str(rest)
            }
            Wording::About2(first, second) => {
                write_subject(out)?;
                out.write_str(first)?;
                out.write_str(second)
            }
            Wording::Named(before, after) => {
                out.write_str(before)?;
                out.write_str(subject.name)?;
                out.write_str(after)
            }
            Wording::OneOf(allowed) => {
                write_subject(out)?;
                out.write_str(" must be one of: ")?;
                write_list(out, allowed)?;
                out.write_char('.')
            }
            Wording::Count { min, n } => {
                out.write_char('`')?;
                out.write_str(subject.name)?;
                out.write_str(if *min { "` must hold at least " } else { "` must hold at most " })?;
                out.write_str(decimal(*n, &mut [0; 20]))?;
                out.write_str(if *n == 1 { " item." } else { " items." })
            }
        }
    }

    /// The message parameter this wording names, if any: `(name, value)`.
    pub(crate) fn param(&self) -> Option<(&'static str, Cow<'static, str>)> {
        match self {
            Wording::OneOf(allowed) => {
                let mut list = String::new();
                let _ = write_list(&mut list, allowed);
                Some(("allowed", Cow::Owned(list)))
            }
            Wording::Count { min, n } => {
                Some((if *min { "min" } else { "max" }, Cow::Owned(decimal(*n, &mut [0; 20]).to_owned())))
            }
            _ => None,
        }
    }

    /// The name of [`Wording::param`], without writing its value.
    pub(crate) fn param_name(&self) -> Option<&'static str> {
        match self {
            Wording::OneOf(_) => Some("allowed"),
            Wording::Count { min: true, .. } => Some("min"),
            Wording::Count { min: false, .. } => Some("max"),
            _ => None,
        }
    }
}

/// `items` separated by `", "`.
fn write_list(out: &mut (impl Write + ?Sized), items: &[&str]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.write_str(", ")?;
        }
        out.write_str(item)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A location held as tokens has the subject of the location itself: every location up to
    /// four deep over members and indices (nested arrays, items of the body, the root).
    #[test]
    fn held_subjects_are_the_locations_subjects() {
        fn check(loc: &Loc<'_>, depth: usize, seen: &mut usize) {
            let held = loc.hold();
            let tokens = held.tokens().expect("model locations of at most five tokens are held as tokens");
            let (a, b) = (Subject::of_loc(loc), Subject::of_tokens(tokens));
            assert_eq!((a.index, a.name), (b.index, b.name), "{}", loc.pointer());
            *seen += 1;
            if depth < 4 {
                check(&loc.key("a"), depth + 1, seen);
                check(&loc.key("bc"), depth + 1, seen);
                check(&loc.index(0), depth + 1, seen);
                check(&loc.index(12), depth + 1, seen);
            }
        }
        let mut seen = 0;
        check(&Loc::Root, 0, &mut seen);
        assert_eq!(seen, 1 + 4 + 16 + 64 + 256);
    }

    /// Each wording writes its text and names its parameter as a rule would have built them.
    #[test]
    fn wordings_write_their_text() {
        let root = Loc::Root;
        let fp = root.key("financial_profile");
        let ids = fp.key("source_of_fund_ids");
        let item = ids.index(2);
        let (at_ids, at_item) = (Subject::of_loc(&ids), Subject::of_loc(&item));
        let text = |w: Wording, s| w.text(s).into_owned();
        assert_eq!(text(Wording::About(" is empty."), at_ids), "`source_of_fund_ids` is empty.");
        assert_eq!(text(Wording::About(" is empty."), at_item), "item 2 of `source_of_fund_ids` is empty.");
        assert_eq!(text(Wording::About2(" is", " long."), at_item), "item 2 of `source_of_fund_ids` is long.");
        assert_eq!(text(Wording::Named("Add `", "`."), at_item), "Add `source_of_fund_ids`.");
        assert_eq!(text(Wording::OneOf(&["A", "B", "C"]), at_ids), "`source_of_fund_ids` must be one of: A, B, C.");
        assert_eq!(text(Wording::OneOf(&["A"]), at_ids), "`source_of_fund_ids` must be one of: A.");
        assert_eq!(text(Wording::Count { min: true, n: 1 }, at_ids), "`source_of_fund_ids` must hold at least 1 item.");
        assert_eq!(
            text(Wording::Count { min: false, n: 20 }, at_ids),
            "`source_of_fund_ids` must hold at most 20 items."
        );
        assert_eq!(text(Wording::from("Fixed."), at_item), "Fixed.");
        assert_eq!(text(Wording::About(" is required."), Subject::of_loc(&root)), "`body` is required.");
        assert_eq!(Wording::OneOf(&["A", "B"]).param(), Some(("allowed", Cow::Owned("A, B".to_owned()))));
        assert_eq!(Wording::Count { min: true, n: 3 }.param(), Some(("min", Cow::Owned("3".to_owned()))));
        assert_eq!(Wording::Count { min: false, n: 10 }.param(), Some(("max", Cow::Owned("10".to_owned()))));
        assert_eq!(Wording::About("x").param(), None);
        for w in [Wording::OneOf(&["A"]), Wording::Count { min: true, n: 1 }, Wording::Count { min: false, n: 1 }] {
            assert_eq!(w.param_name(), w.param().map(|(n, _)| n));
            assert!(w.needs_subject());
        }
        assert!(!Wording::from("x").needs_subject());
    }
}
