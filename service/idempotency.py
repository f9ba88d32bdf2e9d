"""`Idempotency-Key` on the API's POSTs: a retry with the same key and body gets the first answer again and
changes nothing twice (decision 0046). Only a request that sends the header pays for it.

The key is claimed (a row in progress, committed) before the view runs; the view's answer is stored right after
it, or the key is released when the request failed with nothing committed or with a 5xx, so that a retry runs.
Persistence: service/operations/idempotency.py."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable
from typing import Any

from flask import Response, current_app, g, request

from service.errors import ApiError
from service.operations import idempotency

log = logging.getLogger(__name__)

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
# The answer's headers a replay must carry; the others (request id, CORS…) belong to each request.
KEPT_HEADERS = ("Content-Type", "Location", "ETag")
_VALID_KEY = re.compile(r"^[\x21-\x7e]{1,255}\Z")
DEFAULT_HOURS = 24.0


def applies() -> bool:
    """A POST to the API that sends the header, from a caller authenticated by a token."""
    actor = g.get("actor")
    return (
        request.method == "POST"
        and request.path.startswith("/api/v1/")
        and HEADER in request.headers
        and actor is not None
        and actor.token_id is not None
    )


def guarded(dispatch: Callable[[], Any]) -> Any:
    """Run the view once per key: claim it, then replay, refuse, or run and keep the answer."""
    if not applies():
        return dispatch()
    key = _valid_key(request.headers[HEADER])
    fingerprint = request_fingerprint()
    found = idempotency.claim(g.actor.token_id, key, fingerprint, _hours())
    g.pop("db_committed", None)  # the claim is not the view's work: a deadlocked view may still run again
    if not isinstance(found, int):
        return _replay(found, key, fingerprint)
    return _run(found, dispatch)


def _run(key_id: int, dispatch: Callable[[], Any]) -> Response:
    try:
        response = current_app.make_response(dispatch())
    except BaseException as exc:
        if not g.get("db_committed") or not isinstance(exc, Exception):
            _release(key_id)
            raise
        # Part of the request was committed before the error (a batch): its answer is what a retry gets.
        response = current_app.make_response(current_app.handle_user_exception(exc))
    if response.status_code >= 500:
        _release(key_id)
        return response
    response.direct_passthrough = False  # a file answer is read into bytes to be kept
    headers = {name: response.headers[name] for name in KEPT_HEADERS if name in response.headers}
    idempotency.answer(key_id, response.status_code, headers, response.get_data())
    return response


def _release(key_id: int) -> None:
    try:
        idempotency.release(key_id)
    except Exception:  # the database itself failed: the key stays in progress until it expires
        log.warning("could not release idempotency key %s", key_id, exc_info=True)


def _replay(found: idempotency.Stored, key: str, fingerprint: str) -> Response:
    if found.fingerprint != fingerprint:
        message = f"Idempotency-Key「{key}」已用于另一个请求（方法、路径或请求体不同），请换一个新的键"
        raise ApiError(422, "idempotency_key_reused", message, errors={"headers": {HEADER: [message]}})
    if found.state != "done" or found.status is None:
        raise ApiError(
            409,
            "idempotency_in_progress",
            f"使用 Idempotency-Key「{key}」的请求仍在处理中，请稍后重试",
            headers={"Retry-After": "1"},
        )
    return Response(found.body, status=found.status, headers={**found.headers, REPLAYED: "true"})


def _valid_key(value: str) -> str:
    if not _VALID_KEY.match(value):
        message = "Idempotency-Key 必须是 1 至 255 个可见 ASCII 字符（不含空格）"
        raise ApiError(400, "invalid_idempotency_key", message, errors={"headers": {HEADER: [message]}})
    return value


def _hours() -> float:
    settings = current_app.config.get("SETTINGS")
    return float(getattr(settings, "idempotency_key_hours", DEFAULT_HOURS))


def request_fingerprint() -> str:
    """SHA-256 of the method, the path with its query, and the body made canonical: JSON with sorted keys
    (spacing and key order do not matter), a form's fields and each file's name and SHA-256."""
    digest = hashlib.sha256()
    digest.update(request.method.encode())
    digest.update(b"\0" + request.path.encode())
    digest.update(b"\0" + json.dumps(sorted(request.args.items(multi=True))).encode())
    digest.update(b"\0" + _canonical_body())
    return digest.hexdigest()


def _canonical_body() -> bytes:
    if request.mimetype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        fields = sorted(request.form.items(multi=True))
        files = sorted((name, f.filename or "", _file_digest(f.stream)) for name, f in request.files.items(multi=True))
        return json.dumps([fields, files], ensure_ascii=False).encode()
    raw = request.get_data(cache=True)
    try:
        parsed = json.loads(raw)
    except (ValueError, RecursionError):
        return raw
    return json.dumps(parsed, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _file_digest(stream: Any) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(65536), b""):
        digest.update(chunk)
    stream.seek(0)  # the view reads the file again
    return digest.hexdigest()
