//! Italy (ITA): the codice fiscale.

use super::scheme::{date, digits_only, luhn_valid, number, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Codice fiscale: for a person, 16 characters: six letters (from the surname and given name),
/// the birth year (two characters), month (a letter of `ABCDEHLMPRST`), day (plus 40 for women;
/// two characters) and place (a letter and three characters), and a check letter. Where digits
/// stand, the letters `LMNPQRSTUV` may replace 0–9 (to tell clashing codes apart). The check
/// letter is the sum of the fifteen characters' values (two tables, for odd and even places)
/// modulo 26, and the birth date must be a real day (years read as 1920–2019). For others, the
/// code is the 11-digit partita IVA: a company number (not all zeros), a province office (`001`
/// to `100`, `120`, `121`, `888` or `999`) and a Luhn check digit. Spaces, `-` and `:` are
/// ignored and letters are read as capitals.
pub(crate) const CODICE_FISCALE: Scheme = Scheme {
    module: "it.codicefiscale",
    name: "Codice fiscale",
    compact: codice_fiscale_compact,
    validate: codice_fiscale_validate,
};

/// The letters that stand for the digits 0–9 in the date and place parts.
const DIGIT_LETTERS: &[u8; 10] = b"LMNPQRSTUV";

/// The month letters, January to December.
const MONTH_LETTERS: &[u8; 12] = b"ABCDEHLMPRST";

/// The values of `0`–`9` and of `A`–`Z` at odd places (first, third, …); `0`–`9` count as `A`–`J`.
const ODD_VALUES: [u32; 26] =
    [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

fn codice_fiscale_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -:").map(|c| c.strip().upper())
}

fn codice_fiscale_validate(compact: &Compact, _today: Option<Date>) -> Outcome {
    match compact.len() {
        // As python-stdnum, the partita IVA is read again with its own tolerance (an `IT` prefix).
        11 => partita_iva(compact.strip_prefix(b"IT").as_bytes()),
        16 => personal_code(compact.as_bytes()),
        _ => Err(Fault::Length),
    }
}

/// The 11-digit partita IVA (python-stdnum's `it.iva`).
fn partita_iva(b: &[u8]) -> Outcome {
    if !digits_only(b) || number(b.get(..7).unwrap_or(b)) == 0 {
        return Err(Fault::Format);
    }
    if b.len() != 11 {
        return Err(Fault::Length);
    }
    let office = number(b.get(7..10).unwrap_or_default());
    if !matches!(office, 1..=100 | 120 | 121 | 888 | 999) {
        return Err(Fault::Component);
    }
    if luhn_valid(b) {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

/// A person's 16-character code.
fn personal_code(b: &[u8]) -> Outcome {
    let &[n0, n1, n2, n3, n4, n5, y0, y1, month, d0, d1, place, p0, p1, p2, check] = b else {
        return Err(Fault::Length);
    };
    let letters = [n0, n1, n2, n3, n4, n5, place, check].iter().all(u8::is_ascii_uppercase);
    let digit_like = [y0, y1, d0, d1, p0, p1, p2].iter().all(|&c| digit_value(c).is_some());
    if !letters || !digit_like || !MONTH_LETTERS.contains(&month) {
        return Err(Fault::Format);
    }
    let body = b.get(..15).unwrap_or_default();
    if check_letter(body) != Some(check) {
        return Err(Fault::Checksum);
    }
    birth_date([y0, y1], month, [d0, d1]).map(|_| ()).ok_or(Fault::Component)
}

/// The value of a digit, or of a letter standing for one.
fn digit_value(c: u8) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(u32::from(c - b'0'));
    }
    DIGIT_LETTERS.iter().position(|&l| l == c).and_then(|i| u32::try_from(i).ok())
}

/// The check letter of the first fifteen characters (digits and capitals).
fn check_letter(body: &[u8]) -> Option<u8> {
    let mut sum = 0;
    for (i, &c) in body.iter().enumerate() {
        // Digits rank as the first ten letters.
        let rank = usize::from(if c.is_ascii_digit() { c - b'0' } else { c.checked_sub(b'A')? });
        sum += if i % 2 == 0 { *ODD_VALUES.get(rank)? } else { u32::try_from(rank).ok()? };
    }
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZ".get((sum % 26) as usize).copied()
}

/// The birth date: the year read in 1920–2019, the day less 40 for women.
fn birth_date(year: [u8; 2], month: u8, day: [u8; 2]) -> Option<Date> {
    let value = |[a, b]: [u8; 2]| Some(digit_value(a)? * 10 + digit_value(b)?);
    let yy = value(year)?;
    let year = if yy < 20 { 2000 + yy } else { 1900 + yy };
    let month = MONTH_LETTERS.iter().position(|&l| l == month)? + 1;
    date(year, u32::try_from(month).ok()?, value(day)? % 40)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(CODICE_FISCALE.check("RCCMNL83S18D969H", None), Ok(()));
        assert_eq!(CODICE_FISCALE.check("RCCMNL83S18D969", None), Err(Fault::Length));
        assert_eq!(CODICE_FISCALE.check("00743110157", None), Ok(()));
        assert_eq!(CODICE_FISCALE.check("00743110158", None), Err(Fault::Checksum));
        assert_eq!(CODICE_FISCALE.check("RCCMNL83S18D969X", None), Err(Fault::Checksum));
        assert_eq!(CODICE_FISCALE.check("rccmnl 83s18 d969h", None), Ok(()));
        assert_eq!(CODICE_FISCALE.check("CNTCHR83T41D969D", None), Ok(()));
    }

    /// The birth date is the day the digits and the month letter say, in 1920-2019: 30 February
    /// does not exist, 10 January does, 29 February 2000 does (python-stdnum 2.2's answers, the
    /// check letters computed by it); a partita IVA of zeros is malformed. Mutation testing, tax
    /// 9/16: the digits' values, the day's tens, the month's index and the century's choice
    /// changed, and the partita IVA's `||` made `&&`, passed.
    #[test]
    fn birth_dates_and_a_partita_iva_of_zeros() {
        assert_eq!(CODICE_FISCALE.check("RCCMNL83B30D969F", None), Err(Fault::Component));
        assert_eq!(CODICE_FISCALE.check("RCCMNL83A10D969E", None), Ok(()));
        assert_eq!(CODICE_FISCALE.check("RCCMNL00B29D969D", None), Ok(()));
        assert_eq!(CODICE_FISCALE.check("RCCMNL01B29D969E", None), Err(Fault::Component));
        assert_eq!(CODICE_FISCALE.check("00000000000", None), Err(Fault::Format));
    }
}
