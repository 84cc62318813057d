//! Where rules put their violations.

use crate::pointer::Loc;
use crate::report::{Code, In, Violation};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// Collects violations for one validation.
///
/// The JSON front end marks the members it found structurally broken
/// (wrong type, for instance) as *settled*: later rules do not report
/// anything at or below a settled path, so every cause yields one violation.
pub(crate) struct Sink {
    pub(crate) violations: Vec<Violation>,
    settled: BTreeSet<String>,
    suggest: bool,
    /// The JSON front end's array length limit ([`Options::max_array_items`](crate::Options)).
    pub(crate) max_array_items: usize,
}

impl Sink {
    pub(crate) fn new(options: &crate::Options) -> Sink {
        Sink {
            violations: Vec::new(),
            settled: BTreeSet::new(),
            suggest: options.suggest,
            max_array_items: options.max_array_items,
        }
    }

    /// Forgets everything reported so far (a syntax error voids a partial parse).
    pub(crate) fn reset(&mut self) {
        self.violations.clear();
        self.settled.clear();
    }

    /// Reports a violation at `loc` in the body.
    pub(crate) fn emit(&mut self, code: Code, loc: &Loc<'_>, message: impl Into<Cow<'static, str>>) {
        self.push(code, In::Body, loc.pointer(), message.into(), None);
    }

    /// Reports a violation whose message has parameters (for other languages).
    pub(crate) fn emit_with(
        &mut self,
        code: Code,
        loc: &Loc<'_>,
        message: impl Into<Cow<'static, str>>,
        params: Vec<(&'static str, String)>,
    ) {
        let before = self.violations.len();
        self.push(code, In::Body, loc.pointer(), message.into(), None);
        self.set_params(before, params);
    }

    /// Gives the violation pushed since `before` (if any) its message parameters.
    pub(crate) fn set_params(&mut self, before: usize, params: Vec<(&'static str, String)>) {
        if self.violations.len() > before {
            if let Some(v) = self.violations.last_mut() {
                v.params = params;
            }
        }
    }

    /// Reports a violation with a suggested fix, computed only when suggestions are on.
    pub(crate) fn emit_suggesting(
        &mut self,
        code: Code,
        loc: &Loc<'_>,
        message: impl Into<Cow<'static, str>>,
        suggestion: impl FnOnce() -> Option<String>,
    ) {
        let suggestion = if self.suggest { suggestion() } else { None };
        self.push(code, In::Body, loc.pointer(), message.into(), suggestion);
    }

    /// Reports a violation about a path parameter (`/customer_id`).
    pub(crate) fn emit_path_param(&mut self, code: Code, name: &str, message: impl Into<Cow<'static, str>>) {
        self.push(code, In::Path, format!("/{name}"), message.into(), None);
    }

    /// Reports a structural violation (from the JSON front end) and settles its path.
    pub(crate) fn emit_settling(&mut self, code: Code, loc: &Loc<'_>, message: impl Into<Cow<'static, str>>) {
        let path = loc.pointer();
        self.settled.insert(path.clone());
        self.violations.push(Violation::new(code, In::Body, path, message.into(), None));
    }

    /// Reports a structural violation that does not settle its path (a duplicate or unknown member).
    pub(crate) fn emit_structural(&mut self, code: Code, loc: &Loc<'_>, message: impl Into<Cow<'static, str>>) {
        self.violations.push(Violation::new(code, In::Body, loc.pointer(), message.into(), None));
    }

    fn push(&mut self, code: Code, location: In, path: String, message: Cow<'static, str>, suggestion: Option<String>) {
        if location == In::Body && self.is_settled(&path) {
            return;
        }
        self.violations.push(Violation::new(code, location, path, message, suggestion));
    }

    /// Whether `path` or one of its ancestors was settled: O(depth · log n).
    fn is_settled(&self, path: &str) -> bool {
        if self.settled.is_empty() {
            return false;
        }
        path.char_indices()
            .filter(|&(_, c)| c == '/')
            .map(|(i, _)| &path[..i])
            .chain(std::iter::once(path))
            .any(|prefix| self.settled.contains(prefix))
    }
}
