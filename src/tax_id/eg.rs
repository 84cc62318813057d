//! Egypt (EGY): the tax registration number.

use super::scheme::{is_digits, Compact, Fault, Outcome, Scheme};
use crate::date::Date;

/// Tax registration number (رقم التسجيل الضريبي): 9 digits, without a check digit.
/// Spaces, `-` and `/` are ignored. (python-stdnum also reads Arabic-Indic digits; only ASCII
/// input reaches this check.)
pub(crate) const TN: Scheme =
    Scheme { module: "eg.tn", name: "tax registration number", compact: tn_compact, validate: tn_validate };

fn tn_compact(number: &str) -> Option<Compact> {
    Compact::clean(number, b" -/").map(Compact::strip)
}

fn tn_validate(number: &Compact, _today: Option<Date>) -> Outcome {
    let b = number.as_bytes();
    if !is_digits(b) {
        return Err(Fault::Format);
    }
    if b.len() != 9 {
        return Err(Fault::Length);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(TN.check("100-531-385", None), Ok(()));
        assert_eq!(TN.check("100/531/385", None), Ok(()));
        assert_eq!(TN.check("12345", None), Err(Fault::Length));
        assert_eq!(TN.check("VV3456789", None), Err(Fault::Format));
    }
}
