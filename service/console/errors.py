"""Error pages in Chinese for the console: never a stack trace, never JSON. The API keeps its JSON shape."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, g, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from service import errors as api_errors
from service.db_failures import classify
from service.errors import MESSAGES, ApiError
from workflows.errors import Conflict, RuleViolation

log = logging.getLogger(__name__)

TITLES = {
    400: "请求无效",
    401: "请先登录",
    403: "无权访问",
    404: "页面不存在",
    405: "不支持的操作",
    409: "操作冲突",
    412: "内容已被修改",
    413: "提交内容过大",
    422: "无法办理",
    429: "请求过于频繁",
    500: "系统出错",
    503: "服务暂时不可用",
}
HINTS = {
    403: "您的角色不能使用此功能。",
    404: "您要找的内容不存在，或不在您的管辖范围内。",
    409: "他人可能已先办理了此事项，请查看最新状态。",
    500: "请稍后重试；如仍出错，请联系系统管理员并告知请求编号。",
}


def render_error(status: int, message: str | None = None, headers: dict[str, str] | None = None) -> ResponseReturnValue:
    body = render_template(
        "console/error.html",
        status=status,
        title=TITLES.get(status, "出错了"),
        message=message or MESSAGES.get(status, ""),
        hint=HINTS.get(status, ""),
        request_id=g.get("request_id"),
    )
    return body, status, headers or {}


def _api_error(exc: ApiError) -> ResponseReturnValue:
    return render_error(exc.status, exc.message, exc.headers)


def _rule(exc: RuleViolation) -> ResponseReturnValue:
    return render_error(409 if isinstance(exc, Conflict) else 422, exc.message)


def _http(exc: HTTPException) -> ResponseReturnValue:
    return render_error(exc.code or 500, None, {})


def _database(exc: Exception) -> ResponseReturnValue:
    code = classify(exc)
    if code is None:
        return _unexpected(exc)
    return render_error(
        503, api_errors.DATABASE_MESSAGES[code], {"Retry-After": str(api_errors.DATABASE_RETRY_AFTER[code])}
    )


def _unexpected(exc: Exception) -> ResponseReturnValue:
    if isinstance(exc, HTTPException):
        return _http(exc)
    log.exception("unhandled console error", extra={"request_id": g.get("request_id")})
    return render_error(500)


def is_console_path(path: str) -> bool:
    return not (path.startswith("/api/") or path == "/api" or path.startswith("/static/"))


def register_blueprint(bp: Any) -> None:
    bp.register_error_handler(ApiError, _api_error)
    bp.register_error_handler(RuleViolation, _rule)
    bp.register_error_handler(HTTPException, _http)
    for database_error in api_errors.DATABASE_ERRORS:
        bp.register_error_handler(database_error, _database)
    bp.register_error_handler(Exception, _unexpected)


def register_app(app: Flask) -> None:
    # Routing errors (an unknown page) have no blueprint: HTML for console paths, the API's JSON elsewhere.
    def _routing(exc: HTTPException) -> ResponseReturnValue:
        if is_console_path(request.path):
            return _http(exc)
        return api_errors.handle_http_exception(exc)

    app.register_error_handler(HTTPException, _routing)
