//! Lazily built JSON Pointers (RFC 6901).
//!
//! While the engine walks a request it keeps its location as a chain of
//! stack frames ([`Loc`]). A violation keeps the location's tokens ([`Held`]:
//! static member names and indices, no text), and its pointer string is only
//! written when asked for ([`Violation::path`](crate::Violation::path), or
//! straight into the output when a report is serialized).

/// A location in the request: the root, or a member or index below a parent.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Loc<'a> {
    Root,
    /// A member named in the body (escaped when written).
    Key(&'a Loc<'a>, &'a str),
    /// A member of the request model: its name is a static wire name without `~` or `/`.
    Member(&'a Loc<'a>, &'static str),
    Index(&'a Loc<'a>, usize),
}

impl<'a> Loc<'a> {
    /// A member of the request model (a static wire name, never escaped).
    pub(crate) fn key(&'a self, name: &'static str) -> Loc<'a> {
        debug_assert!(!name.contains(['~', '/']), "{name}");
        Loc::Member(self, name)
    }

    /// A member named in the body, whatever its name.
    pub(crate) fn named(&'a self, name: &'a str) -> Loc<'a> {
        Loc::Key(self, name)
    }

    pub(crate) fn index(&'a self, i: usize) -> Loc<'a> {
        Loc::Index(self, i)
    }

    /// The RFC 6901 pointer: `~` is written `~0` and `/` is written `~1`.
    pub(crate) fn pointer(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// The location held without its borrows, to report it or compare it with pointers later:
    /// its tokens when it has at most [`HELD_TOKENS`] and no member named in the body (no
    /// allocation, no text written), else its pointer.
    pub(crate) fn hold(&self) -> Held {
        let mut tokens = [Token::Index(0); HELD_TOKENS];
        let mut n = 0;
        let mut at = self;
        loop {
            let (parent, token) = match *at {
                Loc::Root => break,
                Loc::Member(parent, name) => (parent, Token::Member(name)),
                Loc::Index(parent, i) => (parent, Token::Index(i)),
                Loc::Key(..) => return Held::Pointer(self.pointer()),
            };
            let Some(slot) = tokens.get_mut(n) else {
                return Held::Pointer(self.pointer());
            };
            *slot = token;
            n += 1;
            at = parent;
        }
        tokens[..n].reverse();
        Held::Tokens(tokens, n as u8)
    }

    fn write(&self, out: &mut impl Out) {
        match *self {
            Loc::Root => {}
            Loc::Member(parent, name) => {
                parent.write(out);
                out.push_str("/");
                out.push_str(name);
            }
            Loc::Key(parent, name) => {
                parent.write(out);
                out.push_str("/");
                if !name.bytes().any(|b| b == b'~' || b == b'/') {
                    out.push_str(name);
                    return;
                }
                for part in name.split_inclusive(['~', '/']) {
                    match part.strip_suffix('~').map(|p| (p, "~0")).or(part.strip_suffix('/').map(|p| (p, "~1"))) {
                        Some((text, escape)) => {
                            out.push_str(text);
                            out.push_str(escape);
                        }
                        None => out.push_str(part),
                    }
                }
            }
            Loc::Index(parent, i) => {
                parent.write(out);
                out.push_str("/");
                out.push_str(decimal(i, &mut [0; 20]));
            }
        }
    }
}

/// Where a pointer is written.
trait Out {
    fn push_str(&mut self, s: &str);
}

impl Out for String {
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s)
    }
}

/// How many reference tokens a [`Held`] location keeps inline: the model's deepest location
/// has five (`/identifying_documents/0/files/1/side`).
pub(crate) const HELD_TOKENS: usize = 5;

/// A [`Loc`] held beyond its borrows ([`Loc::hold`]): what a violation keeps of its location,
/// its pointer written only when asked for.
#[derive(Clone)]
pub(crate) enum Held {
    /// Its first `n` tokens, root first: model members and indices.
    Tokens([Token; HELD_TOKENS], u8),
    /// Its pointer (a location below a member named in the body, or deeper than the tokens).
    Pointer(String),
}

/// A reference token of a model location.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Token {
    /// A model member: a static wire name, never a number, without `~` or `/`.
    Member(&'static str),
    Index(usize),
}

impl Token {
    /// Model tokens in pointer order ([`compare_pointers`](crate::report)): numbers first, by
    /// value, then names as strings (a model member's name is never a number).
    pub(crate) fn order(self, other: Token) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        match (self, other) {
            (Token::Index(i), Token::Index(j)) => i.cmp(&j),
            (Token::Index(_), Token::Member(_)) => Ordering::Less,
            (Token::Member(_), Token::Index(_)) => Ordering::Greater,
            (Token::Member(a), Token::Member(b)) => a.cmp(b),
        }
    }
}

