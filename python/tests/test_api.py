"""The Python API: arguments and their errors, the report's methods, migrate and the catalogue."""

from __future__ import annotations

import datetime
import doctest
import json
import re
from typing import Any

import pytest

import kyc_rules
from kyc_fixtures import EXAMPLES, FIXTURE_TODAY, FIXTURES, REPO, load

EXAMPLE = (EXAMPLES / "create-individual-v2.json").read_bytes()
TEN = load(FIXTURES / "create-individual-v2" / "combined_ten_violations.json")
ATTACH = (EXAMPLES / "attach-individual-v2.json").read_bytes()
ATTACH_CONTEXT: dict[str, Any] = json.loads((EXAMPLES / "attach-context.json").read_text())
OWNER = "55bd6b4e-c20a-4cc8-9535-91d5557a67d9"


def test_version_is_the_crates() -> None:
    cargo = (REPO / "Cargo.toml").read_text()
    package = cargo[cargo.index("[package]") :]
    match = re.search(r'^version = "([^"]+)"', package, re.MULTILINE)
    assert match is not None
    assert kyc_rules.__version__ == match.group(1)


def test_the_documented_examples_are_valid() -> None:
    report = kyc_rules.validate("create-individual-v2", EXAMPLE, today=FIXTURE_TODAY)
    assert (report.valid, report.status, report.violations, report.truncated) == (True, 200, [], False)
    assert report.to_dict() == {"valid": True, "status": 200, "violations": [], "truncated": False}
    assert report.problem_details() is None
    assert report.provider_body() is None
    attach = kyc_rules.validate(
        "attach-individual-v2", ATTACH, context=ATTACH_CONTEXT, customer_id=OWNER, today=FIXTURE_TODAY
    )
    assert attach.valid, attach.to_json()


def test_bytes_str_bytearray_and_dict_bodies_give_identical_reports() -> None:
    for body in (EXAMPLE, TEN.body):
        reports = [
            kyc_rules.validate("create-individual-v2", b, today=FIXTURE_TODAY, suggest=True)
            for b in (body, body.decode(), bytearray(body), json.loads(body))
        ]
        assert all(r == reports[0] for r in reports)
        assert len({r.to_json() for r in reports}) == 1


def test_unknown_kind_is_a_value_error_with_the_clis_message() -> None:
    with pytest.raises(ValueError) as e:
        kyc_rules.validate("create-individual-v3", EXAMPLE)
    assert str(e.value) == (
        'unknown request kind "create-individual-v3"; known kinds: '
        "create-individual-v2, attach-individual-v2, create-individual-v1, attach-individual-v1"
    )


def test_malformed_contexts_are_value_errors() -> None:
    with pytest.raises(ValueError, match=r"^context is not a valid context: unknown field `todya`"):
        kyc_rules.validate("create-individual-v2", EXAMPLE, context={"todya": "2026-11-26"})
    with pytest.raises(ValueError, match=r"^context is not a valid context: "):
        kyc_rules.validate("create-individual-v2", EXAMPLE, context={"today": "2026-02-30"})
    with pytest.raises(ValueError, match=r"^context is not a valid context: "):
        kyc_rules.validate("create-individual-v2", EXAMPLE, context="{not json")
    with pytest.raises(ValueError, match=r"^context is not a valid context: invalid type"):
        kyc_rules.validate("create-individual-v2", EXAMPLE, context={"client": {"reliance_enabled": "no"}})


def test_bad_dates_are_value_errors_with_the_clis_message() -> None:
    with pytest.raises(ValueError) as e:
        kyc_rules.validate("create-individual-v2", EXAMPLE, today="2026-02-30")
    assert str(e.value) == 'today "2026-02-30": no such calendar date'
    with pytest.raises(ValueError) as e:
        kyc_rules.validate("create-individual-v2", EXAMPLE, today="26/11/2026")
    assert str(e.value) == 'today "26/11/2026": expected a date of the form YYYY-MM-DD'


