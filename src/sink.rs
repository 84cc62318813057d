//! Where rules put their violations.
//!
//! The sink bounds what it keeps: past [`Options::max_violations`](crate::Options) it keeps
//! only the first violations in report order, compacting its list whenever it reaches
//! twice the bound (sort, drop exact repeats, keep the first ones), so memory stays
//! proportional to the bound whatever the body holds. It counts every violation's status
//! as it arrives, so the report's `valid` and `status` are those of all of them.

use crate::pointer::{Held, Loc, Token};
use crate::report::{sort_and_dedup, Code, In, Report, Statuses, Violation};
use crate::wording::{Subject, Wording};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// Collects violations for one validation.
///
/// The JSON front end marks the members it found structurally broken
/// (wrong type, for instance) as *settled*: later rules do not report
/// anything at or below a settled path, so every cause yields one violation.
pub(crate) struct Sink {
    violations: Vec<Violation>,
    /// Made at the first settled path (most reports have none, and need not drop a set).
    settled: Option<BTreeSet<String>>,
    suggest: bool,
    /// The JSON front end's array length limit ([`Options::max_array_items`](crate::Options)).
    pub(crate) max_array_items: usize,
    /// How many violations the report keeps.
    max_violations: usize,
    /// Violations pushed so far (a mark for [`Sink::set_params`]).
    pushed: usize,
    /// The statuses of every violation kept or left out.
    statuses: Statuses,
    /// Violations left out by compaction (distinct from those kept).
    left_out: usize,
    /// Violations held back until an identifying document is known to be a SELFIE or not.
    deferred: Option<Deferred>,
    /// Whether the last push went to `deferred`.
    last_deferred: bool,
}

/// The violations about members a SELFIE ignores, while its document is being read.
struct Deferred {
    /// The document's location (its tokens: beginning a deferral allocates nothing and
    /// writes no pointer).
    base: crate::pointer::Held,
    /// The member names a SELFIE ignores.
    members: &'static [&'static str],
    /// Distinct violations at or below those members.
    held: Vec<Violation>,
}

impl Deferred {
    fn covers(&self, v: &Violation) -> bool {
        if let (Some(base), Some(at)) = (self.base.tokens(), v.tokens()) {
            return at.starts_with(base)
                && matches!(at.get(base.len()), Some(Token::Member(m)) if self.members.contains(m));
        }
        self.base.strip_from(v.path().as_bytes()).and_then(|rest| rest.strip_prefix(b"/")).is_some_and(|rest| {
            let member = rest.split(|&b| b == b'/').next().unwrap_or(rest);
            self.members.iter().any(|m| m.as_bytes() == member)
        })
    }
}

impl Sink {
    pub(crate) fn new(options: &crate::Options) -> Sink {
        Sink {
            violations: Vec::new(),
            settled: None,
            suggest: options.suggest,
            max_array_items: options.max_array_items,
            max_violations: options.max_violations,
            pushed: 0,
            statuses: Statuses::default(),
            left_out: 0,
            deferred: None,
            last_deferred: false,
        }
    }

    /// Forgets everything reported so far (a syntax error voids a partial parse).
    pub(crate) fn reset(&mut self) {
        self.violations.clear();
        self.settled = None;
        self.statuses = Statuses::default();
        self.left_out = 0;
        self.deferred = None;
        self.last_deferred = false;
    }

    /// The report: the first violations in report order, and the status of all of them.
    pub(crate) fn into_report(mut self) -> Report {
        self.end_deferral(false);
        let mut violations = self.violations;
        sort_and_dedup(&mut violations);
        let mut left_out = self.left_out;
        if violations.len() > self.max_violations {
            left_out += violations.len() - self.max_violations;
            violations.truncate(self.max_violations);
        }
        let total = violations.len() + left_out;
        Report::bounded(violations, self.statuses.status(), left_out > 0, total)
    }

    /// A mark for [`Sink::set_params`]: how many violations were pushed so far.
    pub(crate) fn mark(&self) -> usize {
        self.pushed
    }

    /// Whether anything was pushed since `mark`.
    pub(crate) fn pushed_since(&self, mark: usize) -> bool {
        self.pushed > mark
    }

    /// Reports a violation at `loc` in the body.
    // The emit functions are `#[cold]`: a valid request calls none, and their code stays out of
    // the hot paths (the instruction cache, README "Performance").
    #[cold]
    pub(crate) fn emit(&mut self, code: Code, loc: &Loc<'_>, message: impl Into<Wording>) {
        self.push(code, loc, message.into(), None);
    }