impl Held {
    /// The tokens, when the location is held as tokens.
    pub(crate) fn tokens(&self) -> Option<&[Token]> {
        match self {
            Held::Tokens(tokens, n) => tokens.get(..usize::from(*n)),
            Held::Pointer(_) => None,
        }
    }

    /// What follows the location in `path` when `path` is it or below it (`b""` or
    /// `b"/..."`), as `path.strip_prefix(pointer)` would answer.
    pub(crate) fn strip_from<'p>(&self, path: &'p [u8]) -> Option<&'p [u8]> {
        match self {
            Held::Pointer(p) => path.strip_prefix(p.as_bytes()),
            Held::Tokens(..) => self.tokens()?.iter().try_fold(path, |rest, token| {
                let rest = rest.strip_prefix(b"/")?;
                match *token {
                    Token::Member(name) => rest.strip_prefix(name.as_bytes()),
                    Token::Index(i) => rest.strip_prefix(decimal(i, &mut [0; 20]).as_bytes()),
                }
            }),
        }
    }
}

/// The pointer (RFC 6901), written token by token.
impl std::fmt::Display for Held {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Held::Pointer(p) => f.write_str(p),
            Held::Tokens(..) => self.tokens().unwrap_or_default().iter().try_for_each(|token| {
                f.write_str("/")?;
                match *token {
                    Token::Member(name) => f.write_str(name),
                    Token::Index(i) => f.write_str(decimal(i, &mut [0; 20])),
                }
            }),
        }
    }
}

/// `n` in decimal, written into `buf` (no formatting machinery).
pub(crate) fn decimal(mut n: usize, buf: &mut [u8; 20]) -> &str {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    std::str::from_utf8(&buf[at..]).unwrap_or("0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_escaped_pointers() {
        let root = Loc::Root;
        assert_eq!(root.pointer(), "");
        let a = root.key("basic_info");
        let b = a.key("tax_info");
        let c = b.index(1);
        assert_eq!(c.key("document_id").pointer(), "/basic_info/tax_info/1/document_id");
        assert_eq!(root.named("a/b~c").pointer(), "/a~1b~0c");
        assert_eq!(root.named("a/b~c").index(3).key("x").pointer(), "/a~1b~0c/3/x");
        assert_eq!(root.named("~~//x~").pointer(), "/~0~0~1~1x~0");
        for i in [0, 7, 10, 99, 1234, usize::MAX] {
            assert_eq!(decimal(i, &mut [0; 20]), i.to_string());
        }
    }

    /// A held location strips exactly what its pointer would: every location up to five deep
    /// over model members, indices and body-named members, against paths at, below, beside
    /// and above it.
    #[test]
    fn held_locations_strip_like_their_pointers() {
        fn check(loc: &Loc<'_>, depth: usize) {
            let pointer = loc.pointer();
            let held = loc.hold();
            assert_eq!(held.to_string(), pointer);
            let mut paths = vec![String::new(), "/".to_owned(), "/a".to_owned(), "/a/1".to_owned()];
            for suffix in ["", "/", "/x", "0", "1", "/0", "x", "~0", "/a/b"] {
                paths.push(format!("{pointer}{suffix}"));
            }
            if let Some(cut) = pointer.get(..pointer.len().saturating_sub(1)) {
                paths.push(cut.to_owned());
            }
            for path in &paths {
                assert_eq!(
                    held.strip_from(path.as_bytes()),
                    path.as_bytes().strip_prefix(pointer.as_bytes()),
                    "{pointer:?} vs {path:?}"
                );
            }
            if depth == 6 {
                return;
            }
            check(&loc.key("a"), depth + 1);
            check(&loc.key("ab"), depth + 1);
            check(&loc.index(1), depth + 1);
            check(&loc.index(10), depth + 1);
            check(&loc.named("a/~"), depth + 1);
        }
        check(&Loc::Root, 0);
        // Five model tokens are held as tokens, six or a body-named member as the pointer.
        let root = Loc::Root;
        let (a, b) = (root.key("a"), root.named("a"));
        let a1 = a.index(1);
        let a1b = a1.key("b");
        let a1b2 = a1b.index(2);
        let a1b2c = a1b2.key("c");
        assert!(matches!(a1.hold(), Held::Tokens(_, 2)));
        assert!(matches!(a1b2c.hold(), Held::Tokens(_, 5)));
        assert!(matches!(a1b2c.index(3).hold(), Held::Pointer(_)));
        assert!(matches!(a1b.named("e").hold(), Held::Pointer(_)));
        assert!(matches!(b.hold(), Held::Pointer(_)));
        assert!(matches!(root.hold(), Held::Tokens(_, 0)));
    }
}