def test_wrong_types_are_type_errors() -> None:
    with pytest.raises(TypeError, match="datetime.date"):
        kyc_rules.validate("create-individual-v2", EXAMPLE, today=20261126)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        kyc_rules.validate("create-individual-v2", {1, 2})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        kyc_rules.validate(b"create-individual-v2", EXAMPLE)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        kyc_rules.validate("create-individual-v2", EXAMPLE, None)  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="not JSON compliant"):
        kyc_rules.validate("create-individual-v2", {"basic_info": float("nan")})


def test_today_takes_a_date_or_a_string_and_overrides_the_contexts() -> None:
    # The ten-violation request has a 16-year-old: age_out_of_range depends on today.
    def ages(report: kyc_rules.Report) -> int:
        return sum(v.code == "age_out_of_range" for v in report.violations)

    as_text = kyc_rules.validate("create-individual-v2", TEN.body, today="2026-11-26")
    assert ages(as_text) == 1
    assert kyc_rules.validate("create-individual-v2", TEN.body, today=datetime.date(2026, 11, 26)) == as_text
    assert kyc_rules.validate("create-individual-v2", TEN.body, today=datetime.datetime(2026, 11, 26, 23, 59)) == as_text
    from_context = kyc_rules.validate("create-individual-v2", TEN.body, context={"today": "2026-11-26"})
    assert from_context == as_text
    later = kyc_rules.validate("create-individual-v2", TEN.body, context={"today": "2026-11-26"}, today="2040-01-01")
    assert ages(later) == 0
    # Without either, today's UTC date: the example stays valid whatever the day.
    assert kyc_rules.validate("create-individual-v2", EXAMPLE).valid


def test_context_as_a_mapping_or_as_json_text() -> None:
    body = EXAMPLE.replace(b'"STANDARD"', b'"RELIANCE"')
    context = {"today": FIXTURE_TODAY, "client": {"reliance_enabled": False}}
    report = kyc_rules.validate("create-individual-v2", body, context=context)
    assert report.status == 423
    assert kyc_rules.validate("create-individual-v2", body, context=json.dumps(context)) == report
    assert kyc_rules.validate("create-individual-v2", body, context=json.dumps(context).encode()) == report


def test_customer_id_is_checked() -> None:
    report = kyc_rules.validate(
        "attach-individual-v2", ATTACH, context=ATTACH_CONTEXT, customer_id="not-a-uuid", today=FIXTURE_TODAY
    )
    [uuid] = [v for v in report.violations if v.code == "invalid_uuid"]
    assert (uuid.path, uuid.location, uuid.status) == ("/customer_id", "path", 422)


def test_suggestions_are_opt_in_and_never_in_repr() -> None:
    plain = kyc_rules.validate("create-individual-v2", TEN.body, today=FIXTURE_TODAY)
    suggested = kyc_rules.validate("create-individual-v2", TEN.body, today=FIXTURE_TODAY, suggest=True)
    assert all(v.suggestion is None for v in plain.violations)
    with_fix = [v for v in suggested.violations if v.suggestion is not None]
    assert with_fix
    for v in with_fix:
        assert v.suggestion is not None and v.suggestion not in repr(v)
        assert v.to_dict()["suggestion"] == v.suggestion


def test_violation_fields_and_params() -> None:
    report = kyc_rules.validate("create-individual-v2", TEN.body, today=FIXTURE_TODAY)
    assert not report.valid and report.status == 422
    gender = next(v for v in report.violations if v.path == "/basic_info/gender")
    assert (gender.code, gender.severity, gender.status, gender.location) == ("invalid_enum", "error", 422, "body")
    assert gender.params["allowed"] == "MALE, FEMALE"
    assert gender.params is not gender.params  # a copy: the violation never changes
    assert repr(gender) == 'Violation(code="invalid_enum", path="/basic_info/gender", location="body")'
    assert repr(report) == f"Report(valid=False, status=422, violations=<{len(report.violations)} violations>, truncated=False)"


