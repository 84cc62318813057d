"""Validates KYC onboarding requests to the provider's Customers API before they are sent.

The engine of the kyc-rules Rust library, with the same rules and reports as its ``kyc-rules``
CLI: ``validate`` returns a ``Report`` with every violation at once (stable code, JSON Pointer,
message, HTTP status); ``migrate`` turns V1 requests into V2; ``rules`` and ``explain`` document
the rules.

>>> import kyc_rules
>>> report = kyc_rules.validate("create-individual-v2", b'{"verification_type": "STANDARD"}', today="2026-11-26")
>>> report.valid, report.status, [v.path for v in report.violations]
(False, 422, ['/address', '/basic_info', '/financial_profile'])
"""

from ._native import (
    DEFAULT_TYPE_BASE,
    KINDS,
    PROBLEM_JSON,
    Report,
    Violation,
    __version__,
    explain,
    migrate,
    rules,
    validate,
)

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
