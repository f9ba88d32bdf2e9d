"""The OpenAPI document's account of token scopes and rate limits, on every operation of /api/v1, by one apispec
plugin that runs whenever the paths are built (like the Idempotency-Key plugin in docs.py):

- `x-token-scope`: the one scope the operation requires (service/scopes.py). OpenAPI 3.0 allows scopes in a
  security requirement only for OAuth2 and OpenID Connect schemes; ours is HTTP bearer, hence an extension;
- 403 `insufficient_scope` (with `required_scope`) and 429 `rate_limited` (with `Retry-After`);
- the `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` headers on every answer."""

from __future__ import annotations

from typing import Any

from apispec import APISpec, BasePlugin
from flask import Flask, current_app, has_app_context

from service import scopes

SCOPE_EXTENSION = "x-token-scope"
ERROR_REF = "#/components/schemas/Error"
RATE_HEADERS = {
    "RateLimit-Limit": "Requests allowed in the window of the limit closest to refusing (per token or per client "
    "address; RATE_LIMIT_PER_TOKEN, RATE_LIMIT_PER_ADDRESS). Absent while the counters are unavailable.",
    "RateLimit-Remaining": "Requests left in that window.",
    "RateLimit-Reset": "Seconds until that limit allows more requests again.",
}
RETRY_AFTER = "Retry-After"
TOO_MANY = (
    "`rate_limited`: too many requests from this token or this client address; retry after `Retry-After` seconds "
    "(`detail`: `limit`, `retry_after`, `counted_per` token or address)"
)


def insufficient_scope(scope: str) -> str:
    return f"`insufficient_scope`: the token lacks the scope `{scope}` (named in `required_scope`)"


class TokenLimitsPlugin(BasePlugin):
    """Documents each /api/v1 operation's scope, its 403 and 429, and the rate-limit headers."""

    def __init__(self) -> None:
        self.api: Any = None  # the flask-smorest Api, set by service.api: its app when no app context is pushed

    def init_spec(self, spec: APISpec) -> None:
        self.spec = spec
        header = {"schema": {"type": "integer", "minimum": 0}}
        for name, text in RATE_HEADERS.items():
            spec.components.header(name, {**header, "description": text})
        spec.components.header(
            RETRY_AFTER, {**header, "description": "Seconds to wait before retrying (on 429 and 503)"}
        )

    def _app(self) -> Flask:
        app: Flask = current_app if has_app_context() else self.api._app
        return app

    def operation_helper(
        self, path: str | None = None, operations: dict[str, Any] | None = None, rule: Any = None, **_: Any
    ) -> None:
        if rule is None or not (path or "").startswith("/api/v1/"):
            return
        app = self._app()
        roles = scopes.view_roles(app.view_functions[rule.endpoint])
        for method, operation in (operations or {}).items():
            scope = scopes.required_scope(rule.endpoint, method.upper(), rule.rule, roles)
            operation[SCOPE_EXTENSION] = scope.value
            responses = operation.setdefault("responses", {})
            _describe(responses, "403", insufficient_scope(scope.value))
            _describe(responses, "429", TOO_MANY)
            responses["429"].setdefault("headers", {})[RETRY_AFTER] = {"$ref": f"#/components/headers/{RETRY_AFTER}"}
            for response in responses.values():
                self._add_rate_headers(response)

    def _add_rate_headers(self, response: Any) -> None:
        """On the response itself, or on the shared component a name or a `$ref` points to (flask-smorest's
        UNPROCESSABLE_ENTITY, DEFAULT_ERROR)."""
        if isinstance(response, dict) and "$ref" in response:
            response = response["$ref"].rsplit("/", 1)[-1]
        if isinstance(response, str):
            response = self.spec.components.responses.get(response)
        if isinstance(response, dict):
            headers = response.setdefault("headers", {})
            for name in RATE_HEADERS:
                headers[name] = {"$ref": f"#/components/headers/{name}"}


def _describe(responses: dict[Any, Any], status: str, text: str) -> None:
    known = responses.get(status) or responses.get(int(status))
    if isinstance(known, dict) and "description" in known:
        if text not in known["description"]:
            known["description"] = f"{known['description']}; {text}"
    else:
        responses[status] = {"description": text, "content": {"application/json": {"schema": {"$ref": ERROR_REF}}}}