def test_reports_and_violations_are_immutable() -> None:
    report = kyc_rules.validate("create-individual-v2", TEN.body, today=FIXTURE_TODAY)
    with pytest.raises(AttributeError):
        report.valid = True  # type: ignore[misc]
    with pytest.raises(AttributeError):
        report.violations[0].code = "x"  # type: ignore[misc]
    report.violations.clear()  # a new list on every access
    assert report.violations


def test_max_violations_truncates_and_keeps_the_status() -> None:
    full = kyc_rules.validate("create-individual-v2", TEN.body, today=FIXTURE_TODAY)
    short = kyc_rules.validate("create-individual-v2", TEN.body, today=FIXTURE_TODAY, max_violations=3)
    assert short.truncated and not full.truncated
    assert short.violations == full.violations[:3]
    assert (short.valid, short.status) == (full.valid, full.status)
    problem = short.problem_details()
    assert problem is not None and problem["truncated"] is True


def test_input_limits() -> None:
    too_large = kyc_rules.validate("create-individual-v2", EXAMPLE, today=FIXTURE_TODAY, max_body_bytes=100)
    assert [v.code for v in too_large.violations] == ["payload_too_large"]
    assert too_large.status == 413
    body = json.loads(EXAMPLE)
    body["financial_profile"]["source_of_fund_ids"] = [1, 2, 3]
    items = kyc_rules.validate("create-individual-v2", body, today=FIXTURE_TODAY, max_array_items=2)
    assert [v.code for v in items.violations] == ["too_many_items"]


def test_problem_details_and_provider_bodies() -> None:
    body = EXAMPLE.replace(b'"FEMALE"', b'"female"').replace(b'"US-CA"', b'"CA"')
    report = kyc_rules.validate("create-individual-v2", body, today=FIXTURE_TODAY)
    problem = report.problem_details()
    assert problem == {
        "type": "urn:kyc-rules:problem:validation-failed",
        "title": "Validation failed",
        "status": 422,
        "detail": "The request has 2 errors.",
        "errors": [
            {
                "pointer": "#/address/subdivision_code",
                "detail": report.violations[0].message,
                "code": "unknown_subdivision",
            },
            {"pointer": "#/basic_info/gender", "detail": report.violations[1].message, "code": "invalid_enum"},
        ],
    }
    assert list(problem) == ["type", "title", "status", "detail", "errors"]  # the library's member order
    assert kyc_rules.DEFAULT_TYPE_BASE == "urn:kyc-rules:problem:"
    assert kyc_rules.PROBLEM_JSON == "application/problem+json"
    custom = report.problem_details(type_base="https://api.example.com/problems/")
    assert custom is not None and custom["type"] == "https://api.example.com/problems/validation-failed"
    assert report.provider_body() == {
        "message": "Validation failed",
        "errors": [
            {"address.subdivision_code": report.violations[0].message},
            {"basic_info.gender": report.violations[1].message},
        ],
    }
    malformed = kyc_rules.validate("create-individual-v2", b'{"oops"', today=FIXTURE_TODAY)
    assert malformed.provider_body() == {"status": 400, "message": "Malformed request body"}


def test_migrate_gives_the_v2_request_its_notes_and_its_report() -> None:
    v1 = (EXAMPLES / "create-individual-v1.json").read_bytes()
    m = kyc_rules.migrate("create-individual-v1", v1, today=FIXTURE_TODAY)
    assert list(m) == ["request", "notes", "report"]
    assert m["request"]["basic_info"]["primary_nationality"] == "USA"
    assert m["request"]["basic_info"]["tax_info"][0]["document_type"] == "SSN"
    assert [v["path"] for v in m["report"]["violations"]] == ["/financial_profile/employment_status"]
    assert any(n["code"] == "employment_status_required" for n in m["notes"])
    # The report is the V2 validation of the migrated request.
    again = kyc_rules.validate("create-individual-v2", m["request"], today=FIXTURE_TODAY)
    assert again.to_dict() == m["report"]
    assert kyc_rules.migrate("create-individual-v1", json.loads(v1), today=FIXTURE_TODAY) == m

    short = kyc_rules.migrate("create-individual-v1", v1, today=FIXTURE_TODAY, suggest=True, max_violations=0)
    assert (short["report"]["violations"], short["report"]["truncated"], short["report"]["status"]) == ([], True, 422)

    attach = kyc_rules.migrate(
        "attach-individual-v1", (EXAMPLES / "attach-individual-v1.json").read_bytes(), today=FIXTURE_TODAY
    )
    assert attach["customer_id"] == "0ca13984-63f3-45d7-99a7-52b9133f0259"
    assert "customer_id" not in attach["request"]
    assert attach["report"]["valid"] is True


