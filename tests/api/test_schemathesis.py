"""Property-based run of every operation in the OpenAPI document (schemathesis, through WSGI).

Bounded on purpose (it runs with `make test` and in CI): a few generated requests per operation, valid
and invalid, sent as an admin of the whole city. Every answer must be documented for its operation
(status, content type, headers, body schema) and none may be a 5xx; a request the document calls valid is
never refused for its shape (`schema_valid_request_accepted`). The requests may write (creates, actions);
like every test, the run is rolled back at the end.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

import schemathesis
from flask import Flask
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.support.world import World

# Per operation; ~70 operations. Raise locally to search harder: SCHEMATHESIS_MAX_EXAMPLES is not read on
# purpose, so CI's time stays bounded.
MAX_EXAMPLES = 25
SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    database=None,  # no .hypothesis/ directory in the work tree
    derandomize=True,  # the same requests on every run: a failure here is reproducible, never flaky
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
RATE_LIMIT_HEADERS = ("ratelimit-limit", "ratelimit-remaining", "ratelimit-reset")


def rate_limit_headers_present(ctx: Any, response: Any, case: Any) -> None:
    """Every answer carries the rate-limit standing (Redis is up here); their values are checked against the
    document by response_headers_conformance."""
    missing = [name for name in RATE_LIMIT_HEADERS if response.headers.get(name) is None]
    if missing:
        raise AssertionError(f"{case.operation.label} answered {response.status_code} without {missing}")


# What a schema-valid request may still meet: no such record or not yours (401/403/404), the record's state
# (409/412), a file's content (415: its type is read from its bytes), the rate limit (429), and a rule the
# document names but JSON Schema cannot check (422 with the rule's own code: a credit code's check character,
# a date after today, a duplicate). A 422 `validation_failed` means the document allowed what the request
# schema refuses: the document understates a limit.
SCHEMA_VALID_MAY_MEET = frozenset({401, 403, 404, 409, 412, 415, 429})


def schema_valid_request_accepted(ctx: Any, response: Any, case: Any) -> None:
    """schemathesis' positive_data_acceptance, with the refusals above allowed."""
    meta = getattr(case, "meta", None)
    if meta is None or not meta.generation.mode.is_positive or response.status_code < 400:
        return
    if response.status_code in SCHEMA_VALID_MAY_MEET or response.status_code >= 500:  # 5xx: its own check
        return
    try:
        code = json.loads(response.content).get("code")
    except (ValueError, AttributeError):
        code = None
    if response.status_code == 422 and code not in (None, "validation_failed"):
        return
    raise AssertionError(
        f"{case.operation.label}: a schema-valid request was refused, {response.status_code} {response.content[:500]!r}"
    )


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    rate_limit_headers_present,
    schema_valid_request_accepted,
]
KEYS = itertools.count(1)


def test_every_operation_answers_as_documented(app: Flask, world: World) -> None:
    """One hypothesis run per operation (positive and negative data), failures collected and reported
    together. (schemathesis' pytest loader `from_fixture` does not run under pytest 9, hence the loop.)"""
    api_schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    headers = {"Authorization": f"Bearer {world.tokens['admin@city']}"}
    failures: dict[str, str] = {}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 60

    for operation in operations:
        strategy = st.one_of(
            operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE)
        )

        @given(case=strategy)
        @SETTINGS
        def run(case: Any) -> None:
            positive = case.meta is not None and case.meta.generation.mode.is_positive
            if positive and case.headers and "Idempotency-Key" in case.headers:
                # Its own key per valid request: one key reused for another request is a documented 422.
                case.headers["Idempotency-Key"] = f"fuzz-{next(KEYS)}"
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            run()
        except (Exception, BaseExceptionGroup) as exc:  # reported below, with its operation
            failures[operation.label] = f"{type(exc).__name__}: {exc}"[:3000]
    assert not failures, "\n\n".join(f"{label}\n{text}" for label, text in failures.items())
