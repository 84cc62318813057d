"""The repository's fixtures (tests/fixtures/<kind>/NAME.json) as the Rust tests read them.

Each fixture holds a request (``body``, kept as its raw JSON text, or ``body_text``), an optional
context, options and ``customer_id``; ``NAME.report.json`` beside it is the report snapshot.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

import kyc_rules

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
EXAMPLES = REPO / "examples"

#: What kyc_rules.validate takes as a body.
Body = Union[bytes, bytearray, str, Mapping[str, Any]]

_WHITESPACE = re.compile(r"[ \t\n\r]*")

#: The date fixtures are written against unless their context says otherwise (tests/fixtures.rs).
FIXTURE_TODAY = "2026-11-26"


@dataclass(frozen=True)
class Fixture:
    """One fixture: what to validate, how, and its snapshot."""

    name: str
    kind: str
    body: bytes
    has_parsed_body: bool
    context: Optional[dict[str, Any]]
    customer_id: Optional[str]
    options: dict[str, Any]
    snapshot: str

    def validate(self, body: Optional[Body] = None) -> kyc_rules.Report:
        """Validates the fixture's body (or ``body``) with its context and options, as tests/fixtures.rs does."""
        context = self.context or {}
        return kyc_rules.validate(
            self.kind,
            self.body if body is None else body,
            context=self.context,
            customer_id=self.customer_id,
            today=None if "today" in context else FIXTURE_TODAY,
            suggest=bool(self.options.get("suggest", False)),
            max_body_bytes=self.options.get("max_body_bytes"),
            max_array_items=self.options.get("max_array_items"),
        )


def raw_members(text: str) -> dict[str, str]:
    """The raw JSON text of each top-level member of an object, exactly as written."""
    decoder = json.JSONDecoder()

    def skip(i: int) -> int:
        match = _WHITESPACE.match(text, i)
        assert match is not None
        return match.end()

    members: dict[str, str] = {}
    i = skip(0)
    assert text[i] == "{", "a fixture is a JSON object"
    i = skip(i + 1)
    while text[i] != "}":
        key, i = decoder.raw_decode(text, i)
        i = skip(i)
        assert isinstance(key, str) and text[i] == ":"
        start = skip(i + 1)
        _, end = decoder.raw_decode(text, start)
        members[key] = text[start:end]
        i = skip(end)
        if text[i] == ",":
            i = skip(i + 1)
    return members


def load(path: Path) -> Fixture:
    """Reads one fixture file and its snapshot."""
    text = path.read_text(encoding="utf-8")
    fixture = json.loads(text)
    if "body" in fixture:
        body = raw_members(text)["body"].encode()
    else:
        body = fixture["body_text"].encode()
    return Fixture(
        name=f"{path.parent.name}/{path.stem}",
        kind=path.parent.name,
        body=body,
        has_parsed_body="body" in fixture,
        context=fixture.get("context"),
        customer_id=fixture.get("customer_id"),
        options=fixture.get("options", {}),
        snapshot=path.with_name(path.stem + ".report.json").read_text(encoding="utf-8"),
    )


def all_fixtures() -> list[Fixture]:
    """Every fixture of every kind, sorted by name."""
    paths = sorted(
        p for kind in kyc_rules.KINDS for p in (FIXTURES / kind).glob("*.json") if not p.name.endswith(".report.json")
    )
    return [load(p) for p in paths]
