"""Documentation helpers: every endpoint lists the errors it can answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_smorest import Blueprint

from schemas.common import ErrorSchema

DESCRIPTIONS = {
    400: "Malformed request (e.g. invalid JSON)",
    401: "Missing or invalid token",
    403: "The caller's role may not do this",
    404: "Not found, or outside the caller's jurisdiction",
    409: "Conflicts with the current state or a concurrent change",
    412: "If-Match does not match the current version",
    413: "Request body too large",
    422: "Validation failed; field errors under `errors`",
    428: "If-Match header required",
}


def errors(blp: Blueprint, *statuses: int) -> Callable[[Any], Any]:
    def decorator(fn: Any) -> Any:
        for status in (401, *statuses):
            fn = blp.alt_response(status, schema=ErrorSchema, description=DESCRIPTIONS[status])(fn)
        return fn

    return decorator
