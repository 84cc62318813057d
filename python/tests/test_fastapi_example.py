"""The FastAPI example (examples/fastapi_app.py), in process with FastAPI's TestClient."""

from __future__ import annotations

import json
from typing import Any, Optional

import pytest
from fastapi.testclient import TestClient

from fastapi_app import create_app
from kyc_fixtures import EXAMPLES, FIXTURE_TODAY

CREATE = (EXAMPLES / "create-individual-v2.json").read_text()
ATTACH = (EXAMPLES / "attach-individual-v2.json").read_text()
OWNER = "55bd6b4e-c20a-4cc8-9535-91d5557a67d9"
APPROVED = "11111111-2222-4333-8444-555555555555"
BUSY = "66666666-7777-4888-8999-aaaaaaaaaaaa"


def context(customer_id: Optional[str]) -> dict[str, Any]:
    """Stored customers: OWNER may attach; APPROVED may not (403); BUSY has an attach in flight (409)."""
    customer: dict[str, Any] = json.loads((EXAMPLES / "attach-context.json").read_text())["customer"]
    if customer_id == APPROVED:
        customer["status"] = "APPROVED"
    if customer_id == BUSY:
        customer["attach_in_flight"] = True
    ctx: dict[str, Any] = {"today": FIXTURE_TODAY, "client": {"reliance_enabled": False, "selfie_required": True}}
    if customer_id is not None:
        ctx["customer"] = customer
    return ctx


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app(context))


def test_valid_requests_get_200(client: TestClient) -> None:
    response = client.post("/v2/customers/individual", content=CREATE)
    assert (response.status_code, response.json()) == (200, {"valid": True})
    response = client.post(f"/v2/customers/{OWNER}/individual/attach", content=ATTACH)
    assert (response.status_code, response.json()) == (200, {"valid": True})


def test_invalid_create_gets_422_problem_details(client: TestClient) -> None:
    body = CREATE.replace('"FEMALE"', '"female"').replace('"US-CA"', '"CA"')
    response = client.post("/v2/customers/individual", content=body)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "urn:kyc-rules:problem:validation-failed"
    assert problem["title"] == "Validation failed"
    assert problem["status"] == 422
    assert problem["detail"] == "The request has 2 errors."
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [
        ("#/address/subdivision_code", "unknown_subdivision"),
        ("#/basic_info/gender", "invalid_enum"),
    ]


def test_reliance_for_a_client_without_it_gets_423(client: TestClient) -> None:
    response = client.post("/v2/customers/individual", content=CREATE.replace('"STANDARD"', '"RELIANCE"'))
    assert response.status_code == 423
    assert response.json()["type"] == "urn:kyc-rules:problem:reliance-not-available"


def test_customer_state_gives_403_and_409(client: TestClient) -> None:
    response = client.post(f"/v2/customers/{APPROVED}/individual/attach", content=ATTACH)
    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "customer_not_eligible"
    assert response.json()["errors"][0]["pointer"] == "#"
    response = client.post(f"/v2/customers/{BUSY}/individual/attach", content=ATTACH)
    assert response.status_code == 409
    assert response.json()["type"] == "urn:kyc-rules:problem:conflict"


def test_a_bad_customer_id_and_a_bad_body(client: TestClient) -> None:
    response = client.post("/v2/customers/not-a-uuid/individual/attach", content=ATTACH)
    assert response.status_code == 422
    [uuid] = [e for e in response.json()["errors"] if e["code"] == "invalid_uuid"]
    assert uuid["parameter"] == "customer_id" and "pointer" not in uuid
    response = client.post("/v2/customers/individual", content='{"oops"')
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == "urn:kyc-rules:problem:malformed-request"


def test_duplicate_members_are_seen_in_the_raw_body(client: TestClient) -> None:
    body = CREATE.replace('"verification_type": "STANDARD"', '"verification_type": "STANDARD", "verification_type": "X"')
    response = client.post("/v2/customers/individual", content=body)
    assert response.status_code == 422
    assert [(e["pointer"], e["code"]) for e in response.json()["errors"]] == [("#/verification_type", "duplicate_key")]


def test_the_demo_app_checks_with_todays_date() -> None:
    from fastapi_app import app

    response = TestClient(app).post("/v2/customers/individual", content=CREATE)
    assert (response.status_code, response.json()) == (200, {"valid": True})
