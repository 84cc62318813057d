#!/usr/bin/env python3
"""Rebuilds the committed seed corpus in fuzz/seeds/ from the documented examples
and the fixture bodies (tests/fixtures/<kind>/*.json), byte for byte.

    python3 fuzz/make-seeds.py

Bodies are cut out of the fixture text as written (not re-serialised), so that
repeated members, odd numbers and escapes reach the fuzzer unchanged.
`body_text` fixtures give their decoded text. Attach seeds carry the target's
prefix: one byte with the length of `customer_id`, then `customer_id`
(0xFF and nothing when the fixture has none). typed_roundtrip takes no seeds.
"""

import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fuzz" / "seeds"
DOC_CUSTOMER_ID = "55bd6b4e-c20a-4cc8-9535-91d5557a67d9"


def skip_ws(s, i):
    while i < len(s) and s[i] in " \t\r\n":
        i += 1
    return i


def skip_string(s, i):
    assert s[i] == '"'
    i += 1
    while s[i] != '"':
        i += 2 if s[i] == "\\" else 1
    return i + 1


def skip_value(s, i):
    """The index just after the JSON value starting at s[i]."""
    if s[i] == '"':
        return skip_string(s, i)
    if s[i] in "[{":
        depth = 0
        while True:
            c = s[i]
            if c == '"':
                i = skip_string(s, i)
                continue
            if c in "[{":
                depth += 1
            elif c in "]}":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
    while i < len(s) and s[i] not in ",]} \t\r\n":
        i += 1
    return i


def raw_members(text):
    """The top-level members of a JSON object: name -> raw value text."""
    out = {}
    i = skip_ws(text, 0)
    assert text[i] == "{"
    i = skip_ws(text, i + 1)
    while text[i] != "}":
        end = skip_string(text, i)
        name = json.loads(text[i:end])
        i = skip_ws(text, end)
        assert text[i] == ":"
        i = skip_ws(text, i + 1)
        end = skip_value(text, i)
        out[name] = text[i:end]
        i = skip_ws(text, end)
        if text[i] == ",":
            i = skip_ws(text, i + 1)
    return out


def body_of(path):
    members = raw_members(path.read_text(encoding="utf-8"))
    if "body" in members:
        body = members["body"].encode("utf-8")
    else:
        body = json.loads(members["body_text"]).encode("utf-8")
    customer_id = json.loads(members["customer_id"]) if "customer_id" in members else None
    return body, customer_id


def attach_input(body, customer_id):
    if customer_id is None:
        return b"\xff" + body
    cid = customer_id.encode("utf-8")
    if len(cid) >= 255:
        return None
    return bytes([len(cid)]) + cid + body


def main():
    plans = {
        "create_individual_v2": ("create-individual-v2", lambda b, c: b, ".json"),
        "attach_individual_v2": ("attach-individual-v2", attach_input, ".bin"),
    }
    for target, (kind, encode, ext) in plans.items():
        out = SEEDS / target
        out.mkdir(parents=True, exist_ok=True)
        for old in out.iterdir():
            old.unlink()
        seen = set()
        sources = [("example", ROOT / "examples" / f"{kind}.json")]
        sources += [
            (p.stem, p)
            for p in sorted((ROOT / "tests" / "fixtures" / kind).glob("*.json"))
            if not p.name.endswith(".report.json")
        ]
        for name, path in sources:
            if name == "example":
                data = encode(path.read_bytes(), DOC_CUSTOMER_ID)
            else:
                data = encode(*body_of(path))
            if data is None:
                continue
            digest = hashlib.sha1(data).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            (out / f"{name}{ext}").write_bytes(data)
        print(f"{target}: {len(seen)} seeds", file=sys.stderr)


if __name__ == "__main__":
    main()
