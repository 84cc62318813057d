#!/usr/bin/env python3
"""Writes src/tax_id/tables.rs: the facts some tax-ID schemes look up.

Reference: python-stdnum 2.2 (PyPI `python-stdnum`, installed: `pip install python-stdnum==2.2`).
The tables are what the installed package itself answers, not a re-reading of its code:

- AT_OFFICES: the two-digit tax office numbers (Finanzamtsnummern) for which
  `numdb.get('at/fa').info(p)` has data (stdnum/at/fa.dat; at.tin).
- CN_REGIONS: every six-digit address code for which `numdb.get('cn/loc').info(code)` names a
  county (stdnum/cn/loc.dat; cn.ric; all 1,000,000 codes are asked), with the years of birth it
  admits: a county with year brackets (`[1986-]...`, `[-2010]...`, `[1983-2019]...`) admits the
  union of its brackets (merged into disjoint, sorted spans, one row each), any other every year.
- ID_PROVINCES: the first two digits of a NIK for which `numdb.get('id/loc').info(nik[:4])` has
  data in its first part (stdnum/id/loc.dat; id.nik). The script checks that only those two
  digits decide it, over all 10,000 four-digit prefixes.
- MY_BIRTH_PLACES: the two-digit birth-place codes with data in `numdb.get('my/bp')`
  (stdnum/my/bp.dat; my.nric).
- MX_RFC_EXCLUDED, MX_CURP_EXCLUDED, MX_CURP_STATES: the word lists of stdnum.mx.rfc
  (`_name_blacklist`) and stdnum.mx.curp (`_name_blacklist`, `_valid_states`).

All arrays are sorted for binary search. The county year rule is checked against
`stdnum.cn.ric.get_birth_place` itself at every bracket's edges (and year 1 and 9999) for every code.

The output starts with `@generated`, names the sources with their sha256 and is run through
rustfmt (the repository's rustfmt.toml). It is byte-identical from run to run.

Usage: python3 scripts/gen_tax_id_tables.py
"""

from __future__ import annotations

import hashlib
import pathlib
import subprocess
import sys

import stdnum
from stdnum import numdb
from stdnum.cn import ric
from stdnum.exceptions import ValidationError
from stdnum.mx import curp, rfc

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "tax_id" / "tables.rs"
SOURCES = ["at/fa.dat", "cn/loc.dat", "id/loc.dat", "my/bp.dat", "mx/rfc.py", "mx/curp.py"]
FIRST_YEAR, LAST_YEAR = 1, 9999  # the years python's datetime.date knows


def fail(message: str) -> None:
    raise SystemExit(f"gen_tax_id_tables: {message}")


def has_info(db: str, prefix: str) -> bool:
    """The reference's own answer: does the first part of `prefix` carry properties?"""
    return bool(numdb.get(db).info(prefix)[0][1])


def two_digit_codes(db: str) -> list[int]:
    return [n for n in range(100) if has_info(db, f"{n:02d}")]


