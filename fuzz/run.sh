#!/usr/bin/env bash
# Fuzzing for CI: installs cargo-fuzz if missing, builds every fuzz target, runs each
# for SECONDS (default 60) from the committed seeds plus the local corpus.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# Exit status: 0 when no target found a failure; 1 when one did (panic, broken
# invariant, hang over 10 s, over 2 GB of memory): its input is in
# fuzz/artifacts/TARGET/ and the end of its log is printed; 2 on a usage error.
# Stable toolchain: no sanitizer (`-s none`); the library forbids unsafe code.
# KYC_FUZZ_STRICT=0 turns off the check that the library reports every body
# serde_json cannot read as malformed_json (on by default; see fuzz/README.md).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

seconds="${1:-60}"
case "$seconds" in
'' | *[!0-9]*)
    echo "usage: fuzz/run.sh [SECONDS] [TARGET...]" >&2
    exit 2
    ;;
esac
shift $(($# > 0 ? 1 : 0))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(create_individual_v2 attach_individual_v2 typed_roundtrip tax_id migrate batch_envelope json_reader)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    cargo install cargo-fuzz --locked || exit 1
fi

echo "== building ${targets[*]}"
# Release with debug assertions and overflow checks (cargo-fuzz's default), no sanitizer.
cargo fuzz build -s none || exit 1

mkdir -p fuzz/target/logs
failed=()
for target in "${targets[@]}"; do
    corpus=(fuzz/corpus/"$target")
    mkdir -p "${corpus[0]}"
    [ -d fuzz/seeds/"$target" ] && corpus+=(fuzz/seeds/"$target")
    flags=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
    case "$target" in typed_roundtrip | tax_id) ;; *) flags+=(-dict=fuzz/kyc.dict) ;; esac
    log=fuzz/target/logs/"$target".log
    echo "== $target: ${seconds}s"
    cargo fuzz run -s none "$target" "${corpus[@]}" -- "${flags[@]}" >"$log" 2>&1
    status=$?
    grep -E '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' "$log" | sed 's/^/   /'
    if [ $status -ne 0 ]; then
        echo "!! $target failed (exit $status); its input is in fuzz/artifacts/$target/ (full log: $log)"
        grep -m1 -A25 -E 'panicked at' "$log" | grep -v -E '^\s+[0-9]+: |^\s+at ' | sed 's/^/   /'
        grep -E 'ERROR: libFuzzer|SUMMARY|Test unit written|Reproduce with|cargo fuzz (run|tmin)' "$log" | sed 's/^/   /'
        failed+=("$target")
    fi
done

if [ ${#failed[@]} -ne 0 ]; then
    echo "== failed: ${failed[*]}"
    exit 1
fi
echo "== no failures"
