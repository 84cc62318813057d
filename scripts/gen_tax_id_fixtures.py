#!/usr/bin/env python3
"""Writes tests/data/tax_ids/<module>.tsv: python-stdnum's answers for every tax-ID scheme.

Reference: python-stdnum 2.2 (`pip install python-stdnum==2.2`). For each scheme of the
contract (../shared/spec/tax-ids.md; the list below is the same), the file holds:

- at least 200 valid numbers: seeds taken from the module's own docstring examples, then
  new numbers made from them by changing one to three characters and repairing one or two
  positions until the module accepts the result (a search over the reference's answers,
  not an implementation of the scheme);
- each valid number also in python-stdnum's own format() output (when the module has one),
  in lowercase, and with separators put in at random; some with the country's two-letter
  prefix once and twice (modules that strip a prefix strip one), or a separator at an end;
- at least 200 near-misses: a valid number with one character changed, inserted or deleted,
  kept with the module's answer (most are invalid; the file says which).

Every line is `valid <TAB> tin <TAB> compact <TAB> input`: `valid` is 1 or 0 (the module's
`is_valid(input)`), `tin` is 1 when some scheme of the module's country accepts the input
(what `document_type: "TIN"` answers; COUNTRY_SCHEMES below is the contract's table, and for
the USA the SSN is the contract's strict `AAA-GG-SSSS` form, not python-stdnum's), `compact`
is `=` followed by the module's `compact(input)` (or `!` if compact raised; for us.ssn, the
contract's strict SSN and the input as it is). Date-dependent modules see today as TODAY below (the Rust tests pass the
same date as the context's `today`). Deterministic: the random generator is seeded.

Usage: python3 scripts/gen_tax_id_fixtures.py [module ...]
"""

import datetime
import importlib
import pathlib
import random
import re
import sys
import types

import stdnum

TODAY = datetime.date(2026, 12, 1)
VALID_TARGET = 200
INVALID_TARGET = 200

MODULES = """
us.ssn us.itin ca.sin mx.rfc mx.curp br.cpf ar.cuit ar.dni cl.rut co.nit pe.cui pe.ruc ec.ci
ec.ruc py.ruc ve.rif do.cedula gt.nit cr.cpf de.idnr de.stnr fr.nif fr.nir es.nif es.dni es.nie
it.codicefiscale pt.nif nl.bsn be.nn at.tin ch.ssn pl.pesel pl.nip ro.cnp cz.rc sk.rc hr.oib
bg.egn gr.vat gr.amka ie.pps dk.cpr se.personnummer no.fodselsnummer fi.hetu ee.ik lt.asmens
is_.kennitala tr.tckimlik ua.rntrc ru.inn in_.pan in_.aadhaar cn.ric id.nik id.npwp my.nric
th.pin kr.rrn jp.in_ pk.cnic il.idnr vn.mst za.tin za.idnr eg.tn ke.pin gh.tin au.tfn nz.ird
gb.utr
""".split()

# The contract's table (shared/spec/tax-ids.md): each country's schemes, in its order.
COUNTRY_SCHEMES = {
    "USA": ["us.ssn", "us.itin"], "CAN": ["ca.sin"], "MEX": ["mx.rfc", "mx.curp"], "BRA": ["br.cpf"],
    "ARG": ["ar.cuit", "ar.dni"], "CHL": ["cl.rut"], "COL": ["co.nit"], "PER": ["pe.cui", "pe.ruc"],
    "ECU": ["ec.ci", "ec.ruc"], "PRY": ["py.ruc"], "VEN": ["ve.rif"], "DOM": ["do.cedula"], "GTM": ["gt.nit"],
    "CRI": ["cr.cpf"], "DEU": ["de.idnr", "de.stnr"], "FRA": ["fr.nif", "fr.nir"],
    "ESP": ["es.nif", "es.dni", "es.nie"], "ITA": ["it.codicefiscale"], "PRT": ["pt.nif"], "NLD": ["nl.bsn"],
    "BEL": ["be.nn"], "AUT": ["at.tin"], "CHE": ["ch.ssn"], "POL": ["pl.pesel", "pl.nip"], "ROU": ["ro.cnp"],
    "CZE": ["cz.rc"], "SVK": ["sk.rc"], "HRV": ["hr.oib"], "BGR": ["bg.egn"], "GRC": ["gr.vat", "gr.amka"],
    "IRL": ["ie.pps"], "DNK": ["dk.cpr"], "SWE": ["se.personnummer"], "NOR": ["no.fodselsnummer"],
    "FIN": ["fi.hetu"], "EST": ["ee.ik"], "LTU": ["lt.asmens"], "ISL": ["is_.kennitala"], "TUR": ["tr.tckimlik"],
    "UKR": ["ua.rntrc"], "RUS": ["ru.inn"], "IND": ["in_.pan", "in_.aadhaar"], "CHN": ["cn.ric"],
    "IDN": ["id.nik", "id.npwp"], "MYS": ["my.nric"], "THA": ["th.pin"], "KOR": ["kr.rrn"], "JPN": ["jp.in_"],
    "PAK": ["pk.cnic"], "ISR": ["il.idnr"], "VNM": ["vn.mst"], "ZAF": ["za.tin", "za.idnr"], "EGY": ["eg.tn"],
    "KEN": ["ke.pin"], "GHA": ["gh.tin"], "AUS": ["au.tfn"], "NZL": ["nz.ird"], "GBR": ["gb.utr"],
}
COUNTRY_OF = {m: c for c, ms in COUNTRY_SCHEMES.items() for m in ms}


