#!/usr/bin/env bash
# Code footprint of one call of each benchmark case: how many distinct 64-byte lines of machine
# code the call executes (callgrind's per-instruction dump, collected only inside the bench's
# closure, so the report's drop counts too). On this VM, whose hardware counters are hidden, it
# is the one measure of how much of the 32 KiB level-1 instruction cache a call needs; it explains
# some wall-clock results the instruction counts do not (README "Performance").
#
#   scripts/footprint.sh [CASE...]     (default: every case of benches/validate.rs; needs valgrind)
#   TOP=20 scripts/footprint.sh CASE   (also the functions with the most lines)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --bench validate --no-run 2>/dev/null
bin=$(cargo bench --bench validate --no-run --message-format=json 2>/dev/null |
    grep -o '"executable":"[^"]*validate-[^"]*"' | head -1 | cut -d'"' -f4)
cases=("$@")
[ ${#cases[@]} -eq 0 ] && for input in create-valid create-invalid attach-valid; do
    for impl in a raw typed; do cases+=("$input/$impl"); done
done
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for c in "${cases[@]}"; do
    KYC_INSTRUCTIONS="$c:10" valgrind --tool=callgrind --collect-atstart=no \
        --toggle-collect='*instructions::{{closure}}*' --dump-instr=yes --callgrind-out-file="$out" "$bin" >/dev/null 2>&1
    python3 - "$out" "$c" "${TOP:-0}" <<'PY'
import collections, re, sys
path, case, top = sys.argv[1], sys.argv[2], int(sys.argv[3])
names, lines, fn, addr = {}, collections.defaultdict(set), "?", 0
position = re.compile(r"^(0x[0-9a-f]+|\+\d+|-\d+|\*)\s")
for line in open(path):
    if line.startswith(("fn=", "cfn=")):
        m = re.match(r"c?fn=\((\d+)\)(?: (.*))?", line.strip())
        if m and m.group(2):
            names[m.group(1)] = m.group(2)
        if m and line.startswith("fn="):
            fn = names.get(m.group(1), m.group(1))
        continue
    m = position.match(line)
    if not m:
        continue
    t = m.group(1)
    if t.startswith("0x"):
        addr = int(t, 16)
    elif t[0] in "+-":
        addr += int(t)
    lines[fn].add(addr // 64)
total = set().union(*lines.values()) if lines else set()
print(f"{case:22s} {len(total):5d} lines  {len(total) * 64 / 1024:5.1f} KiB")
for n, f in sorted(((len(s), f) for f, s in lines.items()), reverse=True)[:top]:
    name = re.sub(r" \[/.*", "", f)[:100]
    print(f"    {n:5d}  {name}")
PY
done
