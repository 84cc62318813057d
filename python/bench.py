"""Requests per second: kyc_rules.validate against what a Python user would pick instead.

Two requests: the documented example (examples/create-individual-v2.json, valid) and the
10-violation request (tests/fixtures/create-individual-v2/combined_ten_violations.json). Three
validators, each from the raw bytes:

- ``kyc_rules.validate(kind, body, today=...)``: every rule, the full report;
- ``json.loads`` + ``jsonschema`` (Draft 2020-12, formats checked) on the schema the Rust
  benches use (benches/schema/create-individual-v2.schema.json): ``is_valid`` on the valid
  request, every error (``list(iter_errors(...))``) on the invalid one, as in benches/validate.rs;
- pydantic v2 ``model_validate_json`` on a model with the same members, types, enums (the
  country codes included) and required fields; an invalid request raises ``ValidationError``
  (which pydantic fills with every error it finds).

Medians of 11 samples of about 0.2 s each, the cases taking turns. Run it in the test venv with the two baselines added::

    python/run-tests.sh   # once, for target/python-venv with kyc_rules installed
    target/python-venv/bin/pip install -r python/requirements-bench.txt
    target/python-venv/bin/python python/bench.py
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import threading
import time
import timeit
from pathlib import Path
from functools import partial
from importlib import metadata
from typing import Any, Callable, Literal, Optional

import jsonschema  # type: ignore[import-untyped]
import pydantic

import kyc_rules

REPO = Path(__file__).resolve().parents[1]
KIND = "create-individual-v2"
TODAY = "2026-11-26"
VALID = (REPO / "examples" / "create-individual-v2.json").read_bytes()
FIXTURE = (REPO / "tests" / "fixtures" / KIND / "combined_ten_violations.json").read_text()
INVALID = json.dumps(json.loads(FIXTURE)["body"], ensure_ascii=False, indent=2).encode()
SCHEMA = json.loads((REPO / "benches" / "schema" / f"{KIND}.schema.json").read_text())

# --- pydantic: the members, types, enums and required fields of the request ------------------

Country = Literal.__getitem__(tuple(SCHEMA["$defs"]["CountryCode"]["enum"]))


class TaxInfo(pydantic.BaseModel):
    """One tax_info entry."""

    country_code: Country  # type: ignore[valid-type]
    document_type: str
    document_id: str


class BasicInfo(pydantic.BaseModel):
    """basic_info."""

    first_name: str
    first_name_en: Optional[str] = None
    middle_name: Optional[str] = None
    middle_name_en: Optional[str] = None
    last_name: str
    last_name_en: Optional[str] = None
    dob: str
    email: str
    phone: str
    country_of_residence: Country  # type: ignore[valid-type]
    primary_nationality: Country  # type: ignore[valid-type]
    secondary_nationality: Optional[Country] = None  # type: ignore[valid-type]
    gender: Optional[Literal["MALE", "FEMALE"]] = None
    tax_info: list[TaxInfo]


class Address(pydantic.BaseModel):
    """address."""

    street_line_1: str
    street_line_1_en: Optional[str] = None
    street_line_2: Optional[str] = None
    street_line_2_en: Optional[str] = None
    city: str
    subdivision_code: str
    postal_code: str
    country: Country  # type: ignore[valid-type]


class FinancialProfile(pydantic.BaseModel):
    """financial_profile."""

    employment_status: Literal["EMPLOYED", "SELF_EMPLOYED", "RETIRED", "STUDENT", "UNEMPLOYED"]
    occupation_id: int
    purpose_id: int
    purpose_remarks: Optional[str] = None
    source_of_fund_ids: list[int]
    source_of_funds_description: Optional[str] = None
    monthly_volume_usd: int


class CreateIndividualV2(pydantic.BaseModel):
    """POST /v2/customers/individual."""

    model_config = pydantic.ConfigDict(strict=True)

    verification_type: Literal["STANDARD", "RELIANCE"]
    basic_info: BasicInfo
    address: Address
    financial_profile: FinancialProfile
    meta_data: Optional[dict[str, Any]] = None


# --- the three validators --------------------------------------------------------------------

SCHEMA_VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def with_kyc_rules(body: bytes) -> bool:
    """The engine: every rule, a full report."""
    return kyc_rules.validate(KIND, body, today=TODAY).valid


def with_jsonschema(body: bytes) -> bool:
    """json.loads, then is_valid (a valid request) or every error (an invalid one)."""
    value = json.loads(body)
    if SCHEMA_VALIDATOR.is_valid(value):
        return True
    return not list(SCHEMA_VALIDATOR.iter_errors(value))


def with_pydantic(body: bytes) -> bool:
    """model_validate_json; invalid requests raise ValidationError."""
    try:
        CreateIndividualV2.model_validate_json(body)
        return True
    except pydantic.ValidationError:
        return False


def per_second(cases: dict[tuple[str, str], Callable[[], object]], rounds: int = 11) -> dict[tuple[str, str], float]:
    """The median rate of each case over ``rounds`` samples of about 0.2 s each, the cases taking
    turns in every round, so that a change in the machine's load weighs on them all alike."""
    timers = {key: timeit.Timer(fn) for key, fn in cases.items()}
    numbers = {key: timer.autorange()[0] for key, timer in timers.items()}
    samples: dict[tuple[str, str], list[float]] = {key: [] for key in cases}
    for _ in range(rounds):
        for key, timer in timers.items():
            samples[key].append(numbers[key] / timer.timeit(numbers[key]))
    return {key: statistics.median(rates) for key, rates in samples.items()}


