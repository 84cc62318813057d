#!/usr/bin/env bash
# Throughput of `kyc-rules batch` (issue 5): requests per second with 1 and with 2 threads, and
# their ratio (goal: 2 threads at least 1.8 times 1 thread).
#
#   scripts/bench_batch.sh [N]        # N envelopes, default 100000; RUNS=5 for more runs (default 3)
#
# 1. Builds the CLI in release mode (honours CARGO_TARGET_DIR).
# 2. Writes N JSON Lines envelopes to a temporary file, repeating a block of 8: 4 valid and 2 invalid
#    create-individual-v2 requests (the documented example, and the same with 10 violations of
#    10 different rules, as in benches/validate.rs), 1 valid attach-individual-v2 request (the
#    documented example with its customer_id and examples/attach-context.json as the envelope's
#    context) and 1 invalid one (expired licence, a file of another customer, tos_policies_value misspelt).
#    Each create request gets its own meta_data reference, so no two lines are the same.
# 3. Checks once that both thread counts write N reports, in the same order with the same content.
# 4. Times `kyc-rules batch --today 2026-11-26 --threads T FILE > /dev/null` for T = 1 and 2:
#    with hyperfine (and jq to read its results) when installed, otherwise RUNS runs each timed
#    with bash's `time`; the median run counts. Reports go to /dev/null, the closing summary too.
#    Beside each time it prints CPU time / wall time: about 2 with 2 threads when both cores
#    really worked; much less means the threads waited (on each other, or on other processes).
#
# The machine's other load shows in the numbers: run it on an idle machine for figures to quote.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-100000}
RUNS=${RUNS:-3}
TODAY=2026-11-26
case "$N" in '' | *[!0-9]*) echo "usage: $0 [N]" >&2; exit 2 ;; esac
case "$RUNS" in '' | *[!0-9]* | 0) echo "RUNS must be a positive whole number" >&2; exit 2 ;; esac

echo "building the CLI (release) ..." >&2
bin=$(cargo build --release -p kyc-rules-cli --message-format=json-render-diagnostics \
    | grep -o '"executable":"[^"]*kyc-rules"' | tail -n 1 | cut -d '"' -f 4)
[ -x "$bin" ] || { echo "cannot find the kyc-rules binary in cargo's output" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
input="$tmp/envelopes.jsonl"

# One-line bodies: the examples without their indentation and line breaks (pretty-printed JSON
# has neither inside a string).
oneline() { sed 's/^ *//' "$@" | tr -d '\n'; }
create_ok=$(oneline examples/create-individual-v2.json | sed 's/client-ref-abc-001/client-ref-@N@/')
grep -q '@N@' <<<"$create_ok" || { echo "examples/create-individual-v2.json changed: no client-ref-abc-001" >&2; exit 2; }
create_bad='{"verification_type": "FULL", "basic_info": {"first_name": "María", "middle_name": "Elena", "last_name": "Garcia", "dob": "2015-06-01", "email": "Maria.Garcia@example.com", "phone": "+442079460958", "country_of_residence": "USA", "primary_nationality": "USA", "secondary_nationality": "XKX", "gender": "FEMALE", "tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "123-45-6789"}, {"country_code": "USA", "document_type": "SSN", "document_id": "123-45-6789"}]}, "address": {"street_line_1": "123 Market Street", "street_line_2": "Apt 4B", "city": "  ", "subdivision_code": "CA", "postal_code": "94103", "country": "USA"}, "financial_profile": {"employment_status": "EMPLOYED", "occupation_id": 42, "purpose_id": 3, "purpose_remarks": "Personal remittances to family", "source_of_funds_description": "Monthly salary from employment", "source_of_fund_ids": [], "monthly_volume_usd": 5000}, "meta_data": {"reference": "client-ref-@N@"}}'
attach_ok=$(oneline examples/attach-individual-v2.json)
attach_bad=$(sed -e 's/"expiry_date": "2029-06-01"/"expiry_date": "2025-06-01"/' \
    -e 's|/PoAdef45_0652746727640.pdf|/Other000_0652746727640.pdf|' \
    -e 's/"tos_policies_value"/"tos_policy_value"/' examples/attach-individual-v2.json | oneline)
attach_ctx=$(oneline examples/attach-context.json)
customer='"customer_id": "55bd6b4e-c20a-4cc8-9535-91d5557a67d9"'

echo "writing $N envelopes ..." >&2
awk -v n="$N" -v cok="$create_ok" -v cbad="$create_bad" -v aok="$attach_ok" -v abad="$attach_bad" \
    -v actx="$attach_ctx" -v cust="$customer" 'BEGIN {
    for (i = 0; i < n; i++) {
        k = i % 8
        if (k < 6) {
            body = (k < 4) ? cok : cbad
            gsub(/@N@/, i, body)
            printf "{\"request\": \"create-individual-v2\", \"body\": %s}\n", body
        } else {
            printf "{\"request\": \"attach-individual-v2\", %s, \"context\": %s, \"body\": %s}\n", cust, actx, (k == 6) ? aok : abad
        }
    }
}' > "$input"