def strict_ssn(s):
    """The contract's US SSN: `AAA-GG-SSSS` digits; area not 000, 666 or 9xx; group not 00;
    serial not 0000 (shared/spec/tax-ids.md, the USA exception)."""
    m = re.fullmatch(r"([0-9]{3})-([0-9]{2})-([0-9]{4})", s)
    return bool(m) and m[1] not in ("000", "666") and m[1][0] != "9" and m[2] != "00" and m[3] != "0000"


def tin_answer(name, s):
    """What `document_type: "TIN"` answers for the module's country: some scheme accepts."""
    for other in COUNTRY_SCHEMES[COUNTRY_OF[name]]:
        if other == "us.ssn":
            if strict_ssn(s):
                return True
        elif answer(load(other), s)[0]:
            return True
    return False


DIGITS = "0123456789"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALPHABET = DIGITS + UPPER
NOISE = DIGITS + UPPER + "abcdefghijklmnopqrstuvwxyz" + " -./"
SEPARATORS = " -./"


class _FixedDate(datetime.date):
    @classmethod
    def today(cls):
        return cls(TODAY.year, TODAY.month, TODAY.day)


_FIXED_DATETIME = types.SimpleNamespace(
    date=_FixedDate, datetime=datetime.datetime, timedelta=datetime.timedelta)


def fix_today():
    """Makes every loaded stdnum module see TODAY as today's date."""
    for name, mod in list(sys.modules.items()):
        if name.startswith("stdnum") and getattr(mod, "datetime", None) is datetime:
            mod.datetime = _FIXED_DATETIME


def load(name):
    mod = importlib.import_module("stdnum." + name)
    fix_today()
    return mod


def answer(mod, s):
    if mod.__name__ == "stdnum.us.ssn":
        # The contract's one exception: the documented form only, never python-stdnum's tolerance.
        return strict_ssn(s), "=" + s
    try:
        valid = bool(mod.is_valid(s))
    except Exception:  # the reference's own failure is a "no"
        valid = False
    try:
        compact = "=" + mod.compact(s)
    except Exception:
        compact = "!"
    return valid, compact


def compact_of(mod, s):
    """The compact form new numbers are made from (the SSN keeps its dashes)."""
    return s if mod.__name__ == "stdnum.us.ssn" else mod.compact(s)


def usable(s):
    return s.isascii() and "\t" not in s and all(" " <= c <= "~" for c in s)


def seeds(mod):
    """The module's docstring examples that it accepts."""
    found = []
    for s in re.findall(r"'([^'\n]*)'", mod.__doc__ or ""):
        if usable(s) and s not in found and answer(mod, s)[0]:
            found.append(s)
    return found


def same_class(c):
    if c in DIGITS:
        return DIGITS
    if c in UPPER:
        return UPPER
    return c


def repair(mod, chars, rng, positions):
    """Tries to make `chars` valid by changing one of `positions` (then two of the last)."""
    for p in positions:
        original = chars[p]
        for c in rng.sample(ALPHABET, len(ALPHABET)):
            chars[p] = c
            s = "".join(chars)
            if answer(mod, s)[0]:
                return s
        chars[p] = original
    if len(chars) >= 2:
        a, b = len(chars) - 2, len(chars) - 1
        for x in DIGITS + UPPER:
            for y in DIGITS + UPPER:
                chars[a], chars[b] = x, y
                s = "".join(chars)
                if answer(mod, s)[0]:
                    return s
    return None


