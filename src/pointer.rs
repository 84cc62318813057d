//! Lazily built JSON Pointers (RFC 6901).
//!
//! While the engine walks a request it keeps its location as a chain of
//! stack frames ([`Loc`]); the pointer string is only built when a violation
//! is reported, so the valid path never allocates for paths.

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
        let mut out = String::with_capacity(self.len_hint());
        self.write(&mut out);
        out
    }

    /// The pointer, held inline when it is at most 64 bytes long (no allocation).
    pub(crate) fn pointer_inline(&self) -> tinyvec::TinyVec<[u8; 64]> {
        let mut out = tinyvec::TinyVec::new();
        self.write(&mut out);
        out
    }

    /// The pointer's length when nothing needs escaping (indices counted generously).
    fn len_hint(&self) -> usize {
        match *self {
            Loc::Root => 0,
            Loc::Key(parent, name) => parent.len_hint() + 1 + name.len(),
            Loc::Member(parent, name) => parent.len_hint() + 1 + name.len(),
            Loc::Index(parent, _) => parent.len_hint() + 1 + 20,
        }
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

/// Where a pointer is written: a `String`, or bytes held inline.
trait Out {
    fn push_str(&mut self, s: &str);
}

impl Out for String {
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s)
    }
}

impl Out for tinyvec::TinyVec<[u8; 64]> {
    fn push_str(&mut self, s: &str) {
        self.extend_from_slice(s.as_bytes())
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
        assert_eq!(&c.pointer_inline()[..], b"/basic_info/tax_info/1");
        let long = root.named("a-member-name-long-enough-to-go-past-sixty-four-bytes-of-pointer/~");
        assert_eq!(&long.pointer_inline()[..], long.pointer().as_bytes());
        for i in [0, 7, 10, 99, 1234, usize::MAX] {
            assert_eq!(decimal(i, &mut [0; 20]), i.to_string());
        }
    }
}