exec 3>&2 # run's errors reach the terminal even while the timing loop captures stderr
run() { # run THREADS OUT: the batch, reports to OUT; exit 1 (some request invalid) is expected
    local status=0
    "$bin" batch --today "$TODAY" --threads "$1" "$input" > "$2" 2> "$tmp/summary" || status=$?
    [ "$status" -le 1 ] || { echo "kyc-rules batch failed (exit $status):" >&3; cat "$tmp/summary" >&3; exit 2; }
}

# The check run: every line gets its report, the same with 1 and 2 threads.
run 1 "$tmp/reports1"
run 2 "$tmp/reports2"
lines=$(wc -l < "$tmp/reports2")
[ "$lines" -eq "$N" ] || { echo "expected $N reports, got $lines" >&2; exit 2; }
cmp -s "$tmp/reports1" "$tmp/reports2" || { echo "--threads 1 and --threads 2 wrote different reports" >&2; exit 2; }
if grep -q '"error":' "$tmp/reports2"; then
    echo "some envelopes were rejected:" >&2
    grep -m 3 '"error":' "$tmp/reports2" >&2
    exit 2
fi
echo "input: $N envelopes, $(wc -c < "$input") bytes" >&2
cat "$tmp/summary" >&2
rm -f "$tmp/reports1" "$tmp/reports2"

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A secs cores
if command -v hyperfine > /dev/null && command -v jq > /dev/null; then
    echo "timing with hyperfine, $RUNS runs each ..." >&2
    hyperfine --runs "$RUNS" --warmup 1 --ignore-failure --style basic --export-json "$tmp/hyperfine.json" \
        -n "threads 1" "'$bin' batch --today $TODAY --threads 1 '$input' > /dev/null 2>&1" \
        -n "threads 2" "'$bin' batch --today $TODAY --threads 2 '$input' > /dev/null 2>&1" >&2
    for t in 1 2; do
        secs[$t]=$(jq -r ".results[] | select(.command == \"threads $t\") | .median" "$tmp/hyperfine.json")
        cores[$t]=$(jq -r ".results[] | select(.command == \"threads $t\") | (.user + .system) / .mean" "$tmp/hyperfine.json")
    done
    how="hyperfine, median of $RUNS runs after 1 warm-up run"
else
    echo "timing with bash's time, $RUNS runs each (no hyperfine or no jq) ..." >&2
    TIMEFORMAT='%R %U %S'
    for t in 1 2; do
        for _ in $(seq "$RUNS"); do { time run "$t" /dev/null; } 2>&1; done > "$tmp/times$t"
        secs[$t]=$(cut -d ' ' -f 1 "$tmp/times$t" | median)
        cores[$t]=$(awk '{ print ($2 + $3) / $1 }' "$tmp/times$t" | median)
    done
    how="bash time, median of $RUNS runs"
fi

echo
echo "kyc-rules batch, $N envelopes (4/8 valid create, 2/8 invalid create, 1/8 valid attach, 1/8 invalid attach)"
echo "machine: $(nproc) cores, $(lscpu 2> /dev/null | sed -n 's/^Model name: *//p' | head -n 1), load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
echo "timing: $how"
awk -v n="$N" -v s1="${secs[1]}" -v s2="${secs[2]}" -v c1="${cores[1]}" -v c2="${cores[2]}" 'BEGIN {
    printf "threads 1: %8.3f s  %10.0f requests/s  (CPU time / wall time: %.2f)\n", s1, n / s1, c1
    printf "threads 2: %8.3f s  %10.0f requests/s  (CPU time / wall time: %.2f)\n", s2, n / s2, c2
    printf "ratio (2 threads / 1 thread): %.2f (goal: at least 1.8)\n", s1 / s2
    if (c2 < 1.6)
        printf "note: with 2 threads the process kept only %.2f cores busy; if other work held the second core, the ratio says little\n", c2
}'
