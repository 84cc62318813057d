//! Costa Rica (CRI): the cédula de persona física.

use super::scheme::{digits_of_length, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Cédula de Persona Física (CPF): 10 digits starting with `0` (a province digit and two groups
/// of four). There is no check digit. Written as three `-`-separated groups, each group is
/// zero-padded on the left to 2, 4 and 4 digits (`1-234-567` is `0102340567`); a 9-digit number
/// gets a leading `0`. Spaces are ignored and letters are read as capitals.
pub(crate) const CPF: Scheme =
    Scheme { module: "cr.cpf", name: "Cédula de Persona Física", compact: cpf_compact, validate: cpf_validate };

/// A compact form being put together on the stack.
struct Builder {
    buf: [u8; Compact::CAPACITY],
    len: usize,
}

impl Builder {
    fn new() -> Builder {
        Builder { buf: [0; Compact::CAPACITY], len: 0 }
    }

    fn push(&mut self, b: u8) -> Option<()> {
        *self.buf.get_mut(self.len)? = b;
        self.len += 1;
        Some(())
    }

    fn extend(&mut self, bytes: impl IntoIterator<Item = u8>) -> Option<()> {
        bytes.into_iter().try_for_each(|b| self.push(b))
    }

    /// `part` without spaces, padded on the left with zeros to `width` after a leading sign if
    /// there is one (python's `str.zfill`).
    fn zero_filled(&mut self, part: &str, width: usize) -> Option<()> {
        let kept = part.bytes().filter(|&c| c != b' ');
        let len = kept.clone().count();
        let mut rest = kept.clone().peekable();
        if let Some(&sign @ (b'+' | b'-')) = rest.peek() {
            self.push(sign)?;
            rest.next();
        }
        for _ in len..width {
            self.push(b'0')?;
        }
        self.extend(rest)
    }

    fn bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }
}

fn cpf_compact(number: &str) -> Option<Compact> {
    // Spaces go and the `-`-separated groups are read straight from the input, so that any
    // number of separators fits.
    let mut out = Builder::new();
    let mut groups = number.split('-');
    match (groups.next(), groups.next(), groups.next(), groups.next()) {
        (Some(province), Some(volume), Some(entry), None) => {
            out.zero_filled(province, 2)?;
            out.zero_filled(volume, 4)?;
            out.zero_filled(entry, 4)?;
        }
        _ => out.extend(number.bytes().filter(|&c| c != b' ' && c != b'-'))?,
    }
    if out.len == 9 {
        let mut padded = Builder::new();
        padded.push(b'0')?;
        padded.extend(out.bytes().iter().copied())?;
        out = padded;
    }
    Compact::from_bytes(out.bytes()).map(Compact::upper)
}

fn cpf_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    digits_of_length(b, 10)?;
    if b.first() != Some(&b'0') {
        return Err(Fault::Component);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(CPF.check("3-0455-0175", None), Ok(()));
        assert_eq!(CPF.check("1-613-584", None), Ok(()));
        assert_eq!(CPF.check("30-1234-1234", None), Err(Fault::Component));
        assert_eq!(CPF.check("12345678", None), Err(Fault::Length));
        assert_eq!(CPF.check("0403A61234", None), Err(Fault::Format));
        assert_eq!((CPF.compact)("1-613-584").map(|c| c.as_str().to_owned()).as_deref(), Some("0106130584"));
        assert_eq!(CPF.check(&format!("0{}1-2-3-4-5-6-7-8-9", "-".repeat(40)), None), Ok(()));
        assert_eq!((CPF.compact)("1-+1-").map(|c| c.as_str().to_owned()).as_deref(), Some("01+0010000"));
    }
}