    /// Reports a violation whose message has parameters (for other languages).
    #[cold]
    pub(crate) fn emit_with(
        &mut self,
        code: Code,
        loc: &Loc<'_>,
        message: impl Into<Wording>,
        params: Vec<(&'static str, String)>,
    ) {
        let mark = self.mark();
        self.push(code, loc, message.into(), None);
        self.set_params(mark, params);
    }

    /// Gives the violation pushed since `mark` (if any) its message parameters.
    #[cold]
    pub(crate) fn set_params(&mut self, mark: usize, params: Vec<(&'static str, String)>) {
        if !self.pushed_since(mark) {
            return;
        }
        let last = if self.last_deferred {
            self.deferred.as_mut().and_then(|d| d.held.last_mut())
        } else {
            self.violations.last_mut()
        };
        if let Some(v) = last {
            v.set_params(params);
        }
    }

    /// Reports a violation with a suggested fix, computed only when suggestions are on.
    #[cold]
    pub(crate) fn emit_suggesting(
        &mut self,
        code: Code,
        loc: &Loc<'_>,
        message: impl Into<Wording>,
        suggestion: impl FnOnce() -> Option<String>,
    ) {
        let suggestion = if self.suggest { suggestion() } else { None };
        self.push(code, loc, message.into(), suggestion);
    }

    /// Reports a violation about a path parameter (`/customer_id`).
    #[cold]
    pub(crate) fn emit_path_param(&mut self, code: Code, name: &str, message: impl Into<Cow<'static, str>>) {
        self.add(Violation::new(code, In::Path, format!("/{name}"), Wording::Text(message.into()), None));
    }

    /// Reports a structural violation (from the JSON front end) and settles its path.
    #[cold]
    pub(crate) fn emit_settling(&mut self, code: Code, loc: &Loc<'_>, message: impl Into<Cow<'static, str>>) {
        let path = loc.pointer();
        self.settled.get_or_insert_with(BTreeSet::new).insert(path.clone());
        self.add(Violation::new(code, In::Body, path, Wording::Text(message.into()), None));
    }

    /// Reports a structural violation that does not settle its path (a duplicate or unknown member).
    #[cold]
    pub(crate) fn emit_structural(&mut self, code: Code, loc: &Loc<'_>, message: impl Into<Cow<'static, str>>) {
        self.add(Violation::at(code, In::Body, loc.hold(), Wording::Text(message.into()), None));
    }

    /// Reports a violation in the body (unless its location is settled). A wording about the
    /// location is kept as it is when the location is held as tokens, else written first.
    fn push(&mut self, code: Code, loc: &Loc<'_>, wording: Wording, suggestion: Option<String>) {
        let at = loc.hold();
        let wording = match at {
            Held::Pointer(_) if wording.needs_subject() => {
                Wording::Text(wording.text(Subject::of_loc(loc)).into_owned().into())
            }
            _ => wording,
        };
        let v = Violation::at(code, In::Body, at, wording, suggestion);
        if self.is_settled(&v) {
            return;
        }
        self.add(v);
    }

    /// Keeps a violation: held back when it is about a member a SELFIE may ignore, else
    /// counted and kept, compacting first when the list has reached twice the bound.
    fn add(&mut self, v: Violation) {
        self.pushed += 1;
        if let Some(d) = self.deferred.as_mut().filter(|d| v.location == In::Body && d.covers(&v)) {
            // At most a few distinct violations per member: a repeat is dropped here, so a
            // member repeated a million times holds one.
            self.last_deferred = true;
            if !d.held.contains(&v) {
                d.held.push(v);
            }
            return;
        }
        self.last_deferred = false;
        self.keep(v);
    }

    fn keep(&mut self, v: Violation) {
        if self.violations.len() >= self.max_violations.saturating_mul(2).max(64) {
            sort_and_dedup(&mut self.violations);
            if self.violations.len() > self.max_violations {
                self.left_out += self.violations.len() - self.max_violations;
                self.violations.truncate(self.max_violations);
            }
        }
        self.statuses.add(v.code);
        if self.violations.capacity() == 0 {
            // One allocation for a typical report rather than four as the list grows.
            self.violations.reserve(16);
        }
        self.violations.push(v);
    }

    /// Holds back the violations about `members` of the object at `base` (an identifying
    /// document, whose members a SELFIE ignores) until [`Sink::end_deferral`].
    pub(crate) fn begin_deferral(&mut self, base: &Loc<'_>, members: &'static [&'static str]) {
        self.end_deferral(false);
        self.deferred = Some(Deferred { base: base.hold(), members, held: Vec::new() });
    }

    /// Ends the deferral: drops what was held back (`ignore`, the document is a SELFIE) or
    /// keeps it.
    pub(crate) fn end_deferral(&mut self, ignore: bool) {
        self.last_deferred = false;
        if let Some(d) = self.deferred.take() {
            if !ignore {
                for v in d.held {
                    self.keep(v);
                }
            }
        }
    }

    /// Whether the violation's path or one of its ancestors was settled: O(depth · log n).
    fn is_settled(&self, v: &Violation) -> bool {
        let Some(settled) = &self.settled else {
            return false;
        };
        let path = v.path();
        path.char_indices()
            .filter(|&(_, c)| c == '/')
            .map(|(i, _)| &path[..i])
            .chain(std::iter::once(path))
            .any(|prefix| settled.contains(prefix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Message parameters go to the violation pushed since the mark, and nowhere when nothing
    /// was pushed since (a rule that found nothing).
    #[test]
    fn params_go_to_the_violation_pushed_since_the_mark() {
        let mut sink = Sink::new(&crate::Options::default());
        let root = Loc::Root;
        let (a, b) = (root.key("a"), root.key("b"));
        sink.emit_with(Code::TooFewItems, &a, "m", vec![("min", "1".to_owned())]);
        let mark = sink.mark();
        sink.set_params(mark, vec![("lost", "x".to_owned())]);
        assert!(!sink.pushed_since(mark));
        sink.emit(Code::Empty, &b, "m");
        assert!(sink.pushed_since(mark));
        sink.set_params(mark, vec![("max", "2".to_owned())]);
        let report = sink.into_report();
        let [va, vb] = &report.violations[..] else { panic!("{report:?}") };
        assert_eq!((va.path(), va.param("min").as_deref(), va.param("lost")), ("/a", Some("1"), None));
        assert_eq!((vb.path(), vb.param("max").as_deref(), vb.param("lost")), ("/b", Some("2"), None));
    }
}
