"""Type stub of the native extension (``kyc_rules._native``), re-exported by ``kyc_rules``."""

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, Final, Optional, Union, final

__all__ = [
    "DEFAULT_TYPE_BASE",
    "KINDS",
    "PROBLEM_JSON",
    "Report",
    "Violation",
    "__version__",
    "explain",
    "migrate",
    "rules",
    "validate",
]

__version__: Final[str]
"""The package version: the Rust library's version."""

DEFAULT_TYPE_BASE: Final[str]
"""The default prefix of problem ``type`` URIs: ``urn:kyc-rules:problem:``."""

PROBLEM_JSON: Final[str]
"""The media type of problem details: ``application/problem+json``."""

KINDS: Final[tuple[str, ...]]
"""The request kinds, by wire name: ``create-individual-v2``, ``attach-individual-v2``,
``create-individual-v1``, ``attach-individual-v1``."""

_Body = Union[bytes, bytearray, str, Mapping[str, Any]]
"""A request body: raw JSON (``bytes``, ``bytearray`` or ``str``) or a JSON-serialisable mapping."""

_ContextArg = Union[Mapping[str, Any], str, bytes]
"""A context: the CLI's context document as a mapping or as JSON text."""

_DateArg = Union[datetime.date, str]
"""A date: a ``datetime.date`` or a ``YYYY-MM-DD`` string."""

@final
class Violation:
    """One reason the request would not be accepted (or, for a warning, a likely mistake). Immutable."""

    __hash__: ClassVar[None]  # type: ignore[assignment]

    @property
    def code(self) -> str:
        """The stable code, e.g. ``"duplicate_document_id"`` (``explain(code)`` documents it)."""
    @property
    def severity(self) -> str:
        """``"error"`` or ``"warning"`` (fixed per code)."""
    @property
    def status(self) -> Optional[int]:
        """The HTTP status the provider would answer with; ``None`` for warnings."""
    @property
    def path(self) -> str:
        """RFC 6901 JSON Pointer with the wire names (``""`` is the whole body), or ``/customer_id``."""
    @property
    def location(self) -> str:
        """Where ``path`` points: ``"body"`` or ``"path"`` (a path parameter)."""
    @property
    def message(self) -> str:
        """An English sentence saying what to do. Never contains the submitted value."""
    @property
    def suggestion(self) -> Optional[str]:
        """A derived fix when ``validate(..., suggest=True)`` found one; it may repeat personal data."""
    @property
    def params(self) -> dict[str, str]:
        """The parameters the message was built from (``{"min": "1"}``, ...), never submitted values."""
    def to_dict(self) -> dict[str, Any]:
        """The violation as in the JSON report (``in`` for ``location``; ``suggestion`` when there is one)."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Report:
    """The outcome of a validation. Immutable, so it can be shared between threads."""

    __hash__: ClassVar[None]  # type: ignore[assignment]

    @property
    def valid(self) -> bool:
        """True when the request has no error (warnings allowed)."""
    @property
    def status(self) -> int:
        """200 when valid; else the provider's status (400, 413, 403, 409, 423 or 422)."""
    @property
    def truncated(self) -> bool:
        """Whether violations beyond ``max_violations`` were left out (``valid`` and ``status`` count them)."""
    @property
    def violations(self) -> list[Violation]:
        """The violations in report order (by path, then code): a new list on every access."""
    def to_dict(self) -> dict[str, Any]:
        """The CLI's JSON report, parsed: ``valid``, ``status``, ``violations``, ``truncated``."""
    def to_json(self) -> str:
        """The JSON report, byte for byte what ``kyc-rules check`` prints (pretty, newline-terminated)."""
    def problem_details(self, type_base: str = ...) -> Optional[dict[str, Any]]:
        """The RFC 9457 problem details (``None`` when valid), ``type`` URIs under ``type_base``."""
    def provider_body(self) -> Optional[dict[str, Any]]:
        """The body the provider itself answers with for this report's status (``None`` when valid)."""
    def __eq__(self, other: object, /) -> bool: ...

def validate(
    kind: str,
    body: _Body,
    *,
    context: Optional[_ContextArg] = None,
    customer_id: Optional[str] = None,
    today: Optional[_DateArg] = None,
    suggest: bool = False,
    max_violations: Optional[int] = None,
    max_body_bytes: Optional[int] = None,
    max_array_items: Optional[int] = None,
) -> Report:
    """Validates one request and returns its ``Report``; ``ValueError`` for bad arguments."""

def migrate(
    kind: str,
    body: _Body,
    *,
    context: Optional[_ContextArg] = None,
    today: Optional[_DateArg] = None,
    suggest: bool = False,
    max_violations: Optional[int] = None,
) -> dict[str, Any]:
    """Migrates a V1 request to V2 and validates it: what ``kyc-rules migrate`` prints."""

def rules() -> list[dict[str, Any]]:
    """The rule catalogue, as ``kyc-rules rules`` prints it."""

def explain(code: str) -> str:
    """The Markdown documentation of the rule that emits ``code`` (``kyc-rules explain CODE``)."""
