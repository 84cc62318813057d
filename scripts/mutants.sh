#!/usr/bin/env bash
# One shard of the complete mutation run over the library (TESTING.md, "Mutation testing").
#
#   scripts/mutants.sh SET K N [OUT]
#
# SET is `rest` (every file outside src/tax_id/, tested by every test binary but the doctests) or
# `tax` (src/tax_id/, tested by the unit tests and tests/tax_id_agreement.rs); K/N the shard. The
# run is of the tree this script is in: for shards to partition one mutant list, run every shard
# of a set on the same commit (a git worktree at that commit keeps edits elsewhere out of it).
#
# The library is built unoptimised (its incremental rebuild after a mutation takes about 5 s;
# at opt-level 1, as shards 0-2 of `rest` and 0-4 of `tax` were run, about 25 s), its
# dependencies at opt-level 2 (serde_json and proptest dominate the slower tests), without
# debug information, and linked with mold when it is installed. A mutant then takes about 17 s
# (median; 31-34 s at opt-level 1). Builds have a timeout too: a mutant that makes a `const fn`
# loop (`position`'s `i += 1` → `i *= 1`) keeps rustc evaluating it for ever. Both timeouts are
# generous: a timeout counts as caught, and builds and tests slow down two- or threefold while
# anything else runs on the machine.
# Needs cargo-mutants (`cargo install cargo-mutants --locked`).
set -euo pipefail
cd "$(dirname "$0")/.."
set_=$1 k=$2 n=$3
out=${4:-target/mutants/$set_-$k-of-$n}
export CARGO_PROFILE_DEV_DEBUG=0 CARGO_PROFILE_TEST_DEBUG=0
if command -v mold >/dev/null; then
    export RUSTFLAGS="${RUSTFLAGS:-} -C link-arg=-fuse-ld=mold"
fi
case "$set_" in
    rest) filter=(-e 'src/tax_id/**') tests=(--tests) ;;
    tax) filter=(-f 'src/tax_id/**') tests=(--lib --test tax_id_agreement) ;;
    *) echo "SET is rest or tax" >&2; exit 2 ;;
esac
mkdir -p "$out"
cargo mutants -p kyc-rules "${filter[@]}" --shard "$k/$n" -j 2 --timeout 300 --build-timeout 300 \
    -C '--config=profile.dev.package."*".opt-level=2' --copy-target true -o "$out" -- "${tests[@]}"
