"""Every fixture under tests/fixtures/ gives, through Python, exactly its committed report snapshot,
so that Python and Rust can never drift apart."""

from __future__ import annotations

import json

import pytest

import kyc_rules
from kyc_fixtures import Fixture, all_fixtures

FIXTURES = all_fixtures()


def ids(fixtures: list[Fixture]) -> list[str]:
    """The test IDs: the fixture names (`kind/NAME`)."""
    return [f.name for f in fixtures]


def has_duplicate_keys(body: bytes) -> bool:
    """Whether some object in the JSON body repeats a member (a mapping cannot say that)."""
    found = False

    def pairs(items: list[tuple[str, object]]) -> dict[str, object]:
        nonlocal found
        found = found or len({k for k, _ in items}) != len(items)
        return dict(items)

    json.loads(body, object_pairs_hook=pairs)
    return found


def test_every_kind_has_fixtures() -> None:
    assert len(FIXTURES) > 200
    assert {f.kind for f in FIXTURES} == set(kyc_rules.KINDS)


@pytest.mark.parametrize("fixture", FIXTURES, ids=ids(FIXTURES))
def test_fixture_gives_its_report_snapshot(fixture: Fixture) -> None:
    report = fixture.validate()
    # The snapshots are what `kyc-rules check` prints: compare the bytes, then the parsed JSON.
    assert report.to_json() == fixture.snapshot
    expected = json.loads(fixture.snapshot)
    assert report.to_dict() == expected
    # The attributes say the same as the JSON.
    assert (report.valid, report.status, report.truncated) == (
        expected["valid"],
        expected["status"],
        expected["truncated"],
    )
    assert [v.to_dict() for v in report.violations] == expected["violations"]
    for v, want in zip(report.violations, expected["violations"]):
        got = (v.code, v.severity, v.status, v.path, v.location, v.message, v.suggestion)
        assert got == (
            want["code"],
            want["severity"],
            want["status"],
            want["path"],
            want["in"],
            want["message"],
            want.get("suggestion"),
        )


@pytest.mark.parametrize("fixture", FIXTURES, ids=ids(FIXTURES))
def test_str_bytearray_and_bytes_bodies_give_the_same_report(fixture: Fixture) -> None:
    report = fixture.validate()
    assert fixture.validate(fixture.body.decode()) == report
    assert fixture.validate(bytearray(fixture.body)) == report


# A mapping has no duplicate members, and its serialisation has its own size: leave out the
# fixtures about those, and the bodies that are not JSON objects at all.
MAPPABLE = [
    f
    for f in FIXTURES
    if f.has_parsed_body
    and "max_body_bytes" not in f.options
    and f.body.lstrip().startswith(b"{")
    and not has_duplicate_keys(f.body)
]


def test_most_fixtures_can_be_given_as_mappings() -> None:
    assert len(MAPPABLE) > 0.9 * len(FIXTURES)


@pytest.mark.parametrize("fixture", MAPPABLE, ids=ids(MAPPABLE))
def test_a_mapping_body_gives_the_same_report_as_its_json(fixture: Fixture) -> None:
    assert fixture.validate(json.loads(fixture.body)) == fixture.validate()
