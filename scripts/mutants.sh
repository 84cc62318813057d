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
# Tests are built at opt-level 1 without debug information and linked with mold when it is
# installed: a full test run then takes about 15 s here instead of 77 s, and the builds of a
# mutant about 8 s. Needs cargo-mutants (`cargo install cargo-mutants --locked`).
set -euo pipefail
cd "$(dirname "$0")/.."
set_=$1 k=$2 n=$3
out=${4:-target/mutants/$set_-$k-of-$n}
export CARGO_PROFILE_DEV_DEBUG=0 CARGO_PROFILE_TEST_DEBUG=0 CARGO_PROFILE_DEV_OPT_LEVEL=1 CARGO_PROFILE_TEST_OPT_LEVEL=1
if command -v mold >/dev/null; then
    export RUSTFLAGS="${RUSTFLAGS:-} -C link-arg=-fuse-ld=mold"
fi
case "$set_" in
    rest) filter=(-e 'src/tax_id/**') tests=(--tests) ;;
    tax) filter=(-f 'src/tax_id/**') tests=(--lib --test tax_id_agreement) ;;
    *) echo "SET is rest or tax" >&2; exit 2 ;;
esac
mkdir -p "$out"
cargo mutants -p kyc-rules "${filter[@]}" --shard "$k/$n" -j 2 --timeout 120 --copy-target true \
    -o "$out" -- "${tests[@]}"
