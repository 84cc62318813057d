//! Indonesia (IDN): the NIK and the NPWP.

use super::scheme::{date, digit, digits_only, luhn_checksum, Compact, Fault, Outcome, Scheme};
use super::tables::ID_PROVINCES;
use crate::date::Date;

/// NIK (Nomor Induk Kependudukan): 16 digits `PPRRSSDDMMYYXXXX`: the first two a known province
/// code, then regency and district, the birth date as `DDMMYY` (40 added to the day for women)
/// that must be a real date in the 1900s or the 2000s, and a four-digit serial. Spaces, `-`
/// and `.` are ignored.
pub(crate) const NIK: Scheme =
    Scheme { module: "id.nik", name: "Nomor Induk Kependudukan", compact: id_compact, validate: nik_validate };

/// NPWP (Nomor Pokok Wajib Pajak): 15 digits, the first nine passing the Luhn check (the old
/// form, `01.312.166.0-091.000`), or 16 digits: a `0` followed by the old form, or else a
/// valid NIK. Spaces, `-` and `.` are ignored.
pub(crate) const NPWP: Scheme =
    Scheme { module: "id.npwp", name: "Nomor Pokok Wajib Pajak", compact: id_compact, validate: npwp_validate };

fn id_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -.").map(Compact::strip)
}

fn nik_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    let &[p1, p2, _, _, _, _, d1, d2, m1, m2, y1, y2, _, _, _, _] = b else {
        return Err(Fault::Length);
    };
    let pair = |a: u8, b: u8| digit(a) * 10 + digit(b);
    let (day, month, year) = (pair(d1, d2) % 40, pair(m1, m2), pair(y1, y2));
    if date(1900 + year, month, day).is_none() && date(2000 + year, month, day).is_none() {
        return Err(Fault::Component);
    }
    let province = u8::try_from(pair(p1, p2)).unwrap_or(u8::MAX);
    if ID_PROVINCES.binary_search(&province).is_err() {
        return Err(Fault::Component);
    }
    Ok(())
}

fn npwp_validate(number: &Compact, today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !digits_only(b) {
        return Err(Fault::Format);
    }
    let checked = match (b.len(), b.first()) {
        (15, _) => b.get(..9),
        (16, Some(b'0')) => b.get(..10),
        (16, _) => return nik_validate(number, today),
        _ => return Err(Fault::Length),
    };
    if checked.is_some_and(|digits| luhn_checksum(digits) == 0) {
        Ok(())
    } else {
        Err(Fault::Checksum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(NIK.check("3171011708450001", None), Ok(()));
        assert_eq!(NIK.check("3171015708450001", None), Ok(()));
        assert_eq!(NIK.check("3171012902001234", None), Ok(()));
        assert_eq!(NIK.check("3171013002001234", None), Err(Fault::Component));
        assert_eq!(NIK.check("9971011708450001", None), Err(Fault::Component));
        assert_eq!(NIK.check("31710117084500", None), Err(Fault::Length));
        assert_eq!(NIK.check("", None), Err(Fault::Format));
        assert_eq!(NPWP.check("01.312.166.0-091.000", None), Ok(()));
        assert_eq!(NPWP.check("016090524017000", None), Ok(()));
        assert_eq!(NPWP.check("0016090524017000", None), Ok(()));
        assert_eq!(NPWP.check("3171011708450001", None), Ok(()));
        assert_eq!(NPWP.check("016090525017000", None), Err(Fault::Checksum));
        assert_eq!(NPWP.check("123456789", None), Err(Fault::Length));
    }
}