def id_provinces() -> list[int]:
    known = {p for p in range(10000) if has_info("id/loc", f"{p:04d}")}
    provinces = sorted({p // 100 for p in known})
    if known != {p * 100 + r for p in provinces for r in range(100)}:
        fail("id/loc: a NIK's place no longer depends on its first two digits alone")
    return provinces


def parse_years(county: str) -> list[tuple[int, int]]:
    """The spans of birth years a county list admits (unbracketed: every year)."""
    spans = []
    for part in county.split(","):
        if not part.startswith("["):
            return [(FIRST_YEAR, LAST_YEAR)]
        start, end = part[1:].split("]", 1)[0].split("-")
        spans.append((int(start) if start else FIRST_YEAR, int(end) if end else LAST_YEAR))
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        lo, hi = max(lo, FIRST_YEAR), min(hi, LAST_YEAR)
        if lo > hi:
            continue
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def cn_regions() -> list[tuple[int, int, int]]:
    """(code, first year, last year) for every code that names a county, one row per span."""
    db = numdb.get("cn/loc")
    rows = []
    for code in range(1_000_000):
        props = {k: v for _, p in db.info(f"{code:06d}") for k, v in p.items()}
        if "county" not in props:
            continue
        spans = parse_years(props["county"])
        check_cn_years(code, spans)
        rows.extend((code, lo, hi) for lo, hi in spans)
    return rows


def laid_out(items: list[str], indent: str = "    ", width: int = 120) -> str:
    """Items joined by ", " into lines of at most `width` characters (for #[rustfmt::skip])."""
    lines, line = [], ""
    for item in items:
        candidate = f"{line} {item}," if line else f"{indent}{item},"
        if len(candidate) > width and line:
            lines.append(line)
            candidate = f"{indent}{item},"
        line = candidate
    if line:
        lines.append(line)
    return "\n".join(lines)


def check_cn_years(code: int, spans: list[tuple[int, int]]) -> None:
    """Our spans agree with stdnum.cn.ric.get_birth_place at every edge."""
    probes = {FIRST_YEAR, LAST_YEAR}
    for lo, hi in spans:
        probes |= {lo - 1, lo, hi, hi + 1}
    for year in sorted(y for y in probes if FIRST_YEAR <= y <= LAST_YEAR):
        try:
            ric.get_birth_place(f"{code:06d}{year:04d}01010000")
            theirs = True
        except ValidationError:
            theirs = False
        ours = any(lo <= year <= hi for lo, hi in spans)
        if ours != theirs:
            fail(f"cn/loc {code:06d} year {year}: reference {theirs}, table {ours}")


def words(values, width: int) -> list[str]:
    out = sorted(values)
    if any(len(w) != width or not w.isascii() for w in out):
        fail(f"a word list no longer holds only {width}-letter ASCII words")
    return out


def rust_bytes(name: str, doc: str, items: list[str], width: int) -> str:
    body = ", ".join(f'*b"{w}"' for w in items)
    return f"/// {doc}\npub(crate) static {name}: [[u8; {width}]; {len(items)}] = [{body}];\n"


def rust_ints(name: str, doc: str, ty: str, items: list[int]) -> str:
    body = ", ".join(str(n) for n in items)
    return f"/// {doc}\npub(crate) static {name}: [{ty}; {len(items)}] = [{body}];\n"


def main() -> None:
    if stdnum.__version__ != "2.2":
        fail(f"python-stdnum 2.2 is the reference; found {stdnum.__version__}")
    package = pathlib.Path(stdnum.__file__).resolve().parent
    digests = [(s, hashlib.sha256((package / s).read_bytes()).hexdigest()) for s in SOURCES]

    at_offices = two_digit_codes("at/fa")
    my_places = two_digit_codes("my/bp")
    provinces = id_provinces()
    regions = cn_regions()
    rfc_words = words(rfc._name_blacklist, 4)
    curp_words = words(curp._name_blacklist, 4)
    curp_states = words(curp._valid_states, 2)

    region_rows = laid_out([f"({c}, {lo}, {hi})" for c, lo, hi in regions])
    n_codes = len({c for c, _, _ in regions})
    n_limited = len({c for c, lo, hi in regions if (lo, hi) != (FIRST_YEAR, LAST_YEAR)})
    out = [
        "// @generated by scripts/gen_tax_id_tables.py — do not edit",
        "//",
        '// Source: python-stdnum 2.2 (PyPI python-stdnum), files stdnum/at/fa.dat, stdnum/cn/loc.dat,',
        "//   stdnum/id/loc.dat, stdnum/my/bp.dat and the word lists of stdnum/mx/rfc.py and",
        "//   stdnum/mx/curp.py (LGPL-2.1+; facts only: what the package answers for each code).",
        *(f"// sha256 stdnum/{s}: {d}" for s, d in digests),
        "//",
        "// Every array is sorted, for binary search.",
        "",
        "//! The facts some tax-ID schemes look up: office, region and birth-place codes, and the",
        "//! word lists of Mexican numbers.",
        "",
    ]
    text = "\n".join(out)
    # The inner doc comment (`//!`) may follow plain comments but must precede every item.
    text += "\n".join([
        "",
        rust_ints("AT_OFFICES", f"The {len(at_offices)} Austrian tax office numbers (Finanzamtsnummern).",
                  "u8", at_offices),
        f"/// The {n_codes} Chinese six-digit address codes that name a county, with the years of birth\n"
        "/// each admits: `(code, first year, last year)`, sorted. Counties that existed only for a time\n"
        f"/// ({n_limited} codes) admit the years of their brackets; a code repeats when those years are\n"
        f"/// not one span. `({FIRST_YEAR}, {LAST_YEAR})`: every year.\n"
        "#[rustfmt::skip] // laid out by the generator\n"
        f"pub(crate) static CN_REGIONS: [(u32, u16, u16); {len(regions)}] = [\n{region_rows}\n];\n",
        rust_ints("ID_PROVINCES", f"The {len(provinces)} Indonesian province codes (first two digits of a NIK).",
                  "u8", provinces),
        rust_ints("MY_BIRTH_PLACES", f"The {len(my_places)} Malaysian NRIC birth-place codes.", "u8", my_places),
        rust_bytes("MX_RFC_EXCLUDED", f"The {len(rfc_words)} words an RFC's name part may not be.", rfc_words, 4),
        rust_bytes("MX_CURP_EXCLUDED", f"The {len(curp_words)} words a CURP's name part may not be.", curp_words, 4),
        rust_bytes("MX_CURP_STATES", f"The {len(curp_states)} state codes of a CURP (`NE`: born abroad).",
                   curp_states, 2),
    ])
    OUT.write_text(text)
    subprocess.run(["rustfmt", "--edition", "2021", str(OUT)], check=True, cwd=ROOT)
    print(f"{OUT.relative_to(ROOT)}: {len(at_offices)} offices, {n_codes} cn regions "
          f"({len(regions)} rows), {len(provinces)} id provinces, {len(my_places)} my places, "
          f"{len(rfc_words)}/{len(curp_words)} words, {len(curp_states)} states", file=sys.stderr)


if __name__ == "__main__":
    main()
