//! Mexico (MEX): the RFC and the CURP.

use super::scheme::{date, digit, is_digits, Compact, Fault, Outcome, Scheme};
use super::tables::{MX_CURP_EXCLUDED, MX_CURP_STATES, MX_RFC_EXCLUDED};
use crate::date::Date;

/// RFC (Registro Federal de Contribuyentes): for a person, 4 letters from the name (`&` allowed),
/// a `YYMMDD` date and optionally a 3-character serial (10 or 13 characters); for a company,
/// 3 letters, the date and the serial (12 characters). The serial is letters or digits; its
/// check characters are not verified (python-stdnum's default: many numbers in use fail them).
/// The date must be a real calendar date (read as 20YY), and a person's letters must not be one
/// of 41 excluded words. Spaces, `-` and `_` are ignored; lowercase is accepted. python-stdnum
/// also accepts `Ñ` among the letters; only ASCII input is checked here, so `Ñ` is refused.
pub(crate) const RFC: Scheme = Scheme {
    module: "mx.rfc",
    name: "Registro Federal de Contribuyentes",
    compact: mx_compact,
    validate: rfc_validate,
};

/// CURP (Clave Única de Registro de Población): 18 characters: 4 letters from the name (not one
/// of 81 excluded words), the birth date as `YYMMDD`, `H` or `M` for the sex, a two-letter state
/// code (`NE`: born abroad), 3 more letters, a letter or digit (a digit: born in the 1900s,
/// a letter: the 2000s, which must make the date a real one) and a check digit: the first
/// 17 characters valued `0`-`9` → 0-9, `A`-`N` → 10-23, `O`-`Z` → 25-36, weighted 18 down to 2,
/// the check digit bringing the sum to a multiple of 10. Spaces, `-` and `_` are ignored;
/// lowercase is accepted.
pub(crate) const CURP: Scheme = Scheme {
    module: "mx.curp",
    name: "Clave Única de Registro de Población",
    compact: mx_compact,
    validate: curp_validate,
};

fn mx_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b"-_ ").map(|c| c.upper().strip())
}

fn is_name_letter(b: u8) -> bool {
    b.is_ascii_uppercase() || b == b'&'
}

fn is_serial_char(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit()
}

/// A `YYMMDD` date part (digits checked by the caller) names a real date in `century`.
fn real_date(yymmdd: &[u8], century: u32) -> bool {
    let &[y1, y2, m1, m2, d1, d2] = yymmdd else {
        return false;
    };
    let pair = |a: u8, b: u8| digit(a) * 10 + digit(b);
    date(century + pair(y1, y2), pair(m1, m2), pair(d1, d2)).is_some()
}

fn rfc_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    let name_len = match b.len() {
        10 | 13 => 4,
        12 => 3,
        _ => return Err(Fault::Length),
    };
    let (name, rest) = b.split_at(name_len);
    let (date_part, serial) = rest.split_at(6);
    let well_formed =
        name.iter().all(|&c| is_name_letter(c)) && is_digits(date_part) && serial.iter().all(|&c| is_serial_char(c));
    if !well_formed {
        return Err(Fault::Format);
    }
    if name_len == 4 && excluded(&MX_RFC_EXCLUDED, name) {
        return Err(Fault::Component);
    }
    if !real_date(date_part, 2000) {
        return Err(Fault::Component);
    }
    Ok(())
}

fn excluded(words: &[[u8; 4]], name: &[u8]) -> bool {
    <[u8; 4]>::try_from(name).is_ok_and(|w| words.binary_search(&w).is_ok())
}

fn curp_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    let Ok(c) = <&[u8; 18]>::try_from(b) else {
        return Err(Fault::Length);
    };
    let well_formed = c[..4].iter().all(u8::is_ascii_uppercase)
        && is_digits(&c[4..10])
        && c[10..16].iter().all(u8::is_ascii_uppercase)
        && is_serial_char(c[16])
        && c[17].is_ascii_digit();
    if !well_formed {
        return Err(Fault::Format);
    }
    if excluded(&MX_CURP_EXCLUDED, &c[..4]) {
        return Err(Fault::Component);
    }
    let century = if c[16].is_ascii_digit() { 1900 } else { 2000 };
    if !real_date(&c[4..10], century) {
        return Err(Fault::Component);
    }
    if c[10] != b'H' && c[10] != b'M' {
        return Err(Fault::Component);
    }
    if MX_CURP_STATES.binary_search(&[c[11], c[12]]).is_err() {
        return Err(Fault::Component);
    }
    if curp_check_digit(&c[..17]) != digit(c[17]) {
        return Err(Fault::Checksum);
    }
    Ok(())
}

/// The value of a CURP character (`&`, between `N` and `O`, never passes the format check).
fn curp_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => digit(b),
        b'A'..=b'N' => u32::from(b - b'A') + 10,
        b'O'..=b'Z' => u32::from(b - b'O') + 25,
        _ => 0,
    }
}

fn curp_check_digit(chars: &[u8]) -> u32 {
    // Weights 18, 17, ..., 2 from the first character.
    let mut sum = 0;
    for (i, &c) in chars.iter().enumerate() {
        sum += curp_value(c) * (18 - i as u32);
    }
    (10 - sum % 10) % 10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(RFC.check("GODE 561231 GR8", None), Ok(()));
        assert_eq!(RFC.check("MAB-930714-8T4", None), Ok(()));
        assert_eq!(RFC.check("COMG-600703", None), Ok(()));
        assert_eq!(RFC.check("VACE-460910-SX6", None), Ok(()));
        assert_eq!(RFC.check("GODE 561331 GR8", None), Err(Fault::Component));
        assert_eq!(RFC.check("PUTA 561231 GR8", None), Err(Fault::Component));
        assert_eq!(RFC.check("GODE 56123 GR8", None), Err(Fault::Format));
        assert_eq!(RFC.check("GODE 5612 GR8", None), Err(Fault::Length));
        assert_eq!(RFC.check("GOD1 561231 GR8", None), Err(Fault::Format));
        assert_eq!(CURP.check("BOXW310820HNERXN09", None), Ok(()));
        assert_eq!(CURP.check("boxw310820hnerxn09", None), Ok(()));
        assert_eq!(CURP.check("BOXW310820HNERXN08", None), Err(Fault::Checksum));
        assert_eq!(CURP.check("BOXW310820XNERXN09", None), Err(Fault::Component));
        assert_eq!(CURP.check("BOXW310820HXXRXN09", None), Err(Fault::Component));
        assert_eq!(CURP.check("BOXW310820HNERXN0", None), Err(Fault::Length));
    }

    /// `&` is a name letter, not a serial character (python-stdnum 2.2's answers; mutation
    /// testing, tax 10/16: `is_serial_char` answering true passed).
    #[test]
    fn an_ampersand_is_no_serial_character() {
        assert_eq!(RFC.check("GODE561231G&8", None), Err(Fault::Format));
        assert_eq!(CURP.check("BOXW310820HNERXN&9", None), Err(Fault::Format));
    }
}
