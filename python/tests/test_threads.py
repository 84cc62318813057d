"""Python threads share the engine: the GIL is released while it runs, and reports are immutable."""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor

import kyc_rules
from kyc_fixtures import Fixture, all_fixtures

REQUESTS = 10_000


def test_four_threads_validating_10000_requests_give_the_same_reports_as_one() -> None:
    fixtures = list(itertools.islice(itertools.cycle(all_fixtures()), REQUESTS))

    def run(f: Fixture) -> str:
        return f.validate().to_json()

    alone = [run(f) for f in fixtures]
    with ThreadPoolExecutor(max_workers=4) as pool:
        shared = list(pool.map(run, fixtures, chunksize=64))
    assert shared == alone
    assert all(r == f.snapshot for r, f in zip(alone, fixtures))


def test_one_report_read_from_many_threads() -> None:
    fixture = next(f for f in all_fixtures() if f.name.endswith("combined_ten_violations"))
    report = fixture.validate()

    def read(_: int) -> str:
        return "".join(v.code + v.path + v.message for v in report.violations) + report.to_json()

    with ThreadPoolExecutor(max_workers=4) as pool:
        seen = set(pool.map(read, range(1_000)))
    assert len(seen) == 1
