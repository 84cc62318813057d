#!/usr/bin/env bash
# Instructions per call of each benchmark case (callgrind counts are stable on shared machines,
# where wall-clock times move by tens of percent): every case of `benches/validate.rs` is run
# under `valgrind --tool=callgrind` with 0 and with N calls, and the difference divided by N is
# printed, with the ratio to baseline (a) of the same input.
#
#   scripts/instructions.sh [N]      (default 1000; needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000}"
cargo bench --bench validate --no-run 2>/dev/null
bin=$(cargo bench --bench validate --no-run --message-format=json 2>/dev/null |
    grep -o '"executable":"[^"]*validate-[^"]*"' | head -1 | cut -d'"' -f4)
count() { # case, calls -> instructions of the whole run
    KYC_INSTRUCTIONS="$1:$2" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
printf '%-22s %12s %8s\n' case instructions "x (a)"
for input in create-valid create-invalid attach-valid; do
    base=0
    for impl in a raw typed; do
        c="$input/$impl"
        per=$((($(count "$c" "$n") - $(count "$c" 0)) / n))
        [ "$impl" = a ] && base=$per
        printf '%-22s %12d %8s\n' "$c" "$per" "$(awk -v p="$per" -v b="$base" 'BEGIN { printf "%.2f", p / b }')"
    done
done
