"""ETags from row versions. `If-Match` is checked against the version read; the UPDATE itself
carries `WHERE version = …` (version_id_col), so the check-then-write gap cannot lose an update."""

from __future__ import annotations

from typing import Any

from flask import request

from service.errors import ApiError


def _error_response(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": ERROR_REF}}}}


ERROR_REF = "#/components/schemas/Error"
# One or more entity tags, weak or strong, as RFC 9110 spells them; `*` (and a tag named `*`) is left out because
# it is refused with 428. An ETag of ours is `"<table>-<id>-v<version>"`.
_TAG = r'(W/)?"[\x21\x23-\x29\x2b-\x7e]+"'
IF_MATCH_SCHEMA = {"type": "string", "minLength": 3, "maxLength": 1024, "pattern": rf"^{_TAG}( *, *{_TAG})*$"}
STALE = _error_response("If-Match does not match the current version (the resource changed since it was read)")
REQUIRED = _error_response("If-Match header required; `*` is refused too (it names no version)")

IF_MATCH_DOC: dict[str, Any] = {
    "parameters": [
        {
            "in": "header",
            "name": "If-Match",
            "required": True,
            "schema": IF_MATCH_SCHEMA,
            "description": "The ETag from the last read. 428 without it or with `*`, 412 when the resource "
            "changed since.",
        }
    ],
    "responses": {"412": STALE, "428": REQUIRED},
}


def etag_of(row: Any) -> str:
    return f"{row.__tablename__}-{row.id}-v{row.version}"


def headers_for(row: Any) -> dict[str, str]:
    return {"ETag": f'"{etag_of(row)}"'}


STAR_MESSAGE = "If-Match 必须是读取资源时得到的 ETag，不接受 *"


def require_if_match(row: Any) -> None:
    if not request.headers.get("If-Match"):
        raise ApiError(428)
    tags = request.if_match
    # `*` names no version ("whatever it is now"): it would turn the lost-update check off, so it is
    # refused like a missing version.
    if tags.star_tag or "*" in tags.as_set(include_weak=True):  # werkzeug reads `"a", *` as a tag named *
        raise ApiError(428, message=STAR_MESSAGE)
    if not tags.contains_weak(etag_of(row)):
        raise ApiError(412)


def not_modified(row: Any) -> bool:
    return bool(request.if_none_match) and request.if_none_match.contains_weak(etag_of(row))


OPTIONAL_IF_MATCH_DOC: dict[str, Any] = {
    "parameters": [
        {
            "in": "header",
            "name": "If-Match",
            "required": False,
            "schema": IF_MATCH_SCHEMA,
            "description": "Optional ETag: when given, 412 if the resource changed since it was read; `*` is "
            "refused with 428",
        }
    ],
    "responses": {"412": STALE, "428": REQUIRED},
}


def if_match_when_given(row: Any) -> None:
    """For actions (submit, issue…): If-Match is optional, but checked when sent."""
    if request.headers.get("If-Match"):
        require_if_match(row)