def test_migrate_of_an_unreadable_body_gives_the_v1_report() -> None:
    m = kyc_rules.migrate("create-individual-v1", b"[1, 2", today=FIXTURE_TODAY)
    assert m["request"] is None and m["notes"] == []
    assert m["report"]["status"] == 400
    assert m["report"]["violations"][0]["code"] == "malformed_json"


def test_migrate_takes_only_v1_kinds() -> None:
    with pytest.raises(ValueError) as e:
        kyc_rules.migrate("create-individual-v2", b"{}")
    assert str(e.value) == "migrate takes a V1 request kind, not create-individual-v2"
    with pytest.raises(ValueError, match="unknown request kind"):
        kyc_rules.migrate("v1", b"{}")


def test_the_catalogue_documents_every_code() -> None:
    catalogue = kyc_rules.rules()
    assert len(catalogue) > 30
    names = [r["name"] for r in catalogue]
    assert len(set(names)) == len(names)
    for rule in catalogue:
        assert {"name", "codes", "kinds", "summary", "what", "why", "invalid_example", "valid_example", "source"} <= set(
            rule
        )
        assert set(rule["kinds"]) <= set(kyc_rules.KINDS)
        for code in rule["codes"]:
            assert code["severity"] in ("error", "warning")
            assert (code["status"] is None) == (code["severity"] == "warning")
    codes = {c["code"] for r in catalogue for c in r["codes"]}
    assert {"duplicate_document_id", "invalid_phone", "required", "attach_in_progress"} <= codes
    # docs/rules.md is generated from the same catalogue: every rule has its section there.
    docs = (REPO / "docs" / "rules.md").read_text()
    assert all(f"## {name}\n" in docs for name in names)


def test_explain_prints_the_rules_markdown() -> None:
    text = kyc_rules.explain("duplicate_document_id")
    assert text.startswith("## duplicate_document_id\n\n")
    assert "| `duplicate_document_id` | error | 422 |" in text
    assert "### Example" in text
    for rule in kyc_rules.rules():
        for code in rule["codes"]:
            assert kyc_rules.explain(code["code"]).startswith(f"## {rule['name']}\n")
    with pytest.raises(ValueError) as e:
        kyc_rules.explain("no_such_code")
    assert str(e.value) == 'unknown code "no_such_code"; kyc_rules.rules() lists them'


def test_the_module_is_documented() -> None:
    for obj in (kyc_rules, kyc_rules.validate, kyc_rules.migrate, kyc_rules.rules, kyc_rules.explain):
        assert obj.__doc__, obj
    for cls in (kyc_rules.Report, kyc_rules.Violation):
        assert cls.__doc__
        for name, member in vars(cls).items():
            if not name.startswith("_"):
                assert member.__doc__, f"{cls.__name__}.{name}"


def test_the_package_docstring_example_runs() -> None:
    results = doctest.testmod(kyc_rules)
    assert results.attempted > 0 and results.failed == 0


def test_the_readme_example_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    readme = (REPO / "README.md").read_text()
    section = readme[readme.index("\n## Python\n") :]
    code = section[section.index("```python\n") + len("```python\n") : section.index("```\n", section.index("```python"))]
    monkeypatch.chdir(REPO)
    exec(compile(code, "README.md", "exec"), {})
    assert capsys.readouterr().out == "True 200\n"
