//! The rules: one module per constraint of the spec, and the registry that lists them.
//!
//! A rule is a [`Rule`] value: the codes it may emit, a one-line summary, the
//! spec source, and its checks. A *field* check sees every member of every
//! request kind one at a time (with its location and kind, from the model's
//! walk); a *request* check sees a whole typed request. Structural rules
//! (`malformed_json`, `invalid_type`, ...) are emitted by the JSON front end
//! in `src/parse.rs`; their modules here carry only their declaration.
//!
//! To add a rule: write its module (doc comment with what / why / examples,
//! and a `RULE` constant), add it to [`RULES`], add a fixture under
//! `tests/fixtures/` that triggers each of its codes.

use crate::context::Context;
use crate::model::{CreateIndividualV2, Field};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;
use std::collections::HashSet;
use std::hash::Hash;

mod address_country_mismatch;
mod age_out_of_range;
mod duplicate_document_id;
mod duplicate_item;
mod duplicate_key;
mod email;
mod empty;
mod invalid_characters;
mod invalid_country;
mod invalid_date;
mod invalid_enum;
mod invalid_phone;
mod invalid_tax_id;
mod invalid_type;
mod item_count;
mod malformed_json;
mod non_ascii;
mod out_of_range;
mod payload_too_large;
mod phone_country_mismatch;
mod reliance_not_enabled;
mod required;
mod subdivision;
mod transliteration;
mod unknown_field;
mod unknown_reference;
mod v1_field;

pub(crate) use out_of_range::message as out_of_range_message;

pub(crate) type FieldCheck = fn(&Loc<'_>, Field<'_>, &Context, &mut Sink);
pub(crate) type CreateV2Check = fn(&CreateIndividualV2, &Context, &mut Sink);

/// Where a rule's checks run. A rule with no check is emitted by the JSON front end.
#[derive(Clone, Copy)]
pub(crate) struct Check {
    /// Runs on every member of every request kind.
    pub(crate) field: Option<FieldCheck>,
    /// Runs on a whole V2 create request.
    pub(crate) create_v2: Option<CreateV2Check>,
}

impl Check {
    /// Emitted by the JSON front end while parsing (`src/parse.rs`).
    pub(crate) const FRONT_END: Check = Check { field: None, create_v2: None };

    pub(crate) const fn field(f: FieldCheck) -> Check {
        Check { field: Some(f), ..Check::FRONT_END }
    }

    pub(crate) const fn create_v2(f: CreateV2Check) -> Check {
        Check { create_v2: Some(f), ..Check::FRONT_END }
    }
}

/// A validation rule: its stable codes and what it is for.
pub struct Rule {
    pub(crate) name: &'static str,
    pub(crate) codes: &'static [Code],
    pub(crate) summary: &'static str,
    pub(crate) source: &'static str,
    pub(crate) check: Check,
}

impl Rule {
    /// The rule's name (its module's name under `src/rules/`).
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// The codes this rule may emit.
    pub fn codes(&self) -> &'static [Code] {
        self.codes
    }
    /// What the rule checks, in one line.
    pub fn summary(&self) -> &'static str {
        self.summary
    }
    /// Where the constraint comes from (a section of the spec and its sources).
    pub fn source(&self) -> &'static str {
        self.source
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("name", &self.name).field("codes", &self.codes).finish()
    }
}

/// Every rule, structural ones first.
pub(crate) static RULES: &[&Rule] = &[
    &malformed_json::RULE,
    &payload_too_large::RULE,
    &duplicate_key::RULE,
    &invalid_type::RULE,
    &unknown_field::RULE,
    &v1_field::RULE,
    &required::RULE,
    &empty::RULE,
    &invalid_characters::RULE,
    &non_ascii::RULE,
    &transliteration::RULE,
    &invalid_enum::RULE,
    &invalid_country::RULE,
    &invalid_date::RULE,
    &item_count::RULE,
    &out_of_range::RULE,
    &email::RULE,
    &invalid_phone::RULE,
    &phone_country_mismatch::RULE,
    &duplicate_document_id::RULE,
    &invalid_tax_id::RULE,
    &subdivision::RULE,
    &address_country_mismatch::RULE,
    &age_out_of_range::RULE,
    &duplicate_item::RULE,
    &unknown_reference::RULE,
    &reliance_not_enabled::RULE,
];

