//! Greece (GRC): the AFM (VAT number) and the AMKA.

use super::scheme::{date, digit, digits_only, luhn_valid, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// AFM (Αριθμός Φορολογικού Μητρώου, tax and VAT number): 9 digits (an old 8-digit number gets a
/// leading `0`). The check digit is the first eight digits read as a binary-weighted sum (each digit
/// weighted 2⁸, 2⁷, ..., 2¹), modulo 11, modulo 10. Spaces, `-`, `.`, `/`, `:` and a leading `EL` or
/// `GR` (any case) are ignored.
pub(crate) const VAT: Scheme =
    Scheme {
        module: "gr.vat", name: "Αριθμός Φορολογικού Μητρώου", compact: vat_compact, validate: vat_validate
    };

/// AMKA (Αριθμός Μητρώου Κοινωνικής Ασφάλισης, social security number): 11 digits `DDMMYYSSSSC`, valid
/// under the Luhn algorithm. `DDMMYY` must be a real date in the 1900s or the 2000s (no bound against
/// today). Spaces and `-` are ignored.
pub(crate) const AMKA: Scheme =
    Scheme { module: "gr.amka", name: "social security number", compact: amka_compact, validate: amka_validate };

fn vat_compact(number: &str) -> Option<Compact> {
    let c = Compact::clean(number, b" -./:")?.upper().strip();
    let c = if c.as_bytes().starts_with(b"EL") { c.strip_prefix(b"EL") } else { c.strip_prefix(b"GR") };
    match *c.as_bytes() {
        [a, b, d, e, f, g, h, i] => Compact::from_bytes(&[b'0', a, b, d, e, f, g, h, i]),
        _ => Some(c),
    }
}

fn vat_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    let Some((&check, body @ [_, _, _, _, _, _, _, _])) = b.split_last() else {
        return Err(Fault::Length);
    };
    let sum = body.iter().fold(0, |acc, &d| acc * 2 + digit(d));
    if sum * 2 % 11 % 10 == digit(check) {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

fn amka_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -").map(Compact::strip)
}

fn amka_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    let [d0, d1, m0, m1, y0, y1, _, _, _, _, _] = *b else {
        return Err(Fault::Length);
    };
    if !luhn_valid(b) {
        return Err(Fault::Checksum);
    }
    let two = |a: u8, b: u8| digit(a) * 10 + digit(b);
    let (day, month, year) = (two(d0, d1), two(m0, m1), two(y0, y1));
    date(1900 + year, month, day).or_else(|| date(2000 + year, month, day)).map(|_| ()).ok_or(Fault::Component)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(VAT.check("EL 094259216 ", None), Ok(()));
        assert_eq!(VAT.check("gr94259216", None), Ok(()));
        assert_eq!(VAT.check("EL 123456781", None), Err(Fault::Checksum));
        assert_eq!(AMKA.check("01013099997", None), Ok(()));
        assert_eq!(AMKA.check("01013099999", None), Err(Fault::Checksum));
        assert_eq!(AMKA.check("0101309999", None), Err(Fault::Length));
    }
}