def threaded_per_second(body: bytes, rounds: int = 5, seconds: float = 0.5) -> tuple[float, float]:
    """kyc_rules.validate calls per second from 1 and from 2 Python threads together (medians of
    ``rounds`` runs of ``seconds``, taking turns)."""

    def rate(threads: int) -> float:
        counts = [0] * threads
        stop = time.perf_counter() + seconds

        def work(i: int) -> None:
            while time.perf_counter() < stop:
                for _ in range(10):
                    kyc_rules.validate(KIND, body, today=TODAY)
                counts[i] += 10

        workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
        start = time.perf_counter()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        return sum(counts) / (time.perf_counter() - start)

    runs = [(rate(1), rate(2)) for _ in range(rounds)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def with_tax_ids(n: int) -> bytes:
    """The documented example with ``n`` distinct tax_info entries: a larger valid request."""
    body = json.loads(VALID)
    body["basic_info"]["tax_info"] = [
        {"country_code": "USA", "document_type": "SSN", "document_id": f"123-45-{i + 1:04d}"} for i in range(n)
    ]
    return json.dumps(body, indent=2).encode()


def main() -> None:
    """Checks that every validator sees the same verdicts, then prints the table."""
    for fn in (with_kyc_rules, with_jsonschema, with_pydantic):
        assert fn(VALID) and not fn(INVALID), fn.__name__
    errors = len(list(SCHEMA_VALIDATOR.iter_errors(json.loads(INVALID))))
    try:
        CreateIndividualV2.model_validate_json(INVALID)
    except pydantic.ValidationError as e:
        pydantic_errors = e.error_count()
    report = kyc_rules.validate(KIND, INVALID, today=TODAY)
    print(
        f"kyc_rules {kyc_rules.__version__}, jsonschema {metadata.version('jsonschema')}, "
        f"pydantic {pydantic.VERSION}, Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}"
    )
    print(
        f"violations found in the invalid request: kyc_rules {len(report.violations)}, "
        f"jsonschema {errors}, pydantic {pydantic_errors}"
    )
    print()
    print(f"| requests/s (median) | valid ({len(VALID)} B) | 10 violations ({len(INVALID)} B) |")
    print("|---|---|---|")
    validators = {
        "kyc_rules.validate": with_kyc_rules,
        "json.loads + jsonschema": with_jsonschema,
        "pydantic model_validate_json": with_pydantic,
    }
    bodies = {"valid": VALID, "invalid": INVALID}
    rates = per_second(
        {(name, kind): partial(fn, body) for name, fn in validators.items() for kind, body in bodies.items()}
    )
    for name in validators:
        print(f"| {name} | {rates[name, 'valid']:,.0f} | {rates[name, 'invalid']:,.0f} |")
    print()
    for name in ("json.loads + jsonschema", "pydantic model_validate_json"):
        ratios = [rates["kyc_rules.validate", kind] / rates[name, kind] for kind in bodies]
        print(f"kyc_rules vs {name}: {ratios[0]:.1f}x (valid), {ratios[1]:.1f}x (10 violations)")
    print()
    print("| kyc_rules.validate, requests/s (median) | 1 thread | 2 threads |")
    print("|---|---|---|")
    large = with_tax_ids(100)
    assert with_kyc_rules(large)
    for label, body in (("valid", VALID), ("10 violations", INVALID), ("valid, 100 tax_info entries", large)):
        one, two = threaded_per_second(body)
        print(f"| {label} ({len(body):,} B) | {one:,.0f} | {two:,.0f} ({two / one:.2f}x) |")


if __name__ == "__main__":
    main()
