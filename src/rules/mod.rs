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
use crate::model::{
    items, AttachIndividualV1Of, AttachIndividualV2Of, Borrowed, CreateIndividualV1Of, CreateIndividualV2Of,
    DocumentFileOf, Field, IdentityDocumentType, Owned, Repr, Text, Walk,
};
use crate::pointer::Loc;
use crate::report::Code;
use crate::sink::Sink;
use std::collections::HashSet;
use std::hash::Hash;

mod address_country_mismatch;
mod address_document_country_mismatch;
mod age_out_of_range;
mod attach_in_progress;
mod customer_not_eligible;
mod document_dates;
mod document_sides;
mod document_state;
mod duplicate_document_id;
mod duplicate_file_uri;
mod duplicate_item;
mod duplicate_key;
mod email;
mod empty;
mod file_count;
mod file_not_owned;
mod invalid_characters;
mod invalid_country;
mod invalid_date;
mod invalid_enum;
mod invalid_phone;
mod invalid_tax_id;
mod invalid_type;
mod invalid_uuid;
mod item_count;
mod malformed_json;
mod multiple_primary_documents;
mod multiple_selfies;
mod non_ascii;
mod out_of_range;
mod payload_too_large;
mod phone_country_mismatch;
mod reliance_not_enabled;
mod required;
mod selfie_required;
mod subdivision;
mod too_long;
mod transliteration;
mod unknown_field;
mod unknown_reference;
mod v1_field;

#[cfg(test)]
pub(crate) use invalid_country::is_alpha3;
pub(crate) use out_of_range::{message as out_of_range_message, params as out_of_range_params};