/// Every rule of the engine, in registry order.
pub fn registry() -> &'static [&'static Rule] {
    RULES
}

/// The rule that declares `code`.
pub fn rule_for(code: Code) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.codes.contains(&code))
}

/// Runs every field check on one member.
pub(crate) fn check_field(loc: &Loc<'_>, field: Field<'_>, ctx: &Context, sink: &mut Sink) {
    for rule in RULES {
        if let Some(f) = rule.check.field {
            f(loc, field, ctx, sink);
        }
    }
}

/// Runs every rule on a typed V2 create request.
pub(crate) fn check_create_v2(req: &CreateIndividualV2, ctx: &Context, sink: &mut Sink) {
    req.walk(&mut |loc, field| check_field(loc, field, ctx, sink));
    for rule in RULES {
        if let Some(f) = rule.check.create_v2 {
            f(req, ctx, sink);
        }
    }
}

// ---------------------------------------------------------------------------
// Helpers shared by several rules.

/// The value, when earlier string rules (`empty`, `invalid_characters`) have nothing to say about it.
pub(crate) fn clean(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|s| crate::text::is_clean(s))
}

/// The value, when it is an uppercase ISO 3166-1 alpha-3 code of the 249.
pub(crate) fn country(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|s| invalid_country::is_alpha3(s))
}

/// The last member name of a location, for messages (`"city"` for `/address/city`).
pub(crate) fn member_name<'a>(loc: &Loc<'a>) -> &'a str {
    match *loc {
        Loc::Key(_, name) => name,
        Loc::Index(parent, _) => member_name(parent),
        Loc::Root => "body",
    }
}

/// How messages name a location: `` `city` `` for a member, `` item 2 of `source_of_fund_ids` `` for an array item.
pub(crate) fn subject(loc: &Loc<'_>) -> String {
    match *loc {
        Loc::Index(parent, i) => format!("item {i} of `{}`", member_name(parent)),
        _ => format!("`{}`", member_name(loc)),
    }
}

/// Calls `on_repeat(i)` for every `i` whose value equals an earlier one's
/// (`None` values are skipped). Linear time: pairwise on short lists (no
/// allocation), a hash set beyond.
pub(crate) fn for_each_repeat<'a, T: Eq + Hash + ?Sized + 'a>(
    len: usize,
    get: impl Fn(usize) -> Option<&'a T>,
    mut on_repeat: impl FnMut(usize),
) {
    const PAIRWISE_MAX: usize = 16;
    if len <= PAIRWISE_MAX {
        for i in 0..len {
            if let Some(x) = get(i) {
                if (0..i).any(|j| get(j) == Some(x)) {
                    on_repeat(i);
                }
            }
        }
    } else {
        let mut seen = HashSet::with_capacity(len);
        for i in 0..len {
            if let Some(x) = get(i) {
                if !seen.insert(x) {
                    on_repeat(i);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_declared_once() {
        for &code in Code::ALL {
            let owners: Vec<_> = RULES.iter().filter(|r| r.codes.contains(&code)).map(|r| r.name).collect();
            assert_eq!(owners.len(), 1, "{code} is declared by {owners:?}");
        }
    }

    #[test]
    fn repeats_are_found_in_both_regimes() {
        for n in [5usize, 100] {
            let v: Vec<u32> = (0..n as u32).map(|i| i % 3).collect();
            let mut got = vec![];
            for_each_repeat(v.len(), |i| Some(&v[i]), |i| got.push(i));
            let want: Vec<usize> = (3..n).collect();
            assert_eq!(got, want, "n = {n}");
        }
        let v = [Some("a"), None, Some("a"), None];
        let mut got = vec![];
        for_each_repeat(v.len(), |i| v[i], |i| got.push(i));
        assert_eq!(got, [2]);
    }
}
