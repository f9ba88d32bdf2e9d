"""Documentation helpers: every endpoint lists the errors it can answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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