pub(crate) type FieldCheck = fn(&Loc<'_>, Field<'_>, &Context, &mut Sink);
pub(crate) type CreateV2Check<R> = fn(&CreateIndividualV2Of<'_, R>, &Context, &mut Sink);
pub(crate) type AttachV2Check<R> = fn(&Attach<'_, '_, R>, &Context, &mut Sink);
pub(crate) type CreateV1Check<R> = fn(&CreateIndividualV1Of<'_, R>, &Context, &mut Sink);
pub(crate) type AttachV1Check<R> = fn(&AttachIndividualV1Of<'_, R>, &Context, &mut Sink);

/// A V2 attach request: the body and the `customer_id` path parameter.
pub(crate) struct Attach<'r, 'b, R: Repr> {
    pub(crate) body: &'r AttachIndividualV2Of<'b, R>,
    pub(crate) customer_id: Option<&'r str>,
}

/// Where a rule's checks run. A rule with no check is emitted by the JSON front end.
#[derive(Clone, Copy)]
pub(crate) struct Check {
    /// Runs on every member, of every request kind, of the classes it applies to.
    pub(crate) field: Option<(Applies, FieldCheck)>,
    /// The whole-request checks on requests built in code (the owned model)...
    pub(crate) owned: Checks<Owned>,
    /// ...and the same functions on raw bodies (the borrowed model).
    pub(crate) borrowed: Checks<Borrowed>,
}

/// A rule's whole-request checks, for one form of the model (see [`checks!`]).
#[derive(Clone, Copy)]
pub(crate) struct Checks<R: Repr> {
    /// Runs on a whole V2 create request.
    pub(crate) create_v2: Option<CreateV2Check<R>>,
    /// Runs on a whole V2 attach request.
    pub(crate) attach_v2: Option<AttachV2Check<R>>,
    /// Runs on a whole V1 create request.
    pub(crate) create_v1: Option<CreateV1Check<R>>,
    /// Runs on a whole V1 attach request.
    pub(crate) attach_v1: Option<AttachV1Check<R>>,
}

impl<R: Repr> Checks<R> {
    pub(crate) const NONE: Checks<R> = Checks { create_v2: None, attach_v2: None, create_v1: None, attach_v1: None };
}

impl Check {
    /// Emitted by the JSON front end while parsing (`src/parse.rs`).
    pub(crate) const FRONT_END: Check = Check { field: None, owned: Checks::NONE, borrowed: Checks::NONE };

    pub(crate) const fn field(applies: Applies, f: FieldCheck) -> Check {
        Check { field: Some((applies, f)), ..Check::FRONT_END }
    }
}

/// A rule's [`Check`] with whole-request checks, `kind: function` for each request kind it
/// checks (`create_v2`, `attach_v2`, `create_v1`, `attach_v1`), after an optional
/// `field: (applies, function)`. Each function is generic over the [`Repr`] and is
/// instantiated for both forms of the model: one set of rules for typed and raw requests.
macro_rules! checks {
    (field: $field:expr, $($kind:ident: $f:ident),+ $(,)?) => {
        $crate::rules::Check { field: Some($field), ..checks!($($kind: $f),+) }
    };
    ($($kind:ident: $f:ident),+ $(,)?) => {
        $crate::rules::Check {
            field: None,
            owned: $crate::rules::Checks { $($kind: Some($f::<$crate::model::Owned>),)+ ..$crate::rules::Checks::NONE },
            borrowed: $crate::rules::Checks {
                $($kind: Some($f::<$crate::model::Borrowed>),)+
                ..$crate::rules::Checks::NONE
            },
        }
    };
}
use checks;

/// The form of the model a request is in, and so which instantiation of the checks runs.
pub(crate) trait Form: Repr {
    fn checks(check: &Check) -> &Checks<Self>;
}

impl Form for Owned {
    fn checks(check: &Check) -> &Checks<Owned> {
        &check.owned
    }
}

impl Form for Borrowed {
    fn checks(check: &Check) -> &Checks<Borrowed> {
        &check.borrowed
    }
}

/// The classes of members a field check applies to (a bit set over [`Field::class`]).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Applies(pub(crate) u32);

// Every class has its constant, also those no field rule targets alone (yet).
#[allow(dead_code)]
impl Applies {
    pub(crate) const TEXT: Applies = Applies(1 << 0);
    pub(crate) const TRANSLITERABLE: Applies = Applies(1 << 1);
    pub(crate) const COMPANION: Applies = Applies(1 << 2);
    pub(crate) const ENUM: Applies = Applies(1 << 3);
    pub(crate) const COUNTRY: Applies = Applies(1 << 4);
    pub(crate) const DATE: Applies = Applies(1 << 5);
    pub(crate) const EMAIL: Applies = Applies(1 << 6);
    pub(crate) const PHONE: Applies = Applies(1 << 7);
    pub(crate) const UUID: Applies = Applies(1 << 8);
    pub(crate) const ID: Applies = Applies(1 << 9);
    pub(crate) const AMOUNT: Applies = Applies(1 << 10);
    pub(crate) const ARRAY: Applies = Applies(1 << 11);
    pub(crate) const OBJECT: Applies = Applies(1 << 12);
    /// A string that is blank or holds forbidden characters, whatever its kind: only the
    /// rules that report those see it, and the format rules never do.
    pub(crate) const UNCLEAN: Applies = Applies(1 << 13);
    /// A required member that is absent.
    pub(crate) const MISSING: Applies = Applies(1 << 14);
    /// An optional member that is absent: no field rule sees it.
    pub(crate) const ABSENT: Applies = Applies(1 << 15);
    /// The number of classes.
    pub(crate) const CLASSES: usize = 16;
    /// Every clean string class.
    pub(crate) const ANY_STRING: Applies = Applies((1 << 9) - 1);
    /// Every class.
    pub(crate) const ALL: Applies = Applies((1 << Applies::CLASSES) - 1);
}

/// A validation rule: its stable codes and what it is for.
pub struct Rule {
    pub(crate) name: &'static str,
    /// The rule's source file: its leading `//!` comment is the rule's documentation.
    pub(crate) doc: &'static str,
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
pub(crate) const RULES: &[&Rule] = &[
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
    &invalid_uuid::RULE,
    &customer_not_eligible::RULE,
    &attach_in_progress::RULE,
    &file_not_owned::RULE,
    &multiple_primary_documents::RULE,
    &multiple_selfies::RULE,
    &selfie_required::RULE,
    &file_count::RULE,
    &document_sides::RULE,
    &document_state::RULE,
    &too_long::RULE,
    &document_dates::RULE,
    &duplicate_file_uri::RULE,
    &address_document_country_mismatch::RULE,
];

/// Runs every rule on a V2 attach request.
pub(crate) fn check_attach_v2<R: Form>(req: &Attach<'_, '_, R>, ctx: &Context, sink: &mut Sink) {
    req.body.walk(&mut |loc, field| check_field(loc, field, ctx, sink));
    for rule in RULES {
        if let Some(f) = R::checks(&rule.check).attach_v2 {
            f(req, ctx, sink);
        }
    }
}

/// Runs every rule on a V1 create request.
pub(crate) fn check_create_v1<R: Form>(req: &CreateIndividualV1Of<'_, R>, ctx: &Context, sink: &mut Sink) {
    req.walk(&mut |loc, field| check_field(loc, field, ctx, sink));
    for rule in RULES {
        if let Some(f) = R::checks(&rule.check).create_v1 {
            f(req, ctx, sink);
        }
    }
}

/// Runs every rule on a V1 attach request.
pub(crate) fn check_attach_v1<R: Form>(req: &AttachIndividualV1Of<'_, R>, ctx: &Context, sink: &mut Sink) {
    req.walk(&mut |loc, field| check_field(loc, field, ctx, sink));
    for rule in RULES {
        if let Some(f) = R::checks(&rule.check).attach_v1 {
            f(req, ctx, sink);
        }
    }
}

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
    let class = field.class();
    let (checks, n) = &FIELD_CHECKS[class];
    for f in &checks[..*n] {
        f(loc, field, ctx, sink);
    }
}

/// Per member class, the field checks that apply to it, in registry order,
/// gathered at compile time so that the per-member loop calls only those.
static FIELD_CHECKS: [([FieldCheck; RULES.len()], usize); Applies::CLASSES] = field_checks();

const fn field_checks() -> [([FieldCheck; RULES.len()], usize); Applies::CLASSES] {
    fn unused(_: &Loc<'_>, _: Field<'_>, _: &Context, _: &mut Sink) {}
    let mut out = [([unused as FieldCheck; RULES.len()], 0); Applies::CLASSES];
    let mut class = 0;
    while class < Applies::CLASSES {
        let mut i = 0;
        while i < RULES.len() {
            if let Some((applies, f)) = RULES[i].check.field {
                if applies.0 & (1 << class) != 0 {
                    let n = out[class].1;
                    out[class].0[n] = f;
                    out[class].1 = n + 1;
                }
            }
            i += 1;
        }
        class += 1;
    }
    out
}

/// Runs every rule on a V2 create request.
pub(crate) fn check_create_v2<R: Form>(req: &CreateIndividualV2Of<'_, R>, ctx: &Context, sink: &mut Sink) {
    req.walk(&mut |loc, field| check_field(loc, field, ctx, sink));
    for rule in RULES {
        if let Some(f) = R::checks(&rule.check).create_v2 {
            f(req, ctx, sink);
        }
    }
}

// ---------------------------------------------------------------------------
// Helpers shared by several rules.

/// The value, when earlier string rules (`empty`, `invalid_characters`) have nothing to say about it.
pub(crate) fn clean(v: &Option<impl Text>) -> Option<&str> {
    v.as_deref().filter(|s| crate::text::is_clean(s))
}

/// The value, when it is an uppercase ISO 3166-1 alpha-3 code of the 249.
pub(crate) fn country(v: &Option<impl Text>) -> Option<&str> {
    v.as_deref().filter(|s| invalid_country::is_alpha3(s))
}

pub(crate) use crate::wording::member_name;

/// How messages name a location: `` `city` `` for a member, `` item 2 of `source_of_fund_ids` `` for an array item.
pub(crate) fn subject(loc: &Loc<'_>) -> String {
    about(loc, &[])
}

/// A message about a location: its [`subject`] followed by the `rest`, built in one
/// allocation of the exact size (no formatting machinery).
pub(crate) fn about(loc: &Loc<'_>, rest: &[&str]) -> String {
    let crate::wording::Subject { index, name } = crate::wording::Subject::of_loc(loc);
    let mut digits = [0u8; 20];
    let index = index.map(|i| crate::pointer::decimal(i, &mut digits));
    let extra = index.map_or(0, |d| "item ".len() + d.len() + " of ".len());
    let mut out = String::with_capacity(extra + name.len() + 2 + rest.iter().map(|r| r.len()).sum::<usize>());
    if let Some(d) = index {
        out.push_str("item ");
        out.push_str(d);
        out.push_str(" of ");
    }
    out.push('`');
    out.push_str(name);
    out.push('`');
    for r in rest {
        out.push_str(r);
    }
    out
}

/// Calls `f` with the type, the files and the location of `files` of every identifying
/// document that has both (V2 attach), or of the V1 `proof_of_identity` (its type in V2 terms).
pub(crate) fn for_each_identity_files<'b, R: Repr>(
    v2: Option<&AttachIndividualV2Of<'b, R>>,
    v1: Option<&AttachIndividualV1Of<'b, R>>,
    mut f: impl FnMut(&IdentityDocumentType, &[DocumentFileOf<'b, R>], &Loc<'_>),
) {
    let root = Loc::Root;
    if let Some(req) = v2 {
        let list = root.key("identifying_documents");
        for (i, d) in items(&req.identifying_documents).iter().enumerate() {
            if let (Some(kind), Some(files)) = (&d.kind, &d.files) {
                let doc = list.index(i);
                f(kind, files, &doc.key("files"));
            }
        }
    }
    if let Some(d) = v1.and_then(|r| r.proof_of_identity.as_ref()) {
        if let (Some(kind), Some(files)) = (&d.kind, &d.files) {
            let doc = root.key("proof_of_identity");
            f(&kind.to_v2(), files, &doc.key("files"));
        }
    }
}

/// One file of an attach request, with where it is.
#[derive(Clone, Copy)]
pub(crate) struct FileRef<'a, 'b, R: Repr> {
    /// `identifying_documents` or `address_documents`.
    pub(crate) list: &'static str,
    pub(crate) doc: usize,
    pub(crate) index: usize,
    /// Whether the file belongs to a SELFIE.
    pub(crate) selfie: bool,
    pub(crate) file: &'a DocumentFileOf<'b, R>,
}

impl<R: Repr> FileRef<'_, '_, R> {
    /// Reports a violation at `member` (`uri` or `side`) of this file.
    pub(crate) fn emit(&self, sink: &mut Sink, code: Code, member: &'static str, message: &'static str) {
        let root = Loc::Root;
        let list = root.key(self.list);
        let doc = list.index(self.doc);
        let files = doc.key("files");
        let file = files.index(self.index);
        sink.emit(code, &file.key(member), message);
    }
}

/// Calls `f` with every file of an attach request, identifying documents first, in request
/// order (plain loops: the rules that walk files stay small).
pub(crate) fn for_each_attach_file<'a, 'b, R: Repr>(
    body: &'a AttachIndividualV2Of<'b, R>,
    mut f: impl FnMut(FileRef<'a, 'b, R>),
) {
    for (doc, d) in items(&body.identifying_documents).iter().enumerate() {
        let selfie = d.is_selfie();
        for (index, file) in items(&d.files).iter().enumerate() {
            f(FileRef { list: "identifying_documents", doc, index, selfie, file });
        }
    }
    for (doc, d) in items(&body.address_documents).iter().enumerate() {
        for (index, file) in items(&d.files).iter().enumerate() {
            f(FileRef { list: "address_documents", doc, index, selfie: false, file });
        }
    }
}

/// Calls `on_repeat(i)` for every `i < n` whose `value(i)` equals an earlier one's (`None`
/// values are skipped). Linear time: pairwise on short lists (no allocation), a hash set
/// beyond.
pub(crate) fn for_each_repeat<'a, T: Eq + Hash + ?Sized + 'a>(
    n: usize,
    value: impl Fn(usize) -> Option<&'a T>,
    mut on_repeat: impl FnMut(usize),
) {
    const PAIRWISE_MAX: usize = 16;
    if n <= PAIRWISE_MAX {
        for i in 0..n {
            if let Some(x) = value(i) {
                if (0..i).any(|j| value(j) == Some(x)) {
                    on_repeat(i);
                }
            }
        }
    } else {
        let mut seen = HashSet::new();
        for i in 0..n {
            if let Some(x) = value(i) {
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
    fn classes_match_their_bits() {
        use crate::model::{IntKind, StrKind};
        let str_field = |kind| Field::Str { value: Some("x"), kind, required: false };
        let cases = [
            (str_field(StrKind::Text), Applies::TEXT),
            (str_field(StrKind::Transliterable), Applies::TRANSLITERABLE),
            (str_field(StrKind::Companion), Applies::COMPANION),
            (str_field(StrKind::Enum(&[])), Applies::ENUM),
            (str_field(StrKind::Country), Applies::COUNTRY),
            (str_field(StrKind::Date), Applies::DATE),
            (str_field(StrKind::Email), Applies::EMAIL),
            (str_field(StrKind::Phone), Applies::PHONE),
            (str_field(StrKind::Uuid), Applies::UUID),
            (Field::Int { value: Some(1), kind: IntKind::Id, required: false }, Applies::ID),
            (Field::Int { value: Some(1), kind: IntKind::Amount, required: false }, Applies::AMOUNT),
            (Field::Array { len: Some(0), min: 0, max: None, required: false }, Applies::ARRAY),
            (Field::Object { present: true, required: false }, Applies::OBJECT),
            (Field::Str { value: Some(" "), kind: StrKind::Email, required: false }, Applies::UNCLEAN),
            (Field::Str { value: None, kind: StrKind::Email, required: true }, Applies::MISSING),
            (Field::Array { len: None, min: 1, max: None, required: false }, Applies::ABSENT),
        ];
        assert_eq!(cases.len(), Applies::CLASSES);
        for (field, applies) in cases {
            assert_eq!(1 << field.class(), applies.0, "{field:?}");
            let clean_string = matches!(field, Field::Str { value: Some("x"), .. });
            assert_eq!(Applies::ANY_STRING.0 & applies.0 != 0, clean_string, "{field:?}");
        }
        assert_eq!(Applies::ALL.0.count_ones() as usize, Applies::CLASSES);
    }

    #[test]
    fn every_code_is_declared_once() {
        for &code in Code::ALL {
            let owners: Vec<_> = RULES.iter().filter(|r| r.codes.contains(&code)).map(|r| r.name).collect();
            assert_eq!(owners.len(), 1, "{code} is declared by {owners:?}");
        }
    }

    #[test]
    fn repeats_are_found_in_both_regimes() {
        for n in [5usize, 16, 17, 100] {
            let v: Vec<u32> = (0..n as u32).map(|i| i % 3).collect();
            let mut got = vec![];
            for_each_repeat(n, |i| v.get(i), |i| got.push(i));
            let want: Vec<usize> = (3..n).collect();
            assert_eq!(got, want, "n = {n}");
        }
        let v = [Some("a"), None, Some("a"), None];
        let mut got = vec![];
        for_each_repeat(v.len(), |i| v.get(i).copied().flatten(), |i| got.push(i));
        assert_eq!(got, [2]);
    }
}
