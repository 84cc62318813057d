"""A FastAPI server that checks KYC onboarding requests before they reach the provider.

It answers the provider's two V2 routes as the provider would: 200 ``{"valid": true}``, or the
report's status (422, 403, 409, 423, 413 or 400) with an RFC 9457 ``application/problem+json``
body. The Python twin of ``examples/server.rs``.

Run it with ``uvicorn fastapi_app:app`` (from this folder), then::

    curl -s -X POST localhost:8000/v2/customers/individual -d @../../examples/create-individual-v2.json

The context (today's date, the client's settings, the stored customer) comes from a function of
the customer ID: a real server would read the customer from its database.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Optional

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

import kyc_rules

#: Where the server gets the context of a request, from the customer ID of attach requests.
ContextSource = Callable[[Optional[str]], dict[str, Any]]


def create_app(context: ContextSource) -> FastAPI:
    """The app with the two V2 routes, each validating its raw body in the context ``context`` gives."""
    app = FastAPI(title="KYC onboarding, checked by kyc-rules")

    # The routes read the raw body: the engine sees duplicate members and malformed JSON,
    # which a parsed body would hide.
    @app.post("/v2/customers/individual")
    async def create_individual(request: Request) -> Response:
        """POST /v2/customers/individual."""
        report = kyc_rules.validate("create-individual-v2", await request.body(), context=context(None))
        return answer(report)

    @app.post("/v2/customers/{customer_id}/individual/attach")
    async def attach_individual(customer_id: str, request: Request) -> Response:
        """POST /v2/customers/{customer_id}/individual/attach."""
        report = kyc_rules.validate(
            "attach-individual-v2", await request.body(), context=context(customer_id), customer_id=customer_id
        )
        return answer(report)

    return app


def answer(report: kyc_rules.Report) -> Response:
    """200 ``{"valid": true}``, or the report's status with its problem details."""
    problem = report.problem_details()
    if problem is None:
        return JSONResponse({"valid": True})
    return Response(json.dumps(problem), status_code=report.status, media_type=kyc_rules.PROBLEM_JSON)


def demo_context(customer_id: Optional[str]) -> dict[str, Any]:
    """A demo context: no stored customers (so the customer rules are off) and today's UTC date."""
    return {}


app = create_app(demo_context)
