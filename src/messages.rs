//! Messages in other languages.
//!
//! Every violation carries an English message (the default), its code, its
//! path and the parameters the message was built from ([`Violation::param`]).
//! A [`Messages`] implementation keyed by code and parameters renders them in
//! another language; [`Report::translated`] applies it. Messages never contain
//! submitted values, and neither do parameters.
//!
//! ```
//! use std::borrow::Cow;
//! use kyc_rules::messages::Messages;
//! use kyc_rules::{validate, Code, Context, Options, Request, RequestKind, Violation};
//!
//! struct German;
//! impl Messages for German {
//!     fn message(&self, v: &Violation) -> Option<Cow<'static, str>> {
//!         let member = v.member().unwrap_or_default();
//!         Some(match v.code {
//!             Code::Required => format!("`{member}` fehlt.").into(),
//!             Code::TooFewItems => format!("`{member}` braucht mindestens {} Einträge.", v.param("min")?).into(),
//!             _ => return None, // keep the English message
//!         })
//!     }
//! }
//!
//! let report = validate(Request::json(RequestKind::CreateIndividualV2, b"{}"), &Context::default(), &Options::default());
//! let report = report.translated(&German);
//! assert_eq!(report.violations[0].message(), "`address` fehlt."); // ordered by path
//! ```

use crate::report::{Report, Violation};
use std::borrow::Cow;

/// Renders violation messages, keyed by [`Violation::code`] and [`Violation::param`].
pub trait Messages {
    /// The message for `violation`, or `None` to keep its English message.
    fn message(&self, violation: &Violation) -> Option<Cow<'static, str>>;
}

/// The built-in English messages: every violation already carries them.
#[derive(Debug, Clone, Copy, Default)]
pub struct English;

impl Messages for English {
    fn message(&self, _: &Violation) -> Option<Cow<'static, str>> {
        None
    }
}

impl Report {
    /// The report with its messages rendered by `messages` (English where it has none).
    pub fn translated(mut self, messages: &dyn Messages) -> Report {
        for v in &mut self.violations {
            if let Some(m) = messages.message(v) {
                v.reword(m);
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{validate, Context, Options, Request, RequestKind};

    /// English keeps every message as it is (mutation testing found nothing checking it).
    #[test]
    fn english_keeps_the_messages() {
        let report = validate(
            Request::json(RequestKind::CreateIndividualV2, br#"{"basic_info": {"email": "A@B.C"}, "address": 1}"#),
            &Context::default(),
            &Options::default(),
        );
        assert!(report.violations.len() > 3, "{report:?}");
        assert!(report.violations.iter().all(|v| !v.message().is_empty()));
        assert_eq!(report.clone().translated(&English), report);
    }
}
