"""One error shape for every answer that is not a success:

{"status": 422, "code": "validation_failed", "message": "...", "errors": {"json": {"field": ["..."]}},
 "request_id": "..."}

A rule's refusal may add "detail": {"threshold": 100, "formal_members": 80} (RuleViolation.detail).
"""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy.exc
from flask import Flask, g, jsonify
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from service.db_failures import DATABASE_BUSY, DATABASE_UNAVAILABLE, classify
from workflows.errors import Conflict, RuleViolation

log = logging.getLogger(__name__)

HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    412: "precondition_failed",
    413: "payload_too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    422: "validation_failed",
    428: "precondition_required",
    429: "too_many_requests",
    431: "request_header_fields_too_large",
    500: "internal_error",
    503: "unavailable",
}

# The database could not answer (503, not a 500: nothing is wrong with the request, retrying later works);
# which errors mean that: service/db_failures.py.
DATABASE_MESSAGES = {
    DATABASE_UNAVAILABLE: "数据库暂时无法连接，请稍后重试",
    DATABASE_BUSY: "数据库繁忙，请稍后重试",
}
# Seconds a caller should wait (Retry-After): a lost server takes longer to come back than a busy one.
DATABASE_RETRY_AFTER = {DATABASE_UNAVAILABLE: 5, DATABASE_BUSY: 1}
# What a database that is away or too busy raises, for the API's and the console's handlers (service.db.classify
# tells which): DBAPIError, every error the driver raised; TimeoutError, no pooled connection came free in time.
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlalchemy.exc.DBAPIError, sqlalchemy.exc.TimeoutError)

MESSAGES = {
    400: "请求格式错误",
    401: "未认证或令牌无效",
    403: "无权执行此操作",
    404: "资源不存在",
    405: "不支持的请求方法",
    409: "操作冲突",
    412: "资源已被修改，请刷新后重试",
    413: "请求内容过大",
    414: "请求地址过长（请求行不能超过 8190 字节），请缩短查询条件",
    422: "输入数据校验失败",
    428: "修改资源时必须提供 If-Match 请求头",
    429: "请求过于频繁，请稍后重试",
    431: "请求头过大（每个请求头不能超过 8190 字节）",
    500: "服务器内部错误",
    503: "服务暂时不可用，请稍后重试",
}


class ApiError(Exception):
    """Raised by the HTTP layer and the service layer for answers other than rule violations."""

    def __init__(
        self,
        status: int,
        code: str | None = None,
        message: str | None = None,
        errors: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message or code)
        self.status = status
        self.code = code or HTTP_CODES.get(status, "error")
        self.message = message or MESSAGES.get(status, "")
        self.errors = errors
        self.headers = headers or {}
        # Fields of the answer beside the one shape's (e.g. `required_scope` of a 403 insufficient_scope).
        self.extra = extra or {}


class NotFound(ApiError):
    def __init__(self, message: str = "资源不存在") -> None:
        super().__init__(404, "not_found", message)


class Forbidden(ApiError):
    def __init__(self, message: str = "无权执行此操作") -> None:
        super().__init__(403, "forbidden", message)


def error_body(status: int, code: str, message: str, errors: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if errors:
        body["errors"] = errors
    body["request_id"] = getattr(g, "request_id", None)
    return body


def _respond(
    status: int, code: str, message: str, errors: dict[str, Any] | None = None, headers: dict[str, str] | None = None
) -> ResponseReturnValue:
    return jsonify(error_body(status, code, message, errors)), status, headers or {}


def handle_http_exception(exc: HTTPException) -> ResponseReturnValue:
    status = exc.code or 500
    data = getattr(exc, "data", None) or {}
    errors = data.get("errors") or data.get("messages")
    code = HTTP_CODES.get(status, "error")
    message = data.get("message") or MESSAGES.get(status) or exc.description or ""
    if status == 400 and errors and "json" in errors and isinstance(errors["json"], list):
        code, message = "malformed_json", "请求体不是合法的 JSON"
    headers = dict(data.get("headers") or {})
    valid_methods = getattr(exc, "valid_methods", None)
    if status == 405 and valid_methods:
        headers["Allow"] = ", ".join(valid_methods)
    return _respond(status, code, message, errors, headers)


def handle_api_error(exc: ApiError) -> ResponseReturnValue:
    if exc.extra:
        body = {**error_body(exc.status, exc.code, exc.message, exc.errors), **exc.extra}
        return jsonify(body), exc.status, exc.headers
    return _respond(exc.status, exc.code, exc.message, exc.errors, exc.headers)


def handle_rule_violation(exc: RuleViolation) -> ResponseReturnValue:
    status = 409 if isinstance(exc, Conflict) else 422
    errors = {"json": {exc.field: [exc.message]}} if exc.field else None
    body = error_body(status, exc.code, exc.message, errors)
    if exc.detail:
        # The numbers behind the refusal (thresholds in force), so portals need not parse the message.
        body["detail"] = exc.detail
    return jsonify(body), status


def handle_database_error(exc: Exception) -> ResponseReturnValue:
    """A database that is away or too busy answers 503 with Retry-After; any other database error is a bug."""
    code = classify(exc)
    if code is None:
        return handle_unexpected(exc)
    log.warning("database %s: %s", code, type(exc).__name__, extra={"request_id": getattr(g, "request_id", None)})
    return _respond(503, code, DATABASE_MESSAGES[code], headers={"Retry-After": str(DATABASE_RETRY_AFTER[code])})


def handle_unexpected(exc: Exception) -> ResponseReturnValue:
    if isinstance(exc, HTTPException):
        return handle_http_exception(exc)
    log.exception("unhandled error", extra={"request_id": getattr(g, "request_id", None)})
    return _respond(500, "internal_error", MESSAGES[500])


def register(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(ApiError, handle_api_error)
    app.register_error_handler(RuleViolation, handle_rule_violation)
    for database_error in DATABASE_ERRORS:
        app.register_error_handler(database_error, handle_database_error)
    app.register_error_handler(Exception, handle_unexpected)
