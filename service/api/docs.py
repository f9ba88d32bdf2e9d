"""Documentation helpers: every endpoint lists the errors it can answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from apispec import APISpec, BasePlugin
from flask import Blueprint as FlaskBlueprint
from flask import Response, send_from_directory
from flask_smorest import Blueprint
from swagger_ui_bundle import swagger_ui_path

from schemas.common import ErrorSchema

DESCRIPTIONS = {
    400: "Malformed request (e.g. invalid JSON)",
    401: "Missing or invalid token",
    403: "The caller's role may not do this",
    404: "Not found, or outside the caller's jurisdiction",
    409: "Conflicts with the current state or a concurrent change",
    412: "If-Match does not match the current version",
    413: "Request body too large",
    415: "Unsupported media type (judged by the content)",
    422: "Validation failed; field errors under `errors`",
    428: "If-Match header required",
    503: "A service it depends on is unavailable; retry later (Retry-After)",
}


def errors(blp: Blueprint, *statuses: int) -> Callable[[Any], Any]:
    def decorator(fn: Any) -> Any:
        for status in (401, *statuses):
            fn = blp.alt_response(status, schema=ErrorSchema, description=DESCRIPTIONS[status])(fn)
        return fn

    return decorator


# Swagger UI's assets come from the `swagger-ui-bundle` wheel and ReDoc's from `service/static/redoc/`, so the
# two documentation pages work on an intranet without Internet access (flask-smorest defaults to a CDN).
SWAGGER_UI_ASSETS = "/api/docs/swagger-ui/"
REDOC_SCRIPT = "/static/redoc/redoc.standalone.js"

assets_bp = FlaskBlueprint("docs_assets", __name__)


@assets_bp.route(SWAGGER_UI_ASSETS + "<path:filename>")
def swagger_ui_asset(filename: str) -> Response:
    return send_from_directory(swagger_ui_path, filename, max_age=86400)


ERROR_REF = "#/components/schemas/Error"  # the marshmallow plugin has run: a reference, not the schema
IDEMPOTENCY_PARAMETER = {
    "in": "header",
    "name": "Idempotency-Key",
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[\\x21-\\x7e]+$"},
    "description": "Optional, 1–255 visible ASCII characters. A retry with the same key and the same request "
    "gets the first answer again (status, body, Content-Type, Location, ETag, plus `Idempotent-Replayed: true`) "
    "and changes nothing twice; the key is kept per token for IDEMPOTENCY_KEY_HOURS (24). 409 "
    "`idempotency_in_progress` while the first request runs; 422 `idempotency_key_reused` for the same key with "
    "another request. A first attempt that failed with a 5xx is not kept: the retry runs.",
}
IDEMPOTENCY_ERRORS = {
    "400": "`invalid_idempotency_key`: the Idempotency-Key is not 1–255 visible ASCII characters",
    "409": "`idempotency_in_progress`: a request with this Idempotency-Key is still running",
    "422": "`idempotency_key_reused`: this Idempotency-Key was used for another request",
}


class IdempotencyKeyPlugin(BasePlugin):
    """Documents `Idempotency-Key` on every POST of the API, whenever the spec's paths are built (at
    registration or later): service/idempotency.py honours it on all of them."""

    def operation_helper(self, path: str | None = None, operations: dict[str, Any] | None = None, **_: Any) -> None:
        post = (operations or {}).get("post")
        if post is None or not (path or "").startswith("/api/v1/"):
            return
        params = post.setdefault("parameters", [])
        if not any(p.get("name") == IDEMPOTENCY_PARAMETER["name"] for p in params if isinstance(p, dict)):
            params.append(dict(IDEMPOTENCY_PARAMETER))
        responses = post.setdefault("responses", {})
        for status, text in IDEMPOTENCY_ERRORS.items():
            known = responses.get(status) or responses.get(int(status))
            if isinstance(known, dict) and "description" in known:
                if text not in known["description"]:
                    known["description"] = f"{known['description']}; {text}"
            elif known is None:
                content = {"application/json": {"schema": {"$ref": ERROR_REF}}}
                responses[status] = {"description": text, "content": content}


class SchemaExtrasPlugin(BasePlugin):
    """Adds a schema's `OPENAPI_EXTRA` (JSON Schema keywords apispec cannot derive from fields, such as the
    alternatives a `@validates_schema` checks) to its component, so the document states the rule."""

    def schema_helper(self, name: str, definition: Any, **kwargs: Any) -> dict[str, Any] | None:
        schema = kwargs.get("schema")
        extra = getattr(schema, "OPENAPI_EXTRA", None)
        return dict(extra) if isinstance(extra, dict) else None


class MultipartFormPlugin(BasePlugin):
    """An upload parses its form fields and its file with two `arguments` (location `form` and `files`), and
    flask-smorest documents only one of them as the request body: the form fields were left as OpenAPI 2's
    `in: formData` parameters, which OpenAPI 3 does not have (a client generator refuses the document). This
    moves them into the multipart body, as one component schema beside the file's (`<FileSchema>Form`)."""

    def init_spec(self, spec: APISpec) -> None:
        self.spec = spec

    def operation_helper(self, path: str | None = None, operations: dict[str, Any] | None = None, **_: Any) -> None:
        for operation in (operations or {}).values():
            if not isinstance(operation, dict):
                continue
            params = operation.get("parameters", [])
            fields = [p for p in params if isinstance(p, dict) and p.get("in") == "formData"]
            media = operation.get("requestBody", {}).get("content", {}).get("multipart/form-data")
            if not fields or media is None:
                continue
            ref = media["schema"]["$ref"]
            name = f"{ref.rsplit('/', 1)[-1]}Form"
            schemas = self.spec.components.schemas
            if name not in schemas:
                files = schemas[ref.rsplit("/", 1)[-1]]
                properties = dict(files["properties"])
                required = list(files.get("required", []))
                for field in fields:
                    properties[field["name"]] = {**field["schema"], "description": field.get("description", "")}
                    if field.get("required"):
                        required.append(field["name"])
                component = {**files, "properties": properties, "required": required}
                self.spec.components.schema(name, component=component)
            media["schema"] = {"$ref": f"#/components/schemas/{name}"}
            operation["parameters"] = [p for p in params if p not in fields]
            if not operation["parameters"]:
                del operation["parameters"]