def new_valid(mod, base, rng):
    chars = list(compact_of(mod, base))
    n = len(chars)
    if n == 0:
        return None
    for _ in range(rng.randint(1, 3)):
        p = rng.randrange(n)
        chars[p] = rng.choice(same_class(chars[p]))
    s = "".join(chars)
    if answer(mod, s)[0]:
        return s
    positions = list(range(n - 1, -1, -1))
    return repair(mod, chars, rng, positions)


def near_miss(s, rng):
    op = rng.randrange(3)
    if op == 0 and s:
        p = rng.randrange(len(s))
        return s[:p] + rng.choice(NOISE.replace(s[p], "")) + s[p + 1:]
    if op == 1:
        p = rng.randrange(len(s) + 1)
        return s[:p] + rng.choice(NOISE) + s[p:]
    if s:
        p = rng.randrange(len(s))
        return s[:p] + s[p + 1:]
    return s


def with_separators(s, rng):
    out = []
    for c in s:
        out.append(c)
        if rng.random() < 0.2:
            out.append(rng.choice(SEPARATORS))
    return "".join(out)


def generate(name, out_dir):
    mod = load(name)
    rng = random.Random("kyc-rules tax ids " + name)
    rows = {}

    def add(s):
        if usable(s) and s not in rows:
            rows[s] = answer(mod, s)
            return rows[s][0]
        return False

    base = seeds(mod)
    if not base:
        raise SystemExit(f"{name}: no docstring example is valid; add a seed")
    for s in base:
        add(s)
    valid = [compact_of(mod, s) for s in base]
    attempts = 0
    while len(set(valid)) < VALID_TARGET and attempts < 20 * VALID_TARGET:
        attempts += 1
        s = new_valid(mod, rng.choice(valid), rng)
        if s is not None and s not in valid:
            valid.append(s)
    valid = list(dict.fromkeys(valid))
    if len(valid) < VALID_TARGET:
        raise SystemExit(f"{name}: only {len(valid)} valid numbers found")
    for s in valid:
        add(s)
        if hasattr(mod, "format"):
            try:
                add(mod.format(s))
            except Exception:
                pass
    for s in rng.sample(valid, 50):
        add(s.lower())
        add(with_separators(s, rng))
    # Country prefixes, once and twice (several modules strip one), and a trailing separator.
    prefix = name[:2].upper()
    for s in rng.sample(valid, 20):
        add(prefix + s)
        add(prefix + " " + s)
        add(prefix + prefix + s)
        add(prefix + prefix + " " + s)
        add(s + "-")
        add("-" + s)
    invalid = 0
    attempts = 0
    while invalid < INVALID_TARGET and attempts < 50 * INVALID_TARGET:
        attempts += 1
        src = rng.choice(list(rows))
        if not rows[src][0]:
            continue
        s = near_miss(src, rng)
        if usable(s) and s not in rows:
            add(s)
            invalid += not rows[s][0]
    if invalid < INVALID_TARGET:
        raise SystemExit(f"{name}: only {invalid} invalid near-misses found")
    path = out_dir / f"{name}.tsv"
    with path.open("w") as f:
        f.write(f"# python-stdnum {stdnum.__version__} stdnum.{name}, today {TODAY.isoformat()}; "
                "generated by scripts/gen_tax_id_fixtures.py\n")
        f.write("# valid\ttin\tcompact\tinput\n")
        for s, (ok, compact) in rows.items():
            f.write(f"{int(ok)}\t{int(tin_answer(name, s))}\t{compact}\t{s}\n")
    n_valid = sum(ok for ok, _ in rows.values())
    print(f"{name}: {n_valid} valid, {len(rows) - n_valid} invalid")


def main():
    if stdnum.__version__ != "2.2":
        raise SystemExit(f"python-stdnum 2.2 is the reference; found {stdnum.__version__}")
    out_dir = pathlib.Path(__file__).resolve().parent.parent / "tests" / "data" / "tax_ids"
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in sys.argv[1:] or MODULES:
        generate(name, out_dir)


if __name__ == "__main__":
    main()
